// checker_test.cpp — the Checker's contract: compile once, check many; findings sorted, offsets in three
// units that agree with each other; empty and odd input; the same answers from UTF-8 and UTF-16.
#include <doctest/doctest.h>

#include <string>
#include <thread>

#include "postcheck/checker.h"

using namespace postcheck;

namespace {

Policy small_policy() {
  Policy p;
  p.name = "small";
  p.version = "1";
  Rule lex;
  lex.id = "word";
  lex.kind = RuleKind::lexicon;
  lex.category = "disrepute";
  lex.severity = Severity::warn;
  lex.clause = "4c";
  lex.message = "m";
  lex.advice = "a";
  lex.match.terms = {"bloody", "idiot"};
  Rule phone = lex;
  phone.id = "phone";
  phone.kind = RuleKind::recognizer;
  phone.category = "personal-data";
  phone.severity = Severity::block;
  phone.match = {};
  phone.recognizer = RecognizerKind::uk_phone;
  p.rules = {lex, phone};
  return p;
}

}  // namespace

TEST_CASE("findings are sorted by position and carry consistent offsets") {
  const Checker checker(small_policy());
  const std::string post = "idiot \xE2\x80\x94 call 07700 900283, you bloody idiot \xF0\x9F\x98\x82";
  const auto f = checker.check(std::string_view(post), Context{});
  REQUIRE(f.size() == 4);
  for (std::size_t i = 1; i < f.size(); ++i) CHECK(f[i - 1].cp_start <= f[i].cp_start);
  for (const auto& x : f) {
    CHECK(post.substr(x.byte_start, x.byte_end - x.byte_start) == x.excerpt);
    CHECK(x.cp_start < x.cp_end);
    CHECK(x.u16_end - x.u16_start == x.cp_end - x.cp_start);  // nothing astral inside these spans
  }
  CHECK(f[1].category == "personal-data");
  CHECK(f[1].severity == Severity::block);
  CHECK(f[1].excerpt == "07700 900283");
  // rule_index names the rule in the policy, as the id does.
  for (const auto& x : f) CHECK(checker.policy().rules.at(x.rule_index).id == x.rule);
  CHECK(f[1].rule_index == 1);
  CHECK(f[0].rule_index == 0);
}

TEST_CASE("empty, blank and binary input") {
  const Checker checker(small_policy());
  CHECK(checker.check(std::string_view(""), Context{}).empty());
  CHECK(checker.check(std::string_view("   \n\t"), Context{}).empty());
  const std::string junk("\xFF\xFE\x00idiot\xC0\x80", 10);
  const auto f = checker.check(std::string_view(junk), Context{});
  REQUIRE(f.size() == 1);
  CHECK(f[0].excerpt == "idiot");
  CHECK(f[0].byte_start == 3);
  CHECK(f[0].u16_start == 3);
}

TEST_CASE("UTF-8 and UTF-16 input agree") {
  const Checker checker(small_policy());
  const std::string utf8 = "\xF0\x9F\x8C\x88 Ring 07700 900283 you idiot";
  const std::u16string utf16 = u"\U0001F308 Ring 07700 900283 you idiot";
  const auto a = checker.check(std::string_view(utf8), Context{});
  const auto b = checker.check(std::u16string_view(utf16), Context{});
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].rule == b[i].rule);
    CHECK(a[i].u16_start == b[i].u16_start);
    CHECK(a[i].u16_end == b[i].u16_end);
    CHECK(a[i].excerpt == b[i].excerpt);
  }
}

TEST_CASE("a compiled checker is const and can be shared by threads") {
  const Checker checker(small_policy());
  std::size_t counts[2] = {0, 0};
  std::thread t1([&] { for (int i = 0; i < 200; ++i) counts[0] += checker.check(std::string_view("bloody idiot"), Context{}).size(); });
  std::thread t2([&] { for (int i = 0; i < 200; ++i) counts[1] += checker.check(std::string_view("idiot"), Context{}).size(); });
  t1.join();
  t2.join();
  CHECK(counts[0] == 400);
  CHECK(counts[1] == 200);
}

TEST_CASE("a moved checker keeps working") {
  Checker a(small_policy());
  Checker b(std::move(a));
  CHECK(b.check(std::string_view("idiot"), Context{}).size() == 1);
  CHECK(b.policy().name == "small");
}

TEST_CASE("check_spans() gives check()'s findings by reference to the rules") {
  Policy p = small_policy();
  p.rules[0].masked = true;
  p.rules[0].mask = true;
  p.rules[0].suggestion = Suggestion{Suggestion::Action::replace, ""};
  p.rules[1].suggestion = Suggestion{Suggestion::Action::replace, "[number removed]"};
  Rule stance = p.rules[0];
  stance.id = "stance";
  stance.mask = false;
  stance.masked = false;
  stance.category = "speaking-for-charity";
  stance.match.terms = {"we oppose"};
  stance.suggestion.reset();
  p.rules.push_back(stance);
  const Checker checker(p);
  const std::string post = "Caf\xC3\xA9 \xF0\x9F\x98\x80 b*oody idiot \xE2\x80\x9C" "ring 07700 900123\xE2\x80\x9D, we oppose it";
  const auto findings = checker.check(std::string_view(post), Context{});
  const auto spans = checker.check_spans(post, Context{});
  REQUIRE(findings.size() == 4);
  REQUIRE(spans.size() == findings.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Finding& f = findings[i];
    const FindingSpan& s = spans[i];
    CAPTURE(f.rule);
    CHECK(s.rule_index == f.rule_index);
    CHECK(p.rules[s.rule_index].id == f.rule);
    CHECK(s.cp_start == f.cp_start);
    CHECK(s.cp_end == f.cp_end);
    CHECK(s.byte_start == f.byte_start);
    CHECK(s.byte_end == f.byte_end);
    CHECK(s.u16_start == f.u16_start);
    CHECK(s.u16_end == f.u16_end);
    switch (s.fix) {
      case FindingSpan::Fix::none: CHECK_FALSE(f.suggestion); break;
      case FindingSpan::Fix::rule: CHECK(f.suggestion == p.rules[s.rule_index].suggestion); break;
      case FindingSpan::Fix::own:
        REQUIRE(f.suggestion);
        CHECK(f.suggestion->text == s.own_text);
        break;
    }
  }
  CHECK(spans[0].fix == FindingSpan::Fix::own);  // "b*oody" masked
  CHECK(spans[0].own_text == "******");
  CHECK(spans[1].fix == FindingSpan::Fix::own);  // "idiot"
  CHECK(spans[2].fix == FindingSpan::Fix::rule);  // the phone number
  CHECK(spans[3].fix == FindingSpan::Fix::none);  // "we oppose"
  CHECK(spans[2].cp_start == 26);  // after "Café", an emoji (two UTF-16 units) and a curly quote
  CHECK(spans[2].u16_start == 27);
  CHECK(spans[2].byte_start == 32);
}
