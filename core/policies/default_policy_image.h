// default_policy_image.h — the default policy (carers-in-bedfordshire.json) as a compiled image
// (postcheck/policy_image.h), embedded in the WebAssembly module in place of the JSON: reading it
// skips JSON parsing and validation at start-up. Made at build time by tools/policy_image.
#pragma once

#include <string_view>

namespace postcheck {

// The bytes of write_policy_image(parse_policy(carers-in-bedfordshire.json)), as built.
std::string_view default_policy_image();

}  // namespace postcheck
