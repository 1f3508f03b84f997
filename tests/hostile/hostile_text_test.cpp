// hostile_text_test.cpp — huge and hostile posts under the default policy: a 1 MB paste, 100,000 emoji,
// 50,000 combining marks on one letter, a million digits. Each must finish within a generous time bound
// (far above the measured figures in tests/hostile/README.md, so a loaded machine or ASan does not make
// it flaky, but low enough to catch anything quadratic) and bounded heap, with findings that are still
// consistent: excerpts equal the original bytes, offsets agree, and what a post finds on its own it
// still finds inside the paste.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "default_policy.h"
#include "measure.h"
#include "postcheck/checker.h"
#include "postcheck/normalise.h"
#include "postcheck/policy.h"
#include "postcheck/text.h"

using namespace postcheck;
using hostile::kMB;
using hostile::measure;
using hostile::report;

namespace {

// Bounds. The Release figures are ~10-100 times lower (README); Debug + ASan is several times slower.
constexpr double kSecondsPerCheck = 8.0;

const Checker& checker() {
  static const Checker compiled = [] {
    PolicyLoadResult loaded = parse_policy(default_policy_json());
    REQUIRE(loaded.errors.empty());
    return Checker(std::move(*loaded.policy));
  }();
  return compiled;
}

constexpr Context kPersonal{Account::personal, false};

// Posts that each find something under the default policy (the suite checks that they do).
constexpr std::string_view kPosts[] = {
    "Fed up with work today, my manager is a total idiot and this place is a joke.",
    "Ring me on 07700 900123 or email jane.smith@example.com if you need anything x",
    "Mrs Patel at 12 High Street, Bedford MK40 1AA has dementia and her son never visits.",
    "f.u.c.k this sh1t, seriously \xF0\x9F\x98\xA4\xF0\x9F\x98\xA4",
    "Our password is Carers2024! and the shared doc is https://docs.google.com/document/d/1abcDEF/edit",
    "Card 4111 1111 1111 1111, sort code 12-34-56, NHS number 943 476 5919.",
    "Carers in Bedfordshire fully supports the strike and so should you.",
    "Caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xE2\x80\x94 \xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B "
    "that, \xD1\x95\xD2\xBB\xD1\x96t happens \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
};

// Counts the ways findings break the contract (0 when they are consistent with `text`).
std::size_t inconsistencies(const std::vector<Finding>& findings, const Text& text) {
  std::size_t bad = 0;
  const std::string_view bytes = text.utf8();
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const Finding& f = findings[k];
    bad += !(f.cp_start < f.cp_end && f.cp_end <= text.size());
    if (f.cp_end > text.size()) continue;
    bad += f.byte_start != text.byte_offset(f.cp_start) || f.byte_end != text.byte_offset(f.cp_end);
    bad += f.u16_start != text.utf16_offset(f.cp_start) || f.u16_end != text.utf16_offset(f.cp_end);
    bad += f.byte_end > bytes.size() || f.excerpt != bytes.substr(f.byte_start, f.byte_end - f.byte_start);
    if (k > 0) bad += findings[k - 1].cp_start > f.cp_start;
  }
  return bad;
}

// The findings of `block` on its own must each be covered, shifted, by a finding of the same category
// in every copy of it inside `paste` (copies start every `stride` code points). Returns the misses.
std::size_t missed_in_copies(const std::vector<Finding>& alone, const std::vector<Finding>& pasted,
                             std::size_t copies, std::uint32_t stride) {
  std::size_t missed = 0;
  std::size_t from = 0;  // pasted is sorted by start: scan forward
  for (std::size_t c = 0; c < copies; ++c) {
    const std::uint32_t shift = static_cast<std::uint32_t>(c) * stride;
    while (from < pasted.size() && pasted[from].cp_end <= shift) ++from;
    for (const Finding& f : alone) {
      bool covered = false;
      for (std::size_t j = from; j < pasted.size() && pasted[j].cp_start <= f.cp_start + shift; ++j) {
        const Finding& g = pasted[j];
        covered = covered || (g.category == f.category && g.cp_end >= f.cp_end + shift);
      }
      missed += !covered;
    }
  }
  return missed;
}

std::u16string utf16_of(const Text& text) {
  std::u16string out;
  out.reserve(text.size() + text.size() / 4);
  for (char32_t c : text.chars()) {
    if (c >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

}  // namespace

TEST_CASE("every sample post finds something on its own") {
  for (std::string_view post : kPosts) {
    INFO(post);
    CHECK_FALSE(checker().check(post, kPersonal).empty());
  }
}

TEST_CASE("a 1 MB paste: finishes, and finds in every copy what one copy finds alone") {
  std::string block;
  for (std::string_view post : kPosts) block.append(post).append("\n\n");
  const std::size_t copies = (kMB + block.size() - 1) / block.size();
  const std::string paste = repeat(block, copies);
  REQUIRE(paste.size() >= kMB);

  const auto alone = checker().check(std::string_view(block), kPersonal);
  REQUIRE(alone.size() >= std::size(kPosts));
  std::vector<Finding> findings;
  const auto m = measure([&] { findings = checker().check(std::string_view(paste), kPersonal); });
  report("1 MB paste (" + std::to_string(copies) + " copies of 8 posts)", m);
  CHECK(m.seconds < kSecondsPerCheck);
  CHECK(m.heap_peak < 400 * kMB);

  const Text text = Text::from_utf8(paste);
  const auto stride = static_cast<std::uint32_t>(Text::from_utf8(block).size());
  CHECK(inconsistencies(findings, text) == 0);
  CHECK(findings.size() >= alone.size() * copies);
  CHECK(missed_in_copies(alone, findings, copies, stride) == 0);

  // The same paste as UTF-16 (what the extension sends) finds the same, at the same places.
  const std::u16string units = utf16_of(text);
  std::vector<Finding> findings16;
  const auto m16 = measure([&] { findings16 = checker().check(std::u16string_view(units), kPersonal); });
  report("1 MB paste as UTF-16", m16);
  CHECK(m16.seconds < kSecondsPerCheck);
  REQUIRE(findings16.size() == findings.size());
  std::size_t differ = 0;
  for (std::size_t k = 0; k < findings.size(); ++k) {
    differ += findings[k].rule != findings16[k].rule || findings[k].cp_start != findings16[k].cp_start ||
              findings[k].cp_end != findings16[k].cp_end || findings[k].u16_start != findings16[k].u16_start;
  }
  CHECK(differ == 0);
}

TEST_CASE("100,000 emoji: single, skin-toned, and one 100,000-long ZWJ sequence") {
  const std::string smileys = repeat("\xF0\x9F\x98\x80", 100000);                           // U+1F600
  const std::string toned = repeat("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 50000);              // thumbs up, skin tone
  const std::string joined = repeat("\xF0\x9F\x91\xA9\xE2\x80\x8D", 100000) + " you idiot";  // woman ZWJ ...
  for (const auto& [name, post] : {std::pair{"100,000 emoji", &smileys}, std::pair{"50,000 skin-toned emoji", &toned},
                                   std::pair{"100,000 emoji joined by ZWJ", &joined}}) {
    INFO(name);
    std::vector<Finding> findings;
    const auto m = measure([&] { findings = checker().check(std::string_view(*post), kPersonal); });
    report(name, m);
    CHECK(m.seconds < kSecondsPerCheck);
    CHECK(m.heap_peak < 200 * kMB);
    const Text text = Text::from_utf8(*post);
    CHECK(text.utf16_offset(text.size()) == 2 * 100000 + (post == &joined ? 100000 + 10 : 0));
    CHECK(inconsistencies(findings, text) == 0);
  }
}

TEST_CASE("50,000 combining marks on one letter: bounded, and the words around it still match") {
  // "f" + 50,000 acute accents + "uck": the marks fold into the letter, so the word is still found,
  // and its excerpt is every byte of the original, marks included.
  const std::string marks = repeat("\xCC\x81", 50000);
  const std::string hidden = "so f" + marks + "uck off";
  const std::string after = "a" + marks + " you idiot";
  for (const auto& [name, post] : {std::pair{"50,000 marks inside a swear word", &hidden},
                                   std::pair{"50,000 marks on one letter, then words", &after}}) {
    INFO(name);
    std::vector<Finding> findings;
    const auto m = measure([&] { findings = checker().check(std::string_view(*post), kPersonal); });
    report(name, m);
    CHECK(m.seconds < kSecondsPerCheck);
    CHECK(m.heap_peak < 200 * kMB);
    CHECK(inconsistencies(findings, Text::from_utf8(*post)) == 0);
    REQUIRE_FALSE(findings.empty());
  }
  const auto found = checker().check(std::string_view(hidden), kPersonal);
  bool whole_word = false;
  for (const auto& f : found) whole_word = whole_word || f.excerpt == "f" + marks + "uck";
  CHECK(whole_word);

  const Text text = Text::from_utf8(hidden);
  const NormalisedView view = normalise(text);
  CHECK(view.units.find("fuck") != std::string::npos);
}

TEST_CASE("a million digits, bare and grouped like phone and card numbers") {
  const std::string bare(1000000, '7');
  const std::string grouped = repeat("0770 0900 123 ", 1000000 / 11);  // 11 digits a group
  const std::string card_like = repeat("4111-1111-1111-1111 ", 1000000 / 16);
  for (const auto& [name, post] : {std::pair{"1,000,000 digits in one number", &bare},
                                   std::pair{"1,000,000 digits in phone-shaped groups", &grouped},
                                   std::pair{"1,000,000 digits in card-shaped groups", &card_like}}) {
    INFO(name);
    std::vector<Finding> findings;
    const auto m = measure([&] { findings = checker().check(std::string_view(*post), kPersonal); });
    report(name, m);
    CHECK(m.seconds < kSecondsPerCheck);
    CHECK(m.heap_peak < 400 * kMB);
    CHECK(inconsistencies(findings, Text::from_utf8(*post)) == 0);
  }
}
