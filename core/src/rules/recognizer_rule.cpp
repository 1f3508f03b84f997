// recognizer_rule.cpp — a recognizer's validated match whose value is not allowed, with optional
// context: something of `require` within `window` words, nothing of `forbid` within `window` words.
#include <algorithm>
#include <string>

#include "rules/rule_kind.h"

namespace postcheck::rules {
namespace {

// Allowlist entries: canonical values, or "*@domain" for every address at a domain.
struct Allowlist {
  std::vector<std::string> values;
  std::vector<std::string> email_domains;  // "@carersinbeds.org.uk"

  bool allows(const RecognizerMatch& m) const {
    if (std::find(values.begin(), values.end(), m.value) != values.end()) return true;
    for (const auto& d : email_domains) {
      if (m.value.size() > d.size() && m.value.compare(m.value.size() - d.size(), d.size(), d) == 0) return true;
    }
    return false;
  }
};

class RecognizerRule final : public RuleEvaluator {
 public:
  RecognizerRule(const Rule& rule, RuleSets sets) : kind_(*rule.recognizer), window_(rule.window), sets_(std::move(sets)) {
    for (const auto& entry : rule.allow) {
      if (entry.size() > 2 && entry[0] == '*' && entry[1] == '@') {
        std::string domain = entry.substr(1);
        std::transform(domain.begin(), domain.end(), domain.begin(),
                       [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
        allow_.email_domains.push_back(std::move(domain));
      } else {
        allow_.values.push_back(canonical_value(kind_, entry));
      }
    }
  }

  void evaluate(const CheckState& state, std::vector<Candidate>& out) const override {
    const auto& matches = state.recognized[static_cast<std::size_t>(kind_)];
    if (matches.empty()) return;
    for (const auto& m : matches) {
      if (allow_.allows(m)) continue;
      const Hit h{m.begin, m.end};
      if (!sets_.require.empty() && !state.near_index(sets_.require).any_within(h, window_)) continue;
      if (!sets_.forbid.empty() && state.any(sets_.forbid) &&
          state.near_index(sets_.forbid).any_within(h, window_))
        continue;
      out.push_back({h});
    }
  }

 private:
  RecognizerKind kind_;
  std::uint32_t window_;
  RuleSets sets_;
  Allowlist allow_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_recognizer_rule(const Rule& rule, RuleSets sets) {
  return std::make_unique<RecognizerRule>(rule, std::move(sets));
}

}  // namespace postcheck::rules
