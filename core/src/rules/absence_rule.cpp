// absence_rule.cpp — something of set A is present and nothing of set B anywhere in the post
// (e.g. a stance about the charity with no "views my own").
#include "rules/rule_kind.h"

namespace postcheck::rules {
namespace {

class AbsenceRule final : public RuleEvaluator {
 public:
  explicit AbsenceRule(RuleSets sets) : sets_(std::move(sets)) {}
  void evaluate(const CheckState& state, std::vector<Candidate>& out) const override {
    if (state.any(sets_.near)) return;
    for (Hit h : state.hits(sets_.match)) out.push_back({h});
  }

 private:
  RuleSets sets_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_absence_rule(const Rule&, RuleSets sets) {
  return std::make_unique<AbsenceRule>(std::move(sets));
}

}  // namespace postcheck::rules
