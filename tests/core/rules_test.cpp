// rules_test.cpp — every rule kind and context filter, on small policies built as typed values
// (independent of the JSON loader and of the default policy's content).
#include <doctest/doctest.h>

#include "postcheck/checker.h"

using namespace postcheck;

namespace {

Rule base_rule(std::string id, RuleKind kind, std::string category, Severity severity = Severity::warn) {
  Rule r;
  r.id = std::move(id);
  r.kind = kind;
  r.category = std::move(category);
  r.severity = severity;
  r.clause = "4c";
  r.message = "message of " + r.id;
  r.advice = "advice of " + r.id;
  return r;
}

Policy policy_with(std::vector<Rule> rules) {
  Policy p;
  p.name = "test";
  p.version = "1";
  p.rules = std::move(rules);
  return p;
}

std::vector<std::string> rule_ids(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.rule);
  return ids;
}

const Context personal{Account::personal, false};

}  // namespace

TEST_CASE("lexicon rule: whole words, wildcards and exceptions") {
  Rule r = base_rule("grumble", RuleKind::lexicon, "work-grumble");
  r.match.terms = {"grumbl*", "fed up"};
  r.exceptions = {"grumbling appendix"};
  const Checker checker(policy_with({r}));

  auto f = checker.check(std::string_view("So fed   up, just grumbling."), personal);
  REQUIRE(f.size() == 2);
  CHECK(f[0].excerpt == "fed   up");
  CHECK(f[1].excerpt == "grumbling");
  CHECK(f[1].message == "message of grumble");
  CHECK(f[1].clause == "4c");

  CHECK(checker.check(std::string_view("a grumbling appendix"), personal).empty());
  CHECK(checker.check(std::string_view("unfed upstairs"), personal).empty());
}

TEST_CASE("lexicon rule: masked and disguised spellings point at the original text") {
  Rule r = base_rule("profanity", RuleKind::lexicon, "disrepute", Severity::block);
  r.match.terms = {"fuck*"};
  r.masked = true;
  r.mask = true;
  r.suggestion = Suggestion{Suggestion::Action::replace, ""};
  const Checker checker(policy_with({r}));

  const std::string post = "\xF0\x9F\x98\xA4 f*cking hell";  // 😤 f*cking hell
  auto f = checker.check(std::string_view(post), personal);
  REQUIRE(f.size() == 1);
  CHECK(f[0].excerpt == "f*cking");
  CHECK(f[0].u16_start == 3);  // the emoji is two UTF-16 units, then a space
  CHECK(f[0].u16_end == 10);
  CHECK(f[0].byte_start == 5);
  REQUIRE(f[0].suggestion);
  CHECK(f[0].suggestion->text == "*******");
  // The fix itself is clean: a masked word that keeps no letter is no disguise.
  CHECK(checker.check(std::string_view("\xF0\x9F\x98\xA4 ******* hell"), personal).empty());
}

TEST_CASE("recognizer rule: allowlist, require and forbid context") {
  Rule phone = base_rule("phone", RuleKind::recognizer, "personal-data", Severity::block);
  phone.recognizer = RecognizerKind::uk_phone;
  phone.allow = {"01234 567890"};
  phone.forbid.terms = {"council"};
  phone.window = 6;
  const Checker checker(policy_with({phone}));

  CHECK(rule_ids(checker.check(std::string_view("Ring Priya on 07700 900283"), personal)) ==
        std::vector<std::string>{"phone"});
  CHECK(checker.check(std::string_view("Call our helpline on 01234 567 890"), personal).empty());
  CHECK(checker.check(std::string_view("The council team is on 01632 960100"), personal).empty());

  Rule postcode = base_rule("postcode", RuleKind::recognizer, "personal-data");
  postcode.recognizer = RecognizerKind::uk_postcode;
  postcode.require.terms = {"lives at", "address"};
  postcode.window = 5;
  const Checker pc(policy_with({postcode}));
  CHECK(pc.check(std::string_view("Join us at the library, LU1 2NG"), personal).empty());
  CHECK(pc.check(std::string_view("Her address is SG18 0AW"), personal).size() == 1);
}

TEST_CASE("email allowlist by domain") {
  Rule email = base_rule("email", RuleKind::recognizer, "personal-data");
  email.recognizer = RecognizerKind::email;
  email.allow = {"*@carersinbeds.org.uk"};
  const Checker checker(policy_with({email}));
  CHECK(checker.check(std::string_view("Email info@carersinbeds.org.uk"), personal).empty());
  CHECK(checker.check(std::string_view("Email a.nowak@example.org"), personal).size() == 1);
}

TEST_CASE("proximity rule: within the window, in one sentence, spanning both") {
  Rule r = base_rule("confidential", RuleKind::proximity, "client-confidentiality", Severity::block);
  r.match.terms = {"her husband", "my client"};
  r.near.terms = {"dementia", "stroke"};
  r.window = 5;
  const Checker checker(policy_with({r}));

  auto f = checker.check(std::string_view("My client told me her husband has dementia now."), personal);
  REQUIRE(f.size() == 1);  // two overlapping hits of one category merge
  CHECK(f[0].excerpt == "My client told me her husband has dementia");

  CHECK(checker.check(std::string_view("Dementia Action Week starts Monday."), personal).empty());
  CHECK(checker.check(std::string_view("Her husband is home. Dementia is a hard road."), personal).empty());
  CHECK(checker.check(std::string_view("Her husband went to the shop and bought a paper and then "
                                       "some bread about dementia"),
                      personal)
            .empty());
}

TEST_CASE("rules sharing a matcher set each see all of its hits") {
  // Hits of a set are gathered, sorted and indexed once per check and shared by every rule that
  // reads the same atoms: each rule must still see the whole set, in order, whatever ran before.
  Rule near_a = base_rule("near-a", RuleKind::proximity, "client-confidentiality", Severity::block);
  near_a.match.terms = {"my client", "her husband"};
  near_a.near.terms = {"dementia", "stroke"};
  near_a.window = 5;
  Rule near_b = near_a;
  near_b.id = "near-b";
  near_b.category = "health";
  near_b.window = 2;
  Rule words = base_rule("words", RuleKind::lexicon, "disrepute");
  words.match.terms = {"dementia", "stroke"};
  const Checker checker(policy_with({near_a, words, near_b}));
  const auto f = checker.check(
      std::string_view("Her husband had a stroke. My client told me about dementia today."), personal);
  // Same span and severity: ordered by category. near-b's window (2) misses the second sentence.
  CHECK(rule_ids(f) == std::vector<std::string>{"near-a", "near-b", "words", "near-a", "words"});
  REQUIRE(f.size() == 5);
  CHECK(f[0].excerpt == "Her husband had a stroke");
  CHECK(f[1].excerpt == "Her husband had a stroke");
  CHECK(f[2].excerpt == "stroke");
  CHECK(f[3].excerpt == "My client told me about dementia");
  CHECK(f[4].excerpt == "dementia");
}

TEST_CASE("absence rule and unless: a stance with no disclaimer") {
  Rule r = base_rule("stance", RuleKind::absence, "speaking-for-charity");
  r.match.terms = {"we believe"};
  r.near.terms = {"views my own"};
  r.suggestion = Suggestion{Suggestion::Action::append, " (Views my own.)"};
  const Checker checker(policy_with({r}));

  auto f = checker.check(std::string_view("We believe carers deserve better."), personal);
  REQUIRE(f.size() == 1);
  CHECK(f[0].excerpt == "We believe");
  REQUIRE(f[0].suggestion);
  CHECK(f[0].suggestion->action == Suggestion::Action::append);
  CHECK(checker.check(std::string_view("We believe carers deserve better. Views my own."), personal).empty());

  Rule u = base_rule("grumble", RuleKind::lexicon, "work-grumble");
  u.match.terms = {"rota"};
  u.unless.terms = {"new rota is great"};
  const Checker cu(policy_with({u}));
  CHECK(cu.check(std::string_view("The new rota is great"), personal).empty());
  CHECK(cu.check(std::string_view("The rota again"), personal).size() == 1);
}

TEST_CASE("context rule and context filters") {
  Rule unauthorised = base_rule("unauthorised", RuleKind::context, "charity-account-misuse", Severity::block);
  unauthorised.clause = "4a";
  unauthorised.when.account = Account::charity;
  unauthorised.when.authorised = false;
  Rule personal_only = base_rule("grumble", RuleKind::lexicon, "work-grumble");
  personal_only.match.terms = {"rota"};
  personal_only.when.account = Account::personal;
  const Checker checker(policy_with({unauthorised, personal_only}));

  const std::string post = "  Coffee morning and a new rota!  \n";
  auto f = checker.check(std::string_view(post), Context{Account::charity, false});
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "unauthorised");
  CHECK(f[0].excerpt == "Coffee morning and a new rota!");
  CHECK(checker.check(std::string_view(post), Context{Account::charity, true}).empty());
  CHECK(rule_ids(checker.check(std::string_view(post), Context{Account::personal, false})) ==
        std::vector<std::string>{"grumble"});
  CHECK(checker.check(std::string_view("   \n "), Context{Account::charity, false}).empty());
}

TEST_CASE("merging: same category overlaps merge to the most severe rule; other categories stay") {
  Rule mild = base_rule("mild", RuleKind::lexicon, "disrepute", Severity::warn);
  mild.match.terms = {"useless"};
  Rule strong = base_rule("strong", RuleKind::lexicon, "disrepute", Severity::block);
  strong.match.terms = {"useless idiot"};
  Rule grumble = base_rule("grumble", RuleKind::lexicon, "work-grumble");
  grumble.match.terms = {"manager is useless"};
  const Checker checker(policy_with({mild, strong, grumble}));

  auto f = checker.check(std::string_view("My manager is useless idiot material"), personal);
  REQUIRE(f.size() == 2);
  CHECK(f[0].category == "work-grumble");
  CHECK(f[0].excerpt == "manager is useless");
  CHECK(f[1].category == "disrepute");
  CHECK(f[1].rule == "strong");
  CHECK(f[1].severity == Severity::block);
  CHECK(f[1].excerpt == "useless idiot");
}

TEST_CASE("UTF-16 input gives the same findings with UTF-16 offsets") {
  Rule r = base_rule("profanity", RuleKind::lexicon, "disrepute");
  r.match.terms = {"shit"};
  const Checker checker(policy_with({r}));
  const std::u16string post = u"caf\u00e9 \U0001F600 \xD800 sh1t";  // a lone surrogate before the word
  auto f = checker.check(std::u16string_view(post), personal);
  REQUIRE(f.size() == 1);
  CHECK(f[0].u16_start == 10);
  CHECK(f[0].u16_end == 14);
  CHECK(post.substr(f[0].u16_start, f[0].u16_end - f[0].u16_start) == u"sh1t");
}
