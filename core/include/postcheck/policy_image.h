// policy_image.h — a validated Policy as compact bytes, and back.
// The WebAssembly module embeds the default policy in this form, made at build time from the JSON by
// the native loader (tools/policy_image), so that start-up skips JSON parsing and validation, the
// largest part of a cold start. The JSON file stays the one source; an image is a build output.
// Contract: write_policy_image() is deterministic; read_policy_image(write_policy_image(p)) == p.
// read_policy_image() never throws and never reads out of bounds: bytes that are truncated, corrupt or
// of another image format give one PolicyError with code "policy.image" (no path, line 0) and no
// policy. It checks what the checker relies on (enum values, windows, categories, a recognizer for
// each recognizer rule, vocabulary references) but is meant for images this build made, not as a second policy format. No I/O.
#pragma once

#include <string>
#include <string_view>

#include "postcheck/policy.h"

namespace postcheck {

// The image format's version: bumped whenever the layout (or Policy) changes, so an image from
// another build is refused instead of misread.
inline constexpr unsigned kPolicyImageVersion = 1;

// Bytes for `policy` (as parse_policy() returned it). Linear in the policy's size.
std::string write_policy_image(const Policy& policy);

// The policy in `bytes`, or a "policy.image" error. Linear in bytes.size().
PolicyLoadResult read_policy_image(std::string_view bytes);

}  // namespace postcheck
