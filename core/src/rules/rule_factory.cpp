// rule_factory.cpp — builds the evaluator for a rule's kind, and the shared CheckState queries.
#include <algorithm>

#include "rules/rule_kind.h"

namespace postcheck::rules {

std::vector<Hit> CheckState::hits(const CompiledSet& set) const {
  std::vector<Hit> out;
  for (std::uint32_t atom : set.atoms) {
    const auto& h = atom_hits[atom];
    out.insert(out.end(), h.begin(), h.end());
  }
  std::sort(out.begin(), out.end(),
            [](Hit a, Hit b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](Hit a, Hit b) { return a.begin == b.begin && a.end == b.end; }),
            out.end());
  return out;
}

bool CheckState::any(const CompiledSet& set) const {
  return std::any_of(set.atoms.begin(), set.atoms.end(),
                     [&](std::uint32_t atom) { return !atom_hits[atom].empty(); });
}

std::size_t CheckState::distance(Hit a, Hit b) const {
  if (a.begin > b.begin) std::swap(a, b);
  if (b.begin <= a.end) return 0;
  return text.words_between(a.end, b.begin);
}

NearIndex::NearIndex(const CheckState& state, std::vector<Hit> hits) : state_(state), hits_(std::move(hits)) {
  words_before_.reserve(hits_.size());
  for (Hit h : hits_) {
    const std::size_t before = state_.text.words_between(0, h.begin);
    words_before_.push_back(before);
    longest_ = std::max(longest_, state_.text.words_between(0, h.end) - before);
  }
}

std::pair<std::size_t, std::size_t> NearIndex::candidates(Hit span, std::size_t window) const {
  // words_between(x, y) >= W(y) - W(x) - 1, where W(p) = words_between(0, p) (at most one token
  // straddles x). So a hit after the span within the window has W(begin) <= W(span.end) + window + 1,
  // and one before it has W(end) >= W(span.begin) - window - 1, where W(end) <= W(begin) + longest + 1.
  const std::size_t text_words_to_end = state_.text.words_between(0, span.end);
  const std::size_t text_words_to_begin = state_.text.words_between(0, span.begin);
  const std::size_t hi = text_words_to_end + window + 1;
  const std::size_t reach = window + longest_ + 2;
  const std::size_t lo = text_words_to_begin > reach ? text_words_to_begin - reach : 0;
  const auto first = std::lower_bound(words_before_.begin(), words_before_.end(), lo);
  const auto last = std::upper_bound(first, words_before_.end(), hi);
  return {static_cast<std::size_t>(first - words_before_.begin()), static_cast<std::size_t>(last - words_before_.begin())};
}

bool NearIndex::any_within(Hit span, std::size_t window) const {
  const auto [first, last] = candidates(span, window);
  for (std::size_t i = first; i < last; ++i) {
    if (state_.distance(span, hits_[i]) <= window) return true;
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
