// context_rule.cpp — fires on any non-blank post in the rule's context (e.g. the charity's account
// used by someone who is not an authorised user, clause 4a). The finding spans the post without its
// leading and trailing white space.
#include "rules/rule_kind.h"

namespace postcheck::rules {
namespace {

bool is_blank(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x200B || c == 0xFEFF ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

class ContextRule final : public RuleEvaluator {
 public:
  void evaluate(const CheckState& state, std::vector<Candidate>& out) const override {
    const auto& chars = state.text.chars();
    std::uint32_t b = 0, e = static_cast<std::uint32_t>(chars.size());
    while (b < e && is_blank(chars[b])) ++b;
    while (e > b && is_blank(chars[e - 1])) --e;
    if (b < e) out.push_back({{b, e}});
  }
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_context_rule(const Rule&, RuleSets) {
  return std::make_unique<ContextRule>();
}

}  // namespace postcheck::rules
