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
#include "../support/reference_utf16.h"

using namespace postcheck;
using hostile::kMB;
using hostile::kSlowBuild;
using hostile::measure;
using hostile::report;

namespace {

// Bounds. The Release figures are ~10-100 times lower (README); Debug + ASan is several times slower.
constexpr double kSecondsPerCheck = 8.0 * hostile::kSlowFactor;

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

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

// Checks one hostile post under the default policy: within the time bound and `heap_bound`, findings
// consistent. Returns the findings for the caller's own checks.
std::vector<Finding> check_hostile(const std::string& name, const std::string& post, std::size_t heap_bound) {
  INFO(name);
  std::vector<Finding> findings;
  const auto m = measure([&] { findings = checker().check(std::string_view(post), kPersonal); });
  report(name, m);
  CHECK(m.seconds < kSecondsPerCheck);
  CHECK(m.heap_peak < heap_bound);
  CHECK(inconsistencies(findings, Text::from_utf8(post)) == 0);
  return findings;
}

}  // namespace

TEST_CASE("every sample post finds something on its own") {
  for (std::string_view post : kPosts) {
    INFO(post);
    CHECK_FALSE(checker().check(post, kPersonal).empty());
  }
}

// The paste: the sample posts, repeated to 1 MB.
struct Paste {
  std::string block;
  std::size_t copies = 0;
  std::string text;
};
Paste make_paste() {
  Paste p;
  for (std::string_view post : kPosts) p.block.append(post).append("\n\n");
  p.copies = (kMB + p.block.size() - 1) / p.block.size();
  p.text = repeat(p.block, p.copies);
  return p;
}

TEST_CASE("a 1 MB paste: finishes, and finds in every copy what one copy finds alone") {
  const Paste paste = make_paste();
  REQUIRE(paste.text.size() >= kMB);
  const auto alone = checker().check(std::string_view(paste.block), kPersonal);
  REQUIRE(alone.size() >= std::size(kPosts));
  const auto findings = check_hostile("1 MB paste (" + std::to_string(paste.copies) + " copies of 8 posts)", paste.text, 400 * kMB);
  const auto stride = static_cast<std::uint32_t>(Text::from_utf8(paste.block).size());
  CHECK(findings.size() >= alone.size() * paste.copies);
  CHECK(missed_in_copies(alone, findings, paste.copies, stride) == 0);
}

TEST_CASE("a 1 MB paste as UTF-16 finds the same, at the same places" * doctest::skip(kSlowBuild)) {
  const Paste paste = make_paste();
  const auto findings = checker().check(std::string_view(paste.text), kPersonal);
  const std::u16string units = postcheck::testing::encode_utf16(Text::from_utf8(paste.text).chars());
  std::vector<Finding> findings16;
  const auto m = measure([&] { findings16 = checker().check(std::u16string_view(units), kPersonal); });
  report("1 MB paste as UTF-16", m);
  CHECK(m.seconds < kSecondsPerCheck);
  CHECK(m.heap_peak < 400 * kMB);
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
  const std::string joined = repeat("\xF0\x9F\x91\xA9\xE2\x80\x8D", 100000) + " so fuck off";  // woman ZWJ ...
  check_hostile("100,000 emoji", smileys, 200 * kMB);
  check_hostile("50,000 skin-toned emoji", toned, 200 * kMB);
  const auto after_emoji = check_hostile("100,000 emoji joined by ZWJ, then words", joined, 200 * kMB);
  CHECK(Text::from_utf8(smileys).utf16_offset(100000) == 200000);
  // The words after the emoji are still found, at the right place.
  REQUIRE_FALSE(after_emoji.empty());
  CHECK(after_emoji.back().excerpt == "fuck");
  CHECK(after_emoji.back().u16_start == 300000 + 4);
}

TEST_CASE("50,000 combining marks on one letter: bounded, and the words around it still match") {
  // "f" + 50,000 acute accents + "uck": the marks fold into the letter, so the word is still found,
  // and its excerpt is every byte of the original, marks included.
  const std::string marks = repeat("\xCC\x81", 50000);
  const std::string hidden = "so f" + marks + "uck off";
  const auto found = check_hostile("50,000 marks inside a swear word", hidden, 200 * kMB);
  bool whole_word = false;
  for (const auto& f : found) whole_word = whole_word || f.excerpt == "f" + marks + "uck";
  CHECK(whole_word);
  CHECK(normalise(Text::from_utf8(hidden)).units_view() == " so fuck off ");

  const auto after = check_hostile("50,000 marks on one letter, then words", "a" + marks + " so fuck off", 200 * kMB);
  REQUIRE_FALSE(after.empty());
  CHECK(after.back().excerpt == "fuck");
  CHECK(after.back().cp_start == 1 + 50000 + 4);
}

TEST_CASE("a million digits in one number") {
  check_hostile("1,000,000 digits in one number", std::string(1000000, '7'), 400 * kMB);
}

TEST_CASE("a million digits grouped like phone and card numbers, or spaced" * doctest::skip(kSlowBuild)) {
  check_hostile("1,000,000 digits in phone-shaped groups", repeat("0770 0900 123 ", 1000000 / 11), 400 * kMB);
  check_hostile("1,000,000 digits in card-shaped groups", repeat("4111-1111-1111-1111 ", 1000000 / 16), 400 * kMB);
  check_hostile("1,000,000 digits with one space between", repeat("1 ", 1000000), 400 * kMB);
}
