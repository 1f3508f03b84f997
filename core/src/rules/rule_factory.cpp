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
