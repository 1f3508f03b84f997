// default_policy.h — the default policy (carers-in-bedfordshire.json) compiled into the program, so the
// CLI and the WebAssembly module work with no file beside them.
#pragma once

#include <string_view>

namespace postcheck {

// The JSON text of core/policies/carers-in-bedfordshire.json, as built.
std::string_view default_policy_json();

}  // namespace postcheck
