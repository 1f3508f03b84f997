// policy_image.cpp — a compiled Checker <-> bytes (policy_image.h). Layout: the magic "PCPOLIMG", the
// version, then the lengths of the three parts as varints, then the parts: the structure, the text and
// the lexicon. The structure has every field of Policy in declaration order but the term lists:
// integers as LEB128 varints, a string as its length (its bytes go to the text, in the same
// order), lists and maps as a count and the items, enums and bools as one byte, optionals as a
// presence byte and the value. Keeping the strings together, apart from the numbers between them,
// lets the .wasm's gzip find their repeats as it does in the JSON. The term lists are not there (a
// policy read back has them empty): the lexicon part is Lexicon::save()'s, the terms compiled.
#include "postcheck/policy_image.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "byte_codec.h"

namespace postcheck {

namespace {

constexpr std::string_view kMagic = "PCPOLIMG";

// ---- writing

class Writer {
 public:
  void varint(std::uint64_t v) { codec::append_varint(structure_, v); }
  void byte(std::uint8_t b) { codec::append_byte(structure_, b); }
  void boolean(bool b) { byte(b ? 1 : 0); }
  void string(std::string_view s) {
    varint(s.size());
    text_.append(s);
  }
  void strings(const std::vector<std::string>& list) {
    varint(list.size());
    for (const auto& s : list) string(s);
  }
  template <typename Enum>
  void enumeration(Enum e) {
    byte(static_cast<std::uint8_t>(e));
  }
  std::string take(std::string_view lexicon) {
    std::string out(kMagic);
    codec::append_varint(out, kPolicyImageVersion);
    codec::append_varint(out, structure_.size());
    codec::append_varint(out, text_.size());
    codec::append_varint(out, lexicon.size());
    out += structure_;
    out += text_;
    out += lexicon;
    return out;
  }

 private:
  std::string structure_;
  std::string text_;
};

void write_set(Writer& w, const MatcherSet& set) {
  w.strings(set.vocabularies);
  w.varint(set.recognizers.size());
  for (RecognizerKind kind : set.recognizers) w.enumeration(kind);
}

void write_rule(Writer& w, const Rule& rule) {
  w.string(rule.id);
  w.enumeration(rule.kind);
  w.string(rule.category);
  w.enumeration(rule.severity);
  w.string(rule.clause);
  w.string(rule.message);
  w.string(rule.advice);
  w.boolean(rule.suggestion.has_value());
  if (rule.suggestion) {
    w.enumeration(rule.suggestion->action);
    w.string(rule.suggestion->text);
  }
  w.boolean(rule.mask);
  w.boolean(rule.when.account.has_value());
  if (rule.when.account) w.enumeration(*rule.when.account);
  w.boolean(rule.when.authorised.has_value());
  if (rule.when.authorised) w.boolean(*rule.when.authorised);
  write_set(w, rule.unless);
  write_set(w, rule.match);
  w.boolean(rule.masked);
  w.boolean(rule.recognizer.has_value());
  if (rule.recognizer) w.enumeration(*rule.recognizer);
  w.strings(rule.allow);
  write_set(w, rule.require);
  write_set(w, rule.forbid);
  write_set(w, rule.near);
  w.varint(rule.window);
  w.boolean(rule.same_sentence);
}

// ---- reading: every read checks what is left; the first failure sticks and the result is refused.

class Reader {
 public:
  // The structure's and the text's bytes.
  Reader(std::string_view structure, std::string_view text) : structure_(structure), text_(text) {}

  bool ok() const { return structure_.ok() && text_.ok() && error_.empty(); }
  std::string error() const {
    if (!structure_.ok()) return structure_.error() + " of the structure";
    if (!text_.ok()) return text_.error() + " of the text";
    return error_;
  }
  bool at_end() const { return structure_.at_end() && text_.at_end(); }
  void fail(std::string why) {
    if (ok()) error_ = std::move(why);
  }

  std::uint64_t varint() { return structure_.varint(); }
  // A count of items that each take at least one byte of the structure: never more than are left.
  std::size_t count() {
    const std::uint64_t n = structure_.varint();
    if (n > structure_.left()) {
      structure_.fail("a count larger than the image");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::uint8_t byte() { return structure_.byte(); }
  bool boolean() {
    const std::uint8_t b = byte();
    if (b > 1) structure_.fail("a flag that is neither 0 nor 1");
    return b == 1;
  }
  std::string string() {
    const std::uint64_t n = varint();
    if (n > text_.left()) {
      structure_.fail("a string longer than the image");
      return {};
    }
    return std::string(text_.bytes(n));
  }
  std::vector<std::string> strings() {
    std::vector<std::string> list(count());
    for (auto& s : list) s = string();
    return list;
  }
  // An enum whose values are 0..last.
  template <typename Enum>
  Enum enumeration(Enum last, std::string_view what) {
    const std::uint8_t b = byte();
    if (b > static_cast<std::uint8_t>(last)) structure_.fail("an unknown " + std::string(what));
    return static_cast<Enum>(std::min(b, static_cast<std::uint8_t>(last)));
  }

 private:
  codec::ByteReader structure_;
  codec::ByteReader text_;
  std::string error_;
};

constexpr auto kLastRecognizer = static_cast<RecognizerKind>(kRecognizerCount - 1);

MatcherSet read_set(Reader& r) {
  MatcherSet set;
  set.vocabularies = r.strings();
  set.recognizers.resize(r.count());
  for (auto& kind : set.recognizers) kind = r.enumeration(kLastRecognizer, "recognizer");
  return set;
}

Rule read_rule(Reader& r) {
  Rule rule;
  rule.id = r.string();
  rule.kind = r.enumeration(RuleKind::context, "rule kind");
  rule.category = r.string();
  rule.severity = r.enumeration(Severity::block, "severity");
  rule.clause = r.string();
  rule.message = r.string();
  rule.advice = r.string();
  if (r.boolean()) {
    Suggestion suggestion;
    suggestion.action = r.enumeration(Suggestion::Action::append, "suggestion action");
    suggestion.text = r.string();
    rule.suggestion = std::move(suggestion);
  }
  rule.mask = r.boolean();
  if (r.boolean()) rule.when.account = r.enumeration(Account::charity, "account");
  if (r.boolean()) rule.when.authorised = r.boolean();
  rule.unless = read_set(r);
  rule.match = read_set(r);
  rule.masked = r.boolean();
  if (r.boolean()) rule.recognizer = r.enumeration(kLastRecognizer, "recognizer");
  rule.allow = r.strings();
  rule.require = read_set(r);
  rule.forbid = read_set(r);
  rule.near = read_set(r);
  rule.window = static_cast<std::uint32_t>(std::min<std::uint64_t>(r.varint(), 0xFFFFFFFFu));
  rule.same_sentence = r.boolean();
  return rule;
}

// What the checker relies on and the loader guarantees: known categories, windows in range, a
// recognizer for every recognizer rule, and vocabulary references that resolve. (Terms over
// kMaxTermBytes, which would bound a check's time, are refused before a policy is compiled.)
void check_invariants(Reader& r, const Policy& policy) {
  auto check_set = [&](const MatcherSet& set) {
    for (const auto& name : set.vocabularies) {
      if (!policy.vocabularies.contains(name)) r.fail("a reference to no vocabulary: " + name);
    }
  };
  for (const Rule& rule : policy.rules) {
    if (std::find(std::begin(kCategories), std::end(kCategories), rule.category) == std::end(kCategories)) {
      r.fail("an unknown category in rule " + rule.id);
    }
    if (rule.window < 1 || rule.window > 100) r.fail("a window out of range in rule " + rule.id);
    if (rule.kind == RuleKind::recognizer && !rule.recognizer) r.fail("no recognizer named in rule " + rule.id);
    for (const MatcherSet* set : {&rule.match, &rule.near, &rule.require, &rule.forbid, &rule.unless}) {
      check_set(*set);
    }
  }
}

}  // namespace

Policy without_term_lists(Policy policy) {
  for (auto& [name, vocabulary] : policy.vocabularies) {
    vocabulary.terms.clear();
    vocabulary.exceptions.clear();
  }
  for (Rule& rule : policy.rules) {
    for (MatcherSet* set : {&rule.match, &rule.near, &rule.require, &rule.forbid, &rule.unless}) set->terms.clear();
    rule.exceptions.clear();
  }
  return policy;
}

std::string write_policy_image(const Checker& checker) {
  const Policy& policy = checker.policy();
  Writer w;
  w.varint(static_cast<std::uint64_t>(policy.format));
  w.string(policy.name);
  w.string(policy.version);
  w.string(policy.description);
  w.strings(policy.organisation_names);
  w.strings(policy.organisation_handles);
  w.strings(policy.organisation_domains);
  w.varint(policy.accounts.size());
  for (const auto& a : policy.accounts) {
    w.string(a.network);
    w.string(a.handle);
    w.string(a.display_name);
  }
  w.varint(policy.contacts.size());
  for (const auto& [key, contact] : policy.contacts) {
    w.string(key);
    w.string(contact.role);
    w.string(contact.email);
  }
  w.varint(policy.hold_severities.size());
  for (Severity s : policy.hold_severities) w.enumeration(s);
  w.varint(policy.vocabularies.size());
  for (const auto& [name, vocabulary] : policy.vocabularies) {
    w.string(name);
    w.boolean(vocabulary.masked);
  }
  w.varint(policy.rules.size());
  for (const Rule& rule : policy.rules) write_rule(w, rule);
  return w.take(checker.lexicon().save());
}

PolicyImageLoadResult read_policy_image(std::string_view bytes) {
  PolicyImageLoadResult result;
  auto refuse = [&](const std::string& why) {
    result.errors.push_back(PolicyError{"policy.image", "", 0, 0, "the compiled policy cannot be read: " + why});
    return std::move(result);
  };
  codec::ByteReader header(bytes);
  if (bytes.substr(0, kMagic.size()) != kMagic) return refuse("not a policy image");
  header.bytes(kMagic.size());
  if (const std::uint64_t version = header.varint(); header.ok() && version != kPolicyImageVersion) {
    return refuse("image format " + std::to_string(version) + ", this build reads " + std::to_string(kPolicyImageVersion));
  }
  const std::uint64_t structure_length = header.varint();
  const std::uint64_t text_length = header.varint();
  const std::uint64_t lexicon_length = header.varint();
  if (!header.ok()) return refuse(header.error());
  std::string_view parts[3];
  const char* const names[3] = {"a structure", "a text", "a lexicon"};
  const std::uint64_t lengths[3] = {structure_length, text_length, lexicon_length};
  for (int k = 0; k < 3; ++k) {
    if (lengths[k] > header.left()) return refuse(std::string(names[k]) + " longer than the image");
    parts[k] = header.bytes(lengths[k]);
  }
  if (!header.at_end()) return refuse("bytes after the policy");

  Reader r(parts[0], parts[1]);
  Policy policy;
  policy.format = static_cast<int>(std::min<std::uint64_t>(r.varint(), 1000));
  policy.name = r.string();
  policy.version = r.string();
  policy.description = r.string();
  policy.organisation_names = r.strings();
  policy.organisation_handles = r.strings();
  policy.organisation_domains = r.strings();
  policy.accounts.resize(r.count());
  for (auto& a : policy.accounts) {
    a.network = r.string();
    a.handle = r.string();
    a.display_name = r.string();
  }
  for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
    std::string key = r.string();
    Contact contact;
    contact.role = r.string();
    contact.email = r.string();
    policy.contacts.emplace(std::move(key), std::move(contact));
  }
  policy.hold_severities.resize(r.count());
  for (auto& s : policy.hold_severities) s = r.enumeration(Severity::block, "severity");
  for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
    std::string name = r.string();
    Vocabulary vocabulary;
    vocabulary.masked = r.boolean();
    policy.vocabularies.emplace(std::move(name), std::move(vocabulary));
  }
  policy.rules.resize(r.count());
  for (auto& rule : policy.rules) {
    if (!r.ok()) break;
    rule = read_rule(r);
  }
  if (r.ok() && !r.at_end()) r.fail("bytes after the policy");
  if (r.ok()) check_invariants(r, policy);
  if (!r.ok()) return refuse(r.error());

  std::string why_not;
  std::optional<Lexicon> lexicon = Lexicon::load(parts[2], why_not);
  if (!lexicon) return refuse(why_not + " of the lexicon");
  std::optional<Checker> checker = Checker::with_lexicon(std::move(policy), std::move(*lexicon));
  if (!checker) return refuse("a lexicon of another policy");
  result.checker = std::move(checker);
  return result;
}

}  // namespace postcheck
