// checker.h — a compiled policy that checks posts.
// Two phases: Checker::compile(policy) builds one lexicon trie for all terms of all rules and
// resolves recognizers, once; check() is const, thread-compatible and linear in the text (the
// constant bounded by the longest term, which a loaded policy keeps under kMaxTermBytes).
// Contract: findings are sorted by position (then severity, highest first); overlapping findings of
// one category are merged into one (the most severe rule's text, the union of the spans).
// No I/O, no globals, no std::regex.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "postcheck/finding.h"
#include "postcheck/policy.h"
#include "postcheck/text.h"

namespace postcheck {

class Checker {
 public:
  // Compiles a validated policy (from parse_policy). Cheap to move.
  explicit Checker(Policy policy);
  ~Checker();
  Checker(Checker&&) noexcept;
  Checker& operator=(Checker&&) noexcept;

  std::vector<Finding> check(std::string_view utf8, const Context& context) const;
  std::vector<Finding> check(std::u16string_view utf16, const Context& context) const;
  std::vector<Finding> check(const Text& text, const Context& context) const;

  const Policy& policy() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace postcheck
