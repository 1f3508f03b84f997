// lexicon_rule.cpp — a term of the rule occurs, and is not inside one of the rule's exceptions.
#include "rules/rule_kind.h"

namespace postcheck::rules {
namespace {

class LexiconRule final : public RuleEvaluator {
 public:
  explicit LexiconRule(RuleSets sets) : sets_(std::move(sets)) {}
  void evaluate(const CheckState& state, std::vector<Candidate>& out) const override {
    const auto& exceptions = state.hits(sets_.exceptions);
    for (Hit h : state.hits(sets_.match)) {
      bool excepted = false;
      for (Hit e : exceptions) {
        if (e.begin <= h.begin && h.end <= e.end) { excepted = true; break; }
      }
      if (!excepted) out.push_back({h});
    }
  }

 private:
  RuleSets sets_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_lexicon_rule(const Rule&, RuleSets sets) {
  return std::make_unique<LexiconRule>(std::move(sets));
}

}  // namespace postcheck::rules
