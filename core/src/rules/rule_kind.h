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
// Sets with the same atoms share one id (given by the checker), so their hits are gathered, sorted
// and indexed once per check however many rules read them.
struct CompiledSet {
  std::vector<std::uint32_t> atoms;  // indices into CheckState::atom_hits
  std::uint32_t id = 0;              // index into CheckState's per-set cache, < the checker's set count
  bool empty() const { return atoms.empty(); }
};

class CheckState;

// The hits of a set, sorted by begin, indexed so that the hits within N words of a span are found
// without looking at all of them (proximity and context windows stay linear on long posts).
class NearIndex {
 public:
  // `hits` sorted by begin; must outlive the index (CheckState::near_index keeps both).
  NearIndex(const CheckState& state, const std::vector<Hit>& hits);
  const std::vector<Hit>& hits() const { return *hits_; }
  bool empty() const { return hits_->empty(); }
  // [first, last) of hits() that may lie within `window` words of `span`; a superset of those with
  // state.distance(span, hit) <= window, in begin order.
  std::pair<std::size_t, std::size_t> candidates(Hit span, std::size_t window) const;
  // The same, given W(span.begin) and W(span.end), W(p) = text.words_before(p) (no search needed
  // for a span that is itself a hit of an index: see words_before_begin/end).
  std::pair<std::size_t, std::size_t> candidates(std::size_t w_begin, std::size_t w_end,
                                                 std::size_t window) const;
  // Whether some hit lies within `window` words of `span`.
  bool any_within(Hit span, std::size_t window) const;
  // W(begin) and W(end) of hit i.
  std::size_t words_before_begin(std::size_t i) const { return words_before_[i]; }
  std::size_t words_before_end(std::size_t i) const { return words_to_end_[i]; }

 private:
  const CheckState* state_;
  const std::vector<Hit>* hits_;
  std::vector<std::uint32_t> words_before_;  // per hit: word tokens wholly before its begin
  std::vector<std::uint32_t> words_to_end_;  // per hit: word tokens wholly before its end
  std::size_t longest_ = 0;                  // most word tokens any hit spans
};

// Everything about one post that rules read. Built once per check by the checker; the checker fills
// atom_hits and recognized first, then rules only read (the per-set cache fills itself on first use,
// so atom_hits must not change after the first hits() or near_index() call).
class CheckState {
 public:
  CheckState(const Text& t, std::size_t atom_count, std::size_t set_count);

  const Text& text;
  std::vector<std::vector<Hit>> atom_hits;                  // per atom, in text order
  std::vector<std::vector<RecognizerMatch>> recognized;     // per RecognizerKind index

  // All hits of a set, sorted by begin (then end), without duplicates. Computed once per set and
  // check; the reference stays valid for the life of the state.
  const std::vector<Hit>& hits(const CompiledSet& set) const;
  // The hits of a set indexed by words (computed once per set and check, like hits()).
  const NearIndex& near_index(const CompiledSet& set) const;
  bool any(const CompiledSet& set) const;
  // Words strictly between two spans (0 when they overlap or touch). O(log n).
  std::size_t distance(Hit a, Hit b) const;

 private:
  struct SetCache {
    bool sorted = false;
    std::vector<Hit> hits;
    std::unique_ptr<NearIndex> near;
  };
  mutable std::vector<SetCache> sets_;
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
