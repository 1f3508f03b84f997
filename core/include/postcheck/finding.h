// finding.h — what a check reports, and the context a post is written in.
// Plain values only: no JSON types, no references into the policy or the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace postcheck {

enum class Severity : std::uint8_t { info, warn, block };
enum class Account : std::uint8_t { personal, charity };

std::string_view severity_name(Severity);  // "info" | "warn" | "block"
std::string_view account_name(Account);    // "personal" | "charity"

// Who is posting where. authorised: the poster is an authorised user of the charity's accounts (clause 4a).
struct Context {
  Account account = Account::personal;
  bool authorised = false;
};

// What a Fix does. The core resolves it to concrete text, so callers only apply it.
//   replace: replace the finding's excerpt with `text` (also used for masking: "f***")
//   remove:  delete the excerpt (`text` is empty)
//   append:  add `text` at the end of the post (e.g. " (Views my own.)")
struct Suggestion {
  enum class Action : std::uint8_t { replace, remove, append };
  Action action = Action::replace;
  std::string text;
  friend bool operator==(const Suggestion&, const Suggestion&) = default;
};
std::string_view suggestion_action_name(Suggestion::Action);

struct Finding {
  std::string rule;      // rule id
  std::uint32_t rule_index = 0;  // the rule's place in Policy::rules (callers may keep a table of rules)
  std::string category;  // one of the eight categories
  Severity severity = Severity::warn;
  std::string clause;    // policy clause, e.g. "4c"
  std::string message;   // what was found and why it breaches the clause
  std::string advice;    // what to do instead
  std::optional<Suggestion> suggestion;
  std::string excerpt;   // the original text at [start, end)
  // The span in the original text, end exclusive, in three units.
  std::uint32_t cp_start = 0, cp_end = 0;        // code points
  std::uint32_t byte_start = 0, byte_end = 0;    // UTF-8 bytes
  std::uint32_t u16_start = 0, u16_end = 0;      // UTF-16 code units (JavaScript string indexes)
};

// A finding by reference: its rule by place in Policy::rules, its span, and where its fix comes from.
// Checker::check() makes a Finding of each by copying the rule's texts and the excerpt; a caller that
// keeps its own table of the rules (the WebAssembly engine) asks for these instead and copies nothing.
struct FindingSpan {
  enum class Fix : std::uint8_t {
    none,  // no suggestion
    rule,  // the rule's own suggestion, as in Policy::rules
    own,   // one made for this finding (a masked word): replace the excerpt with `own_text`
  };
  std::uint32_t rule_index = 0;
  std::uint32_t cp_start = 0, cp_end = 0;
  std::uint32_t byte_start = 0, byte_end = 0;
  std::uint32_t u16_start = 0, u16_end = 0;
  Fix fix = Fix::none;
  std::string own_text;
};

}  // namespace postcheck
