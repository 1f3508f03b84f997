// rule_factory.cpp — builds the evaluator for a rule's kind, and the shared per-check structures: AtomHits,
// CheckState's per-set cache and NearIndex (built by one walk over the text's word-like tokens).
#include <algorithm>
#include <cassert>
#include <memory>

#include "rules/rule_kind.h"

namespace postcheck::rules {

namespace {

bool before(Hit a, Hit b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; }
bool same(Hit a, Hit b) { return a.begin == b.begin && a.end == b.end; }

// Sorts `hits` by begin (then end) unless it is already, and drops duplicates; returns the new end.
Hit* sort_unique(Hit* first, Hit* last) {
  if (!std::is_sorted(first, last, before)) std::sort(first, last, before);
  return std::unique(first, last, same);
}

}  // namespace

void AtomHits::place() {
  std::uint32_t total = 0;
  for (Range& r : ranges_) {
    const std::uint32_t n = r.end;
    r.begin = r.end = total;
    total += n;
  }
  hits_.resize(total);
}

void AtomHits::finish() {
  for (Range& r : ranges_) {
    if (r.end - r.begin < 2) continue;
    Hit* first = hits_.data() + r.begin;
    r.end = static_cast<std::uint32_t>(sort_unique(first, hits_.data() + r.end) - hits_.data());
  }
}

CheckState::CheckState(const Text& t, std::size_t atom_count, std::size_t set_count)
    : text(t), atom_hits(atom_count), recognized(kRecognizerCount), sets_(set_count) {}

std::span<const Hit> CheckState::hits(const CompiledSet& set) const {
  SetCache& cache = sets_[set.id];
  if (cache.computed) return cache.hits;
  cache.computed = true;
  // The atoms with hits: with one (the usual case) the set reads its hits, already sorted.
  std::size_t with_hits = 0, total = 0;
  std::uint32_t only = 0;
  for (std::uint32_t atom : set.atoms) {
    const std::size_t n = atom_hits[atom].size();
    if (n == 0) continue;
    ++with_hits;
    total += n;
    only = atom;
  }
  if (with_hits == 0) return cache.hits;
  if (with_hits == 1) return cache.hits = atom_hits[only];
  std::vector<Hit>& out = cache.merged;
  out.reserve(total);
  for (std::uint32_t atom : set.atoms) {
    const auto h = atom_hits[atom];
    out.insert(out.end(), h.begin(), h.end());
  }
  out.resize(static_cast<std::size_t>(sort_unique(out.data(), out.data() + out.size()) - out.data()));
  return cache.hits = out;
}

const NearIndex& CheckState::near_index(const CompiledSet& set) const {
  const std::span<const Hit> sorted = hits(set);
  SetCache& cache = sets_[set.id];
  if (!cache.near) cache.near.emplace(*this, sorted);
  return *cache.near;
}

bool CheckState::any(const CompiledSet& set) const {
  return std::any_of(set.atoms.begin(), set.atoms.end(), [&](std::uint32_t atom) { return !atom_hits.empty(atom); });
}

std::size_t CheckState::distance(Hit a, Hit b) const {
  if (a.begin > b.begin) std::swap(a, b);
  if (b.begin <= a.end) return 0;
  return text.words_between(a.end, b.begin);
}

namespace {

// How far ahead (in word-like tokens) the walk below goes one by one before it searches instead:
// walking costs a few instructions a word, a search about 100.
constexpr std::size_t kWalkWords = 32;

}  // namespace

// W(p) = text.words_before(p), the word-like tokens ending at or before p. The hits are sorted by
// begin, so one walk over the text's word-like tokens gives W(begin) of each (searching only across
// long gaps), and W(end) takes the few words a hit covers, with no search at all.
NearIndex::NearIndex(const CheckState& state, std::span<const Hit> hits) : state_(&state), hits_(hits) {
  const std::vector<WordSpan>& words = state.text.words();
  const std::size_t n = words.size();
  std::size_t w = 0;  // the first word ending after the current hit's begin: W(begin)
  words_.reserve(hits.size());
  for (Hit h : hits) {
    if (w + kWalkWords < n && words[w + kWalkWords].end <= h.begin) {
      w = static_cast<std::size_t>(std::upper_bound(words.begin() + static_cast<std::ptrdiff_t>(w + kWalkWords),
                                                    words.end(), h.begin,
                                                    [](std::uint32_t v, const WordSpan& k) { return v < k.end; }) -
                                   words.begin());
    } else {
      while (w < n && words[w].end <= h.begin) ++w;
    }
    std::size_t u = w;
    while (u < n && words[u].end <= h.end) ++u;
    // words[u] is the first word ending after h.end: the one h.end cuts, if it begins before it.
    const bool end_cut = u < n && words[u].begin < h.end;
    assert(w == state.text.words_before(h.begin) && u == state.text.words_before(h.end));
    words_.push_back({static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(u), end_cut});
    longest_ = std::max<std::size_t>(longest_, u - w);
  }
}

std::pair<std::size_t, std::size_t> NearIndex::candidates(Hit span, std::size_t window) const {
  return candidates(state_->text.words_before(span.begin), state_->text.words_before(span.end), window);
}

// words_between(x, y) >= W(y) - W(x) - 1, where W(p) = words_between(0, p) (at most one token
// straddles x). So a hit after the span within the window has W(begin) <= W(span.end) + window + 1,
// and one before it has W(end) >= W(span.begin) - window - 1, where W(end) <= W(begin) + longest + 1.
// The candidates are the hits with lowest_begin(w_begin) <= W(begin) <= highest_begin(w_end).
std::pair<std::size_t, std::size_t> NearIndex::candidates(std::size_t w_begin, std::size_t w_end,
                                                          std::size_t window) const {
  const std::size_t lo = lowest_begin(w_begin, window), hi = w_end + window + 1;
  const auto first = std::lower_bound(words_.begin(), words_.end(), lo,
                                      [](const Words& w, std::size_t v) { return w.before_begin < v; });
  const auto last = std::upper_bound(first, words_.end(), hi,
                                     [](std::size_t v, const Words& w) { return v < w.before_begin; });
  return {static_cast<std::size_t>(first - words_.begin()), static_cast<std::size_t>(last - words_.begin())};
}

std::pair<std::size_t, std::size_t> NearIndex::candidates_in_order(std::size_t& cursor, std::size_t w_begin,
                                                                   std::size_t w_end, std::size_t window) const {
  // lowest_begin() does not decrease from call to call, so the first candidate only moves forward.
  const std::size_t lo = lowest_begin(w_begin, window), hi = w_end + window + 1;
  while (cursor < words_.size() && words_[cursor].before_begin < lo) ++cursor;
  std::size_t last = cursor;
  while (last < words_.size() && words_[last].before_begin <= hi) ++last;
  return {cursor, last};
}

// Text::words_between(x_end, y_begin) = W(y_begin) - W(x_end), less the word token x_end cuts
// (which is not wholly inside), and 0 when that is negative.
std::size_t NearIndex::gap(const Words& x, std::uint32_t x_end, const Words& y, std::uint32_t y_begin) {
  if (y_begin <= x_end) return 0;
  const std::uint32_t from = x.before_end + (x.end_cut ? 1 : 0);
  return y.before_begin > from ? y.before_begin - from : 0;
}

std::size_t NearIndex::distance(std::size_t i, const NearIndex& other, std::size_t j) const {
  const Hit a = hits_[i], b = other.hits_[j];
  const std::size_t d = a.begin <= b.begin ? gap(words_[i], a.end, other.words_[j], b.begin)
                                           : gap(other.words_[j], b.end, words_[i], a.begin);
  assert(d == state_->distance(a, b));
  return d;
}

bool NearIndex::any_within(Hit span, std::size_t window) const {
  const auto [first, last] = candidates(span, window);
  for (std::size_t i = first; i < last; ++i) {
    if (state_->distance(span, hits_[i]) <= window) return true;
  }
  return false;
}

std::unique_ptr<RuleEvaluator> make_rule_evaluator(const Rule& rule, RuleSets sets) {
  switch (rule.kind) {
    case RuleKind::lexicon: return make_lexicon_rule(rule, std::move(sets));
    case RuleKind::recognizer: return make_recognizer_rule(rule, std::move(sets));
    case RuleKind::proximity: return make_proximity_rule(rule, std::move(sets));
    case RuleKind::absence: return make_absence_rule(rule, std::move(sets));
    case RuleKind::context: return make_context_rule(rule, std::move(sets));
  }
  return nullptr;
}

}  // namespace postcheck::rules
