// text_test.cpp — the text model: decoding with UTF-8 and UTF-16 offsets (emoji, astral and
// combining characters, invalid UTF-8 of every kind, lone surrogates), tokens of each kind,
// sentence starts, word counts, and invariants over generated strings.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "postcheck/text.h"
#include "../support/reference_utf16.h"

using postcheck::Text;
using postcheck::Token;
using postcheck::TokenKind;
using postcheck::testing::encode_utf16;

namespace {

// The tokens other than spaces, as (kind, original text) pairs.
std::vector<std::pair<TokenKind, std::string>> visible_tokens(const Text& t) {
  std::vector<std::pair<TokenKind, std::string>> out;
  for (const Token& tok : t.tokens())
    if (tok.kind != TokenKind::space) out.emplace_back(tok.kind, std::string(t.slice(tok.begin, tok.end)));
  return out;
}

// The kind of the single visible token of `s`; fails the test when there is not exactly one.
TokenKind only_kind(const std::string& s) {
  const Text t = Text::from_utf8(s);
  const auto toks = visible_tokens(t);
  REQUIRE_MESSAGE(toks.size() == 1, s);
  CHECK_MESSAGE(toks[0].second == s, s);
  return toks[0].first;
}

// Checks every invariant of a Text: offsets monotonic and ending at the total lengths, tokens
// covering the text without gaps, sentence starts ascending and on token starts.
void check_invariants(const Text& t, std::size_t utf16_total) {
  REQUIRE(t.byte_offset(0) == 0);
  REQUIRE(t.utf16_offset(0) == 0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    REQUIRE(t.byte_offset(i) < t.byte_offset(i + 1));
    REQUIRE(t.utf16_offset(i) < t.utf16_offset(i + 1));
    const std::uint32_t units = t.utf16_offset(i + 1) - t.utf16_offset(i);
    REQUIRE(units == (t[i] >= 0x10000 ? 2u : 1u));
  }
  REQUIRE(t.byte_offset(t.size()) == t.utf8().size());
  REQUIRE(t.utf16_offset(t.size()) == utf16_total);
  for (std::size_t i = 0; i <= t.size(); ++i) {  // offsets(): both from one search, the same values
    REQUIRE(t.offsets(i).byte == t.byte_offset(i));
    REQUIRE(t.offsets(i).utf16 == t.utf16_offset(i));
  }
  std::uint32_t at = 0;
  for (std::size_t k = 0; k < t.tokens().size(); ++k) {
    const Token& tok = t.tokens()[k];
    REQUIRE(tok.begin == at);
    REQUIRE(tok.end > tok.begin);
    REQUIRE(t.token_at(tok.begin) == k);
    REQUIRE(t.token_at(tok.end - 1) == k);
    at = tok.end;
  }
  REQUIRE(at == t.size());
  for (std::size_t k = 1; k < t.sentence_starts().size(); ++k)
    REQUIRE(t.sentence_starts()[k - 1] < t.sentence_starts()[k]);
}

}  // namespace

TEST_CASE("ASCII text: one code point, one byte, one UTF-16 unit") {
  const Text t = Text::from_utf8("Hello, world");
  CHECK(t.size() == 12);
  CHECK(t.utf8() == "Hello, world");
  for (std::size_t i = 0; i <= t.size(); ++i) {
    CHECK(t.byte_offset(i) == i);
    CHECK(t.utf16_offset(i) == i);
  }
  CHECK(t.slice(7, 12) == "world");
}

TEST_CASE("offsets with emoji, astral characters, accents, combining marks and curly quotes") {
  // "a😀é’e\u0301𝐟z": 😀 and 𝐟 are astral (4 bytes, 2 UTF-16 units); é 2 bytes; ’ 3 bytes;
  // e + U+0301 is two code points.
  const Text t = Text::from_utf8("a\xF0\x9F\x98\x80\xC3\xA9\xE2\x80\x99" "e\xCC\x81\xF0\x9D\x90\x9Fz");
  REQUIRE(t.size() == 8);
  CHECK(t[1] == U'\U0001F600');
  CHECK(t[2] == U'\u00E9');
  CHECK(t[3] == U'\u2019');
  CHECK(t[5] == U'\u0301');
  CHECK(t[6] == U'\U0001D41F');
  const std::uint32_t bytes[] = {0, 1, 5, 7, 10, 11, 13, 17, 18};
  const std::uint32_t u16[] = {0, 1, 3, 4, 5, 6, 7, 9, 10};
  for (std::size_t i = 0; i <= t.size(); ++i) {
    CHECK(t.byte_offset(i) == bytes[i]);
    CHECK(t.utf16_offset(i) == u16[i]);
  }
  CHECK(t.slice(1, 2) == "\xF0\x9F\x98\x80");
  CHECK(t.slice(4, 6) == "e\xCC\x81");
  check_invariants(t, 10);
}

TEST_CASE("invalid UTF-8: each bad byte is one U+FFFD standing for exactly that byte") {
  struct Case {
    const char* name;
    std::string bytes;
    std::size_t replacements;
  };
  const Case cases[] = {
      {"lone continuation", "\x80", 1},
      {"two continuations", "\x80\xBF", 2},
      {"overlong 2-byte '/'", "\xC0\xAF", 2},
      {"overlong C1", "\xC1\x81", 2},
      {"overlong 3-byte", "\xE0\x80\xAF", 3},
      {"overlong 4-byte", "\xF0\x80\x80\xAF", 4},
      {"UTF-8-encoded surrogate", "\xED\xA0\x80", 3},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 4},
      {"F5 lead byte", "\xF5\x80\x80\x80", 4},
      {"FF byte", "\xFF", 1},
      {"truncated 2-byte", "\xC3", 1},
      {"truncated 3-byte", "\xE2\x82", 2},
      {"truncated 4-byte", "\xF0\x9F\x98", 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string input = "a" + c.bytes + "b";
    const Text t = Text::from_utf8(input);
    REQUIRE(t.size() == c.replacements + 2);
    CHECK(t.utf8() == input);
    for (std::size_t i = 1; i <= c.replacements; ++i) {
      CHECK(t[i] == U'\uFFFD');
      CHECK(t.byte_offset(i) == i);
      CHECK(t.utf16_offset(i) == i);
    }
    CHECK(t[c.replacements + 1] == U'b');
    check_invariants(t, input.size());
  }
}

TEST_CASE("invalid bytes next to valid multi-byte characters keep every position") {
  // A truncated euro sign followed by a complete one, then a stray continuation.
  const std::string input = "\xE2\x82" "\xE2\x82\xAC" "\xAC" "x";
  const Text t = Text::from_utf8(input);
  REQUIRE(t.size() == 5);
  CHECK(t[0] == U'\uFFFD');
  CHECK(t[1] == U'\uFFFD');
  CHECK(t[2] == U'\u20AC');
  CHECK(t[3] == U'\uFFFD');
  CHECK(t.byte_offset(2) == 2);
  CHECK(t.byte_offset(3) == 5);
  CHECK(t.byte_offset(4) == 6);
  CHECK(t.utf16_offset(4) == 4);
  check_invariants(t, 5);
}

TEST_CASE("from_utf16: surrogate pairs and lone surrogates") {
  const std::u16string s = u"a\U0001F600b";
  const Text t = Text::from_utf16(s);
  REQUIRE(t.size() == 3);
  CHECK(t[1] == U'\U0001F600');
  CHECK(t.utf8() == "a\xF0\x9F\x98\x80" "b");
  CHECK(t.utf16_offset(2) == 3);
  CHECK(t.byte_offset(2) == 5);
  check_invariants(t, s.size());

  std::u16string lone = u"x";
  lone.push_back(static_cast<char16_t>(0xD83D));  // a high surrogate with no low one
  lone.push_back(u'y');
  lone.push_back(static_cast<char16_t>(0xDE00));  // a low surrogate on its own
  const Text l = Text::from_utf16(lone);
  REQUIRE(l.size() == 4);
  CHECK(l[1] == U'\uFFFD');
  CHECK(l[3] == U'\uFFFD');
  CHECK(l.utf16_offset(2) == 2);  // the lone surrogate took exactly one unit
  CHECK(l.utf16_offset(4) == 4);
  CHECK(l.utf8() == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  CHECK(l.byte_offset(2) == 4);
  check_invariants(l, lone.size());
}

TEST_CASE("from_utf16 and from_utf8 agree on the same text") {
  const Text a = Text::from_utf8("Caf\xC3\xA9 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD don\xE2\x80\x99t");
  const Text b = Text::from_utf16(u"Caf\u00E9 \U0001F44D\U0001F3FD don\u2019t");
  CHECK(a.chars() == b.chars());
  CHECK(a.utf8() == b.utf8());
  for (std::size_t i = 0; i <= a.size(); ++i) {
    CHECK(a.byte_offset(i) == b.byte_offset(i));
    CHECK(a.utf16_offset(i) == b.utf16_offset(i));
  }
}

TEST_CASE("empty text") {
  const Text t = Text::from_utf8("");
  CHECK(t.size() == 0);
  CHECK(t.tokens().empty());
  CHECK(t.sentence_starts().empty());
  CHECK(t.byte_offset(0) == 0);
  CHECK(t.utf16_offset(0) == 0);
  CHECK(t.words_between(0, 0) == 0);
  CHECK_FALSE(t.crosses_sentence(0, 0));
}

TEST_CASE("words, including digits, apostrophes, leet symbols and masks") {
  for (const char* w : {"hello", "w4nker", "sh1t", "Pa55word", "tw@t", "tw*t", "c*nt", "f**k", "f***", "sh!t",
                        "don't", "don\xE2\x80\x99t", "10am", "caf\xC3\xA9", "e\xCC\x81t\xC3\xA9", "bol\xE2\x80\x8Blocks",
                        "\xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"}) {
    CAPTURE(w);
    CHECK(only_kind(w) == TokenKind::word);
  }
  // A '*' after a pure number, apostrophes at the edges and hyphens are not part of a word.
  const auto toks = visible_tokens(Text::from_utf8("'quoted' well-known 5*"));
  REQUIRE(toks.size() == 8);
  CHECK(toks[0].first == TokenKind::punct);
  CHECK(toks[1].second == "quoted");
  CHECK(toks[2].first == TokenKind::punct);
  CHECK(toks[3].second == "well");
  CHECK(toks[4].first == TokenKind::punct);
  CHECK(toks[5].second == "known");
  CHECK(toks[6].first == TokenKind::number);
  CHECK(toks[7].first == TokenKind::punct);
}

TEST_CASE("numbers") {
  CHECK(only_kind("0800") == TokenKind::number);
  CHECK(only_kind("4") == TokenKind::number);
  const auto toks = visible_tokens(Text::from_utf8("01234 567890"));
  REQUIRE(toks.size() == 2);
  CHECK(toks[0].first == TokenKind::number);
  CHECK(toks[1].second == "567890");
}

TEST_CASE("URLs") {
  for (const char* u : {"https://www.carersinbeds.org.uk/support?x=1", "http://example.com", "www.example.com/a/b",
                        "gov.uk", "www.gov.uk/benefits", "1drv.ms/f/s!AbCdEf", "bit.ly/3xYz",
                        "https://en.wikipedia.org/wiki/Carer_(UK)", "carersinbeds.org.uk"}) {
    CAPTURE(u);
    CHECK(only_kind(u) == TokenKind::url);
  }
  // Trailing punctuation ends the sentence, not the URL.
  const auto toks = visible_tokens(Text::from_utf8("See gov.uk. Or (www.nhs.uk), https://x.com/a!"));
  std::vector<std::string> urls;
  for (const auto& [kind, s] : toks)
    if (kind == TokenKind::url) urls.push_back(s);
  REQUIRE(urls.size() == 3);
  CHECK(urls[0] == "gov.uk");
  CHECK(urls[1] == "www.nhs.uk");
  CHECK(urls[2] == "https://x.com/a");
  // Sentences typed without a space after the full stop, initials and times are not URLs.
  for (const char* s : {"did.it", "hell.no", "f.u.c.k", "M.H.", "8.10am", "e.g."}) {
    CAPTURE(s);
    for (const auto& [kind, text] : visible_tokens(Text::from_utf8(s))) CHECK(kind != TokenKind::url);
  }
}

TEST_CASE("emails") {
  CHECK(only_kind("info@carersinbeds.org.uk") == TokenKind::email);
  CHECK(only_kind("jane.doe+test@nhs.net") == TokenKind::email);
  CHECK(only_kind("tw@t") == TokenKind::word);  // no domain: leetspeak
  const auto toks = visible_tokens(Text::from_utf8("Email bob_smith@example.co.uk."));
  REQUIRE(toks.size() == 3);
  CHECK(toks[1].first == TokenKind::email);
  CHECK(toks[1].second == "bob_smith@example.co.uk");
}

TEST_CASE("mentions and hashtags") {
  CHECK(only_kind("@CarersinBeds") == TokenKind::mention);
  CHECK(only_kind("@jane_doe99") == TokenKind::mention);
  CHECK(only_kind("#CarersWeek") == TokenKind::hashtag);
  CHECK(only_kind("#2024goals") == TokenKind::hashtag);
  const auto toks = visible_tokens(Text::from_utf8("Thanks @CarersinBeds! (#CarersWeek) #1 @ #"));
  REQUIRE(toks.size() == 10);
  CHECK(toks[1].first == TokenKind::mention);
  CHECK(toks[1].second == "@CarersinBeds");
  CHECK(toks[4].first == TokenKind::hashtag);
  CHECK(toks[6].first == TokenKind::punct);  // "#1" is not a hashtag
  CHECK(toks[7].first == TokenKind::number);
  CHECK(toks[8].first == TokenKind::punct);
  CHECK(toks[9].first == TokenKind::punct);
}

TEST_CASE("emoji sequences are one token each") {
  const char* sequences[] = {
      "\xF0\x9F\x98\x80",                                              // 😀
      "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",                              // 👍🏽 skin tone
      "\xE2\x9D\xA4\xEF\xB8\x8F",                                      // ❤️ VS16
      "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB",                  // 👩‍💻 ZWJ
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",  // 👨‍👩‍👧
      "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",      // 🏳️‍🌈
      "\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7",                              // 🇬🇧 regional pair
      "1\xEF\xB8\x8F\xE2\x83\xA3",                                     // 1️⃣ keycap
      "#\xE2\x83\xA3",                                                 // #⃣ keycap without VS16
      "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF",  // Scotland tag flag
  };
  for (const char* e : sequences) {
    CAPTURE(e);
    CHECK(only_kind(e) == TokenKind::emoji);
  }
  // Two flags side by side are two tokens; emoji between words split them.
  const auto toks = visible_tokens(Text::from_utf8("\xF0\x9F\x87\xAC\xF0\x9F\x87\xA7\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 hi\xF0\x9F\x98\x80there"));
  REQUIRE(toks.size() == 5);
  CHECK(toks[0].first == TokenKind::emoji);
  CHECK(toks[1].first == TokenKind::emoji);
  CHECK(toks[2].second == "hi");
  CHECK(toks[3].first == TokenKind::emoji);
  CHECK(toks[4].second == "there");
}

TEST_CASE("space runs, punctuation and line breaks") {
  const Text t = Text::from_utf8("a \t\n b\xE2\x80\x94" "c");
  REQUIRE(t.tokens().size() == 5);
  CHECK(t.tokens()[1].kind == TokenKind::space);
  CHECK(t.tokens()[1].end - t.tokens()[1].begin == 4);
  CHECK(t.tokens()[3].kind == TokenKind::punct);  // em dash
}

TEST_CASE("sentence starts") {
  auto starts = [](const char* s) {
    const Text t = Text::from_utf8(s);
    std::vector<std::string> out;
    for (std::uint32_t st : t.sentence_starts()) out.emplace_back(t.slice(st, st + 1));
    return out;
  };
  CHECK(starts("One. Two! Three? Four\xE2\x80\xA6 Five") == std::vector<std::string>{"O", "T", "T", "F", "F"});
  CHECK(starts("Line one\nLine two\r\n\r\nLine three") == std::vector<std::string>{"L", "L", "L"});
  CHECK(starts("Meet at 8.10am. Then lunch") == std::vector<std::string>{"M", "T"});
  CHECK(starts("Mr. Smith and Mrs. Jones met Dr. Patel at St. Mary's.") == std::vector<std::string>{"M"});
  CHECK(starts("See no. 5 please. No. I won't") == std::vector<std::string>{"S", "N", "I"});
  CHECK(starts("M.H. said hi. f.u.c.k that") == std::vector<std::string>{"M", "f"});
  CHECK(starts("Visit gov.uk. Email info@x.org.uk. Done") == std::vector<std::string>{"V", "E", "D"});
  CHECK(starts("She said \"stop.\" Then left") == std::vector<std::string>{"S", "T"});
  CHECK(starts("Really?! Yes") == std::vector<std::string>{"R", "Y"});
  CHECK(starts("So did I. Then") == std::vector<std::string>{"S", "T"});

  const Text t = Text::from_utf8("Jane is ill. She is in hospital");
  const std::uint32_t she = 13;
  REQUIRE(t.sentence_starts().size() == 2);
  CHECK(t.sentence_starts()[1] == she);
  CHECK(t.crosses_sentence(0, t.size()));
  CHECK(t.crosses_sentence(5, she + 1));
  CHECK_FALSE(t.crosses_sentence(0, she));        // ends where the next sentence starts
  CHECK_FALSE(t.crosses_sentence(she, t.size()));  // starts at the boundary: not strictly inside
}

TEST_CASE("words_between counts word-like tokens wholly inside the range") {
  const Text t = Text::from_utf8("Call @jane at 07700 900123, see gov.uk #help \xF0\x9F\x98\x80 ok");
  // Tokens: Call @jane at 07700 900123 , see gov.uk #help 😀 ok
  CHECK(t.words_between(0, t.size()) == 9);
  CHECK(t.words_between(0, 4) == 1);    // "Call"
  CHECK(t.words_between(0, 3) == 0);    // part of "Call" is not a whole token
  CHECK(t.words_between(1, 10) == 1);   // "@jane" only
  CHECK(t.words_between(5, 5) == 0);
  CHECK(t.words_between(10, 5) == 0);
  // Agrees with a direct count on every range.
  for (std::size_t b = 0; b <= t.size(); ++b) {
    for (std::size_t e = b; e <= t.size(); ++e) {
      std::size_t direct = 0;
      for (const Token& tok : t.tokens()) {
        const bool wordy = tok.kind != TokenKind::space && tok.kind != TokenKind::punct && tok.kind != TokenKind::emoji;
        if (wordy && tok.begin >= b && tok.end <= e) ++direct;
      }
      REQUIRE(t.words_between(b, e) == direct);
    }
  }
}

TEST_CASE("words_before is words_between from the start, on mixed texts") {
  // Emoji, accents, curly quotes, invalid UTF-8, URLs and mentions: one search must give what the
  // two-sided count gives at every position.
  const std::vector<std::string> texts = {
      "We\xE2\x80\x99re at caf\xC3\xA9 na\xC3\xAFve \xF0\x9F\x91\xA9\xF0\x9F\x8F\xBE\xE2\x80\x8D\xE2\x9A\x95\xEF\xB8\x8F ok",
      "bad \xFF\xC3 bytes \xE2\x82 here @jane #tag www.example.org/x y",
      "", " ", "one", "f*ck sh!t w4nker e\xCC\x81t\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D.",
  };
  for (const std::string& s : texts) {
    CAPTURE(s);
    const Text t = Text::from_utf8(s);
    for (std::size_t p = 0; p <= t.size(); ++p) REQUIRE(t.words_before(p) == t.words_between(0, p));
  }
}

TEST_CASE("invariants over generated strings") {
  // Pieces chosen to hit every decoder and tokenizer path, glued at random (including invalid bytes
  // and pieces cut in half).
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "\n", ".", "@", "#", "*", "'", "-", "_", "/", ":", "!", "$", "\xE2\x80\x99",
      "\xC3\xA9", "e\xCC\x81", "\xF0\x9F\x98\x80", "\xF0\x9F\x8F\xBD", "\xE2\x80\x8D", "\xEF\xB8\x8F", "\xE2\x83\xA3",
      "\xF0\x9F\x87\xAC", "\xE2\x80\x8B", "\xC2\xAD", "www.", "http://", "gov.uk", "x@y.com", "\xD0\xB0", "\xE4\xB8\xAD",
      "\x80", "\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xEF\xBD\x86", "Mr.", "8.10",
  };
  std::mt19937 rng(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int count = static_cast<int>(rng() % 24);
    for (int k = 0; k < count; ++k) s += pieces[rng() % pieces.size()];
    if (rng() % 4 == 0 && !s.empty()) s.resize(rng() % s.size());  // cut anywhere, even mid-character
    CAPTURE(s);
    const Text t = Text::from_utf8(s);
    REQUIRE(t.utf8() == s);
    // UTF-16 length: each code point is one unit, two above U+FFFF.
    std::size_t u16 = 0;
    for (char32_t c : t.chars()) u16 += c >= 0x10000 ? 2 : 1;
    check_invariants(t, u16);
    // Every code point re-encodes to its original bytes (U+FFFD stands for one invalid byte).
    for (std::size_t i = 0; i < t.size(); ++i) {
      const std::string_view bytes = t.slice(i, i + 1);
      if (t[i] == U'\uFFFD' && bytes.size() == 1) continue;
      const std::u32string one(1, t[i]);
      REQUIRE(Text::from_utf16(encode_utf16(one)).utf8() == bytes);
    }
    // The same text through UTF-16 gives the same code points and UTF-16 offsets.
    const std::u16string s16 = encode_utf16(t.chars());
    const Text t16 = Text::from_utf16(s16);
    REQUIRE(t16.chars() == t.chars());
    check_invariants(t16, s16.size());
    REQUIRE(t16.tokens().size() == t.tokens().size());
  }
}

TEST_CASE("from_utf16 on long texts: blocks of ASCII runs and wide code points agree with from_utf8") {
  // Long enough to cross the decoder's 256-code-point blocks at every kind of unit: ASCII runs of
  // every length, accents, curly quotes, emoji (surrogate pairs) and lone surrogates.
  const std::vector<std::u16string> pieces = {u"a", u"word ", u" ", u"\n", u"\u00e9", u"\u2019", u"\U0001F600",
                                               u"\U0001F469\u200D\U0001F467", std::u16string(1, char16_t(0xD800)),
                                               std::u16string(1, char16_t(0xDC00)), u"\u4e2d", u"x@y.com "};
  std::mt19937 rng(2026);
  for (int round = 0; round < 200; ++round) {
    std::u16string s16;
    const std::size_t target = 200 + rng() % 1500;
    while (s16.size() < target) {
      s16 += rng() % 2 ? std::u16string(rng() % 300, u'q') : pieces[rng() % pieces.size()];
    }
    const Text t16 = Text::from_utf16(s16);
    // The reference: lone surrogates are U+FFFD, then the same text as UTF-8.
    std::u32string cps;
    for (std::size_t i = 0; i < s16.size(); ++i) {
      const char16_t u = s16[i];
      if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s16.size() && s16[i + 1] >= 0xDC00 && s16[i + 1] <= 0xDFFF) {
        cps.push_back(0x10000 + ((char32_t(u) - 0xD800) << 10) + (s16[i + 1] - 0xDC00));
        ++i;
      } else {
        cps.push_back(u >= 0xD800 && u <= 0xDFFF ? U'\uFFFD' : char32_t(u));
      }
    }
    REQUIRE(t16.chars() == cps);
    const Text t8 = Text::from_utf8(t16.utf8());
    REQUIRE(t8.chars() == cps);
    for (std::size_t i = 0; i <= cps.size(); ++i) {
      REQUIRE(t16.byte_offset(i) == t8.byte_offset(i));
      REQUIRE(t16.utf16_offset(i) == t8.utf16_offset(i));
    }
    check_invariants(t16, s16.size());
  }
}

// The tokenizer takes plain ASCII words, white space and lone punctuation by fast paths; these are
// the places where they must hand over to the full scanner instead.
TEST_CASE("fast paths hand over where a word, space or mark continues") {
  using K = TokenKind;
  // A '.' after a word continues an address only before a character that can.
  CHECK(only_kind("hello.-x@example.com") == K::email);
  CHECK(only_kind("jo.smith@example.org") == K::email);
  CHECK(only_kind("carers.org") == K::url);
  CHECK(visible_tokens(Text::from_utf8("done. Next")) ==
        std::vector<std::pair<K, std::string>>{{K::word, "done"}, {K::punct, "."}, {K::word, "Next"}});
  // A word goes on over a curly apostrophe, an accent, a zero-width character and leet symbols.
  CHECK(only_kind("don\xE2\x80\x99t") == K::word);
  CHECK(only_kind("cafe\xCC\x81s") == K::word);
  CHECK(only_kind("bol\xE2\x80\x8Blocks") == K::word);
  CHECK(only_kind("sh!t") == K::word);
  CHECK(only_kind("f***") == K::word);
  // White space goes on over a non-ASCII space or an invisible character; a lone mark takes its
  // variation selector.
  const Text spaces = Text::from_utf8("a \xC2\xA0\xE2\x80\x8B b");
  REQUIRE(spaces.tokens().size() == 3);
  CHECK(spaces.tokens()[1].kind == K::space);
  CHECK(spaces.tokens()[1].end - spaces.tokens()[1].begin == 4);
  const Text mark = Text::from_utf8("a \xE2\x80\xBC\xEF\xB8\x8F b");  // ‼️ is an emoji
  CHECK(visible_tokens(mark)[1].first == K::emoji);
  const Text comma = Text::from_utf8("a,\xEF\xB8\x8F b");  // a selector after a comma stays with it
  REQUIRE(comma.tokens().size() == 4);
  CHECK(comma.tokens()[1].end - comma.tokens()[1].begin == 2);
}

TEST_CASE("sentence starts after line breaks inside mixed white space and after runs of marks") {
  const Text t = Text::from_utf8("One\xC2\xA0\nTwo?! \"Three.\" Four\r\n\r\nFive. Mr. Six");
  std::vector<std::string> firsts;
  for (std::uint32_t st : t.sentence_starts()) firsts.emplace_back(t.slice(st, st + 1));
  CHECK(firsts == std::vector<std::string>{"O", "T", "\"", "F", "F", "M"});  // not after "Mr."
}

TEST_CASE("long texts cross the decoder's blocks without losing a position") {
  std::string s;
  for (int k = 0; k < 300; ++k) s += (k % 7 == 0) ? "caf\xC3\xA9 \xF0\x9F\x98\x80 " : "plain words here ";
  const Text t = Text::from_utf8(s);
  check_invariants(t, t.utf16_offset(t.size()));
  std::u32string expected;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    expected.push_back(cp);
    i += len;
  }
  CHECK(t.chars() == expected);
  CHECK(t.byte_offset(t.size()) == s.size());
}

namespace {

// A byte-by-byte reference decoder (RFC 3629; each invalid byte becomes one U+FFFD), to check the
// decoder's sixteen- and eight-byte ASCII paths against.
std::u32string decode_reference(const std::string& s) {
  std::u32string out;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char b0 = b[i];
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) len = 1, cp = b0;
    else if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, cp = b0 & 0x1F, min = 0x80;
    else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, cp = b0 & 0x0F, min = 0x800;
    else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, cp = b0 & 0x07, min = 0x10000;
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (b[i + k] & 0xC0) == 0x80;
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    out.push_back(ok ? cp : 0xFFFD);
    i += ok ? len : 1;
  }
  return out;
}

}  // namespace

TEST_CASE("the decoder's ASCII fast paths agree with a byte-by-byte reading at every alignment") {
  // Mixed pieces (emoji, ZWJ sequences, accents, combining marks, curly quotes, invalid UTF-8,
  // leetspeak, spaced letters, masks, letter runs) between ASCII runs of every length from 0 to 40,
  // so that the sixteen-byte steps start and stop at every offset around them.
  const std::vector<std::string> pieces = {
      "\xF0\x9F\x98\x80", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", "caf\xC3\xA9", "e\xCC\x81",
      "\xE2\x80\x9Cquoted\xE2\x80\x9D", "don\xE2\x80\x99t", "\xFF", "\xC3", "\xE2\x82", "\xED\xA0\x80",
      "\xF0\x80\x80\x80", "\xC0\xAF", "sh1t", "f u c k", "f*ck", "sooooo", "\xE2\x80\x8B", "\xEF\xBC\xA6"};
  std::mt19937 rng(7);
  for (int round = 0; round < 400; ++round) {
    std::string s;
    for (int part = 0; part < 6; ++part) {
      const std::size_t run = rng() % 41;
      for (std::size_t k = 0; k < run; ++k) s += "abcdefghij KLMN.,!'\n"[rng() % 20];
      s += pieces[rng() % pieces.size()];
    }
    const Text t = Text::from_utf8(s);
    REQUIRE(t.chars() == decode_reference(s));
    check_invariants(t, t.utf16_offset(t.size()));
  }
  // Long ASCII runs crossing the decoder's 256-code-point blocks, broken by one wide character.
  for (std::size_t run = 250; run < 270; ++run) {
    const std::string s = std::string(run, 'a') + "\xC3\xA9" + std::string(run, 'b') + "\xFF" + "end";
    REQUIRE(Text::from_utf8(s).chars() == decode_reference(s));
  }
}
