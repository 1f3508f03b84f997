// proximity_rule.cpp — something of set A within N words of something of set B (in one sentence unless
// told otherwise). One finding per A hit, spanning it and its nearest B hit.
#include "rules/rule_kind.h"

namespace postcheck::rules {
namespace {

class ProximityRule final : public RuleEvaluator {
 public:
  ProximityRule(const Rule& rule, RuleSets sets)
      : window_(rule.window), same_sentence_(rule.same_sentence), sets_(std::move(sets)) {}

  void evaluate(const CheckState& state, std::vector<Candidate>& out) const override {
    if (!state.any(sets_.match) || !state.any(sets_.near)) return;
    const NearIndex& as = state.near_index(sets_.match);
    const NearIndex& near = state.near_index(sets_.near);
    std::size_t cursor = 0;  // as's hits come in order of begin: see candidates_in_order()
    for (std::size_t k = 0; k < as.hits().size(); ++k) {
      const Hit a = as.hits()[k];
      bool found = false;
      Hit best{};
      std::size_t best_distance = 0;
      const auto [first, last] = near.candidates_in_order(cursor, as.words_before_begin(k), as.words_before_end(k), window_);
      for (std::size_t i = first; i < last; ++i) {
        const Hit b = near.hits()[i];
        if (b.begin == a.begin && b.end == a.end) continue;
        const std::size_t d = as.distance(k, near, i);
        if (d > window_) continue;
        const std::uint32_t lo = std::min(a.begin, b.begin), hi = std::max(a.end, b.end);
        if (same_sentence_ && state.text.crosses_sentence(lo, hi)) continue;
        if (!found || d < best_distance) { found = true; best = b; best_distance = d; }
      }
      if (found) out.push_back({{std::min(a.begin, best.begin), std::max(a.end, best.end)}});
    }
  }

 private:
  std::uint32_t window_;
  bool same_sentence_;
  RuleSets sets_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_proximity_rule(const Rule& rule, RuleSets sets) {
  return std::make_unique<ProximityRule>(rule, std::move(sets));
}

}  // namespace postcheck::rules
