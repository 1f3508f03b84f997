// policy_image.h — a compiled policy (a Checker) as compact bytes, and back.
// The WebAssembly module embeds the default policy in this form, made at build time from the JSON by
// the native loader and compiler (tools/policy_image), so that start-up neither parses and validates
// JSON nor normalises terms and builds the lexicon: reading an image is one linear pass over it. The
// JSON file stays the one source; an image is a build output.
// An image holds the policy without its term lists (without_term_lists()) and, in their place, the
// lexicon compiled from them (Lexicon::save()).
// Contract: write_policy_image() is deterministic; the checker read_policy_image(write_policy_image(c))
// gives checks exactly as `c` does, its policy() is without_term_lists(c.policy()), and it writes the
// same image again. read_policy_image() never throws and never reads out of bounds: bytes that are
// truncated, corrupt or of another image format give one PolicyError with code "policy.image" (no
// path, line 0) and no checker. It checks what the checker relies on (enum values, windows,
// categories, a recognizer for each recognizer rule, vocabulary references, a lexicon whose owners
// are the policy's term lists) but is meant for images this build made, not as a second policy
// format. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postcheck/checker.h"
#include "postcheck/policy.h"

namespace postcheck {

// The image format's version: bumped whenever the layout (or Policy, or the lexicon's saved form)
// changes, so an image from another build is refused instead of misread.
inline constexpr unsigned kPolicyImageVersion = 2;

// `policy` with every term list emptied (vocabularies' terms and exceptions, the terms of each rule's
// matcher sets, rules' exceptions): what an image keeps of a policy.
Policy without_term_lists(Policy policy);

// Bytes for `checker` (its policy as parse_policy() returned it). Linear in the policy's size.
std::string write_policy_image(const Checker& checker);

struct PolicyImageLoadResult {
  std::optional<Checker> checker;   // set iff errors is empty
  std::vector<PolicyError> errors;  // at most one, "policy.image"
};

// The checker in `bytes`, or a "policy.image" error. Linear in bytes.size().
PolicyImageLoadResult read_policy_image(std::string_view bytes);

}  // namespace postcheck
