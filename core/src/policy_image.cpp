// policy_image.cpp — Policy <-> bytes (policy_image.h). Layout: the magic "PCPOLIMG", the version and
// the structure's length as varints, the structure, then the text. The structure has every field of
// Policy in declaration order: integers as LEB128 varints, a string as its length (its bytes go to the
// text, in the same order), lists and maps as a count and the items, enums and bools as one byte,
// optionals as a presence byte and the value. Keeping the strings together, apart from the numbers
// between them, lets the .wasm's gzip find their repeats as it does in the JSON.
#include "postcheck/policy_image.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

namespace postcheck {

namespace {

constexpr std::string_view kMagic = "PCPOLIMG";

// ---- writing

class Writer {
 public:
  void varint(std::uint64_t v) { append_varint(structure_, v); }
  void byte(std::uint8_t b) { structure_.push_back(static_cast<char>(b)); }
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
  std::string take() {
    std::string out(kMagic);
    append_varint(out, kPolicyImageVersion);
    append_varint(out, structure_.size());
    return out + structure_ + text_;
  }

 private:
  static void append_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  std::string structure_;
  std::string text_;
};

void write_set(Writer& w, const MatcherSet& set) {
  w.strings(set.terms);
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
  w.strings(rule.exceptions);
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
  explicit Reader(std::string_view bytes) : bytes_(bytes), end_(bytes.size()) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return pos_ == end_ && text_ == bytes_.size(); }
  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why) + " (at byte " + std::to_string(pos_) + ")";
  }

  bool expect(std::string_view literal) {
    if (bytes_.substr(pos_, literal.size()) != literal) {
      fail("not a policy image");
      return false;
    }
    pos_ += literal.size();
    return true;
  }
  // After the header: the structure is the next `length` bytes, the text all after them.
  void split(std::uint64_t length) {
    if (length > bytes_.size() - pos_) {
      fail("a structure longer than the image");
      return;
    }
    end_ = pos_ + static_cast<std::size_t>(length);
    text_ = end_;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (pos_ >= end_) {
        fail("truncated");
        return 0;
      }
      const auto b = static_cast<std::uint8_t>(bytes_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    fail("a number longer than 64 bits");
    return 0;
  }
  // A count of items that each take at least one byte of the structure: never more than are left.
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > end_ - pos_) {
      fail("a count larger than the image");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  std::uint8_t byte() {
    if (pos_ >= end_) {
      fail("truncated");
      return 0;
    }
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }
  bool boolean() {
    const std::uint8_t b = byte();
    if (b > 1) fail("a flag that is neither 0 nor 1");
    return b == 1;
  }
  std::string string() {
    const std::uint64_t n = varint();
    if (n > bytes_.size() - text_) {
      fail("a string longer than the image");
      return {};
    }
    std::string s(bytes_.substr(text_, static_cast<std::size_t>(n)));
    text_ += static_cast<std::size_t>(n);
    return s;
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
    if (b > static_cast<std::uint8_t>(last)) fail("an unknown " + std::string(what));
    return static_cast<Enum>(std::min(b, static_cast<std::uint8_t>(last)));
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;   // the next structure byte
  std::size_t end_;       // the structure's end
  std::size_t text_ = 0;  // the next text byte
  std::string error_;
};

constexpr auto kLastRecognizer = static_cast<RecognizerKind>(kRecognizerCount - 1);

MatcherSet read_set(Reader& r) {
  MatcherSet set;
  set.terms = r.strings();
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
  rule.exceptions = r.strings();
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
// recognizer for every recognizer rule, vocabulary references that resolve, and no term over
// kMaxTermBytes (which bounds a check's time).
void check_invariants(Reader& r, const Policy& policy) {
  auto short_terms = [&](const std::vector<std::string>& terms) {
    for (const auto& term : terms) {
      if (term.size() > kMaxTermBytes) r.fail("a term over " + std::to_string(kMaxTermBytes) + " bytes");
    }
  };
  for (const auto& [name, vocabulary] : policy.vocabularies) {
    short_terms(vocabulary.terms);
    short_terms(vocabulary.exceptions);
  }
  auto check_set = [&](const MatcherSet& set) {  // short terms, known vocabularies
    short_terms(set.terms);
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
    short_terms(rule.exceptions);
  }
}

}  // namespace

std::string write_policy_image(const Policy& policy) {
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
    w.strings(vocabulary.terms);
    w.strings(vocabulary.exceptions);
    w.boolean(vocabulary.masked);
  }
  w.varint(policy.rules.size());
  for (const Rule& rule : policy.rules) write_rule(w, rule);
  return w.take();
}

PolicyLoadResult read_policy_image(std::string_view bytes) {
  Reader r(bytes);
  Policy policy;
  if (r.expect(kMagic)) {
    if (const std::uint64_t version = r.varint(); r.ok() && version != kPolicyImageVersion) {
      r.fail("image format " + std::to_string(version) + ", this build reads " + std::to_string(kPolicyImageVersion));
    }
    if (r.ok()) r.split(r.varint());
  }
  if (r.ok()) {
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
      vocabulary.terms = r.strings();
      vocabulary.exceptions = r.strings();
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
  }

  PolicyLoadResult result;
  if (r.ok()) {
    result.policy = std::move(policy);
  } else {
    result.errors.push_back(PolicyError{"policy.image", "", 0, 0, "the compiled policy cannot be read: " + r.error()});
  }
  return result;
}

}  // namespace postcheck
