// lexicon_test.cpp — the lexicon matcher: the trie on hand-built views (checked against a naive
// matcher), the masked spellings (checked against the trie holding every mask as a term), the
// shortcut for plain terms (checked against normalise_term()), Lexicon end to end through
// normalise()/normalise_term(), and its saved form (save() / load()).
#include "postcheck/lexicon.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <iterator>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "../../core/src/lexicon_term.h"
#include "../../core/src/lexicon_trie.h"
#include "../../core/src/lexicon_variants.h"
#include "postcheck/normalise.h"
#include "postcheck/policy.h"
#include "postcheck/text.h"

namespace {

using postcheck::LexiconMatch;
using postcheck::lexicon_detail::LexiconTrie;
using postcheck::lexicon_detail::masked_variants;

struct Term {
  std::string units;
  std::uint32_t owner;
  bool wildcard;
};

// Units padded with ' ' at both ends, as every view is.
std::string padded(std::string_view units) { return " " + std::string(units) + " "; }

LexiconTrie trie_of(const std::vector<Term>& terms) {
  LexiconTrie trie;
  for (const Term& t : terms) trie.add(t.units, t.owner, t.wildcard);
  trie.compile();
  return trie;
}

std::vector<LexiconMatch> scan(const LexiconTrie& trie, std::string_view units) {
  std::vector<LexiconMatch> out;
  trie.match(units, out);
  return out;
}

std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> triples(const std::vector<LexiconMatch>& ms) {
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> out;
  for (const LexiconMatch& m : ms) out.emplace_back(m.owner, m.begin, m.end);
  return out;
}

// The spelled-out definition: every start after a ' ' where the term's units follow, and then a ' '
// (whole word) or anything (wildcard, extended to the next ' '); a whole word may also end at a
// possessive "'s " or "s' ", the occurrence stopping before the '\''.
std::vector<LexiconMatch> naive_scan(const std::vector<Term>& terms, const std::string& units) {
  std::vector<LexiconMatch> out;
  for (const Term& t : terms) {
    for (std::size_t b = 1; b + t.units.size() <= units.size(); ++b) {
      if (units[b - 1] != ' ' || units.compare(b, t.units.size(), t.units) != 0) continue;
      std::size_t e = b + t.units.size();
      if (t.wildcard) {
        while (e < units.size() && units[e] != ' ') ++e;
      } else if (e >= units.size()) {
        continue;
      } else if (units[e] != ' ') {
        const bool s_after = e + 2 < units.size() && units[e + 1] == 's' && units[e + 2] == ' ';
        const bool s_before = units[e - 1] == 's' && e + 1 < units.size() && units[e + 1] == ' ';
        if (units[e] != '\'' || !(s_after || s_before)) continue;
      }
      out.push_back(LexiconMatch{t.owner, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    }
  }
  std::sort(out.begin(), out.end(), [](const LexiconMatch& a, const LexiconMatch& b) {
    return std::tie(a.end, a.begin, a.owner) < std::tie(b.end, b.begin, b.owner);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const LexiconMatch& a, const LexiconMatch& b) {
                          return a.owner == b.owner && a.begin == b.begin && a.end == b.end;
                        }),
            out.end());
  return out;
}

// A random lexicon case over a small alphabet, so overlaps, shared prefixes, suffix chains, wildcards
// and possessives ('s' and '\'': "as's", "bs'") are dense. Views hold no run of ' ' (the normaliser
// folds them), as real views.
struct RandomCase {
  std::vector<Term> terms;
  std::string view;
};
struct RandomCaseShape {
  std::size_t max_terms;
  std::size_t max_word;         // letters in a term's first word
  std::size_t max_second_word;  // letters in a phrase's second word
  unsigned phrase_one_in;       // one term in this many is a two-word phrase
  std::size_t max_view;         // units in the view, before padding
};
RandomCase random_case(std::mt19937& rng, const RandomCaseShape& shape) {
  const std::string alphabet = "abs' *";
  auto random_word = [&](std::size_t max_length) {
    std::string w;
    const std::size_t length = 1 + rng() % max_length;
    for (std::size_t i = 0; i < length; ++i) w.push_back("abs'*"[rng() % (i == 0 ? 3 : 5)]);
    return w;
  };
  RandomCase c;
  const std::size_t term_count = 1 + rng() % shape.max_terms;
  for (std::size_t t = 0; t < term_count; ++t) {
    std::string units = random_word(shape.max_word);
    if (rng() % shape.phrase_one_in == 0) units += " " + random_word(shape.max_second_word);
    c.terms.push_back(Term{units, static_cast<std::uint32_t>(rng() % 5), rng() % 3 == 0});
  }
  c.view = " ";
  const std::size_t view_length = rng() % shape.max_view;
  for (std::size_t i = 0; i < view_length; ++i) c.view.push_back(alphabet[rng() % alphabet.size()]);
  c.view.push_back(' ');
  c.view.erase(std::unique(c.view.begin(), c.view.end(), [](char x, char y) { return x == ' ' && y == ' '; }),
               c.view.end());
  return c;
}

}  // namespace

TEST_SUITE("lexicon trie") {
  TEST_CASE("whole words only: a term inside a longer word never matches") {
    const auto a = trie_of({{"cunt", 1, false}, {"ass", 2, false}, {"cock", 3, false}});
    CHECK(scan(a, padded("scunthorpe")).empty());
    CHECK(scan(a, padded("assessment of class")).empty());
    CHECK(scan(a, padded("cockpit")).empty());
    CHECK(scan(a, padded("cocks")).empty());
    // '.', '\'', '*', '@', '#' and '\x01' are inside words, not boundaries (but see possessives).
    CHECK(scan(a, padded("ass.com cock'n @ass #cock ass\x01 ass'd cock'ss")).empty());
    const auto hits = scan(a, padded("you ass"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].owner == 2);
    CHECK(hits[0].begin == 5);
    CHECK(hits[0].end == 8);
  }

  TEST_CASE("a suffix wildcard matches inflections and extends the span to the word's end") {
    const auto a = trie_of({{"grumbl", 7, true}, {"cock", 3, true}});
    const std::string units = padded("grumbling and grumbles grumbl grumpy cockpit");
    const auto hits = scan(a, units);
    REQUIRE(hits.size() == 4);
    CHECK(units.substr(hits[0].begin, hits[0].end - hits[0].begin) == "grumbling");
    CHECK(units.substr(hits[1].begin, hits[1].end - hits[1].begin) == "grumbles");
    CHECK(units.substr(hits[2].begin, hits[2].end - hits[2].begin) == "grumbl");
    CHECK(units.substr(hits[3].begin, hits[3].end - hits[3].begin) == "cockpit");
    CHECK(hits[3].owner == 3);
    // Still whole-word at the start.
    CHECK(scan(a, padded("regrumbling peacock")).empty());
  }

  TEST_CASE("multi-word terms match across the one ' ' the view folds separators into") {
    const auto a = trie_of({{"can't be bothered", 4, false}, {"views my own", 5, false}});
    const std::string units = padded("honestly can't be bothered views my own");
    const auto hits = scan(a, units);
    REQUIRE(hits.size() == 2);
    CHECK(units.substr(hits[0].begin, hits[0].end - hits[0].begin) == "can't be bothered");
    CHECK(units.substr(hits[1].begin, hits[1].end - hits[1].begin) == "views my own");
    CHECK(scan(a, padded("cant be bothered")).empty());
    CHECK(scan(a, padded("can't be botheredx")).empty());
  }

  TEST_CASE("overlapping terms, shared owners and one report per (owner, begin, end)") {
    // "be" inside "can't be bothered", two owners of "bothered", and owner 9's two spellings
    // of the same word (a wildcard and the whole word) reported once.
    const auto a = trie_of({{"can't be bothered", 1, false},
                                 {"be", 2, false},
                                 {"bothered", 3, false},
                                 {"bothered", 4, false},
                                 {"bother", 9, true},
                                 {"bothered", 9, false},
                                 {"bothered", 3, false}});
    CHECK(a.pattern_count() == 6);
    const auto hits = scan(a, padded("can't be bothered"));
    using T = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    CHECK(triples(hits) == std::vector<T>{{2, 7, 9}, {1, 1, 18}, {3, 10, 18}, {4, 10, 18}, {9, 10, 18}});
  }

  TEST_CASE("adjacent occurrences share their boundary ' '") {
    const auto a = trie_of({{"ass", 1, false}});
    const auto hits = scan(a, padded("ass ass ass"));
    using T = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    CHECK(triples(hits) == std::vector<T>{{1, 1, 4}, {1, 5, 8}, {1, 9, 12}});
  }

  TEST_CASE("mentions, hashtags, apostrophes and masks are ordinary units of a term") {
    const auto a = trie_of({{"@carersinbeds", 1, false}, {"#carersweek", 2, false}, {"f*ck", 3, false},
                                 {"f***", 4, false}});
    const std::string units = padded("thanks @carersinbeds for #carersweek f*ck f*** carersinbeds");
    using T = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    CHECK(triples(scan(a, units)) == std::vector<T>{{1, 8, 21}, {2, 26, 37}, {3, 38, 42}, {4, 43, 47}});
  }

  TEST_CASE("empty views, padding only, terms at the very start and the very end") {
    const auto a = trie_of({{"first", 1, false}, {"last", 2, true}});
    CHECK(scan(a, "").empty());
    CHECK(scan(a, " ").empty());
    CHECK(scan(a, "  ").empty());
    using T = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    CHECK(triples(scan(a, padded("first"))) == std::vector<T>{{1, 1, 6}});
    CHECK(triples(scan(a, padded("first and lastly"))) == std::vector<T>{{1, 1, 6}, {2, 11, 17}});
    // A view missing its trailing ' ' still ends a wildcard at the last unit.
    CHECK(triples(scan(a, " lasting")) == std::vector<T>{{2, 1, 8}});
  }

  TEST_CASE("a trie with no terms, or not yet compiled, finds nothing") {
    LexiconTrie empty;
    empty.compile();
    CHECK(scan(empty, padded("anything at all")).empty());
    CHECK(empty.state_count() == 1);
    LexiconTrie uncompiled;
    uncompiled.add("word", 1, false);
    CHECK(scan(uncompiled, padded("word")).empty());
    uncompiled.compile();
    CHECK(scan(uncompiled, padded("word")).size() == 1);
    uncompiled.add("other", 2, false);  // invalidates until the next compile()
    CHECK(scan(uncompiled, padded("word other")).empty());
    uncompiled.compile();
    CHECK(scan(uncompiled, padded("word other")).size() == 2);
  }

  TEST_CASE("appends to what is already in the output") {
    const auto a = trie_of({{"x", 1, false}});
    std::vector<LexiconMatch> out{{99, 0, 0}};
    a.match(padded("x"), out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].owner == 99);
    CHECK(out[1].owner == 1);
  }

  TEST_CASE("agrees with the naive matcher on random views and terms") {
    std::mt19937 rng(20261107);
    for (int round = 0; round < 600; ++round) {
      const auto [terms, view] = random_case(rng, {12, 4, 3, 4, 60});
      const auto a = trie_of(terms);
      INFO("round " << round << " view [" << view << "]");
      CHECK(triples(scan(a, view)) == triples(naive_scan(terms, view)));
    }
  }

  TEST_CASE("long views agree with the naive matcher") {
    // Views of hundreds to thousands of units, multi-word terms and wildcards: walks that run on
    // into the next words, and words walked again from their own start.
    std::mt19937 rng(7);
    for (int round = 0; round < 60; ++round) {
      std::vector<Term> terms;
      for (std::size_t t = 0; t < 20; ++t) {
        std::string units;
        const std::size_t words = 1 + rng() % 3;
        for (std::size_t w = 0; w < words; ++w) {
          if (w > 0) units += ' ';
          const std::size_t length = 1 + rng() % 3;
          for (std::size_t i = 0; i < length; ++i) units.push_back("abc"[rng() % 3]);
        }
        terms.push_back(Term{units, static_cast<std::uint32_t>(rng() % 4), rng() % 4 == 0});
      }
      std::string view = " ";
      const std::size_t view_length = 200 + rng() % 3000;
      while (view.size() < view_length) {
        const std::size_t length = 1 + rng() % 4;
        for (std::size_t i = 0; i < length; ++i) view.push_back("abc"[rng() % 3]);
        if (rng() % 8 == 0) view += "'s";
        view.push_back(' ');
      }
      const auto a = trie_of(terms);
      INFO("round " << round << " view length " << view.size());
      CHECK(triples(scan(a, view)) == triples(naive_scan(terms, view)));
    }
  }
  TEST_CASE("a possessive ends a whole word, and the occurrence stops before the apostrophe") {
    const auto a = trie_of({{"client", 1, false}, {"carers in bedfordshire", 2, false}, {"carers", 3, false},
                                 {"grumbl", 4, true}, {"carer's allowance", 5, false}, {"carer", 6, false}});
    using T = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    //                      0         1         2         3
    //                      0123456789012345678901234567890123456789
    const std::string units = padded("client's carers in bedfordshire's");
    CHECK(triples(scan(a, units)) == std::vector<T>{{1, 1, 7}, {3, 10, 16}, {2, 10, 32}});
    // "carers'": the apostrophe after an s.
    CHECK(triples(scan(a, padded("carers' day"))) == std::vector<T>{{3, 1, 7}});
    // Not possessives: another letter after the apostrophe, "'s" inside a word, no s before a lone '.
    CHECK(scan(a, padded("client'd client'ss clients'x client' carer'")).empty());
    // A wildcard already runs to the word's end; a term spelled with its own apostrophe still matches.
    CHECK(triples(scan(a, padded("grumbler's"))) == std::vector<T>{{4, 1, 11}});
    CHECK(triples(scan(a, padded("carer's allowance"))) == std::vector<T>{{6, 1, 6}, {5, 1, 18}});
    // A possessive needs the ' ' after it, as any word end does.
    CHECK(scan(a, " client's").empty());
  }

  TEST_CASE("larger random cases, some with thousands of units, agree with the naive matcher") {
    std::mt19937 rng(424242);
    for (int round = 0; round < 300; ++round) {
      const auto [terms, view] = random_case(rng, {30, 6, 4, 3, round % 10 == 0 ? std::size_t{2000} : std::size_t{80}});
      const auto a = trie_of(terms);
      INFO("round " << round << " view [" << view << "]");
      CHECK(triples(scan(a, view)) == triples(naive_scan(terms, view)));
    }
  }

  TEST_CASE("busy nodes (full rows) and quiet ones (sibling lists) match alike") {
    // Over 6 children a node switches to a full row: words starting with every letter and digit,
    // and a prefix with a child of each class, then the same terms one letter each.
    std::vector<Term> terms;
    const std::string units = "abcdefghijklmnopqrstuvwxyz0123456789'*@#.";
    for (std::size_t i = 0; i < units.size(); ++i) {
      terms.push_back(Term{std::string(1, units[i]) + "x", static_cast<std::uint32_t>(i % 3), i % 4 == 0});
      terms.push_back(Term{std::string("q") + units[i], 7, false});
    }
    std::string view = " ";
    for (const char a : units) view += std::string(1, a) + "x " + "q" + std::string(1, a) + " " + std::string(1, a) + "xy ";
    const auto expected = triples(naive_scan(terms, view));
    CHECK(expected.size() > 2 * units.size());
    CHECK(triples(scan(trie_of(terms), view)) == expected);
  }

  TEST_CASE("the default policy's terms agree with the naive matcher on a view of them") {
    std::ifstream in(POSTCHECK_SOURCE_DIR "/core/policies/carers-in-bedfordshire.json", std::ios::binary);
    REQUIRE(in);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto loaded = postcheck::parse_policy(json);
    REQUIRE(loaded.policy);
    std::vector<Term> terms;
    auto add = [&](const std::vector<std::string>& list) {
      const auto owner = static_cast<std::uint32_t>(terms.size() % 7);
      for (std::string term : list) {
        const bool wildcard = !term.empty() && term.back() == '*';
        if (wildcard) term.pop_back();
        terms.push_back(Term{postcheck::lexicon_detail::term_units(term), owner, wildcard});
      }
    };
    for (const auto& [name, vocabulary] : loaded.policy->vocabularies) {
      add(vocabulary.terms);
      add(vocabulary.exceptions);
    }
    for (const auto& rule : loaded.policy->rules) {
      for (const auto* set : {&rule.match, &rule.near, &rule.require, &rule.forbid, &rule.unless}) add(set->terms);
      add(rule.exceptions);
    }
    REQUIRE(terms.size() > 1000);

    // A view of terms, cut and joined at random, with possessives: deep paths, hits and fall-offs.
    std::mt19937 rng(5);
    std::string view = " ";
    for (int i = 0; i < 400; ++i) {
      const std::string& units = terms[rng() % terms.size()].units;
      view += rng() % 3 == 0 ? units.substr(0, 1 + rng() % units.size()) : units;
      if (rng() % 6 == 0) view += "'s";
      view += rng() % 5 == 0 ? "s " : " ";
    }
    const auto expected = triples(naive_scan(terms, view));
    CHECK(expected.size() > 100);
    CHECK(triples(scan(trie_of(terms), view)) == expected);
  }

  TEST_CASE("a wildcard and a possessive in one word are reported in order") {
    const auto a = trie_of({{"care", 1, true}, {"carers", 2, false}});
    using T = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>;
    // The wildcard is found first (at "care") but ends later (at the word's end).
    CHECK(triples(scan(a, padded("carers's x"))) == std::vector<T>{{2, 1, 7}, {1, 1, 9}});
  }
}

TEST_SUITE("lexicon masked spellings") {
  TEST_CASE("masks matched beside the trie agree with every mask as a term") {
    // The reference is the trie holding each term and all of masked_variants(term) as terms;
    // Lexicon matches the masks by comparing the words that hold '*'. Short words over a small
    // alphabet make masks, collapsed doubles, phrases, wildcards and possessives meet often.
    std::mt19937 rng(2024);
    std::size_t masked_hits = 0;
    auto random_word = [&](std::size_t max_length) {
      std::string w;
      const std::size_t length = 1 + rng() % max_length;
      for (std::size_t i = 0; i < length; ++i) w.push_back("abs"[rng() % 3]);
      return w;
    };
    for (int round = 0; round < 400; ++round) {
      postcheck::Lexicon lexicon;
      LexiconTrie reference;
      std::vector<std::string> terms;
      const std::size_t term_count = 1 + rng() % 6;
      for (std::size_t t = 0; t < term_count; ++t) {
        std::string term = random_word(5);
        if (rng() % 3 == 0) term += " " + random_word(4);
        const bool wildcard = rng() % 4 == 0;
        const auto owner = static_cast<std::uint32_t>(rng() % 3);
        REQUIRE(lexicon.add(term + (wildcard ? "*" : ""), owner, postcheck::LexiconOptions{true}));
        const std::string units = postcheck::normalise_term(term);  // "aaab" reads "ab"
        reference.add(units, owner, wildcard);
        for (const std::string& v : masked_variants(units)) reference.add(v, owner, wildcard);
        terms.push_back(units);
      }
      lexicon.compile();
      reference.compile();
      // Views: the terms themselves with letters masked, and random words with '*' and "'s".
      std::string units = " ";
      for (int w = 0; w < 30; ++w) {
        std::string word = rng() % 2 ? terms[rng() % terms.size()] : random_word(6);
        for (std::size_t k = 1; k < word.size(); ++k) {
          if (word[k] != ' ' && rng() % 3 == 0) word[k] = '*';
        }
        if (rng() % 5 == 0) word += "'s";
        units += word + " ";
      }
      postcheck::NormalisedView view;
      view.units.assign(units.begin(), units.end());
      std::vector<LexiconMatch> got;
      lexicon.match(view, got);
      INFO("round " << round << " view [" << units << "]");
      CHECK(triples(got) == triples(scan(reference, units)));
      for (const LexiconMatch& m : got) masked_hits += units.substr(m.begin, m.end - m.begin).find('*') != std::string::npos;
    }
    CHECK(masked_hits > 500);  // the masks were really exercised
  }

  TEST_CASE("one run of '*' after the first letter of one word") {
    CHECK(masked_variants("fuck") == std::vector<std::string>{"f***", "f**k", "f*ck", "fu**", "fu*k", "fuc*"});
    CHECK(masked_variants("a") == std::vector<std::string>{});
    CHECK(masked_variants("tw") == std::vector<std::string>{"t*"});
    const auto phrase = masked_variants("piss off");
    CHECK(std::find(phrase.begin(), phrase.end(), "p*ss off") != phrase.end());
    CHECK(std::find(phrase.begin(), phrase.end(), "piss o**") != phrase.end());
    CHECK(std::find(phrase.begin(), phrase.end(), "p*ss o*f") == phrase.end());  // one word at a time
  }

  TEST_CASE("doubled letters collapse where the word keeps four units") {
    const auto bollocks = masked_variants("bollocks");
    CHECK(std::find(bollocks.begin(), bollocks.end(), "bolocks") != bollocks.end());
    CHECK(std::find(bollocks.begin(), bollocks.end(), "b*locks") != bollocks.end());  // masks of it too
    const auto ass = masked_variants("ass");
    CHECK(std::find(ass.begin(), ass.end(), "as") == ass.end());
    // Each combination of a few doubles: "bullshitter" → "bulshitter", "bullshiter", "bulshiter".
    const auto bs = masked_variants("bullshitter");
    for (const char* v : {"bulshitter", "bullshiter", "bulshiter"}) {
      CHECK(std::find(bs.begin(), bs.end(), v) != bs.end());
    }
  }

  TEST_CASE("long words get no masks, and no spelling repeats or equals the term") {
    const auto long_word = masked_variants("antidisestablishment");
    CHECK(long_word.empty());
    const auto v = masked_variants("motherfucker");  // 12 letters: 66 masks
    CHECK(v.size() == 66);
    CHECK(std::adjacent_find(v.begin(), v.end()) == v.end());
    CHECK(std::find(v.begin(), v.end(), "motherfucker") == v.end());
  }

  TEST_CASE("non-letters are never masked") {
    const auto v = masked_variants("can't");
    CHECK(std::find(v.begin(), v.end(), "ca**t") == v.end());
    CHECK(std::find(v.begin(), v.end(), "ca*'t") != v.end());  // the run covers only the 'n'
    CHECK(std::find(v.begin(), v.end(), "c*n't") != v.end());
    CHECK(std::find(v.begin(), v.end(), "can'*") != v.end());
  }
}

TEST_SUITE("lexicon plain terms") {
  using postcheck::lexicon_detail::plain_term_units;

  TEST_CASE("the shortcut lower-cases, collapses runs, and refuses what it cannot be sure of") {
    std::string units;
    CHECK(plain_term_units("Carers in Bedfordshire", units));
    CHECK(units == "carers in bedfordshire");
    CHECK(plain_term_units("FUUUCK off", units));
    CHECK(units == "fuck off");
    CHECK(plain_term_units("you're a pig", units));
    CHECK(units == "you're a pig");
    for (const char* refused : {"", " a", "a ", "a  b", "carers'", "'em", "a''b", "sh1t", "caf\xC3\xA9", "piss-take",
                                "f u c", "a b", "@carersinbeds", "#tag", "f*ck", "a\tb"}) {
      INFO(refused);
      CHECK_FALSE(plain_term_units(refused, units));
    }
  }

  TEST_CASE("agrees with normalise_term() on every term of the default policy") {
    std::ifstream in(POSTCHECK_SOURCE_DIR "/core/policies/carers-in-bedfordshire.json", std::ios::binary);
    REQUIRE(in);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto loaded = postcheck::parse_policy(json);
    REQUIRE(loaded.policy);
    std::vector<std::string> terms;
    for (const auto& [name, vocabulary] : loaded.policy->vocabularies) {
      terms.insert(terms.end(), vocabulary.terms.begin(), vocabulary.terms.end());
      terms.insert(terms.end(), vocabulary.exceptions.begin(), vocabulary.exceptions.end());
    }
    for (const auto& rule : loaded.policy->rules) {
      for (const auto* set : {&rule.match, &rule.near, &rule.require, &rule.forbid, &rule.unless}) {
        terms.insert(terms.end(), set->terms.begin(), set->terms.end());
      }
      terms.insert(terms.end(), rule.exceptions.begin(), rule.exceptions.end());
    }
    REQUIRE(terms.size() > 1000);
    std::size_t plain = 0;
    std::string units;
    for (std::string term : terms) {
      if (!term.empty() && term.back() == '*') term.pop_back();
      if (!plain_term_units(term, units)) continue;
      ++plain;
      INFO(term);
      CHECK(units == postcheck::normalise_term(term));
    }
    CHECK(plain > terms.size() * 9 / 10);  // the shortcut is the common case
  }

  TEST_CASE("agrees with normalise_term() on random ASCII terms") {
    std::mt19937 rng(99);
    const std::string alphabet = "aAbBsSzZ'  ";
    std::string units;
    std::size_t plain = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string term;
      const std::size_t length = 1 + rng() % 12;
      for (std::size_t i = 0; i < length; ++i) term.push_back(alphabet[rng() % alphabet.size()]);
      if (!plain_term_units(term, units)) continue;
      ++plain;
      INFO("[" << term << "]");
      CHECK(units == postcheck::normalise_term(term));
    }
    CHECK(plain > 1000);
  }
}

namespace {

using postcheck::Lexicon;
using postcheck::LexiconOptions;

// The occurrences in `text` as "owner:excerpt, ...", each excerpt the ORIGINAL text it maps back to.
std::string find(const Lexicon& lexicon, std::string_view text) {
  const postcheck::Text t = postcheck::Text::from_utf8(text);
  const postcheck::NormalisedView view = postcheck::normalise(t);
  std::vector<LexiconMatch> matches;
  lexicon.match(view, matches);
  std::string hits;
  for (const LexiconMatch& m : matches) {
    REQUIRE(m.begin < m.end);
    REQUIRE(m.end <= view.units.size());
    if (!hits.empty()) hits += ", ";
    hits += std::to_string(m.owner) + ":";
    hits += t.slice(view.origin_begin[m.begin], view.origin_end[m.end - 1]);
  }
  return hits;
}

Lexicon lexicon_of(std::initializer_list<std::pair<const char*, std::uint32_t>> terms, bool masked = false) {
  Lexicon lexicon;
  for (const auto& [term, owner] : terms) REQUIRE(lexicon.add(term, owner, LexiconOptions{masked}));
  lexicon.compile();
  return lexicon;
}

}  // namespace

TEST_SUITE("lexicon") {
  TEST_CASE("a term inside a longer allowed word never fires") {
    const auto lexicon = lexicon_of({{"cunt", 1}, {"ass", 2}, {"cock", 3}, {"penis", 4}, {"sex", 5}}, true);
    CHECK(find(lexicon, "Flying from Scunthorpe to Penistone via Essex") == "");
    CHECK(find(lexicon, "The assessment of her class went well; the cockpit was tidy.") == "");
    CHECK(find(lexicon, "Sc*nthorpe and the a**essment") == "");
    CHECK(find(lexicon, "what an ass.") == "2:ass");
  }

  TEST_CASE("a suffix wildcard catches longer words, so rules list the exceptions") {
    const auto lexicon = lexicon_of({{"cock*", 3}, {"grumbl*", 7}});
    CHECK(find(lexicon, "Inspecting the cockpit") == "3:cockpit");
    CHECK(find(lexicon, "Grumbling again, she grumbles; a grumble.") ==
          "7:Grumbling, 7:grumbles, 7:grumble");
    CHECK(find(lexicon, "no regrumbling") == "");
  }

  TEST_CASE("multi-word phrases match across punctuation, line breaks and runs of spaces") {
    const auto lexicon = lexicon_of({{"can't be bothered", 1}, {"views my own", 2}});
    CHECK(find(lexicon, "Honestly... Can\u2019t  be\n\nbothered!!") == "1:Can\u2019t  be\n\nbothered");
    CHECK(find(lexicon, "Views - my - own.") == "2:Views - my - own");
    // Typed without the apostrophe, as on phones.
    CHECK(find(lexicon, "cant be bothered") == "1:cant be bothered");
  }

  TEST_CASE("contractions match without their apostrophe, unless that spells another word") {
    const auto lexicon = lexicon_of({{"didn't sleep", 1}, {"i'm so stressed", 2}, {"we're against", 3},
                                     {"you'll regret it", 4}, {"i'll kill", 5}, {"we've had enough", 6}});
    CHECK(find(lexicon, "didnt sleep a wink, im so stressed") == "1:didnt sleep, 2:im so stressed");
    CHECK(find(lexicon, "youll regret it. weve had enough") == "4:youll regret it, 6:weve had enough");
    CHECK(find(lexicon, "we\u2019re against it, you\u2019ll regret it") == "3:we\u2019re against, 4:you\u2019ll regret it");
    // "were against" and "ill kill" are other words.
    CHECK(find(lexicon, "they were against it; the ill kill time") == "");
    CHECK(postcheck::lexicon_detail::apostrophe_free_variant("can't stand") == "cant stand");
    CHECK(postcheck::lexicon_detail::apostrophe_free_variant("carer's allowance") == "");  // a possessive, not a contraction
    CHECK(postcheck::lexicon_detail::apostrophe_free_variant("she'll") == "");
  }

  TEST_CASE("masked spellings of a masked term") {
    const auto lexicon = lexicon_of({{"fuck", 1}, {"cunt", 2}, {"twat", 3}, {"bollocks", 4}}, true);
    CHECK(find(lexicon, "f*ck this, f**k that, what the F***, fu*k") ==
          "1:f*ck, 1:f**k, 1:F***, 1:fu*k");
    CHECK(find(lexicon, "you c*nt, you tw*t") == "2:c*nt, 3:tw*t");
    CHECK(find(lexicon, "absolute bolllllocks") == "4:bolllllocks");
    // Evasions the view folds: spaced letters, leetspeak, stretched letters.
    CHECK(find(lexicon, "F U C K off") == "1:F U C K");
    CHECK(find(lexicon, "fuuuuck, tw4t") == "1:fuuuuck, 3:tw4t");
    // A mask never hides the first letter, and without `masked` masks are not read.
    CHECK(find(lexicon, "*uck") == "");
    const auto plain = lexicon_of({{"fuck", 1}});
    CHECK(find(plain, "f*ck") == "");
    CHECK(plain.pattern_count() == 1);
    // Each masked term (and "bolocks") is one spelling in the trie and one stands for its masks.
    CHECK(lexicon.pattern_count() == 5 + 5);
  }

  TEST_CASE("overlapping terms and shared owners") {
    Lexicon lexicon;
    CHECK(lexicon.add("care home", 1));
    CHECK(lexicon.add("home", 2));
    CHECK(lexicon.add("care", 2));
    CHECK(lexicon.add("Home", 3));
    CHECK(lexicon.add("hom*", 3));  // owner 3 hits "home" twice over: reported once
    lexicon.compile();
    CHECK(find(lexicon, "The care home.") ==
          "2:care, 1:care home, 2:home, 3:home");
  }

  TEST_CASE("apostrophes, mentions and hashtags") {
    const auto lexicon = lexicon_of({{"@CarersinBeds", 1}, {"#CarersWeek", 2}, {"don't care", 3}, {"carersinbeds", 4}});
    CHECK(find(lexicon, "Thanks @carersinbeds! #carersweek") == "1:@carersinbeds, 2:#carersweek");
    CHECK(find(lexicon, "I don\u2019t care") == "3:don\u2019t care");
    // The sigil is part of the word: the bare name is another word.
    CHECK(find(lexicon, "see carersinbeds.org.uk") == "");
    CHECK(find(lexicon, "CarersInBeds rocks") == "4:CarersInBeds");
  }

  TEST_CASE("the empty text, and terms at the very start and the very end") {
    const auto lexicon = lexicon_of({{"bollocks", 1}});
    CHECK(find(lexicon, "") == "");
    CHECK(find(lexicon, "   \n") == "");
    CHECK(find(lexicon, "bollocks") == "1:bollocks");
    CHECK(find(lexicon, "Bollocks to that, total bollocks") == "1:Bollocks, 1:bollocks");
  }

  TEST_CASE("spans map back to the original text through the view's origins") {
    const auto lexicon = lexicon_of({{"twat", 1}, {"sh1t", 2}}, true);
    const std::string text = "\xF0\x9F\x98\x80 caf\xC3\xA9, you TW\xD0\x90T \xE2\x80\x94 sh\xE2\x80\x8Bit";
    const postcheck::Text t = postcheck::Text::from_utf8(text);
    const auto view = postcheck::normalise(t);
    std::vector<LexiconMatch> matches;
    lexicon.match(view, matches);
    REQUIRE(matches.size() == 2);
    // "TWАT" (a Cyrillic А) and "sh<zero-width space>it": the excerpts are the original code points.
    CHECK(t.slice(view.origin_begin[matches[0].begin], view.origin_end[matches[0].end - 1]) == "TW\xD0\x90T");
    CHECK(t.slice(view.origin_begin[matches[1].begin], view.origin_end[matches[1].end - 1]) == "sh\xE2\x80\x8Bit");
    CHECK(t.byte_offset(view.origin_begin[matches[0].begin]) == text.find("TW"));
  }

  TEST_CASE("terms that normalise to nothing are refused; wildcards; counts") {
    Lexicon lexicon;
    CHECK_FALSE(lexicon.add("", 1));
    CHECK_FALSE(lexicon.add("   ", 1));
    CHECK_FALSE(lexicon.add("*", 1));
    CHECK_FALSE(lexicon.add("!!", 1));
    CHECK(lexicon.pattern_count() == 0);
    CHECK(lexicon.add("f***", 1));  // "f**" and a wildcard
    CHECK(lexicon.add("  grumbl*  ", 2));
    lexicon.compile();
    CHECK(lexicon.state_count() > 1);
    CHECK(lexicon.memory_bytes() > 0);
    CHECK(find(lexicon, "f**k off, f*** off, grumbly") == "1:f**k, 1:f***, 2:grumbly");
    CHECK(find(lexicon, "f*ck") == "");
  }

  TEST_CASE("possessives: a whole-word term matches before 's, the excerpt without it") {
    const auto lexicon = lexicon_of({{"client", 1}, {"Carers in Bedfordshire", 2}, {"carers", 3}, {"twat", 4}});
    CHECK(find(lexicon, "the client's mum and the client\u2019s dad") == "1:client, 1:client");
    CHECK(find(lexicon, "Carers in Bedfordshire's new caf\u00E9") == "3:Carers, 2:Carers in Bedfordshire");
    CHECK(find(lexicon, "the carers' group, the carers\u2019 group") == "3:carers, 3:carers");
    CHECK(find(lexicon, "clientele, client'd") == "");
    const auto masked = lexicon_of({{"twat", 4}}, true);
    CHECK(find(masked, "that tw*t's car") == "4:tw*t");
  }

  TEST_CASE("a moved lexicon keeps its trie") {
    Lexicon first = lexicon_of({{"bollocks", 1}});
    Lexicon second = std::move(first);
    CHECK(find(second, "bollocks") == "1:bollocks");
  }
}

// Lexicon::save() / load(): the compiled form a policy image carries (policy_image.h).
TEST_CASE("a saved lexicon matches as the compiled one, and corrupt ones are refused") {
  using namespace postcheck;
  using namespace std::string_literals;
  Lexicon lexicon;
  lexicon.add("grumbl*", 0);
  lexicon.add("my own number", 1);
  lexicon.add("bollocks", 2, LexiconOptions{true});
  lexicon.add("client", 3);
  lexicon.add("can't stand", 4);
  lexicon.compile();
  const std::string bytes = lexicon.save();
  std::string why;
  const std::optional<Lexicon> back = Lexicon::load(bytes, why);
  REQUIRE(back.has_value());
  CHECK(back->save() == bytes);
  CHECK(back->pattern_count() == lexicon.pattern_count());
  CHECK(back->state_count() == lexicon.state_count());
  CHECK(back->owners() == std::vector<bool>{true, true, true, true, true});

  const NormalisedView view = normalise(Text::from_utf8(
      "Grumbling again: text my own number, the client's b*llocks and bolllocks, cant stand it"));
  std::vector<LexiconMatch> expected, got;
  lexicon.match(view, expected);
  back->match(view, got);
  REQUIRE(expected.size() == 6);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].owner == expected[i].owner);
    CHECK(got[i].begin == expected[i].begin);
    CHECK(got[i].end == expected[i].end);
  }

  for (std::size_t n = 0; n < bytes.size(); ++n) {
    CHECK_FALSE(Lexicon::load(std::string_view(bytes).substr(0, n), why).has_value());
  }
  CHECK_FALSE(Lexicon::load(bytes + "x", why).has_value());
  CHECK(why.find("bytes after the lexicon") != std::string::npos);
  // The root's byte follows the counts of nodes, outputs and depths and the nodes at each depth (all
  // one byte long in a lexicon this small).
  std::string corrupt = bytes;
  corrupt.at(3 + static_cast<unsigned char>(bytes.at(2))) = static_cast<char>(0x3F);  // a class past the alphabet
  CHECK_FALSE(Lexicon::load(corrupt, why).has_value());
  CHECK(why.find("a lexicon node of no class") != std::string::npos);
  corrupt = bytes;
  corrupt[0] = static_cast<char>(bytes[0] - 1);  // one node fewer than the depths hold
  CHECK_FALSE(Lexicon::load(corrupt, why).has_value());
  // Three nodes on two depths, the root claiming five children of which two come (found by the fuzzer:
  // the layout then read past the nodes); then no masks.
  CHECK_FALSE(Lexicon::load("\x03\x00\x02\x01\x02\x80\x05\x81\x00\x82\x00\x00"s, why).has_value());
  CHECK(why.find("children are not there") != std::string::npos);
}
