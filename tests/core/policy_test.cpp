// policy_test.cpp — parse_policy(): typed values from a valid document, every error code with its exact
// path and line:column, document order, the size limits, the default policy, and the JSON Schema kept
// in step with the loader. Expected positions come from searching the test's own text, never the loader.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "postcheck/policy.h"
#include "../support/full_policy.h"

using namespace postcheck;
using postcheck::test::kFullPolicy;

namespace {

// A small valid policy with the rules given, one per line from line 5.
std::string with_rules(const std::vector<std::string>& rules, const std::string& extra_top = "") {
  std::string doc =
      "{\"format\": 1, \"name\": \"t\", \"version\": \"1\",\n"
      "\"organisation\": {\"names\": [\"Org\"]}, \"contacts\": {},\n"
      "\"vocabularies\": {\"health\": {\"terms\": [\"dementia\"]}},\n"
      "\"rules\": [\n";
  for (std::size_t i = 0; i < rules.size(); ++i) doc += rules[i] + (i + 1 < rules.size() ? ",\n" : "\n");
  doc += "]" + extra_top + "}";
  return doc;
}

// The common part of a rule, with the given id and kind, then `rest` (kind fields).
std::string rule(const std::string& id, const std::string& kind, const std::string& rest) {
  return R"({"id": ")" + id + R"(", "kind": ")" + kind +
         R"(", "category": "disrepute", "severity": "warn", "clause": "5", "message": "m", "advice": "a")" +
         (rest.empty() ? "" : ", " + rest) + "}";
}

std::string lexicon(const std::string& id, const std::string& rest = R"("terms": ["damn"])") {
  return rule(id, "lexicon", rest);
}

struct Position {
  int line;
  int column;
};

// Where the `occurrence`-th (0-based) `needle` starts in `doc`: the independent oracle for positions.
Position where(const std::string& doc, const std::string& needle, int occurrence = 0) {
  std::size_t at = doc.find(needle);
  for (int i = 0; i < occurrence && at != std::string::npos; ++i) at = doc.find(needle, at + 1);
  REQUIRE_MESSAGE(at != std::string::npos, "test bug: no " << needle);
  Position p{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (doc[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.column = static_cast<int>(at - line_start + 1);
  return p;
}

std::string dump(const PolicyLoadResult& r) {
  std::string out;
  for (const PolicyError& e : r.errors) out += e.to_string() + "\n";
  return out;
}

// The only error of `doc`, which must be `code` at `path`, positioned at `needle`.
void expect_one(const std::string& doc, const std::string& code, const std::string& path, const std::string& needle,
                int occurrence = 0) {
  const PolicyLoadResult r = parse_policy(doc);
  INFO("document:\n" << doc << "\nerrors:\n" << dump(r));
  CHECK_FALSE(r.policy.has_value());
  REQUIRE(r.errors.size() == 1);
  const PolicyError& e = r.errors.front();
  CHECK(e.code == code);
  CHECK(e.path == path);
  const Position p = where(doc, needle, occurrence);
  CHECK(e.line == p.line);
  CHECK(e.column == p.column);
  CHECK_FALSE(e.message.empty());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::filesystem::path kPolicies = std::filesystem::path(POSTCHECK_SOURCE_DIR) / "core" / "policies";

}  // namespace

TEST_CASE("a document with every field loads into the typed values") {
  const PolicyLoadResult r = parse_policy(kFullPolicy);
  INFO(dump(r));
  REQUIRE(r.errors.empty());
  REQUIRE(r.policy.has_value());
  const Policy& p = *r.policy;
  CHECK(p.format == 1);
  CHECK(p.name == "Test policy");
  CHECK(p.version == "2026.1.0");
  CHECK(p.description == "Every field once.");
  CHECK(p.organisation_names == std::vector<std::string>{"Carers in Bedfordshire", "Carers in Beds"});
  CHECK(p.organisation_handles == std::vector<std::string>{"@CarersinBeds"});
  CHECK(p.organisation_domains == std::vector<std::string>{"carersinbeds.org.uk"});
  REQUIRE(p.accounts.size() == 1);
  CHECK(p.accounts[0].network == "x");
  CHECK(p.accounts[0].handle == "@CarersinBeds");
  CHECK(p.accounts[0].display_name == "Carers in Bedfordshire");
  REQUIRE(p.contacts.count("communications_officer") == 1);
  CHECK(p.contacts.at("communications_officer").role == "Communications Officer");
  CHECK(p.contacts.at("communications_officer").email == "comms@example.org");
  CHECK(p.hold_severities == std::vector<Severity>{Severity::block, Severity::warn});
  REQUIRE(p.vocabularies.size() == 2);
  CHECK(p.vocabularies.at("health").terms == std::vector<std::string>{"dementia", "end of life"});
  CHECK(p.vocabularies.at("health").exceptions == std::vector<std::string>{"dementia friends"});
  CHECK(p.vocabularies.at("health").masked);
  CHECK_FALSE(p.vocabularies.at("stance").masked);
  REQUIRE(p.rules.size() == 5);

  const Rule& lex = p.rules[0];
  CHECK(lex.id == "swearing");
  CHECK(lex.kind == RuleKind::lexicon);
  CHECK(lex.category == "disrepute");
  CHECK(lex.severity == Severity::block);
  CHECK(lex.clause == "5");
  CHECK(lex.message == "Swearing.");
  CHECK(lex.advice == "Leave it out.");
  REQUIRE(lex.suggestion.has_value());
  CHECK(lex.suggestion->action == Suggestion::Action::replace);
  CHECK(lex.suggestion->text.empty());
  CHECK(lex.mask);
  CHECK_FALSE(lex.when.account.has_value());
  CHECK_FALSE(lex.when.authorised.has_value());
  CHECK(lex.unless.terms == std::vector<std::string>{"quote"});
  CHECK(lex.match.terms == std::vector<std::string>{"damn", "grumbl*"});
  CHECK(lex.match.vocabularies == std::vector<std::string>{"health"});
  CHECK(lex.exceptions == std::vector<std::string>{"damnation"});
  CHECK(lex.masked);

  const Rule& rec = p.rules[1];
  CHECK(rec.kind == RuleKind::recognizer);
  CHECK(rec.severity == Severity::warn);
  REQUIRE(rec.suggestion.has_value());
  CHECK(rec.suggestion->action == Suggestion::Action::remove);
  CHECK_FALSE(rec.mask);
  CHECK(rec.when.account == Account::personal);
  CHECK_FALSE(rec.when.authorised.has_value());
  CHECK(rec.recognizer == RecognizerKind::uk_phone);
  CHECK(rec.allow == std::vector<std::string>{"01234 567890"});
  CHECK(rec.require.terms == std::vector<std::string>{"call"});
  CHECK(rec.forbid.vocabularies == std::vector<std::string>{"stance"});
  CHECK(rec.window == 5);
  CHECK(rec.unless.recognizers == std::vector<RecognizerKind>{RecognizerKind::url});

  const Rule& prox = p.rules[2];
  CHECK(prox.kind == RuleKind::proximity);
  CHECK(prox.category == "client-confidentiality");
  REQUIRE(prox.suggestion.has_value());
  CHECK(prox.suggestion->action == Suggestion::Action::replace);
  CHECK(prox.suggestion->text == "a carer");
  CHECK_FALSE(prox.mask);
  CHECK(prox.when.authorised == true);
  CHECK(prox.match.terms == std::vector<std::string>{"my client"});
  CHECK(prox.match.recognizers == std::vector<RecognizerKind>{RecognizerKind::email});
  CHECK(prox.near.vocabularies == std::vector<std::string>{"health"});
  CHECK(prox.window == 12);
  CHECK_FALSE(prox.same_sentence);

  const Rule& abs = p.rules[3];
  CHECK(abs.kind == RuleKind::absence);
  CHECK(abs.severity == Severity::info);
  REQUIRE(abs.suggestion.has_value());
  CHECK(abs.suggestion->action == Suggestion::Action::append);
  CHECK(abs.suggestion->text == " (Views my own.)");
  CHECK(abs.match.vocabularies == std::vector<std::string>{"stance"});
  CHECK(abs.near.terms == std::vector<std::string>{"views my own"});

  const Rule& ctx = p.rules[4];
  CHECK(ctx.kind == RuleKind::context);
  REQUIRE(ctx.suggestion.has_value());
  CHECK(ctx.suggestion->text == " (Posted by a volunteer.)");
  CHECK(ctx.unless.terms == std::vector<std::string>{"test post"});
  CHECK(abs.unless.vocabularies == std::vector<std::string>{"health"});
  CHECK(prox.unless.terms == std::vector<std::string>{"fictional"});
  CHECK(ctx.when.account == Account::charity);
  CHECK(ctx.when.authorised == false);
  CHECK(ctx.when.matches(Context{Account::charity, false}));
  CHECK_FALSE(ctx.when.matches(Context{Account::charity, true}));
  CHECK(ctx.match.empty());
}

TEST_CASE("defaults: window 8, same sentence, hold on block, any context") {
  const std::string doc = with_rules({rule("p", "proximity", R"("match": {"terms": ["a"]}, "near": {"terms": ["b"]})")});
  const PolicyLoadResult r = parse_policy(doc);
  INFO(dump(r));
  REQUIRE(r.policy.has_value());
  CHECK(r.policy->hold_severities == std::vector<Severity>{Severity::block});
  CHECK(r.policy->description.empty());
  const Rule& p = r.policy->rules.at(0);
  CHECK(p.window == 8);
  CHECK(p.same_sentence);
  CHECK_FALSE(p.suggestion.has_value());
  CHECK_FALSE(p.when.account.has_value());
  CHECK_FALSE(p.when.authorised.has_value());
}

TEST_CASE("names of the enums") {
  CHECK(severity_name(Severity::info) == "info");
  CHECK(severity_name(Severity::warn) == "warn");
  CHECK(severity_name(Severity::block) == "block");
  CHECK(account_name(Account::personal) == "personal");
  CHECK(account_name(Account::charity) == "charity");
  CHECK(suggestion_action_name(Suggestion::Action::replace) == "replace");
  CHECK(suggestion_action_name(Suggestion::Action::remove) == "remove");
  CHECK(suggestion_action_name(Suggestion::Action::append) == "append");
  CHECK(rule_kind_name(RuleKind::lexicon) == "lexicon");
  CHECK(rule_kind_name(RuleKind::recognizer) == "recognizer");
  CHECK(rule_kind_name(RuleKind::proximity) == "proximity");
  CHECK(rule_kind_name(RuleKind::absence) == "absence");
  CHECK(rule_kind_name(RuleKind::context) == "context");
}

TEST_CASE("json.syntax: the line and column of the byte that broke the parse") {
  SUBCASE("a bad literal on line 2") {
    const std::string doc = "{\"format\": 1,\n  \"name\": tru }";
    const PolicyLoadResult r = parse_policy(doc);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "json.syntax");
    CHECK(r.errors[0].path == "");
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 14);  // the space after "tru"
    CHECK(r.errors[0].message.find("malformed JSON") == 0);
  }
  SUBCASE("a trailing comma") {
    const std::string doc = "{\"format\": 1,\n\"name\": \"x\",\n}";
    const PolicyLoadResult r = parse_policy(doc);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "json.syntax");
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].column == 1);
  }
  SUBCASE("empty text and unterminated input point just past the end") {
    auto r = parse_policy("");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "json.syntax");
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 1);
    r = parse_policy("{\"a\": [1,\n2");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "json.syntax");
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 2);
  }
  SUBCASE("invalid UTF-8 inside a string") {
    const auto r = parse_policy("{\"name\": \"a\xff\"}");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "json.syntax");
    CHECK(r.errors[0].column == 12);
  }
}

TEST_CASE("field.unknown points at the key") {
  SUBCASE("top level") {
    const std::string doc = with_rules({lexicon("a")}, ",\n \"colour\": 1");
    expect_one(doc, "field.unknown", "/colour", "\"colour\"");
  }
  SUBCASE("a field of another kind") {
    const std::string doc = with_rules({lexicon("a", R"("terms": ["damn"], "window": 3)")});
    expect_one(doc, "field.unknown", "/rules/0/window", "\"window\"");
  }
  SUBCASE("context rules have no matcher fields") {
    const std::string doc = with_rules({rule("c", "context", R"("match": {"terms": ["x"]})")});
    expect_one(doc, "field.unknown", "/rules/0/match", "\"match\"");
  }
  SUBCASE("inside a matcher set, when, organisation, a vocabulary") {
    expect_one(with_rules({lexicon("a", R"("terms": ["x"], "unless": {"terms": ["y"], "word": ["z"]})")}),
               "field.unknown", "/rules/0/unless/word", "\"word\"");
    expect_one(with_rules({lexicon("a", R"("terms": ["x"], "when": {"account": "any", "network": "x"})")}),
               "field.unknown", "/rules/0/when/network", "\"network\"");
    std::string doc = with_rules({lexicon("a")});
    doc.replace(doc.find("\"names\""), 7, "\"logo\": \"x\", \"names\"");
    expect_one(doc, "field.unknown", "/organisation/logo", "\"logo\"");
    doc = with_rules({lexicon("a")});
    doc.replace(doc.find("[\"dementia\"]"), 12, "[\"dementia\"], \"synonyms\": []");
    expect_one(doc, "field.unknown", "/vocabularies/health/synonyms", "\"synonyms\"");
  }
  SUBCASE("text on a suggestion that takes none") {
    const std::string doc = with_rules({lexicon("a", R"("terms": ["x"], "suggestion": {"action": "remove", "text": "y"})")});
    expect_one(doc, "field.unknown", "/rules/0/suggestion/text", "\"text\"");
  }
  SUBCASE("keys with '/' and '~' are escaped in the pointer") {
    const std::string doc = with_rules({lexicon("a")}, ",\n \"a/b~c\": 1");
    expect_one(doc, "field.unknown", "/a~1b~0c", "\"a/b~c\"");
  }
}

TEST_CASE("field.missing points at the object") {
  SUBCASE("a rule without severity") {
    const std::string doc = with_rules(
        {lexicon("a"), R"({"id": "b", "kind": "lexicon", "category": "disrepute", "clause": "5", "message": "m", "advice": "a", "terms": ["x"]})"});
    expect_one(doc, "field.missing", "/rules/1", "{\"id\": \"b\"");
  }
  SUBCASE("the document without a name") {
    std::string doc = with_rules({lexicon("a")});
    doc.replace(doc.find("\"name\": \"t\", "), 13, "");
    expect_one(doc, "field.missing", "", "{");
  }
  SUBCASE("kind-specific requirements") {
    expect_one(with_rules({rule("r", "recognizer", "")}), "field.missing", "/rules/0", "{\"id\": \"r\"");
    expect_one(with_rules({rule("p", "proximity", R"("match": {"terms": ["a"]})")}), "field.missing", "/rules/0",
               "{\"id\": \"p\"");
    expect_one(with_rules({rule("n", "absence", R"("near": {"terms": ["a"]})")}), "field.missing", "/rules/0",
               "{\"id\": \"n\"");
    CHECK(parse_policy(with_rules({rule("c", "context", "")})).errors.empty());
  }
  SUBCASE("replace without text") {
    expect_one(with_rules({lexicon("a", R"("terms": ["x"], "suggestion": {"action": "replace"})")}), "field.missing",
               "/rules/0/suggestion", "{\"action\"");
  }
}

TEST_CASE("field.type names the expected type") {
  expect_one(with_rules({lexicon("a", R"("terms": ["x"], "masked": "yes")")}), "field.type", "/rules/0/masked",
             "\"yes\"");
  expect_one(with_rules({rule("p", "proximity", R"("match": {"terms": ["a"]}, "near": {"terms": ["b"]}, "window": "8")")}),
             "field.type", "/rules/0/window", "\"8\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["x"], "when": {"authorised": "yes"})")}), "field.type",
             "/rules/0/when/authorised", "\"yes\"");
  expect_one(with_rules({lexicon("a", R"("terms": "damn")")}), "field.type", "/rules/0/terms", "\"damn\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["x", 7])")}), "field.type", "/rules/0/terms/1", "7");
  expect_one(with_rules({lexicon("a")}, ",\n\"hold_severities\": \"block\""), "field.type", "/hold_severities",
             "\"block\"");
  const auto r = parse_policy("[1, 2]");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "field.type");
  CHECK(r.errors[0].path == "");
  const auto s = parse_policy(with_rules({lexicon("a", R"("terms": ["x"], "severity": 3)")}));
  // "severity" given twice: the JSON keeps the last, a number.
  REQUIRE(s.errors.size() == 1);
  CHECK(s.errors[0].code == "field.type");
  CHECK(s.errors[0].path == "/rules/0/severity");
  CHECK(s.errors[0].message.find("\"severity\" must be a non-empty string") != std::string::npos);
}

TEST_CASE("field.empty where content is required") {
  expect_one(with_rules({lexicon("a", "")}), "field.empty", "/rules/0", "{\"id\": \"a\"");
  expect_one(with_rules({lexicon("a", R"("terms": [])")}), "field.empty", "/rules/0/terms", "[]");
  expect_one(with_rules({lexicon("a", R"("terms": [], "vocabularies": [])")}), "field.empty", "/rules/0/terms", "[]");
  expect_one(with_rules({lexicon("a", R"("terms": [""])")}), "field.empty", "/rules/0/terms/0", "\"\"]");
  std::string doc = with_rules({lexicon("a")});
  doc.replace(doc.find("\"message\": \"m\""), 14, "\"message\": \"\"");
  expect_one(doc, "field.empty", "/rules/0/message", "\"\",");
  expect_one(with_rules({}), "field.empty", "/rules", "[\n]");
  expect_one(with_rules({rule("p", "proximity", R"("match": {}, "near": {"terms": ["b"]})")}), "field.empty",
             "/rules/0/match", "{}, \"near\"");
  expect_one(with_rules({rule("p", "proximity", R"("match": {"terms": [], "recognizers": []}, "near": {"terms": ["b"]})")}),
             "field.empty", "/rules/0/match", "{\"terms\": []");
}

TEST_CASE("bad enum values") {
  expect_one(with_rules({lexicon("a", R"("terms": ["x"], "severity": "fatal")")}), "value.severity",
             "/rules/0/severity", "\"fatal\"");
  std::string doc = with_rules({lexicon("a")});
  doc.replace(doc.find("\"disrepute\""), 11, "\"rudeness\"");
  expect_one(doc, "value.category", "/rules/0/category", "\"rudeness\"");
  expect_one(with_rules({rule("k", "regex", "")}), "value.kind", "/rules/0/kind", "\"regex\"");
  expect_one(with_rules({rule("r", "recognizer", R"("recognizer": "phone")")}), "value.recognizer",
             "/rules/0/recognizer", "\"phone\"");
  expect_one(with_rules({rule("p", "proximity", R"("match": {"recognizers": ["email", "fax"]}, "near": {"terms": ["b"]})")}),
             "value.recognizer", "/rules/0/match/recognizers/1", "\"fax\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["x"], "when": {"account": "team"})")}), "value.account",
             "/rules/0/when/account", "\"team\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["x"], "suggestion": {"action": "shout"})")}), "value.action",
             "/rules/0/suggestion/action", "\"shout\"");
  expect_one(with_rules({lexicon("a")}, ",\n\"hold_severities\": [\"block\", \"stop\"]"), "value.severity",
             "/hold_severities/1", "\"stop\"");
  doc = with_rules({lexicon("a")});
  doc.replace(doc.find("\"format\": 1"), 11, "\"format\": 2");
  expect_one(doc, "value.format", "/format", "2");
  doc = with_rules({lexicon("a")});
  doc.replace(doc.find("\"format\": 1"), 11, "\"format\": \"1\"");
  expect_one(doc, "field.type", "/format", "\"1\"");
}

TEST_CASE("value.vocabulary, value.term, value.range") {
  expect_one(with_rules({lexicon("a", R"("vocabularies": ["health", "wealth"])")}), "value.vocabulary",
             "/rules/0/vocabularies/1", "\"wealth\"");
  expect_one(with_rules({rule("p", "absence", R"("match": {"vocabularies": ["nope"]}, "near": {"terms": ["b"]})")}),
             "value.vocabulary", "/rules/0/match/vocabularies/0", "\"nope\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["gr*mble"])")}), "value.term", "/rules/0/terms/0", "\"gr*mble\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["ok", "*"])")}), "value.term", "/rules/0/terms/1", "\"*\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["ok", "grumbl**"])")}), "value.term", "/rules/0/terms/1",
             "\"grumbl**\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["!!! ..."])")}), "value.term", "/rules/0/terms/0", "\"!!! ...\"");
  expect_one(with_rules({lexicon("a", R"("terms": ["x"], "exceptions": ["*x"])")}), "value.term",
             "/rules/0/exceptions/0", "\"*x\"");
  // A term of at most kMaxTermBytes loads; one byte more is refused (a check's time depends on it).
  const std::string longest(kMaxTermBytes, 'a');
  CHECK(parse_policy(with_rules({lexicon("a", "\"terms\": [\"" + longest + "\"]")})).errors.empty());
  expect_one(with_rules({lexicon("a", "\"terms\": [\"ok\", \"" + longest + "b\"]")}), "value.term", "/rules/0/terms/1",
             "\"" + longest + "b\"");
  // The message quotes the term's start, cut between characters.
  const std::string accents(kMaxTermBytes, 'x');
  const auto r = parse_policy(with_rules({lexicon("a", "\"exceptions\": [\"" + std::string(39, 'x') + "é" + accents + "\"], \"terms\": [\"x\"]")}));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find(std::string(39, 'x') + "…") != std::string::npos);
  expect_one(with_rules({lexicon("a", R"("terms": ["ok", "日本"])")}), "value.term", "/rules/0/terms/1",
             "\"日本\"");
  CHECK(parse_policy(with_rules({lexicon("a", R"("terms": ["grumbl*", "f*", "café"])")})).errors.empty());
  const std::string prox = R"("match": {"terms": ["a"]}, "near": {"terms": ["b"]}, "window": )";
  expect_one(with_rules({rule("p", "proximity", prox + "0")}), "value.range", "/rules/0/window", "0}");
  expect_one(with_rules({rule("p", "proximity", prox + "101")}), "value.range", "/rules/0/window", "101");
  expect_one(with_rules({rule("p", "proximity", prox + "-3")}), "value.range", "/rules/0/window", "-3");
  expect_one(with_rules({rule("p", "proximity", prox + "2.5")}), "field.type", "/rules/0/window", "2.5");
  CHECK(parse_policy(with_rules({rule("p", "proximity", prox + "100")})).errors.empty());
}

TEST_CASE("rule.duplicate-id points at the second") {
  const std::string doc = with_rules({lexicon("same"), lexicon("other"), lexicon("same")});
  expect_one(doc, "rule.duplicate-id", "/rules/2/id", "\"same\"", 1);
}

TEST_CASE("every error is reported, in document order") {
  std::string doc = with_rules({lexicon("a", R"("terms": ["x"], "severity": "fatal")"),  // line 5
                                lexicon("b"),                                             // line 6
                                rule("c", "proximity", R"("match": {}, "near": {"terms": ["*"]}, "mood": 1)"),
                                lexicon("a", R"("terms": ["x"], "when": {"account": "team"})")},
                               ",\n\"extra\": true");
  // A problem at the top (before the rules) too.
  doc.replace(doc.find("\"format\": 1"), 11, "\"format\": 3");
  const PolicyLoadResult r = parse_policy(doc);
  INFO(dump(r));
  CHECK_FALSE(r.policy.has_value());
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"value.format", "/format"},
      {"value.severity", "/rules/0/severity"},
      {"field.empty", "/rules/2/match"},
      {"value.term", "/rules/2/near/terms/0"},
      {"field.unknown", "/rules/2/mood"},
      {"rule.duplicate-id", "/rules/3/id"},
      {"value.account", "/rules/3/when/account"},
      {"field.unknown", "/extra"},
  };
  REQUIRE(r.errors.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(r.errors[i].code == expected[i].first);
    CHECK(r.errors[i].path == expected[i].second);
  }
  for (std::size_t i = 1; i < r.errors.size(); ++i) {
    const bool ordered = r.errors[i - 1].line < r.errors[i].line ||
                         (r.errors[i - 1].line == r.errors[i].line && r.errors[i - 1].column <= r.errors[i].column);
    CHECK(ordered);
  }
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[1].line == 5);
  CHECK(r.errors[2].line == 7);
  CHECK(r.errors.back().line == where(doc, "\"extra\"").line);
}

TEST_CASE("many errors are all placed, in one pass") {
  // 20,000 bad terms: each is an error with its own column; placing them must not be quadratic.
  std::string terms;
  for (int i = 0; i < 20000; ++i) terms += std::string(i == 0 ? "" : ", ") + "\"*" + std::to_string(i) + "\"";
  const std::string doc = with_rules({lexicon("a", "\"terms\": [" + terms + "]")});
  const auto start = std::chrono::steady_clock::now();
  const PolicyLoadResult r = parse_policy(doc);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.errors.size() == 20000);
  for (std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{9999}, std::size_t{19999}}) {
    CHECK(r.errors[i].code == "value.term");
    CHECK(r.errors[i].path == "/rules/0/terms/" + std::to_string(i));
    const Position p = where(doc, "\"*" + std::to_string(i) + "\"");
    CHECK(r.errors[i].line == p.line);
    CHECK(r.errors[i].column == p.column);
  }
  MESSAGE("20,000 errors placed in " << ms << " ms");
  CHECK(ms < 5000);
}

TEST_CASE("to_string: line:column: code at path: message") {
  PolicyError e{"value.severity", "/rules/3/severity", 12, 7, "\"severity\" is \"fatal\"; allowed: block, warn, info"};
  CHECK(e.to_string() == "12:7: value.severity at /rules/3/severity: \"severity\" is \"fatal\"; allowed: block, warn, info");
  PolicyError root{"json.syntax", "", 1, 1, "malformed JSON: x"};
  CHECK(root.to_string() == "1:1: json.syntax at (document): malformed JSON: x");
}

TEST_CASE("messages name the field and what is allowed") {
  auto r = parse_policy(with_rules({lexicon("a", R"("terms": ["x"], "severity": "fatal")")}));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message == "\"severity\" is \"fatal\"; allowed: block, warn, info");
  r = parse_policy(with_rules({lexicon("a", R"("terms": ["x"], "window": 3)")}));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("unknown field \"window\" in a lexicon rule; allowed fields: id, kind,") == 0);
  r = parse_policy(with_rules({rule("r", "recognizer", "")}));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("missing required field \"recognizer\"") == 0);
}

TEST_CASE("policy.too-large: hostile sizes are refused before parsing") {
  using Clock = std::chrono::steady_clock;
  SUBCASE("50 MB") {
    std::string big = "{\"name\": \"";
    big.append(50u << 20, 'a');
    big += "\"}";
    const auto start = Clock::now();
    const auto r = parse_policy(big);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "policy.too-large");
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].column == 1);
    CHECK(ms < 200);
  }
  SUBCASE("10,000 deep") {
    std::string deep = "{\"rules\":\n";
    deep.append(10000, '[');
    deep.append(10000, ']');
    deep += "}";
    const auto start = Clock::now();
    const auto r = parse_policy(deep);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "policy.too-large");
    CHECK(r.errors[0].line == 2);
    CHECK(r.errors[0].column == 64);  // the 65th bracket: '{' on line 1 is the first
    CHECK(ms < 200);
  }
  SUBCASE("brackets inside strings do not count") {
    const std::string doc = with_rules({lexicon("a", R"("terms": ["x"], "message": ")" + std::string(100, '[') + "\"")});
    CHECK(parse_policy(doc).errors.size() == 0);
  }
  SUBCASE("terms over all rules and vocabularies") {
    const std::string doc = with_rules({lexicon("a", R"("terms": ["a", "b"])"), lexicon("b", R"("terms": ["c", "d"], "exceptions": ["e"])")});
    PolicyLimits limits;
    // Six in all (the vocabulary's "dementia" is one); counted rule by rule, each rule's fields by name.
    limits.max_terms = 4;
    auto r = parse_policy(doc, limits);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "policy.too-large");
    CHECK(r.errors[0].path == "/rules/1/terms/1");
    const Position p = where(doc, "\"d\"");
    CHECK(r.errors[0].line == p.line);
    CHECK(r.errors[0].column == p.column);
    limits.max_terms = 6;
    CHECK(parse_policy(doc, limits).errors.empty());
  }
  SUBCASE("a smaller byte limit") {
    PolicyLimits limits;
    limits.max_bytes = 10;
    const auto r = parse_policy(with_rules({lexicon("a")}), limits);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "policy.too-large");
  }
}

TEST_CASE("the default policy loads with no errors") {
  const auto path = kPolicies / "carers-in-bedfordshire.json";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path.string() << " does not exist yet");
    return;
  }
  const PolicyLoadResult r = parse_policy(read_file(path));
  INFO(dump(r));
  CHECK(r.errors.empty());
  CHECK(r.policy.has_value());
}

// ---- The JSON Schema and the loader accept the same fields ----
namespace {

using Json = nlohmann::json;

// The format, object by object: the fields each may have and those it must have.
struct ObjectShape {
  std::string schema_def;  // "" for the document itself
  std::set<std::string> fields;
  std::set<std::string> required;
};

const std::set<std::string> kCommonRule = {"id",     "kind",   "category",   "severity", "clause",
                                           "message", "advice", "suggestion", "when",     "unless"};
const std::set<std::string> kCommonRequired = {"id", "kind", "category", "severity", "clause", "message", "advice"};

std::set<std::string> plus(std::set<std::string> a, const std::set<std::string>& b) {
  a.insert(b.begin(), b.end());
  return a;
}

const std::vector<ObjectShape>& shapes() {
  static const std::vector<ObjectShape> all = {
      {"",
       {"$schema", "format", "name", "version", "description", "organisation", "contacts", "hold_severities",
        "vocabularies", "rules"},
       {"format", "name", "version", "organisation", "contacts", "rules"}},
      {"organisation", {"names", "handles", "domains", "accounts"}, {"names"}},
      {"account", {"network", "handle", "display_name"}, {"network", "handle"}},
      {"contact", {"role", "email"}, {"role", "email"}},
      {"vocabulary", {"terms", "exceptions", "masked"}, {"terms"}},
      {"matcher_set", {"terms", "vocabularies", "recognizers"}, {}},
      {"when", {"account", "authorised"}, {}},
      {"suggestion", {"action", "text"}, {"action"}},
      {"lexicon_rule", plus(kCommonRule, {"terms", "vocabularies", "exceptions", "masked"}), kCommonRequired},
      {"recognizer_rule", plus(kCommonRule, {"recognizer", "allow", "require", "forbid", "window"}),
       plus(kCommonRequired, {"recognizer"})},
      {"proximity_rule", plus(kCommonRule, {"match", "near", "window", "same_sentence"}),
       plus(kCommonRequired, {"match", "near"})},
      {"absence_rule", plus(kCommonRule, {"match", "near"}), plus(kCommonRequired, {"match", "near"})},
      {"context_rule", kCommonRule, kCommonRequired},
  };
  return all;
}

std::set<std::string> keys_of(const Json& object) {
  std::set<std::string> out;
  for (auto it = object.begin(); it != object.end(); ++it) out.insert(it.key());
  return out;
}

std::set<std::string> strings_of(const Json& list) {
  std::set<std::string> out;
  for (const Json& v : list) out.insert(v.get<std::string>());
  return out;
}

// In kFullPolicy, objects of each shape (the first is probed); together they use every field.
const std::vector<std::pair<std::string, std::string>> kSamples = {
    {"", ""},
    {"organisation", "/organisation"},
    {"account", "/organisation/accounts/0"},
    {"contact", "/contacts/communications_officer"},
    {"vocabulary", "/vocabularies/health"},
    {"matcher_set", "/rules/2/match"},
    {"matcher_set", "/rules/2/near"},
    {"when", "/rules/4/when"},
    {"suggestion", "/rules/2/suggestion"},
    {"lexicon_rule", "/rules/0"},
    {"recognizer_rule", "/rules/1"},
    {"proximity_rule", "/rules/2"},
    {"absence_rule", "/rules/3"},
    {"context_rule", "/rules/4"},
};

}  // namespace

TEST_CASE("policy.schema.json is JSON Schema 2020-12 and lists exactly the loader's fields") {
  const std::string text = read_file(kPolicies / "policy.schema.json");
  REQUIRE_FALSE(text.empty());
  const Json schema = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(schema.is_discarded());
  CHECK(schema.value("$schema", "") == "https://json-schema.org/draft/2020-12/schema");
  const Json& defs = schema.at("$defs");

  for (const ObjectShape& shape : shapes()) {
    INFO("schema object: " << (shape.schema_def.empty() ? "(document)" : shape.schema_def));
    const Json& def = shape.schema_def.empty() ? schema : defs.at(shape.schema_def);
    CHECK(def.value("additionalProperties", true) == false);
    CHECK(keys_of(def.at("properties")) == shape.fields);
    CHECK(strings_of(def.value("required", Json::array())) == shape.required);
  }

  // Enumerations agree with the loader's vocabulary.
  std::set<std::string> categories(std::begin(kCategories), std::end(kCategories));
  CHECK(strings_of(defs.at("category").at("enum")) == categories);
  CHECK(strings_of(defs.at("severity").at("enum")) == std::set<std::string>{"block", "warn", "info"});
  std::set<std::string> recognizers;
  for (std::size_t i = 0; i < kRecognizerCount; ++i) recognizers.insert(std::string(recognizer_name(static_cast<RecognizerKind>(i))));
  CHECK(strings_of(defs.at("recognizer").at("enum")) == recognizers);
  std::set<std::string> kinds;
  for (RuleKind k : {RuleKind::lexicon, RuleKind::recognizer, RuleKind::proximity, RuleKind::absence, RuleKind::context}) {
    kinds.insert(std::string(rule_kind_name(k)));
    CHECK(defs.at(std::string(rule_kind_name(k)) + "_rule").at("properties").at("kind").at("const") == rule_kind_name(k));
  }
  CHECK(strings_of(defs.at("rule").at("properties").at("kind").at("enum")) == kinds);
  CHECK(defs.at("window").at("minimum") == 1);
  CHECK(defs.at("window").at("maximum") == 100);
}

TEST_CASE("the loader accepts exactly the fields of each shape") {
  const Json full = Json::parse(kFullPolicy);
  REQUIRE(parse_policy(kFullPolicy).errors.empty());
  std::set<std::string> universe;
  for (const ObjectShape& shape : shapes()) universe.insert(shape.fields.begin(), shape.fields.end());

  for (const ObjectShape& shape : shapes()) {
    std::string at;
    for (const auto& [def, pointer] : kSamples) {
      if (def == shape.schema_def && at.empty()) at = pointer;
    }
    REQUIRE((!at.empty() || shape.schema_def.empty()));
    INFO("object " << (shape.schema_def.empty() ? "(document)" : shape.schema_def) << " at " << at);
    // The loader accepts every field of the shape: the full policy uses each, in some object of the shape.
    std::set<std::string> used;
    for (const auto& [def, pointer] : kSamples) {
      if (def == shape.schema_def) {
        const auto k = keys_of(full.at(Json::json_pointer(pointer)));
        used.insert(k.begin(), k.end());
      }
    }
    CHECK(used == shape.fields);
    // And refuses every other field any shape has.
    for (const std::string& name : universe) {
      if (shape.fields.count(name) != 0) continue;
      Json probe = full;
      probe[Json::json_pointer(at)][name] = nullptr;
      const PolicyLoadResult r = parse_policy(probe.dump());
      const std::string expected_path = at + "/" + name;
      bool found = false;
      for (const PolicyError& e : r.errors) found = found || (e.code == "field.unknown" && e.path == expected_path);
      CHECK_MESSAGE(found, name << " should be field.unknown at " << expected_path << "\n" << dump(r));
    }
  }
}
