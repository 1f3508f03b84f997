// hostile_policy_test.cpp — huge and hostile policy files: 10,000-deep nesting, 50 MB of JSON, 100,000
// terms (within the limit: loads, compiles and checks in bounded time and memory) and 200,001 terms
// (beyond it). Whatever is over a PolicyLimits limit must be refused with the one policy.too-large error,
// placed where the README says, before it is parsed (so a 50 MB file costs no memory to refuse).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "measure.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"

using namespace postcheck;
using hostile::kMB;
using hostile::kSlowBuild;
using hostile::kSlowFactor;
using hostile::measure;
using hostile::report;

namespace {

// A valid policy around `vocabulary_terms` (a JSON list's contents, or empty for none) and a
// `description` value (raw JSON).
std::string policy_json(const std::string& vocabulary_terms, const std::string& description = "\"\"") {
  std::string json = R"({"format": 1, "name": "Hostile", "version": "1", "description": )" + description +
                     R"(, "organisation": {"names": ["Carers in Beds"]}, "contacts": {}, )";
  if (!vocabulary_terms.empty()) json += R"("vocabularies": {"big": {"terms": [)" + vocabulary_terms + "]}}, ";
  json += R"("rules": [{"id": "r", "kind": "lexicon", "category": "disrepute", "severity": "warn",
              "clause": "4c", "message": "m", "advice": "a", )";
  json += vocabulary_terms.empty() ? R"("terms": ["idiot"]}]})" : R"("vocabularies": ["big"]}]})";
  return json;
}

// Distinct letter-only words: "qz" + index in base 26 ("qzaaaa", "qzaaab", …); every tenth a phrase.
std::string term(std::size_t i) {
  std::string word = "qz";
  for (int d = 0; d < 4; ++d, i /= 26) word.push_back(static_cast<char>('a' + i % 26));
  return word;
}

std::string term_list(std::size_t count) {
  std::string out;
  out.reserve(count * 16);
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += '"' + term(i) + (i % 10 == 9 ? " carers" : "") + '"';
  }
  return out;
}

void require_refused(const PolicyLoadResult& r, int line, int column, std::string_view path = "") {
  CHECK_FALSE(r.policy);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "policy.too-large");
  CHECK(r.errors[0].line == line);
  CHECK(r.errors[0].column == column);
  CHECK(r.errors[0].path == path);
  CHECK_FALSE(r.errors[0].message.empty());
}

}  // namespace

TEST_CASE("10,000-deep nesting is refused at the bracket that went too deep, without recursion") {
  const std::string lists = std::string(10000, '[') + std::string(10000, ']');
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10000, '}');
  const std::string inside = policy_json("", std::string(10000, '[') + std::string(10000, ']'));

  PolicyLoadResult r;
  auto m = measure([&] { r = parse_policy(lists); });
  report("policy: 10,000 nested lists", m);
  require_refused(r, 1, 65);  // the 65th '[' is one deeper than the 64 allowed
  CHECK(m.seconds < 2.0 * kSlowFactor);

  m = measure([&] { r = parse_policy(objects); });
  report("policy: 10,000 nested objects", m);
  require_refused(r, 1, 64 * 5 + 1);
  CHECK(m.heap_peak < kMB);

  r = parse_policy(inside);  // inside a field: the document's own '{' is the first level
  require_refused(r, 1, static_cast<int>(inside.find('[')) + 64);

  // Brackets inside a string are text, not nesting: this policy loads.
  r = parse_policy(policy_json("", '"' + std::string(10000, '[') + '"'));
  CHECK(r.errors.empty());
  CHECK(r.policy);
}

TEST_CASE("a 50 MB policy is refused with policy.too-large before it is parsed") {
  const std::string huge = policy_json("", '"' + std::string(50 * kMB, 'x') + '"');
  REQUIRE(huge.size() > 50 * kMB);
  PolicyLoadResult r;
  const auto m = measure([&] { r = parse_policy(huge); });
  report("policy: 50 MB (refused)", m);
  require_refused(r, 1, 1);
  CHECK(r.errors[0].message.find(std::to_string(PolicyLimits{}.max_bytes)) != std::string::npos);
  CHECK(m.heap_peak < 64 * 1024);  // not parsed: no DOM, no copy
  CHECK(m.seconds < 0.5 * kSlowFactor);
}

TEST_CASE("a policy just under the 8 MiB limit loads; a caller's tighter limit is honoured" * doctest::skip(kSlowBuild)) {
  PolicyLoadResult r;
  const std::string big = policy_json("", '"' + std::string(PolicyLimits{}.max_bytes - 1024, 'x') + '"');
  REQUIRE(big.size() <= PolicyLimits{}.max_bytes);
  const auto m8 = measure([&] { r = parse_policy(big); });
  report("policy: just under 8 MiB (loads)", m8);
  CHECK(r.errors.empty());
  CHECK(r.policy);
  CHECK(m8.seconds < 10.0 * kSlowFactor);
  CHECK(m8.heap_peak < 8 * big.size());
  PolicyLimits tight;
  tight.max_bytes = 1024;
  require_refused(parse_policy(big, tight), 1, 1);
}

TEST_CASE("a policy with 100,000 terms loads, compiles and checks in bounded time and memory") {
  const std::string json = policy_json(term_list(100000));
  PolicyLoadResult loaded;
  const auto parse = measure([&] { loaded = parse_policy(json); });
  report("policy: 100,000 terms, parse (" + std::to_string(json.size() / 1024) + " KB)", parse);
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.policy);
  REQUIRE(loaded.policy->vocabularies.at("big").terms.size() == 100000);
  CHECK(parse.seconds < 15.0 * kSlowFactor);
  CHECK(parse.heap_peak < 400 * kMB);

  std::optional<Checker> checker;
  const auto compile = measure([&] { checker.emplace(std::move(*loaded.policy)); });
  report("policy: 100,000 terms, compile", compile);
  CHECK(compile.seconds < 15.0 * kSlowFactor);
  CHECK(compile.heap_peak < 400 * kMB);

  // A post naming the first, a middle and the last single-word term, a phrase term, and near-misses
  // (a word that is not a term, a longer word, the first word of a phrase on its own).
  const std::string post = "so " + term(0) + " and " + term(51234) + " then " + term(99998) + ", " + term(19) +
                           " carers; not " + term(100000) + " nor " + term(7) + "x nor " + term(29) + ".";
  std::vector<Finding> findings;
  const auto check = measure([&] {
    for (int i = 0; i < 100; ++i) findings = checker->check(std::string_view(post), Context{});
  });
  report("policy: 100,000 terms, 100 checks of a short post", check);
  CHECK(check.seconds < 5.0 * kSlowFactor);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].excerpt == term(0));
  CHECK(findings[1].excerpt == term(51234));
  CHECK(findings[2].excerpt == term(99998));
  CHECK(findings[3].excerpt == term(19) + " carers");
}

TEST_CASE("a policy with 200,001 terms is refused at the first term beyond the limit" * doctest::skip(kSlowBuild)) {
  const std::string json = policy_json(term_list(200001));
  PolicyLoadResult r;
  const auto m = measure([&] { r = parse_policy(json); });
  report("policy: 200,001 terms (refused)", m);
  CHECK_FALSE(r.policy);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "policy.too-large");
  CHECK(r.errors[0].path == "/vocabularies/big/terms/200000");
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[0].column == static_cast<int>(json.find('"' + term(200000) + '"')) + 1);
  CHECK(m.seconds < 20.0);
}

TEST_CASE("a caller's tighter term limit is refused the same way") {
  PolicyLimits tight;
  tight.max_terms = 1000;
  const PolicyLoadResult t = parse_policy(policy_json(term_list(1001)), tight);
  REQUIRE(t.errors.size() == 1);
  CHECK(t.errors[0].code == "policy.too-large");
  CHECK(t.errors[0].path == "/vocabularies/big/terms/1000");
}
