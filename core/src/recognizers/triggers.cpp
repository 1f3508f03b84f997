// triggers.cpp — the shared trigger pass. One table lookup per code point decides whether it can
// anchor anything; only those few go down the slow path, so the pass costs a handful of
// instructions per character whatever the number of recognizers in use.
#include "recognizers/triggers.h"

#include <array>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

enum Class : std::uint8_t {
  kWord = 1,        // ASCII letter or digit
  kDigit = 2,
  kAt = 4,
  kLinkMark = 8,    // '.', ':', '\'
  kKeyStart = 16,   // a letter a credential keyword can start with: p o c l u, either case
  kCapital = 32,    // A–Z
  kWide = 64,       // not ASCII: classified on the slow path
};

constexpr std::array<std::uint8_t, 129> kClasses = [] {
  std::array<std::uint8_t, 129> t{};
  for (char32_t c = U'0'; c <= U'9'; ++c) t[c] = kWord | kDigit;
  for (char32_t c = U'a'; c <= U'z'; ++c) t[c] = kWord;
  for (char32_t c = U'A'; c <= U'Z'; ++c) t[c] = kWord | kCapital;
  // The first letters of every keyword in secrets.cpp (password, pin, otp, code, credentials, login,
  // username…); may_be_credential_keyword() makes the exact check.
  for (char32_t c : {U'p', U'o', U'c', U'l', U'u'}) {
    t[c] |= kKeyStart;
    t[c - 32] |= kKeyStart;
  }
  t[U'@'] = kAt;
  t[U'.'] = kLinkMark;
  t[U':'] = kLinkMark;
  t[U'\\'] = kLinkMark;
  t[128] = kWide;
  return t;
}();

// The letter after an inner apostrophe continues its word ("Mine’s"): see scan::word_end.
bool continues_word(Chars s, std::size_t i) {
  return i >= 2 && is_apostrophe(s[i - 1]) && is_letter(s[i - 2]) && is_letter(s[i]);
}

}  // namespace

void find_triggers(Chars s, const TriggerNeeds& needs, Triggers& out) {
  const std::uint8_t anywhere = static_cast<std::uint8_t>(
      (needs.digit_runs ? kDigit : 0) | (needs.at_signs ? kAt : 0) | (needs.link_marks ? kLinkMark : 0) | kWide);
  const std::uint8_t at_word_start = static_cast<std::uint8_t>((needs.keyword_words ? kKeyStart : 0) |
                                                               (needs.capitalised_words ? kCapital : 0));
  const std::size_t n = s.size();
  std::uint8_t prev_word = 0;  // 1 when s[i - 1] is a word character
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = s[i];
    const std::uint8_t cls = kClasses[c < 128 ? c : 128];
    // prev_word - 1 is 0xFF after a non-word character and 0 inside a word.
    const std::uint8_t fire = cls & (anywhere | (at_word_start & static_cast<std::uint8_t>(prev_word - 1)));
    if (fire == 0) [[likely]] {
      prev_word = cls & kWord;
      continue;
    }
    if (fire & kWide) {
      prev_word = is_letter(c) ? 1 : 0;
      continue;
    }
    const auto at = static_cast<std::uint32_t>(i);
    if ((fire & kDigit) && (i == 0 || !is_digit(s[i - 1]))) out.digit_runs.push_back(at);
    if (fire & kAt) out.at_signs.push_back(at);
    if (fire & kLinkMark) out.link_marks.push_back(at);
    if ((fire & (kKeyStart | kCapital)) && !continues_word(s, i)) {
      if (fire & kCapital) out.capitalised_words.push_back(at);
      if ((fire & kKeyStart) && may_be_credential_keyword(s, Word{i, word_end(s, i)}))
        out.keyword_words.push_back(at);
    }
    prev_word = cls & kWord;
  }
}

}  // namespace postcheck::recognizers
