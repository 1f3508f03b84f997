// policy.h — a policy as typed values, and the one place that reads it from JSON text.
// The format is documented in core/policies/README.md and core/policies/policy.schema.json.
// Contract: parse_policy() never throws; every problem is a PolicyError with a stable code, the JSON
// path (RFC 6901 pointer) and the 1-based line:column where it is. nlohmann/json stays private to the
// loader: no JSON type appears here. No I/O: callers read files themselves.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postcheck/finding.h"
#include "postcheck/recognizers.h"

namespace postcheck {

// The eight checkable categories (core issue's table); a rule's category must be one of these.
inline constexpr std::string_view kCategories[] = {
    "personal-data",        "client-confidentiality", "professional-boundaries", "disrepute",
    "work-grumble",         "speaking-for-charity",   "charity-account-misuse",  "security"};

enum class RuleKind : std::uint8_t { lexicon, recognizer, proximity, absence, context };
std::string_view rule_kind_name(RuleKind);

// Terms, named vocabularies and recognizers that together say "one of these is here".
struct MatcherSet {
  std::vector<std::string> terms;          // inline terms ("grumbl*", "my own number")
  std::vector<std::string> vocabularies;   // names of Policy::vocabularies
  std::vector<RecognizerKind> recognizers;
  bool empty() const { return terms.empty() && vocabularies.empty() && recognizers.empty(); }
  friend bool operator==(const MatcherSet&, const MatcherSet&) = default;
};

// When a rule applies. Unset means "any".
struct ContextFilter {
  std::optional<Account> account;
  std::optional<bool> authorised;
  bool matches(const Context& c) const {
    return (!account || *account == c.account) && (!authorised || *authorised == c.authorised);
  }
  friend bool operator==(const ContextFilter&, const ContextFilter&) = default;
};

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::lexicon;
  std::string category;
  Severity severity = Severity::warn;
  std::string clause;
  std::string message;
  std::string advice;
  std::optional<Suggestion> suggestion;  // for Action::replace with empty text and mask=true: see below
  bool mask = false;                     // suggestion "mask": replace all letters but the first with '*'
  ContextFilter when;
  MatcherSet unless;                     // any kind: no finding when one of these is anywhere in the post

  // lexicon: `match` holds the terms; `exceptions` are allowed longer words/phrases containing them.
  // recognizer: `recognizer`, `allow` (public values, compared canonically), and optional context:
  //   `require` must occur within `window` words of the match, `forbid` must not.
  // proximity: `match` (set A) within `window` words of `near` (set B), in one sentence when
  //   `same_sentence`; the finding spans both.
  // absence: `match` present and none of `near` anywhere in the post; the finding spans the match.
  // context: fires on any non-blank post when `when` holds; the finding spans the whole post.
  MatcherSet match;
  std::vector<std::string> exceptions;
  bool masked = false;                   // lexicon: also match "f*ck"-style masked spellings
  std::optional<RecognizerKind> recognizer;
  std::vector<std::string> allow;
  MatcherSet require;
  MatcherSet forbid;
  MatcherSet near;
  std::uint32_t window = 8;
  bool same_sentence = true;
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct Vocabulary {
  std::vector<std::string> terms;
  std::vector<std::string> exceptions;
  bool masked = false;
  friend bool operator==(const Vocabulary&, const Vocabulary&) = default;
};

struct CharityAccount {
  std::string network;       // "x" | "facebook" | "instagram" | "linkedin" | …
  std::string handle;        // "@CarersinBeds"
  std::string display_name;  // "Carers in Bedfordshire"
  friend bool operator==(const CharityAccount&, const CharityAccount&) = default;
};

struct Contact {
  std::string role;   // "Communications Officer"
  std::string email;
  friend bool operator==(const Contact&, const Contact&) = default;
};

struct Policy {
  int format = 1;
  std::string name;
  std::string version;
  std::string description;
  std::vector<std::string> organisation_names;  // "Carers in Bedfordshire", "Carers in Beds"
  std::vector<std::string> organisation_handles;
  std::vector<std::string> organisation_domains;  // "carersinbeds.org.uk"
  std::vector<CharityAccount> accounts;
  std::map<std::string, Contact> contacts;  // key: "communications_officer", "community_engagement_lead", …
  std::vector<Severity> hold_severities = {Severity::block};  // which severities hold a post
  std::map<std::string, Vocabulary> vocabularies;
  std::vector<Rule> rules;
  friend bool operator==(const Policy&, const Policy&) = default;
};

// The longest term the loader accepts, in UTF-8 bytes: a word or a phrase, not a passage. Matching
// walks the lexicon's trie from each word start for at most the longest term, so this bounds a
// check at a small constant times the post's length whatever the policy (value.term beyond it).
inline constexpr std::size_t kMaxTermBytes = 256;

// Stable error codes (documented in core/policies/README.md).
//   json.syntax        malformed JSON
//   field.unknown      a field the format does not have
//   field.missing      a required field is absent
//   field.type         a value of the wrong JSON type
//   field.empty        an empty string or list where content is required (e.g. an empty term list)
//   value.severity     not block | warn | info
//   value.category     not one of kCategories
//   value.kind         not a RuleKind
//   value.recognizer   not a recognizer name
//   value.account      not personal | charity | any
//   value.action       not a suggestion action
//   value.format       unsupported format number
//   value.vocabulary   a reference to a vocabulary that does not exist
//   value.term         a term that normalises to nothing, misuses '*' or is over kMaxTermBytes
//   value.range        a number outside its range (window: 1..100)
//   rule.duplicate-id  two rules with one id
//   policy.image       compiled policy bytes that are truncated, corrupt or of another format (policy_image.h)
//   policy.too-large   beyond the loader's limits (size, nesting, number of terms)
struct PolicyError {
  std::string code;
  std::string path;  // JSON pointer, "" for the document, e.g. "/rules/3/severity"
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, in bytes
  std::string message;
  // "line:column: code at path: message"
  std::string to_string() const;
};

struct PolicyLoadResult {
  std::optional<Policy> policy;     // set only when errors is empty
  std::vector<PolicyError> errors;  // in document order
};

// Limits that keep hostile policy files bounded.
struct PolicyLimits {
  std::size_t max_bytes = 8u << 20;   // 8 MiB of JSON
  std::size_t max_depth = 64;
  std::size_t max_terms = 200000;     // over all rules and vocabularies
};

// Parses and validates a policy. Never throws.
PolicyLoadResult parse_policy(std::string_view json_text, const PolicyLimits& limits = {});

}  // namespace postcheck
