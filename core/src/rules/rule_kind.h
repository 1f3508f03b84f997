// rule_kind.h — what every rule kind sees while a post is checked, and the one factory that builds
// a rule evaluator from a typed Rule. One source file per kind (lexicon_rule.cpp, recognizer_rule.cpp,
// proximity_rule.cpp, absence_rule.cpp, context_rule.cpp); the checker calls them all the same way.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
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
  NearIndex(const CheckState& state, std::span<const Hit> hits);
  std::span<const Hit> hits() const { return hits_; }
  bool empty() const { return hits_.empty(); }
  // [first, last) of hits() that may lie within `window` words of `span`; a superset of those with
  // state.distance(span, hit) <= window, in begin order.
  std::pair<std::size_t, std::size_t> candidates(Hit span, std::size_t window) const;
  // The same, given W(span.begin) and W(span.end), W(p) = text.words_before(p) (no search needed
  // for a span that is itself a hit of an index: see words_before_begin/end).
  std::pair<std::size_t, std::size_t> candidates(std::size_t w_begin, std::size_t w_end,
                                                 std::size_t window) const;
  // The same for spans visited in order of W(begin) (the hits of another index, in order): the first
  // candidate is found by moving `cursor` (0 before the first call) forward, the last by looking at
  // the candidates themselves, so a sweep over n spans costs O(n + hits + candidates), no search.
  std::pair<std::size_t, std::size_t> candidates_in_order(std::size_t& cursor, std::size_t w_begin,
                                                          std::size_t w_end, std::size_t window) const;
  // Whether some hit lies within `window` words of `span`.
  bool any_within(Hit span, std::size_t window) const;
  // W(begin) and W(end) of hit i.
  std::size_t words_before_begin(std::size_t i) const { return words_[i].before_begin; }
  std::size_t words_before_end(std::size_t i) const { return words_[i].before_end; }
  // state.distance(hits()[i], other.hits()[j]), from the words counted for both: no search.
  std::size_t distance(std::size_t i, const NearIndex& other, std::size_t j) const;

 private:
  struct Words {
    std::uint32_t before_begin;  // word tokens wholly before the hit's begin
    std::uint32_t before_end;    // word tokens wholly before its end
    bool end_cut;                // a word token starts before the hit's end and ends after it
  };
  // Words strictly between x (the span x_end ends) and a later span y beginning at y_begin.
  static std::size_t gap(const Words& x, std::uint32_t x_end, const Words& y, std::uint32_t y_begin);
  // The least W(begin) of a hit that may lie within `window` words of a span starting at W = w_begin.
  std::size_t lowest_begin(std::size_t w_begin, std::size_t window) const {
    const std::size_t reach = window + longest_ + 2;
    return w_begin > reach ? w_begin - reach : 0;
  }

  const CheckState* state_;
  std::span<const Hit> hits_;
  std::vector<Words> words_;  // per hit (one allocation per index)
  std::size_t longest_ = 0;   // most word tokens any hit spans
};

// Every atom's hits in one array, grouped by atom: one allocation for the hits of all atoms rather
// than a growing vector per atom. Filled in two passes by the checker: count() each hit's atom, then
// place(), then add() each hit again in the same order; finish() then sorts each atom's hits by begin
// (then end) and drops duplicates, so that a set of one atom reads them as they are.
class AtomHits {
 public:
  explicit AtomHits(std::size_t atom_count) : ranges_(atom_count) {}
  void count(std::uint32_t atom, std::uint32_t hits = 1) { ranges_[atom].end += hits; }
  void place();
  void add(std::uint32_t atom, Hit h) { hits_[ranges_[atom].end++] = h; }
  // Drops the hits of `atom` for which keep(hit) is false (order kept).
  template <typename Keep>
  void keep_if(std::uint32_t atom, Keep keep) {
    Range& r = ranges_[atom];
    std::uint32_t out = r.begin;
    for (std::uint32_t i = r.begin; i < r.end; ++i) {
      if (keep(hits_[i])) hits_[out++] = hits_[i];
    }
    r.end = out;
  }
  void finish();

  std::span<const Hit> operator[](std::uint32_t atom) const {
    const Range r = ranges_[atom];
    return {hits_.data() + r.begin, hits_.data() + r.end};
  }
  bool empty(std::uint32_t atom) const { return ranges_[atom].begin == ranges_[atom].end; }

 private:
  struct Range {
    std::uint32_t begin = 0, end = 0;  // while counting, end is the count
  };
  std::vector<Range> ranges_;
  std::vector<Hit> hits_;
};

// Everything about one post that rules read. Built once per check by the checker; the checker fills
// atom_hits and recognized first, then rules only read (the per-set cache fills itself on first use,
// so atom_hits must not change after the first hits() or near_index() call).
class CheckState {
 public:
  CheckState(const Text& t, std::size_t atom_count, std::size_t set_count);

  const Text& text;
  AtomHits atom_hits;                                       // per atom, in text order
  std::vector<std::vector<RecognizerMatch>> recognized;     // per RecognizerKind index

  // All hits of a set, sorted by begin (then end), without duplicates. Computed once per set and
  // check (a set with hits of one atom only reads that atom's, and allocates nothing); the span
  // stays valid for the life of the state.
  std::span<const Hit> hits(const CompiledSet& set) const;
  // The hits of a set indexed by words (computed once per set and check, like hits()).
  const NearIndex& near_index(const CompiledSet& set) const;
  bool any(const CompiledSet& set) const;
  // Words strictly between two spans (0 when they overlap or touch). O(log n).
  std::size_t distance(Hit a, Hit b) const;

 private:
  struct SetCache {
    bool computed = false;         // `hits` is filled in
    std::span<const Hit> hits;     // into atom_hits, or into `merged`
    std::vector<Hit> merged;       // the hits of a set whose hits come from two atoms or more
    std::optional<NearIndex> near;
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
