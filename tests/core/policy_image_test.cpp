// policy_image_test.cpp — write_policy_image() / read_policy_image(): every field but the term lists
// survives the round trip, the terms arrive compiled, the bytes are deterministic, a checker read from
// the default policy's image finds exactly what one compiled from its JSON finds on every dev-corpus
// post, and truncated, corrupt or foreign bytes give one policy.image error (never a crash, never a
// partial checker).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../support/full_policy.h"
#include "postcheck/checker.h"
#include "postcheck/lexicon.h"
#include "postcheck/policy.h"
#include "postcheck/policy_image.h"

using namespace postcheck;
using namespace std::string_literals;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Policy loaded(const std::string& json) {
  PolicyLoadResult r = parse_policy(json);
  REQUIRE(r.errors.empty());
  return std::move(*r.policy);
}

Policy default_policy() {
  return loaded(read_file(std::filesystem::path(POSTCHECK_SOURCE_DIR) / "core" / "policies" / "carers-in-bedfordshire.json"));
}

void expect_refused(std::string_view bytes, const std::string& why) {
  const PolicyImageLoadResult r = read_policy_image(bytes);
  INFO(why);
  CHECK_FALSE(r.checker.has_value());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "policy.image");
  CHECK(r.errors[0].line == 0);
  CHECK(r.errors[0].message.find(why) != std::string::npos);
}

std::string image_of(const Policy& policy) { return write_policy_image(Checker(policy)); }

// `image` with its lexicon part replaced by `lexicon`. The header: magic, version, then the lengths of
// the structure, text and lexicon (varints), then the three parts.
std::string with_lexicon_part(const std::string& image, const std::string& lexicon) {
  std::size_t pos = 9;
  auto varint = [&] {
    std::uint64_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto b = static_cast<unsigned char>(image.at(pos++));
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
  };
  const std::uint64_t structure = varint(), text = varint();
  varint();
  auto append_varint = [](std::string& out, std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    out.push_back(static_cast<char>(v));
  };
  std::string out = image.substr(0, 9);
  append_varint(out, structure);
  append_varint(out, text);
  append_varint(out, lexicon.size());
  return out + image.substr(pos, structure + text) + lexicon;
}

// The checkers find the same (rule, span, message) on `text` in every context.
void expect_same_findings(const Checker& a, const Checker& b, const std::string& text, std::size_t& findings) {
  for (const Context context : {Context{Account::personal, false}, Context{Account::charity, false},
                                Context{Account::charity, true}}) {
    const auto x = a.check(std::string_view(text), context);
    const auto y = b.check(std::string_view(text), context);
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(x[i].rule == y[i].rule);
      CHECK(x[i].u16_start == y[i].u16_start);
      CHECK(x[i].u16_end == y[i].u16_end);
      CHECK(x[i].message == y[i].message);
    }
    findings += x.size();
  }
}

}  // namespace

TEST_CASE("every field but the term lists survives the round trip, and the bytes are deterministic") {
  const Policy policy = loaded(test::kFullPolicy);
  const std::string image = image_of(policy);
  const PolicyImageLoadResult back = read_policy_image(image);
  REQUIRE(back.errors.empty());
  REQUIRE(back.checker.has_value());
  CHECK(back.checker->policy() == without_term_lists(policy));
  CHECK(write_policy_image(*back.checker) == image);
  CHECK(image_of(policy) == image);
  CHECK(back.checker->lexicon().pattern_count() == Checker(policy).lexicon().pattern_count());

  // The comparison is not vacuous: a change to any nested field or term is seen.
  Policy changed = policy;
  changed.rules[1].require.terms[0] = "ring";
  CHECK(image_of(changed) != image);
  changed = policy;
  changed.rules[2].when.authorised.reset();
  CHECK_FALSE(read_policy_image(image_of(changed)).checker->policy() == without_term_lists(policy));
  // ... and without_term_lists() empties every list, keeping the rest.
  const Policy stripped = without_term_lists(policy);
  CHECK(stripped.rules.size() == policy.rules.size());
  CHECK(stripped.rules[1].require.terms.empty());
  CHECK(stripped.rules[1].require.vocabularies == policy.rules[1].require.vocabularies);
  for (const auto& [name, vocabulary] : stripped.vocabularies) CHECK(vocabulary.terms.empty());
}

TEST_CASE("a checker read from an image checks like the one compiled from the terms") {
  const Policy policy = loaded(test::kFullPolicy);
  const Checker compiled(policy);
  const PolicyImageLoadResult back = read_policy_image(write_policy_image(compiled));
  REQUIRE(back.checker.has_value());
  std::size_t findings = 0;
  for (const std::string text : {"Call me on 07700 900123 or f*** off, the managers are useless",
                                 "My client's husband has dementia, he told me at the carers' café",
                                 "Nothing to see here 😀 — just a walk in the park",
                                 "Sh1t day. Pa$$word is Tulip42 for the shared drive"}) {
    expect_same_findings(compiled, *back.checker, text, findings);
  }
  CHECK(findings > 4);
}

TEST_CASE("the default policy's image reads back and checks exactly like its JSON") {
  const Policy policy = default_policy();
  const Checker from_json(policy);
  const std::string image = write_policy_image(from_json);
  const PolicyImageLoadResult back = read_policy_image(image);
  REQUIRE(back.errors.empty());
  CHECK(back.checker->policy() == without_term_lists(policy));
  // The compiled terms take less room than the terms themselves (7,000 and more spellings).
  std::size_t term_bytes = 0;
  auto count = [&](const std::vector<std::string>& terms) {
    for (const auto& t : terms) term_bytes += t.size();
  };
  for (const auto& [name, vocabulary] : policy.vocabularies) {
    count(vocabulary.terms);
    count(vocabulary.exceptions);
  }
  for (const Rule& rule : policy.rules) {
    for (const MatcherSet* set : {&rule.match, &rule.near, &rule.require, &rule.forbid, &rule.unless}) count(set->terms);
    count(rule.exceptions);
  }
  CHECK(from_json.lexicon().save().size() < term_bytes);

  std::ifstream corpus(std::filesystem::path(POSTCHECK_SHARED_DIR) / "corpus" / "dev.jsonl");
  REQUIRE(corpus.good());
  std::size_t posts = 0, findings = 0;
  for (std::string line; std::getline(corpus, line);) {
    if (line.empty()) continue;
    expect_same_findings(from_json, *back.checker, nlohmann::json::parse(line).at("text").get<std::string>(), findings);
    ++posts;
  }
  CHECK(posts > 100);
  CHECK(findings > 100);
}

TEST_CASE("truncated images are refused at every length") {
  const std::string image = image_of(loaded(test::kFullPolicy));
  for (std::size_t n = 0; n < image.size(); ++n) {
    const PolicyImageLoadResult r = read_policy_image(std::string_view(image).substr(0, n));
    CHECK_FALSE(r.checker.has_value());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "policy.image");
  }
}

TEST_CASE("foreign, corrupt and inconsistent bytes are refused with the reason") {
  const Policy policy = loaded(test::kFullPolicy);
  const std::string image = image_of(policy);

  expect_refused("", "not a policy image");
  expect_refused(R"({"format": 1})", "not a policy image");
  std::string other = image;
  other[8] = static_cast<char>(kPolicyImageVersion + 1);  // the version follows the 8-byte magic
  expect_refused(other, "image format " + std::to_string(kPolicyImageVersion + 1));
  expect_refused(image + "x", "bytes after the policy");

  // Lengths and counts far beyond the bytes: refused before anything is allocated for them. After
  // the magic and the version: the lengths of the structure, the text and the lexicon, then the
  // structure (format, name's length …).
  const std::string header = image.substr(0, 9);
  expect_refused(header + "\xff\xff\xff\x0f\x00\x00"s, "a structure longer than the image");
  expect_refused(header + "\x00\xff\xff\xff\x0f\x00"s, "a text longer than the image");
  expect_refused(header + "\x00\x00\xff\xff\xff\x0f"s, "a lexicon longer than the image");
  expect_refused(header + "\x06\x00\x00\x01\xff\xff\xff\xff\x0f"s, "a string longer than the image");  // a 4 GiB name
  expect_refused(header + "\x09\x00\x00\x01\x00\x00\x00\xff\xff\xff\xff\x0f"s, "a count larger than the image");  // 4 G names

  Policy bad = policy;
  bad.rules[0].severity = static_cast<Severity>(7);
  expect_refused(image_of(bad), "an unknown severity");
  bad = policy;
  bad.rules[0].match.recognizers.push_back(static_cast<RecognizerKind>(kRecognizerCount));
  expect_refused(image_of(bad), "an unknown recognizer");
  bad = policy;
  bad.rules[0].category = "gossip";
  expect_refused(image_of(bad), "an unknown category in rule swearing");
  bad = policy;
  bad.rules[1].window = 0;
  expect_refused(image_of(bad), "a window out of range in rule phone");
  bad = policy;
  bad.rules[1].recognizer.reset();
  expect_refused(image_of(bad), "no recognizer named in rule phone");
  bad = policy;
  bad.rules[2].near.vocabularies = {"nowhere"};
  expect_refused(image_of(bad), "a reference to no vocabulary: nowhere");

  // A lexicon that is not the policy's: owners past its term lists (here, those of a policy with a
  // rule more, whose terms the fewer lists cannot own).
  Policy more = policy;
  more.rules.push_back(policy.rules[0]);
  more.rules.back().id = "swearing-again";
  more.rules.back().match.terms = {"blimey"};
  more.rules.back().match.vocabularies.clear();
  const std::string lexicon = Checker(more).lexicon().save();
  expect_refused(with_lexicon_part(image, lexicon), "a lexicon of another policy");
  std::string why;
  CHECK_FALSE(Checker::with_lexicon(without_term_lists(policy), *Lexicon::load(lexicon, why)).has_value());
  CHECK(Checker::with_lexicon(without_term_lists(more), *Lexicon::load(lexicon, why)).has_value());
  // A lexicon that does not read.
  expect_refused(with_lexicon_part(image, lexicon.substr(0, lexicon.size() / 2)), "of the lexicon");
}
