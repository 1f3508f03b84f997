// policy_loader.cpp — parse_policy(): JSON text into a validated, typed Policy, or every error in it.
// Stages: (1) limits on the raw text (size, bracket nesting) so hostile input is refused before nlohmann
// builds anything; (2) a SAX parse that reports a syntax error by byte offset without exceptions (the
// wasm build has none); (3) the term count, then one validation walk over the DOM that records each
// problem with its JSON pointer; (4) positions resolved in one pass (json_locator) and the errors put in
// document order. The field tables below are the format: README.md and policy.schema.json mirror them,
// and tests/core/policy_test.cpp checks that the three agree.
#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "json_locator.h"
#include "lexicon_term.h"
#include "postcheck/normalise.h"
#include "postcheck/policy.h"

namespace postcheck {
namespace {

// std::map objects, not ordered_json: its linear key look-up makes a hostile many-keyed object
// quadratic to build. Document order is restored by sorting the errors by position.
using Json = nlohmann::json;
using json_locator::Anchor;
using json_locator::append_index;
using json_locator::append_token;
using Fields = std::span<const std::string_view>;

constexpr int kFormat = 1;
constexpr std::int64_t kMaxWindow = 100;

// ---- The format: which fields each object may have ----
constexpr std::string_view kPolicyFields[] = {"$schema",      "format",   "name",            "version",
                                              "description",  "organisation", "contacts", "hold_severities",
                                              "vocabularies", "rules"};
constexpr std::string_view kOrganisationFields[] = {"names", "handles", "domains", "accounts"};
constexpr std::string_view kAccountFields[] = {"network", "handle", "display_name"};
constexpr std::string_view kContactFields[] = {"role", "email"};
constexpr std::string_view kVocabularyFields[] = {"terms", "exceptions", "masked"};
constexpr std::string_view kMatcherSetFields[] = {"terms", "vocabularies", "recognizers"};
constexpr std::string_view kWhenFields[] = {"account", "authorised"};
constexpr std::string_view kSuggestionFields[] = {"action", "text"};
constexpr std::string_view kSuggestionNoTextFields[] = {"action"};
constexpr std::string_view kLexiconRuleFields[] = {
    "id", "kind", "category", "severity", "clause", "message", "advice", "suggestion", "when", "unless",
    "terms", "vocabularies", "exceptions", "masked"};
constexpr std::string_view kRecognizerRuleFields[] = {
    "id", "kind", "category", "severity", "clause", "message", "advice", "suggestion", "when", "unless",
    "recognizer", "allow", "require", "forbid", "window"};
constexpr std::string_view kProximityRuleFields[] = {
    "id", "kind", "category", "severity", "clause", "message", "advice", "suggestion", "when", "unless",
    "match", "near", "window", "same_sentence"};
constexpr std::string_view kAbsenceRuleFields[] = {
    "id", "kind", "category", "severity", "clause", "message", "advice", "suggestion", "when", "unless",
    "match", "near"};
constexpr std::string_view kContextRuleFields[] = {
    "id", "kind", "category", "severity", "clause", "message", "advice", "suggestion", "when", "unless"};
// A rule whose kind is missing or wrong: any field some kind has, so one mistake is one error.
constexpr std::string_view kAnyRuleFields[] = {
    "id", "kind", "category", "severity", "clause", "message", "advice", "suggestion", "when", "unless",
    "terms", "vocabularies", "exceptions", "masked", "recognizer", "allow", "require", "forbid", "window",
    "match", "near", "same_sentence"};

constexpr Severity kSeverities[] = {Severity::block, Severity::warn, Severity::info};
constexpr RuleKind kRuleKinds[] = {RuleKind::lexicon, RuleKind::recognizer, RuleKind::proximity,
                                   RuleKind::absence, RuleKind::context};
enum class SuggestionAction : std::uint8_t { replace, remove, append, mask };
constexpr std::string_view kSuggestionActions[] = {"replace", "remove", "append", "mask"};

Fields rule_fields(std::optional<RuleKind> kind) {
  if (!kind) return kAnyRuleFields;
  switch (*kind) {
    case RuleKind::lexicon: return kLexiconRuleFields;
    case RuleKind::recognizer: return kRecognizerRuleFields;
    case RuleKind::proximity: return kProximityRuleFields;
    case RuleKind::absence: return kAbsenceRuleFields;
    case RuleKind::context: return kContextRuleFields;
  }
  return kAnyRuleFields;
}

std::string join(Fields names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string in_quotes(std::string_view s) {
  std::string out = "\"";
  // Long or control-laden values are cut so that a message stays one readable line.
  for (char c : s.substr(0, 60)) out += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
  if (s.size() > 60) out += "...";
  out += '"';
  return out;
}

std::string_view type_name(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "true/false";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "a list";
    case Json::value_t::object: return "an object";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

std::string recognizer_names() {
  std::string out;
  for (std::size_t i = 0; i < kRecognizerCount; ++i) {
    if (!out.empty()) out += ", ";
    out += recognizer_name(static_cast<RecognizerKind>(i));
  }
  return out;
}

// ---- Stage 1: nesting, by a bracket scan outside strings ----
std::optional<std::size_t> depth_exceeded_at(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return i;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

// ---- Stage 2: a DOM parse that reports its syntax error instead of throwing ----
// json::parse(text, nullptr, false) would not throw either, but it drops the byte offset of the error;
// sax_parse hands it to parse_error(). json_sax_dom_parser is the DOM builder json::parse itself uses
// (nlohmann 3.11, detail namespace), so only the error reporting differs.
class ErrorKeepingParser : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  explicit ErrorKeepingParser(Json& root) : json_sax_dom_parser(root, /*allow_exceptions=*/false) {}

  // Hides the base's: sax_parse calls this type's member, so nothing is thrown.
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
    failed = true;
    // nlohmann counts bytes read: the byte that failed is position - 1.
    offset = position > 0 ? position - 1 : 0;
    message = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while ..." —
    // our own line:column goes in front, so keep only the explanation.
    const std::size_t column = message.find("column ");
    const std::size_t colon = column == std::string::npos ? column : message.find(": ", column);
    if (colon != std::string::npos) message.erase(0, colon + 2);
    return false;
  }

  bool failed = false;
  std::size_t offset = 0;
  std::string message;
};

// ---- Stage 3a: the term count ----
struct TermCount {
  std::size_t count = 0;
  std::optional<std::string> over_at;  // the pointer of the first term beyond the limit
};

// Counts entries of every "terms" and "exceptions" list anywhere in `v`. Recursion depth is bounded
// by PolicyLimits::max_depth, checked before the parse.
void count_terms(const Json& v, const std::string& path, std::size_t max_terms, TermCount& tally) {
  if (tally.over_at) return;
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string child = append_token(path, it.key());
      if ((it.key() == "terms" || it.key() == "exceptions") && it->is_array()) {
        if (tally.count + it->size() > max_terms) {
          tally.over_at = append_index(child, max_terms - tally.count);
          return;
        }
        tally.count += it->size();
      } else {
        count_terms(*it, child, max_terms, tally);
      }
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) count_terms(v[i], append_index(path, i), max_terms, tally);
  }
}

// ---- Stage 3b: validation ----
struct PendingError {
  std::string code;
  std::string path;
  Anchor anchor = Anchor::value;
  std::string message;
};

class Validator {
 public:
  explicit Validator(const Json& root) : root_(root) {
    // Vocabulary names first: rules may refer to vocabularies defined after them.
    if (root.is_object()) {
      const auto it = root.find("vocabularies");
      if (it != root.end() && it->is_object()) {
        for (auto v = it->begin(); v != it->end(); ++v) vocabulary_names_.insert(v.key());
      }
    }
  }

  Policy run() {
    if (!root_.is_object()) {
      error("field.type", "", "a policy must be a JSON object, not " + std::string(type_name(root_)));
      return policy_;
    }
    const std::string path;
    check_fields(root_, path, kPolicyFields, "the policy");
    string_field(root_, path, "$schema", Need::optional, Empty::allowed);
    read_format(path);
    if (auto s = string_field(root_, path, "name", Need::required, Empty::refused)) policy_.name = *s;
    if (auto s = string_field(root_, path, "version", Need::required, Empty::refused)) policy_.version = *s;
    if (auto s = string_field(root_, path, "description", Need::optional, Empty::allowed)) policy_.description = *s;
    if (const Json* org = object_field(root_, path, "organisation", Need::required)) {
      read_organisation(*org, append_token(path, "organisation"));
    }
    if (const Json* contacts = object_field(root_, path, "contacts", Need::required)) {
      read_contacts(*contacts, append_token(path, "contacts"));
    }
    read_hold_severities(path);
    if (const Json* vocabularies = object_field(root_, path, "vocabularies", Need::optional)) {
      read_vocabularies(*vocabularies, append_token(path, "vocabularies"));
    }
    read_rules(path);
    return std::move(policy_);
  }

  std::vector<PendingError> take_errors() { return std::move(errors_); }

 private:
  enum class Need { required, optional };
  enum class Empty { allowed, refused };

  void error(std::string code, std::string path, std::string message, Anchor anchor = Anchor::value) {
    errors_.push_back(PendingError{std::move(code), std::move(path), anchor, std::move(message)});
  }

  // ---- generic fields ----

  void check_fields(const Json& object, const std::string& path, Fields allowed, std::string_view what) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
      error("field.unknown", append_token(path, it.key()),
            "unknown field " + in_quotes(it.key()) + " in " + std::string(what) + "; allowed fields: " + join(allowed),
            Anchor::key);
    }
  }

  // The member `key` of `object`, or nullptr (and field.missing at the object when required).
  const Json* member(const Json& object, const std::string& path, std::string_view key, Need need,
                     std::string_view expected) {
    const auto it = object.find(key);
    if (it != object.end()) return &*it;
    if (need == Need::required) {
      error("field.missing", path,
            "missing required field " + in_quotes(key) + " (" + std::string(expected) + ")");
    }
    return nullptr;
  }

  void type_error(const std::string& path, std::string_view key, std::string_view expected, const Json& v) {
    error("field.type", path,
          in_quotes(key) + " must be " + std::string(expected) + ", not " + std::string(type_name(v)));
  }

  std::optional<std::string> string_field(const Json& object, const std::string& path, std::string_view key,
                                          Need need, Empty empty) {
    const std::string_view expected = empty == Empty::refused ? "a non-empty string" : "a string";
    const Json* v = member(object, path, key, need, expected);
    if (v == nullptr) return std::nullopt;
    return string_value(*v, append_token(path, key), key, empty);
  }

  std::optional<std::string> string_value(const Json& v, const std::string& path, std::string_view name,
                                          Empty empty) {
    if (!v.is_string()) {
      type_error(path, name, empty == Empty::refused ? "a non-empty string" : "a string", v);
      return std::nullopt;
    }
    const auto& s = v.get_ref<const std::string&>();
    if (empty == Empty::refused && s.empty()) {
      error("field.empty", path, in_quotes(name) + " must not be empty");
      return std::nullopt;
    }
    return s;
  }

  const Json* object_field(const Json& object, const std::string& path, std::string_view key, Need need) {
    const Json* v = member(object, path, key, need, "an object");
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
      type_error(append_token(path, key), key, "an object", *v);
      return nullptr;
    }
    return v;
  }

  const Json* list_field(const Json& object, const std::string& path, std::string_view key, Need need,
                         std::string_view expected) {
    const Json* v = member(object, path, key, need, expected);
    if (v == nullptr) return nullptr;
    if (!v->is_array()) {
      type_error(append_token(path, key), key, expected, *v);
      return nullptr;
    }
    return v;
  }

  std::optional<bool> bool_field(const Json& object, const std::string& path, std::string_view key) {
    const Json* v = member(object, path, key, Need::optional, "true or false");
    if (v == nullptr) return std::nullopt;
    if (!v->is_boolean()) {
      type_error(append_token(path, key), key, "true or false", *v);
      return std::nullopt;
    }
    return v->get<bool>();
  }

  // A list of non-empty strings; `non_empty_list` refuses [] with field.empty.
  std::vector<std::string> string_list(const Json& object, const std::string& path, std::string_view key,
                                       Need need, bool non_empty_list) {
    std::vector<std::string> out;
    const Json* list = list_field(object, path, key, need, "a list of non-empty strings");
    if (list == nullptr) return out;
    const std::string list_path = append_token(path, key);
    if (non_empty_list && list->empty()) error("field.empty", list_path, in_quotes(key) + " must list at least one entry");
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (auto s = string_value((*list)[i], append_index(list_path, i), std::string(key) + " entry", Empty::refused)) {
        out.push_back(std::move(*s));
      }
    }
    return out;
  }

  // A term or exception: '*' only at the end, at most kMaxTermBytes, and something left once normalised. The path is built
  // only for an error (a policy holds thousands of terms, almost all fine).
  std::optional<std::string> term_value(const Json& v, const std::string& list_path, std::size_t index,
                                        std::string_view list_name) {
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      string_value(v, append_index(list_path, index), std::string(list_name) + " entry", Empty::refused);
      return std::nullopt;
    }
    const std::string& s = v.get_ref<const std::string&>();
    const std::size_t star = s.find('*');
    if (star != std::string::npos && star + 1 != s.size()) {
      error("value.term", append_index(list_path, index),
            "term " + in_quotes(s) + " has '*' before its end; '*' is allowed only as the last character "
            "(a suffix wildcard, as in \"grumbl*\")");
      return std::nullopt;
    }
    if (s.size() > kMaxTermBytes) {
      std::size_t cut = 40;  // the start of the term, cut between characters
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      error("value.term", append_index(list_path, index),
            "term " + in_quotes(s.substr(0, cut) + "…") + " is " + std::to_string(s.size()) + " bytes long; a term is at most " +
                std::to_string(kMaxTermBytes) + " bytes (a word or a phrase, not a passage)");
      return std::nullopt;
    }
    const std::string_view body = star == std::string::npos ? std::string_view(s) : std::string_view(s).substr(0, star);
    // Plain ASCII words (nearly every term) are valid as they are; anything else is normalised.
    if (lexicon_detail::plain_term_units(body, units_)) return s;
    units_ = normalise_term(body);
    if (units_.find_first_not_of(' ') == std::string::npos) {
      error("value.term", append_index(list_path, index),
            "term " + in_quotes(s) + " normalises to nothing: a term needs at least one letter or digit");
      return std::nullopt;
    }
    if (units_.find('\x01') != std::string::npos) {
      error("value.term", append_index(list_path, index),
            "term " + in_quotes(s) + " holds letters the matcher cannot match (only Latin letters, after folding "
            "accents and look-alikes, and digits can be part of a term)");
      return std::nullopt;
    }
    return s;
  }

  // Returns the number of entries in the JSON list (valid or not), so callers can tell [] from [bad].
  std::size_t term_list(const Json& object, const std::string& path, std::string_view key, Need need,
                        std::vector<std::string>& out) {
    const Json* list = list_field(object, path, key, need, "a list of terms");
    if (list == nullptr) return 0;
    const std::string list_path = append_token(path, key);
    out.reserve(out.size() + list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (auto t = term_value((*list)[i], list_path, i, key)) out.push_back(std::move(*t));
    }
    return list->size();
  }

  std::size_t vocabulary_refs(const Json& object, const std::string& path, std::vector<std::string>& out) {
    const Json* list = list_field(object, path, "vocabularies", Need::optional, "a list of vocabulary names");
    if (list == nullptr) return 0;
    const std::string list_path = append_token(path, "vocabularies");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string item = append_index(list_path, i);
      auto name = string_value((*list)[i], item, "vocabularies entry", Empty::refused);
      if (!name) continue;
      if (vocabulary_names_.count(*name) == 0) {
        std::string defined;
        for (const std::string& n : vocabulary_names_) defined += (defined.empty() ? "" : ", ") + n;
        error("value.vocabulary", item,
              "no vocabulary named " + in_quotes(*name) + " in \"vocabularies\"; defined: " +
                  (defined.empty() ? std::string("none") : defined));
        continue;
      }
      out.push_back(std::move(*name));
    }
    return list->size();
  }

  std::optional<RecognizerKind> recognizer_value(const Json& v, const std::string& path, std::string_view name) {
    auto s = string_value(v, path, name, Empty::refused);
    if (!s) return std::nullopt;
    auto kind = recognizer_from_name(*s);
    if (!kind) {
      error("value.recognizer", path,
            in_quotes(*s) + " is not a recognizer; allowed: " + recognizer_names());
    }
    return kind;
  }

  std::optional<Severity> severity_value(const Json& v, const std::string& path, std::string_view name) {
    auto s = string_value(v, path, name, Empty::refused);
    if (!s) return std::nullopt;
    for (Severity sev : kSeverities) {
      if (severity_name(sev) == *s) return sev;
    }
    error("value.severity", path, in_quotes(name) + " is " + in_quotes(*s) + "; allowed: block, warn, info");
    return std::nullopt;
  }

  std::optional<std::uint32_t> window_field(const Json& object, const std::string& path) {
    const Json* v = member(object, path, "window", Need::optional, "");
    if (v == nullptr) return std::nullopt;
    const std::string at = append_token(path, "window");
    if (!v->is_number_integer()) {
      type_error(at, "window", "a whole number of words from 1 to 100", *v);
      return std::nullopt;
    }
    const bool in_range = v->is_number_unsigned() ? v->get<std::uint64_t>() <= kMaxWindow && v->get<std::uint64_t>() >= 1
                                                  : v->get<std::int64_t>() >= 1 && v->get<std::int64_t>() <= kMaxWindow;
    if (!in_range) {
      error("value.range", at, "\"window\" is " + v->dump() + "; allowed: a whole number of words from 1 to 100");
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(v->get<std::int64_t>());
  }

  // ---- the document ----

  void read_format(const std::string& path) {
    const Json* v = member(root_, path, "format", Need::required, "the format number, 1");
    if (v == nullptr) return;
    const std::string at = append_token(path, "format");
    if (!v->is_number_integer()) {
      type_error(at, "format", "the whole number 1", *v);
      return;
    }
    if (!v->is_number_unsigned() || v->get<std::uint64_t>() != kFormat) {
      error("value.format", at, "format " + v->dump() + " is not supported; this loader reads format 1");
      return;
    }
    policy_.format = kFormat;
  }

  void read_organisation(const Json& org, const std::string& path) {
    check_fields(org, path, kOrganisationFields, "\"organisation\"");
    policy_.organisation_names = string_list(org, path, "names", Need::required, true);
    policy_.organisation_handles = string_list(org, path, "handles", Need::optional, false);
    policy_.organisation_domains = string_list(org, path, "domains", Need::optional, false);
    const Json* accounts = list_field(org, path, "accounts", Need::optional, "a list of account objects");
    if (accounts == nullptr) return;
    const std::string list_path = append_token(path, "accounts");
    for (std::size_t i = 0; i < accounts->size(); ++i) {
      const Json& a = (*accounts)[i];
      const std::string at = append_index(list_path, i);
      if (!a.is_object()) {
        type_error(at, "accounts entry", "an object with network, handle and display_name", a);
        continue;
      }
      check_fields(a, at, kAccountFields, "an account");
      CharityAccount account;
      if (auto s = string_field(a, at, "network", Need::required, Empty::refused)) account.network = *s;
      if (auto s = string_field(a, at, "handle", Need::required, Empty::refused)) account.handle = *s;
      if (auto s = string_field(a, at, "display_name", Need::optional, Empty::refused)) account.display_name = *s;
      policy_.accounts.push_back(std::move(account));
    }
  }

  void read_contacts(const Json& contacts, const std::string& path) {
    for (auto it = contacts.begin(); it != contacts.end(); ++it) {
      const std::string at = append_token(path, it.key());
      if (!it->is_object()) {
        type_error(at, it.key(), "an object with role and email", *it);
        continue;
      }
      check_fields(*it, at, kContactFields, "a contact");
      Contact contact;
      if (auto s = string_field(*it, at, "role", Need::required, Empty::refused)) contact.role = *s;
      if (auto s = string_field(*it, at, "email", Need::required, Empty::refused)) contact.email = *s;
      policy_.contacts[it.key()] = std::move(contact);
    }
  }

  void read_hold_severities(const std::string& path) {
    const Json* list = list_field(root_, path, "hold_severities", Need::optional, "a list of severities");
    if (list == nullptr) return;
    policy_.hold_severities.clear();
    const std::string list_path = append_token(path, "hold_severities");
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (auto s = severity_value((*list)[i], append_index(list_path, i), "hold_severities entry")) {
        policy_.hold_severities.push_back(*s);
      }
    }
  }

  void read_vocabularies(const Json& vocabularies, const std::string& path) {
    for (auto it = vocabularies.begin(); it != vocabularies.end(); ++it) {
      const std::string at = append_token(path, it.key());
      if (it.key().empty()) error("field.empty", at, "a vocabulary name must not be empty", Anchor::key);
      if (!it->is_object()) {
        type_error(at, it.key(), "an object with terms, exceptions and masked", *it);
        continue;
      }
      check_fields(*it, at, kVocabularyFields, "a vocabulary");
      Vocabulary vocabulary;
      const std::size_t listed = term_list(*it, at, "terms", Need::required, vocabulary.terms);
      if (listed == 0 && it->contains("terms") && it->at("terms").is_array()) {
        error("field.empty", append_token(at, "terms"), "\"terms\" of a vocabulary must list at least one term");
      }
      term_list(*it, at, "exceptions", Need::optional, vocabulary.exceptions);
      if (auto b = bool_field(*it, at, "masked")) vocabulary.masked = *b;
      policy_.vocabularies[it.key()] = std::move(vocabulary);
    }
  }

  void read_rules(const std::string& path) {
    const Json* rules = list_field(root_, path, "rules", Need::required, "a list of rules");
    if (rules == nullptr) return;
    const std::string list_path = append_token(path, "rules");
    if (rules->empty()) error("field.empty", list_path, "\"rules\" must list at least one rule");
    for (std::size_t i = 0; i < rules->size(); ++i) read_rule((*rules)[i], append_index(list_path, i));
  }

  void read_rule(const Json& v, const std::string& path) {
    if (!v.is_object()) {
      type_error(path, "rules entry", "a rule object", v);
      return;
    }
    Rule rule;
    std::optional<RuleKind> kind;
    if (auto s = string_field(v, path, "kind", Need::required, Empty::refused)) {
      for (RuleKind k : kRuleKinds) {
        if (rule_kind_name(k) == *s) kind = k;
      }
      if (!kind) {
        error("value.kind", append_token(path, "kind"),
              "\"kind\" is " + in_quotes(*s) + "; allowed: lexicon, recognizer, proximity, absence, context");
      }
    }
    const std::string what = kind ? "a " + std::string(rule_kind_name(*kind)) + " rule" : std::string("a rule");
    check_fields(v, path, rule_fields(kind), what);

    if (auto id = string_field(v, path, "id", Need::required, Empty::refused)) {
      const auto [first, inserted] = rule_ids_.emplace(*id, path);
      if (!inserted) {
        error("rule.duplicate-id", append_token(path, "id"),
              "rule id " + in_quotes(*id) + " is already used by the rule at " + first->second + "; ids must be unique");
      }
      rule.id = *id;
    }
    if (auto s = string_field(v, path, "category", Need::required, Empty::refused)) {
      if (std::find(std::begin(kCategories), std::end(kCategories), *s) == std::end(kCategories)) {
        error("value.category", append_token(path, "category"),
              "\"category\" is " + in_quotes(*s) + "; allowed: " + join(kCategories));
      } else {
        rule.category = *s;
      }
    }
    if (const Json* s = member(v, path, "severity", Need::required, "one of block, warn, info")) {
      if (auto sev = severity_value(*s, append_token(path, "severity"), "severity")) rule.severity = *sev;
    }
    if (auto s = string_field(v, path, "clause", Need::required, Empty::refused)) rule.clause = *s;
    if (auto s = string_field(v, path, "message", Need::required, Empty::refused)) rule.message = *s;
    if (auto s = string_field(v, path, "advice", Need::required, Empty::refused)) rule.advice = *s;
    if (const Json* s = object_field(v, path, "suggestion", Need::optional)) {
      read_suggestion(*s, append_token(path, "suggestion"), rule);
    }
    if (const Json* w = object_field(v, path, "when", Need::optional)) read_when(*w, append_token(path, "when"), rule.when);
    if (v.contains("unless")) rule.unless = matcher_set_field(v, path, "unless", Need::optional);

    if (!kind) return;  // the kind-specific fields cannot be judged
    rule.kind = *kind;
    switch (*kind) {
      case RuleKind::lexicon: read_lexicon(v, path, rule); break;
      case RuleKind::recognizer: read_recognizer(v, path, rule); break;
      case RuleKind::proximity:
        rule.match = matcher_set_field(v, path, "match", Need::required);
        rule.near = matcher_set_field(v, path, "near", Need::required);
        if (auto w = window_field(v, path)) rule.window = *w;
        if (auto b = bool_field(v, path, "same_sentence")) rule.same_sentence = *b;
        break;
      case RuleKind::absence:
        rule.match = matcher_set_field(v, path, "match", Need::required);
        rule.near = matcher_set_field(v, path, "near", Need::required);
        break;
      case RuleKind::context: break;
    }
    policy_.rules.push_back(std::move(rule));
  }

  void read_lexicon(const Json& v, const std::string& path, Rule& rule) {
    const std::size_t terms = term_list(v, path, "terms", Need::optional, rule.match.terms);
    const std::size_t vocabularies = vocabulary_refs(v, path, rule.match.vocabularies);
    const bool terms_ok = !v.contains("terms") || v["terms"].is_array();
    const bool vocabularies_ok = !v.contains("vocabularies") || v["vocabularies"].is_array();
    if (terms + vocabularies == 0 && terms_ok && vocabularies_ok) {
      const std::string at = v.contains("terms")          ? append_token(path, "terms")
                             : v.contains("vocabularies") ? append_token(path, "vocabularies")
                                                          : path;
      error("field.empty", at, "a lexicon rule needs at least one entry in \"terms\" or \"vocabularies\"");
    }
    term_list(v, path, "exceptions", Need::optional, rule.exceptions);
    if (auto b = bool_field(v, path, "masked")) rule.masked = *b;
  }

  void read_recognizer(const Json& v, const std::string& path, Rule& rule) {
    if (const Json* r = member(v, path, "recognizer", Need::required, "a recognizer name, e.g. \"uk-phone\"")) {
      rule.recognizer = recognizer_value(*r, append_token(path, "recognizer"), "recognizer");
    }
    rule.allow = string_list(v, path, "allow", Need::optional, false);
    if (v.contains("require")) rule.require = matcher_set_field(v, path, "require", Need::optional);
    if (v.contains("forbid")) rule.forbid = matcher_set_field(v, path, "forbid", Need::optional);
    if (auto w = window_field(v, path)) rule.window = *w;
  }

  void read_suggestion(const Json& s, const std::string& path, Rule& rule) {
    std::optional<SuggestionAction> action;
    if (auto name = string_field(s, path, "action", Need::required, Empty::refused)) {
      for (std::size_t i = 0; i < std::size(kSuggestionActions); ++i) {
        if (kSuggestionActions[i] == *name) action = static_cast<SuggestionAction>(i);
      }
      if (!action) {
        error("value.action", append_token(path, "action"),
              "\"action\" is " + in_quotes(*name) + "; allowed: replace, remove, append, mask");
      }
    }
    const bool takes_text = !action || *action == SuggestionAction::replace || *action == SuggestionAction::append;
    check_fields(s, path, takes_text ? Fields(kSuggestionFields) : Fields(kSuggestionNoTextFields),
                 action ? "a \"" + std::string(kSuggestionActions[static_cast<std::size_t>(*action)]) + "\" suggestion"
                        : std::string("a suggestion"));
    if (!action) return;
    switch (*action) {
      case SuggestionAction::replace:
      case SuggestionAction::append:
        if (auto text = string_field(s, path, "text", Need::required, Empty::refused)) {
          rule.suggestion = Suggestion{*action == SuggestionAction::replace ? Suggestion::Action::replace
                                                                            : Suggestion::Action::append,
                                       *text};
        }
        break;
      case SuggestionAction::remove: rule.suggestion = Suggestion{Suggestion::Action::remove, ""}; break;
      case SuggestionAction::mask:
        rule.suggestion = Suggestion{Suggestion::Action::replace, ""};
        rule.mask = true;
        break;
    }
  }

  void read_when(const Json& w, const std::string& path, ContextFilter& when) {
    check_fields(w, path, kWhenFields, "\"when\"");
    if (auto s = string_field(w, path, "account", Need::optional, Empty::refused)) {
      if (*s == "personal") {
        when.account = Account::personal;
      } else if (*s == "charity") {
        when.account = Account::charity;
      } else if (*s != "any") {
        error("value.account", append_token(path, "account"),
              "\"account\" is " + in_quotes(*s) + "; allowed: personal, charity, any");
      }
    }
    if (const Json* a = member(w, path, "authorised", Need::optional, "")) {
      if (a->is_boolean()) {
        when.authorised = a->get<bool>();
      } else if (!a->is_string() || a->get_ref<const std::string&>() != "any") {
        type_error(append_token(path, "authorised"), "authorised", "true, false or \"any\"", *a);
      }
    }
  }

  MatcherSet matcher_set_field(const Json& rule, const std::string& path, std::string_view key, Need need) {
    MatcherSet set;
    const Json* v = member(rule, path, key, need, "a matcher set: an object with terms, vocabularies and/or recognizers");
    if (v == nullptr) return set;
    const std::string at = append_token(path, key);
    if (!v->is_object()) {
      type_error(at, key, "a matcher set: an object with terms, vocabularies and/or recognizers", *v);
      return set;
    }
    check_fields(*v, at, kMatcherSetFields, "a matcher set");
    std::size_t entries = term_list(*v, at, "terms", Need::optional, set.terms);
    entries += vocabulary_refs(*v, at, set.vocabularies);
    if (const Json* list = list_field(*v, at, "recognizers", Need::optional, "a list of recognizer names")) {
      const std::string list_path = append_token(at, "recognizers");
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto r = recognizer_value((*list)[i], append_index(list_path, i), "recognizers entry")) {
          set.recognizers.push_back(*r);
        }
      }
      entries += list->size();
    }
    bool lists_ok = true;
    for (std::string_view name : kMatcherSetFields) {
      const auto it = v->find(name);
      if (it != v->end() && !it->is_array()) lists_ok = false;
    }
    if (entries == 0 && lists_ok) {
      error("field.empty", at,
            in_quotes(key) + " must hold at least one entry in \"terms\", \"vocabularies\" or \"recognizers\"");
    }
    return set;
  }

  const Json& root_;
  std::string units_;  // term_value()'s scratch: a term's units
  Policy policy_;
  std::vector<PendingError> errors_;
  std::set<std::string, std::less<>> vocabulary_names_;
  std::map<std::string, std::string, std::less<>> rule_ids_;  // id -> the pointer of its first rule
};

PolicyLoadResult refuse(std::string code, std::string path, json_locator::LineColumn at, std::string message) {
  PolicyLoadResult result;
  result.errors.push_back(PolicyError{std::move(code), std::move(path), at.line, at.column, std::move(message)});
  return result;
}

}  // namespace

std::string PolicyError::to_string() const {
  return std::to_string(line) + ":" + std::to_string(column) + ": " + code + " at " +
         (path.empty() ? std::string("(document)") : path) + ": " + message;
}

PolicyLoadResult parse_policy(std::string_view json_text, const PolicyLimits& limits) {
  if (json_text.size() > limits.max_bytes) {
    return refuse("policy.too-large", "", {1, 1},
                  "the policy is " + std::to_string(json_text.size()) + " bytes; the limit is " +
                      std::to_string(limits.max_bytes) + " bytes");
  }
  if (auto at = depth_exceeded_at(json_text, limits.max_depth)) {
    return refuse("policy.too-large", "", json_locator::line_column_at(json_text, *at),
                  "lists and objects are nested more than " + std::to_string(limits.max_depth) + " deep");
  }

  Json root;
  ErrorKeepingParser parser(root);
  const bool parsed = Json::sax_parse(json_text, &parser);
  if (!parsed || parser.failed) {
    return refuse("json.syntax", "", json_locator::line_column_at(json_text, parser.offset),
                  "malformed JSON: " + parser.message);
  }

  TermCount tally;
  count_terms(root, "", limits.max_terms, tally);
  if (tally.over_at) {
    const auto offset = json_locator::locate(json_text, *tally.over_at);
    return refuse("policy.too-large", *tally.over_at,
                  offset ? json_locator::line_column_at(json_text, *offset) : json_locator::LineColumn{0, 0},
                  "the policy has more than " + std::to_string(limits.max_terms) +
                      " entries in its \"terms\" and \"exceptions\" lists; this one is beyond the limit");
  }

  Validator validator(root);
  Policy policy = validator.run();
  std::vector<PendingError> pending = validator.take_errors();
  PolicyLoadResult result;
  if (pending.empty()) {
    result.policy = std::move(policy);
    return result;
  }

  std::vector<json_locator::Request> requests;
  requests.reserve(pending.size());
  for (const PendingError& e : pending) requests.push_back({e.path, e.anchor});
  const auto offsets = json_locator::locate_all(json_text, requests);
  const json_locator::LineIndex lines(json_text);

  std::vector<std::size_t> order(pending.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  constexpr std::size_t kUnplaced = static_cast<std::size_t>(-1);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return offsets[a].value_or(kUnplaced) < offsets[b].value_or(kUnplaced);
  });
  result.errors.reserve(pending.size());
  for (std::size_t i : order) {
    PolicyError e{std::move(pending[i].code), std::move(pending[i].path), 0, 0, std::move(pending[i].message)};
    if (offsets[i]) {
      const auto lc = lines.at(*offsets[i]);
      e.line = lc.line;
      e.column = lc.column;
    }
    result.errors.push_back(std::move(e));
  }
  return result;
}

}  // namespace postcheck
