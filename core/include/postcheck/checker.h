// checker.h — a compiled policy that checks posts.
// Two phases: Checker::compile(policy) builds one lexicon trie for all terms of all rules and
// resolves recognizers, once; check() is const, thread-compatible and linear in the text (the
// constant bounded by the longest term, which a loaded policy keeps under kMaxTermBytes).
// Contract: findings are sorted by position (then severity, highest first); overlapping findings of
// one category are merged into one (the most severe rule's text, the union of the spans).
// No I/O, no globals, no std::regex.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "postcheck/finding.h"
#include "postcheck/lexicon.h"
#include "postcheck/policy.h"
#include "postcheck/text.h"

namespace postcheck {

class Checker {
 public:
  // Compiles a validated policy (from parse_policy). Cheap to move.
  explicit Checker(Policy policy);
  // A checker from a policy and the lexicon another checker compiled from the same policy (lexicon(),
  // saved and loaded: see policy_image.h), which then need not be compiled again; the term lists of
  // `policy` are not read and may be empty. nullopt when the lexicon has owners the policy's term
  // lists do not account for (a lexicon of another policy; one of a policy with the same number of
  // term lists is not detected, and checks by the other policy's terms).
  static std::optional<Checker> with_lexicon(Policy policy, Lexicon lexicon);
  ~Checker();
  Checker(Checker&&) noexcept;
  Checker& operator=(Checker&&) noexcept;

  std::vector<Finding> check(std::string_view utf8, const Context& context) const;
  std::vector<Finding> check(std::u16string_view utf16, const Context& context) const;
  std::vector<Finding> check(const Text& text, const Context& context) const;
  // The same findings, in the same order, by reference to the policy's rules (finding.h).
  std::vector<FindingSpan> check_spans(std::string_view utf8, const Context& context) const;

  const Policy& policy() const;
  // Every term of the policy compiled into one lexicon, each owned by the number of its term list.
  const Lexicon& lexicon() const;

 private:
  struct Impl;
  explicit Checker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace postcheck
