// rule_kind.h — what every rule kind sees while a post is checked, and the one factory that builds
// a rule evaluator from a typed Rule. One source file per kind (lexicon_rule.cpp, recognizer_rule.cpp,
// proximity_rule.cpp, absence_rule.cpp, context_rule.cpp); the checker calls them all the same way.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "postcheck/finding.h"
#include "postcheck/policy.h"
#include "postcheck/recognizers.h"
#include "postcheck/text.h"

namespace postcheck::rules {

// A span of original code points [begin, end).
struct Hit {
  std::uint32_t begin;
  std::uint32_t end;
};

// A compiled matcher set: the atoms (lexicon owners and recognizer kinds) whose hits it unites.
struct CompiledSet {
  std::vector<std::uint32_t> atoms;  // indices into CheckState::atom_hits
  bool empty() const { return atoms.empty(); }
};

// Everything about one post that rules read. Built once per check by the checker.
struct CheckState {
  const Text& text;
  std::vector<std::vector<Hit>> atom_hits;                  // per atom, in text order
  std::vector<std::vector<RecognizerMatch>> recognized;     // per RecognizerKind index

  // All hits of a set, sorted by begin.
  std::vector<Hit> hits(const CompiledSet& set) const;
  bool any(const CompiledSet& set) const;
  // Words strictly between two spans (0 when they overlap or touch).
  std::size_t distance(Hit a, Hit b) const;
};

// The hits of a set, sorted by begin, indexed so that the hits within N words of a span are found
// without looking at all of them (proximity and context windows stay linear on long posts).
class NearIndex {
 public:
  NearIndex(const CheckState& state, std::vector<Hit> hits);
  const std::vector<Hit>& hits() const { return hits_; }
  bool empty() const { return hits_.empty(); }
  // [first, last) of hits() that may lie within `window` words of `span`; a superset of those with
  // state.distance(span, hit) <= window, in begin order.
  std::pair<std::size_t, std::size_t> candidates(Hit span, std::size_t window) const;
  // Whether some hit lies within `window` words of `span`.
  bool any_within(Hit span, std::size_t window) const;

 private:
  const CheckState& state_;
  std::vector<Hit> hits_;
  std::vector<std::size_t> words_before_;  // per hit: word tokens wholly before its begin
  std::size_t longest_ = 0;                // most word tokens any hit spans
};

// Where a rule wants a finding: the span, and (for masks) nothing else — the checker fills in the rest.
struct Candidate {
  Hit span;
};

// The compiled sets a rule uses, resolved by the checker against its atom table.
struct RuleSets {
  CompiledSet match, near, require, forbid, unless, exceptions;
};

class RuleEvaluator {
 public:
  virtual ~RuleEvaluator() = default;
  // Appends the spans this rule flags in the post. Context filters and `unless` are applied by the caller.
  virtual void evaluate(const CheckState& state, std::vector<Candidate>& out) const = 0;
};

// The factory: one evaluator per rule kind.
std::unique_ptr<RuleEvaluator> make_rule_evaluator(const Rule& rule, RuleSets sets);

// Per-kind constructors (one file each).
std::unique_ptr<RuleEvaluator> make_lexicon_rule(const Rule& rule, RuleSets sets);
std::unique_ptr<RuleEvaluator> make_recognizer_rule(const Rule& rule, RuleSets sets);
std::unique_ptr<RuleEvaluator> make_proximity_rule(const Rule& rule, RuleSets sets);
std::unique_ptr<RuleEvaluator> make_absence_rule(const Rule& rule, RuleSets sets);
std::unique_ptr<RuleEvaluator> make_context_rule(const Rule& rule, RuleSets sets);

}  // namespace postcheck::rules
