// names.cpp — the policy-file spelling of each enum in finding.h and policy.h. The loader reads names
// back by searching these same functions, so a spelling lives in exactly one place.
#include "postcheck/finding.h"
#include "postcheck/policy.h"

namespace postcheck {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warn: return "warn";
    case Severity::block: return "block";
  }
  return "?";
}

std::string_view account_name(Account account) {
  switch (account) {
    case Account::personal: return "personal";
    case Account::charity: return "charity";
  }
  return "?";
}

std::string_view suggestion_action_name(Suggestion::Action action) {
  switch (action) {
    case Suggestion::Action::replace: return "replace";
    case Suggestion::Action::remove: return "remove";
    case Suggestion::Action::append: return "append";
  }
  return "?";
}

std::string_view rule_kind_name(RuleKind kind) {
  switch (kind) {
    case RuleKind::lexicon: return "lexicon";
    case RuleKind::recognizer: return "recognizer";
    case RuleKind::proximity: return "proximity";
    case RuleKind::absence: return "absence";
    case RuleKind::context: return "context";
  }
  return "?";
}

}  // namespace postcheck
