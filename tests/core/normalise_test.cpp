// normalise_test.cpp — the normalised view: every folding rule, the view's alphabet, and the
// mapping of view units back to the original code points (findings must point at the original).
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "postcheck/normalise.h"

using postcheck::NormalisedView;
using postcheck::normalise;
using postcheck::normalise_term;
using postcheck::Text;

namespace {

// The view of `s` without its leading and trailing ' ' ('\x01' shown as '?').
std::string view_of(const std::string& s) {
  std::string units(normalise(Text::from_utf8(s)).units_view());
  REQUIRE(units.size() >= 2);
  REQUIRE(units.front() == ' ');
  REQUIRE(units.back() == ' ');
  units = units.substr(1, units.size() - 2);
  for (char& c : units)
    if (c == '\x01') c = '?';
  return units;
}

// The original text that the first occurrence of `needle` in the view of `s` stands for.
std::string original_of(const std::string& s, const std::string& needle) {
  const Text t = Text::from_utf8(s);
  const NormalisedView v = normalise(t);
  const std::size_t at = v.units_view().find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, s << " has no " << needle << " in [" << v.units_view() << "]");
  const std::uint32_t begin = v.origin_begin[at];
  const std::uint32_t end = v.origin_end[at + needle.size() - 1];
  return std::string(t.slice(begin, end));
}

void check_view_invariants(const Text& t, const NormalisedView& v) {
  REQUIRE(v.units.size() >= 2);
  REQUIRE(v.units.size() == v.origin_begin.size());
  REQUIRE(v.units.size() == v.origin_end.size());
  REQUIRE(v.units.front() == ' ');
  REQUIRE(v.units.back() == ' ');
  REQUIRE(v.origin_begin.front() == 0);
  REQUIRE(v.origin_end.front() == 0);
  REQUIRE(v.origin_begin.back() == t.size());
  REQUIRE(v.origin_end.back() == t.size());
  for (std::size_t i = 0; i < v.units.size(); ++i) {
    const char c = v.units[i];
    const bool in_alphabet = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '*' ||
                             c == '@' || c == '#' || c == '.' || c == '\x01' || c == ' ';
    REQUIRE_MESSAGE(in_alphabet, static_cast<int>(c));
    REQUIRE(v.origin_begin[i] <= v.origin_end[i]);
    REQUIRE(v.origin_end[i] <= t.size());
    if (i > 0) {
      REQUIRE(v.origin_begin[i - 1] <= v.origin_begin[i]);
      REQUIRE(v.origin_end[i - 1] <= v.origin_end[i]);
      if (v.units.size() > 2) REQUIRE_FALSE((c == ' ' && v.units[i - 1] == ' '));  // one ' ' per run
    }
    if (c != ' ' && i > 0 && i + 1 < v.units.size()) REQUIRE(v.origin_begin[i] < v.origin_end[i]);
  }
}

}  // namespace

TEST_CASE("case folding and separators") {
  CHECK(view_of("Hello, WORLD!") == "hello world");
  CHECK(view_of("  spaced   out \n\n lines\t") == "spaced out lines");
  CHECK(view_of("em\xE2\x80\x94" "dash well-known (brackets) \"quotes\"") == "em dash well known brackets quotes");
  CHECK(view_of("smile \xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD please") == "smile please");
  CHECK(normalise(Text::from_utf8("")).units_view() == "  ");
  CHECK(normalise(Text::from_utf8("!!!")).units_view() == "  ");
  CHECK(normalise(Text::from_utf8("hi")).units_view() == " hi ");
}

TEST_CASE("zero-width and format characters are dropped") {
  CHECK(view_of("bol\xE2\x80\x8Blocks") == "bollocks");        // U+200B
  CHECK(view_of("bol\xE2\x80\x8Clocks") == "bollocks");        // U+200C
  CHECK(view_of("bol\xE2\x80\x8Dlocks") == "bollocks");        // U+200D
  CHECK(view_of("bol\xE2\x81\xA0locks") == "bollocks");        // U+2060
  CHECK(view_of("bol\xEF\xBB\xBFlocks") == "bollocks");        // U+FEFF
  CHECK(view_of("bol\xC2\xADlocks") == "bollocks");            // U+00AD
  CHECK(view_of("b\xE2\x80\x8Bo\xE2\x80\x8Bl\xE2\x80\x8Bl\xE2\x80\x8Bo\xE2\x80\x8B" "cks") == "bollocks");
  CHECK(original_of("what bol\xE2\x80\x8Blocks", "bollocks") == "bol\xE2\x80\x8Blocks");
}

TEST_CASE("homoglyphs: Cyrillic, Greek, fullwidth, circled, mathematical, small capitals") {
  CHECK(view_of("\xD1\x95\xD2\xBB\xD1\x96t") == "shit");                       // ѕһіt
  CHECK(view_of("\xD0\xB0\xD1\x81\xD0\xB5 \xD1\x80\xD0\xBE\xD1\x83\xD1\x85") == "ace poyx");  // асе роух
  CHECK(view_of("\xD1\x98\xD4\x81\xC9\xA1") == "jdg");                        // ј ԁ ɡ
  CHECK(view_of("\xCE\xBF\xCE\xB1\xCE\xB5\xCE\xB9\xCE\xBA\xCE\xBD\xCF\x81\xCF\x84\xCF\x85\xCF\x87") == "oaeikvptux");
  CHECK(view_of("\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B") == "fuck");  // Ｆｕｃｋ
  CHECK(view_of("\xE2\x93\x95\xE2\x93\xA4\xE2\x93\x92\xE2\x93\x9A") == "fuck");  // ⓕⓤⓒⓚ
  CHECK(view_of("\xF0\x9D\x90\x9F\xF0\x9D\x90\xAE\xF0\x9D\x90\x9C\xF0\x9D\x90\xA4") == "fuck");  // 𝐟𝐮𝐜𝐤
  CHECK(view_of("\xE1\xB4\x84\xE1\xB4\x9C\xC9\xB4\xE1\xB4\x9B") == "cunt");      // ᴄᴜɴᴛ
  CHECK(view_of("\xEF\xBC\xA0handle") == "@handle");                           // fullwidth @
  // Other Cyrillic letters and other scripts are letters of a word, never ASCII.
  CHECK(view_of("\xD0\xB4\xD0\xB0") == "?a");                                  // да
  CHECK(view_of("\xE4\xB8\xAD\xE6\x96\x87 ok") == "?? ok");
  CHECK(view_of("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85") == "????");
}

TEST_CASE("accented Latin folds to its base letters") {
  CHECK(view_of("caf\xC3\xA9 na\xC3\xAFve \xC3\x80 \xC3\xA7" "a") == "cafe naive a ca");
  CHECK(view_of("Stra\xC3\x9F" "e") == "strasse");
  CHECK(view_of("\xC3\xA6on \xC5\x93uvre \xC3\xB8re") == "aeon oeuvre ore");
  CHECK(view_of("\xC5\x81\xC3\xB3" "d\xC5\xBA \xC4\x8C" "esk\xC3\xBD \xC8\x98" "a") == "lodz cesky sa");
  CHECK(view_of("e\xCC\x81t\xC3\xA9") == "ete");                  // combining acute dropped
  CHECK(original_of("Le caf\xC3\xA9!", "cafe") == "caf\xC3\xA9");
  CHECK(original_of("the e\xCC\x81" "clair", "eclair") == "e\xCC\x81" "clair");  // the mark is covered
  CHECK(original_of("Stra\xC3\x9F" "e", "ss") == "\xC3\x9F");     // both units stand for ß
}

TEST_CASE("leetspeak inside words that hold letters") {
  CHECK(view_of("w4nker") == "wanker");
  CHECK(view_of("sh1t") == "shit");
  CHECK(view_of("tw@t") == "twat");
  CHECK(view_of("r3tard") == "retard");
  CHECK(view_of("Pa55word") == "password");
  CHECK(view_of("b00bs") == "boobs");
  CHECK(view_of("sh!t") == "shit");
  CHECK(view_of("a$$hole") == "asshole");
  CHECK(view_of("7w4t") == "7wat");   // a leading digit before too few letters stays
  CHECK(view_of("5hit") == "shit");
  CHECK(view_of("1diot") == "idiot");
  // Pure numbers and ordinary alphanumerics keep their digits.
  CHECK(view_of("0800 4 2024") == "0800 4 2024");
  CHECK(view_of("10am 3pm 1st 2nd 4th 5mins 7days mp3 covid19") == "10am 3pm 1st 2nd 4th 5mins 7days mp3 covid19");
  CHECK(view_of("\xEF\xBC\x90\xEF\xBC\x98\xEF\xBC\x90\xEF\xBC\x90") == "0800");  // fullwidth digits
  CHECK(original_of("you w4nker!", "wanker") == "w4nker");
  CHECK(original_of("what a tw@t.", "twat") == "tw@t");
}

TEST_CASE("runs of three or more identical letters collapse") {
  CHECK(view_of("fuuuuck") == "fuck");
  CHECK(view_of("shiiiiiit") == "shit");
  CHECK(view_of("FUUUCK") == "fuck");
  CHECK(view_of("soo good") == "soo good");  // two stay
  CHECK(view_of("f\xC3\xBC\xC3\xBC\xC3\xBC" "ck") == "fuck");
  CHECK(view_of("sh111t") == "shit");  // leet first, then the run
  CHECK(original_of("oh fuuuuck off", "fuck") == "fuuuuck");
  const Text t = Text::from_utf8("fuuuuck");
  const NormalisedView v = normalise(t);
  REQUIRE(v.units_view() == " fuck ");
  CHECK(v.origin_begin[2] == 1);
  CHECK(v.origin_end[2] == 5);  // the one 'u' stands for all four
}

TEST_CASE("spelled-out letters are joined") {
  CHECK(view_of("f u c k i n g hell") == "fucking hell");
  CHECK(view_of("f.u.c.k") == "fuck");
  CHECK(view_of("f-u-c-k off") == "fuck off");
  CHECK(view_of("s_h_i_t") == "shit");
  CHECK(view_of("f*u*c*k") == "fuck");
  CHECK(view_of("f u u u c k") == "fuck");
  // Two letters are not a spelled-out word; separators must be single and of one kind.
  CHECK(view_of("M.H. U K") == "m h u k");
  CHECK(view_of("f  u  c  k") == "f u c k");
  CHECK(view_of("f.u.c.k M.H.") == "fuck m h");
  CHECK(view_of("U K f-u-c-k") == "u k fuck");
  CHECK(original_of("well f u c k that", "fuck") == "f u c k");
}

TEST_CASE("masks, apostrophes, sigils and dots") {
  CHECK(view_of("f*ck f**k f*** c*nt tw*t") == "f*ck f**k f*** c*nt tw*t");
  CHECK(view_of("*** 5* *bold*") == "5 bold*");
  CHECK(view_of("don't can\xE2\x80\x99t carers\xE2\x80\x99 \xE2\x80\x98quoted\xE2\x80\x99") == "don't can't carers quoted");
  CHECK(view_of("\xE2\x80\x9CHello\xE2\x80\x9D") == "hello");
  CHECK(view_of("Thanks @CarersinBeds #CarersWeek") == "thanks @carersinbeds #carersweek");
  CHECK(view_of("@carers_in_beds") == "@carersinbeds");
  CHECK(view_of("see gov.uk/benefits or info@carersinbeds.org.uk.") == "see gov.uk benefits or info@carersinbeds.org.uk");
  CHECK(view_of("https://www.Example.com/a-b") == "https www.example.com a b");
  CHECK(view_of("end. start") == "end start");
  CHECK(original_of("Email Info@CarersInBeds.org.uk now", "info@carersinbeds.org.uk") == "Info@CarersInBeds.org.uk");
  CHECK(original_of("hi @CarersinBeds!", "@carersinbeds") == "@CarersinBeds");
}

TEST_CASE("normalise_term matches the view of the same words") {
  CHECK(normalise_term("Carers in Bedfordshire") == "carers in bedfordshire");
  CHECK(normalise_term("@CarersinBeds") == "@carersinbeds");
  CHECK(normalise_term("w4nker") == "wanker");
  CHECK(normalise_term("f*ck") == "f*ck");
  CHECK(normalise_term("  add me on  Facebook ") == "add me on facebook");
  CHECK(normalise_term("don\xE2\x80\x99t") == "don't");
  CHECK(normalise_term("gov.uk") == "gov.uk");
  CHECK(normalise_term("") == "");
  CHECK(normalise_term("!!") == "");
  // A term is found in the view of a text that uses it.
  const std::string view(normalise(Text::from_utf8("I LOVE   Carers-in-Bedfordshire!")).units_view());
  CHECK(view.find(" " + normalise_term("carers in bedfordshire") + " ") != std::string::npos);
}

TEST_CASE("view invariants over generated strings") {
  const std::vector<std::string> pieces = {
      "a", "Z", "k", "7", "0", " ", "  ", "\n", ".", "@", "#", "*", "'", "-", "_", "/", "!", "$", "\xE2\x80\x99",
      "\xC3\xA9", "e\xCC\x81", "\xC3\x9F", "\xF0\x9F\x98\x80", "\xF0\x9F\x8F\xBD", "\xE2\x80\x8D", "\xEF\xB8\x8F",
      "\xE2\x80\x8B", "\xC2\xAD", "www.", "gov.uk", "x@y.com", "\xD0\xB0", "\xE4\xB8\xAD", "\x80", "\xFF", "\xE2\x82",
      "\xEF\xBD\x86", "fuuuck", "w4nker", "f u c k", "f.u.c.k", "f*ck", "\xF0\x9D\x90\x9F", "\xE2\x93\x95",
  };
  std::mt19937 rng(777);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int count = static_cast<int>(rng() % 20);
    for (int k = 0; k < count; ++k) s += pieces[rng() % pieces.size()];
    CAPTURE(s);
    const Text t = Text::from_utf8(s);
    const NormalisedView v = normalise(t);
    check_view_invariants(t, v);
    // normalise_term is the view without its two bounding spaces.
    std::string inner(v.units_view().substr(1, v.units.size() - 2));
    if (!inner.empty() && inner.back() == ' ') inner.pop_back();  // only for an all-separator text
    REQUIRE(normalise_term(s) == inner);
  }
}

TEST_CASE("plain words: runs collapse only at three, and every unit keeps its origin") {
  CHECK(view_of("Mississippi") == "mississippi");
  CHECK(view_of("Sooo good, FUUUUCK") == "so good fuck");
  CHECK(original_of("well FUUUUCK off", "fuck") == "FUUUUCK");
  CHECK(original_of("a boOk here", "book") == "boOk");  // a run of two stays two units
  CHECK(original_of("a boOOk here", "bok") == "boOOk");  // three, in any case, become one
  // A word that is not plain ASCII letters goes the full way, from its first unit.
  CHECK(view_of("w4nker Stra\xC3\x9F" "e") == "wanker strasse");
}

TEST_CASE("the view's size bound holds for text that folds to two units a character") {
  std::string s;
  for (int k = 0; k < 200; ++k) s += "\xC3\x9F\xC3\x86";  // ßÆ: four units from four bytes
  const NormalisedView v = normalise(Text::from_utf8(s));
  std::string expected = " ";
  for (int k = 0; k < 200; ++k) expected += "ssae";
  CHECK(v.units_view() == expected + " ");  // as many units as bytes, plus the two ' '
  CHECK(v.origin_end.size() == v.units.size());
  CHECK(v.origin_begin[v.units.size() - 2] == 399);
}

TEST_CASE("the plain-word fast path agrees with the general path, units and origins") {
  // A word of ASCII letters goes through the fast path (four letters at a time with SSE2, then
  // one at a time); the same word with one letter in its fullwidth form (one code point that folds
  // to the same letter) goes through the general path. Their views must be identical, origins
  // included, inside mixed texts: emoji, ZWJ, accents, combining marks, curly quotes, invalid
  // UTF-8, leetspeak, spaced letters, masks and letter runs.
  const std::vector<std::string> context = {
      "\xF0\x9F\x98\x80", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", "caf\xC3\xA9", "cafe\xCC\x81",
      "\xE2\x80\x9Cquoted\xE2\x80\x9D", "don\xE2\x80\x99t", "\xFF", "sh1t", "f u c k", "f*ck", "sooooo",
      "w4nker", "#tag", "@handle", "gov.uk", "12", "!", "\xE2\x80\x8B"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string word;
    const std::size_t length = 2 + rng() % 18;
    while (word.size() < length) {
      const char letter = static_cast<char>((rng() % 2 ? 'a' : 'A') + rng() % 6);  // few letters: runs
      const std::size_t repeat = 1 + (rng() % 4 == 0 ? rng() % 5 : 0);
      for (std::size_t k = 0; k < repeat && word.size() < length; ++k) word += letter;
    }
    const std::size_t at = rng() % word.size();
    const char32_t wide = 0xFF21 + static_cast<char32_t>((word[at] | 0x20) - 'a');  // fullwidth A..Z
    std::string general = word.substr(0, at);
    general += static_cast<char>(0xE0 | (wide >> 12));
    general += static_cast<char>(0x80 | ((wide >> 6) & 0x3F));
    general += static_cast<char>(0x80 | (wide & 0x3F));
    general += word.substr(at + 1);
    const std::string before = context[rng() % context.size()] + " ";
    const std::string after = " " + context[rng() % context.size()];
    const Text plain_text = Text::from_utf8(before + word + after);
    const Text general_text = Text::from_utf8(before + general + after);
    const NormalisedView plain = normalise(plain_text);
    const NormalisedView folded = normalise(general_text);
    REQUIRE_MESSAGE(plain.units == folded.units, word << " vs " << general);
    REQUIRE(plain.origin_begin == folded.origin_begin);
    REQUIRE(plain.origin_end == folded.origin_end);
    check_view_invariants(plain_text, plain);
  }
}
