// fuzz_policy_loader.cpp — libFuzzer target: parse_policy() on arbitrary bytes (JSON-shaped ones come
// from the seeds in corpus/policy_loader and the field names in policy.dict).
// parse_policy must never throw and must either return a policy and no errors, or errors with a
// documented code and a sane position; tightened limits must refuse with policy.too-large. A policy that
// loads is compiled into a Checker and run over a few posts, whose findings must be consistent.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "invariants.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"

namespace {

constexpr std::string_view kCodes[] = {
    "json.syntax",    "field.unknown",  "field.missing",  "field.type",       "field.empty",
    "value.severity", "value.category", "value.kind",     "value.recognizer", "value.account",
    "value.action",   "value.format",   "value.vocabulary", "value.term",     "value.range",
    "rule.duplicate-id", "policy.too-large"};

void check_result(const postcheck::PolicyLoadResult& r, std::string_view json) {
  FUZZ_CHECK(r.policy.has_value() == r.errors.empty(), "policy %s with %zu errors",
             r.policy ? "set" : "unset", r.errors.size());
  std::size_t lines = 1;
  for (char c : json) lines += c == '\n';
  for (const auto& e : r.errors) {
    bool known = false;
    for (auto code : kCodes) known = known || code == e.code;
    FUZZ_CHECK(known, "undocumented error code '%s'", e.code.c_str());
    FUZZ_CHECK(e.line >= 0 && e.column >= 0 && static_cast<std::size_t>(e.line) <= lines,
               "%s placed at %d:%d in a document of %zu lines", e.code.c_str(), e.line, e.column, lines);
    FUZZ_CHECK(!e.message.empty(), "%s has no message", e.code.c_str());
    FUZZ_CHECK(e.path.empty() || e.path[0] == '/', "%s path '%s' is not a JSON pointer", e.code.c_str(), e.path.c_str());
    FUZZ_CHECK(!e.to_string().empty(), "empty to_string()");
  }
  if (!r.errors.empty() && (r.errors[0].code == "json.syntax" || r.errors[0].code == "policy.too-large")) {
    FUZZ_CHECK(r.errors.size() == 1, "%s came with %zu other errors", r.errors[0].code.c_str(), r.errors.size() - 1);
  }
}

// How deeply lists and objects nest, skipping strings (written apart from the loader's own pre-scan).
std::size_t nesting_depth(std::string_view json) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::size_t term_count(const postcheck::Policy& p) {
  std::size_t n = 0;
  for (const auto& [name, v] : p.vocabularies) n += v.terms.size() + v.exceptions.size();
  for (const auto& r : p.rules) {
    for (const auto* set : {&r.match, &r.near, &r.require, &r.forbid, &r.unless}) n += set->terms.size();
    n += r.exceptions.size();
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  postcheck::PolicyLoadResult loaded = postcheck::parse_policy(json);
  check_result(loaded, json);

  // Tight limits: anything over them is refused with the one policy.too-large error, never parsed on.
  postcheck::PolicyLimits tight;
  tight.max_bytes = 512;
  tight.max_depth = 4;
  tight.max_terms = 3;
  const postcheck::PolicyLoadResult limited = postcheck::parse_policy(json, tight);
  check_result(limited, json);
  if (size > tight.max_bytes) {
    FUZZ_CHECK(limited.errors.size() == 1 && limited.errors[0].code == "policy.too-large",
               "%zu bytes over a 512-byte limit gave %s", size,
               limited.errors.empty() ? "no error" : limited.errors[0].code.c_str());
  }
  if (limited.policy) {
    FUZZ_CHECK(loaded.policy.has_value(), "loads under tight limits but not under the defaults");
    FUZZ_CHECK(nesting_depth(json) <= tight.max_depth, "nested %zu deep, loaded under a limit of %zu",
               nesting_depth(json), tight.max_depth);
    FUZZ_CHECK(term_count(*limited.policy) <= tight.max_terms, "%zu terms loaded under a limit of %zu",
               term_count(*limited.policy), tight.max_terms);
  }

  if (!loaded.policy) return 0;
  fuzz::check_sample_posts(postcheck::Checker(std::move(*loaded.policy)));
  return 0;
}
