// triggers.cpp — the shared trigger pass. A cheap filter finds the candidate positions (16 code points
// at a time with SSE2, one table lookup per code point elsewhere); the exact checks run only on those
// few, so the pass costs a few instructions per character whatever the number of recognizers in use.
#include "recognizers/triggers.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

enum Class : std::uint8_t {
  kDigit = 1,
  kAt = 2,
  kLinkMark = 4,   // '.', ':', '\'
  kKeyStart = 8,   // a letter a credential keyword can start with: p o c l u k, either case
  kCapital = 16,   // A–Z
  kLetter = 32,    // a–z, A–Z: not a trigger, never wanted; lets the scalar loop skip a word's letters
};

// The first letters of every keyword in secrets.cpp (password, pin, otp, code, credentials, login,
// username, key…); may_be_credential_keyword() makes the exact check. The block filter tests them as
// c, k–l, o–p and u: keep the two in step.
constexpr std::array<char, 6> kKeywordInitials = {'c', 'k', 'l', 'o', 'p', 'u'};

constexpr std::array<std::uint8_t, 129> kClasses = [] {
  std::array<std::uint8_t, 129> t{};
  for (char c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigit;
  for (char c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kCapital | kLetter;
  for (char c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kLetter;
  for (char c : kKeywordInitials) {
    t[static_cast<std::size_t>(c)] |= kKeyStart;
    t[static_cast<std::size_t>(c - 32)] |= kKeyStart;
  }
  t['@'] = kAt;
  t['.'] = kLinkMark;
  t[':'] = kLinkMark;
  t['\\'] = kLinkMark;
  return t;  // t[128], for every non-ASCII code point, stays 0: nothing starts there
}();

// The letter after an inner apostrophe continues its word ("Mine’s"): see scan::word_end.
bool continues_word(Chars s, std::size_t i) {
  return i >= 2 && is_apostrophe(s[i - 1]) && is_letter(s[i - 2]) && is_letter(s[i]);
}

// Whether the code point before a letter leaves its word start in doubt: both filters let letters
// through after anything but an ASCII letter or digit, which settles it unless that is a non-ASCII
// code point (a letter or not) or an apostrophe (maybe an inner one).
inline bool unsure_after(char32_t previous) { return previous >= 128 || previous == U'\''; }

// The exact checks at a candidate position i (an ASCII code point whose class is in `wanted`, and, if
// a letter, not after an ASCII letter or digit; `unsure`: unsure_after() holds for the code point
// before). Inlined into the filter loops, with no call but for the rare credential keyword: ~15
// instructions a trigger (a call of its own cost ~60 more, most of them saving registers), and ~4 a
// digit for a digit run's end.
[[gnu::always_inline]] inline void take(Chars s, std::size_t i, std::uint8_t wanted, bool unsure, Triggers& out) {
  const std::uint8_t cls = kClasses[s[i]] & wanted;
  if (cls & kDigit) {
    if (i == 0 || !is_digit(s[i - 1]))
      out.digit_runs.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(digits_end(s, i))});
  } else if (cls & kLinkMark) {
    out.link_marks.push_back(static_cast<std::uint32_t>(i));
  } else if (cls & kAt) {
    out.at_signs.push_back(static_cast<std::uint32_t>(i));
  } else if (cls != 0) {  // a letter: the exact word-start rule, then the lists
    if (unsure && (is_word_char(s[i - 1]) || continues_word(s, i))) return;
    if (cls & kCapital) out.capitalised_words.push_back(static_cast<std::uint32_t>(i));
    if ((cls & kKeyStart) && credential_keyword_prefix(to_lower(s[i]), to_lower(at(s, i + 1)), to_lower(at(s, i + 2))) &&
        may_be_credential_keyword(s, i))
      out.keyword_words.push_back(static_cast<std::uint32_t>(i));
  }
}

#if defined(__SSE2__)
// Code points i .. i+15 packed into bytes: ASCII stays itself, everything else becomes 128–255
// (code points are at most 0x10FFFF, so the two saturating packs are a clamp to 255).
inline __m128i packed_bytes(const char32_t* p) {
  const auto* v = reinterpret_cast<const __m128i*>(p);
  const __m128i lo = _mm_packs_epi32(_mm_loadu_si128(v), _mm_loadu_si128(v + 1));
  const __m128i hi = _mm_packs_epi32(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3));
  return _mm_packus_epi16(lo, hi);
}

// Bytes in [lo, hi], in two operations: adding 0x80 - lo (wrapping) moves [lo, hi], and only it, to
// the bottom of the signed range, [-128, -128 + hi - lo], which one signed compare picks out.
inline __m128i in_range(__m128i b, char lo, char hi) {
  return _mm_cmplt_epi8(_mm_add_epi8(b, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                        _mm_set1_epi8(static_cast<char>(-128 + (hi - lo) + 1)));
}

// The filter: a mask of the positions of the block that may hold a trigger: digits that start a
// run, '@', link marks, and the letters wanted at word starts — a superset of the exact rule (a word
// start after a non-ASCII letter is let through; take() decides). kEvery: every class is wanted, so
// nothing is masked by `wanted` (~5 instructions a block fewer). Not inlined into find_triggers():
// on its own the loop keeps its constants in registers better (~2% fewer instructions a call).
template <bool kWordStarts, bool kEvery>
[[gnu::noinline]] std::size_t filter_blocks(Chars s, std::uint8_t wanted, Triggers& out) {
  const auto all_if = [](bool on) { return _mm_set1_epi8(on ? static_cast<char>(0xFF) : 0); };
  const __m128i want_digits = all_if(wanted & kDigit);
  const __m128i want_at = all_if(wanted & kAt);
  const __m128i want_marks = all_if(wanted & kLinkMark);
  const __m128i want_keys = all_if(wanted & kKeyStart);
  const __m128i want_capitals = all_if(wanted & kCapital);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  __m128i previous = _mm_set1_epi8(' ');  // before the text: not a word
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i b = packed_bytes(s.data() + i);
    // The byte before each one: this block shifted by one, the previous block's last byte first.
    const __m128i before = _mm_or_si128(_mm_slli_si128(b, 1), _mm_srli_si128(previous, 15));
    previous = b;
    const __m128i digit_before = in_range(before, '0', '9');
    // Each class's positions, masked by `wanted` unless every class is.
    const auto want = [](__m128i positions, __m128i wanted_class) {
      return kEvery ? positions : _mm_and_si128(positions, wanted_class);
    };
    __m128i fire = want(_mm_andnot_si128(digit_before, in_range(b, '0', '9')), want_digits);
    fire = _mm_or_si128(fire, want(_mm_cmpeq_epi8(b, _mm_set1_epi8('@')), want_at));
    const __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('.')),
                                                    _mm_cmpeq_epi8(b, _mm_set1_epi8(':'))),
                                       _mm_cmpeq_epi8(b, _mm_set1_epi8('\\')));
    fire = _mm_or_si128(fire, want(marks, want_marks));
    if constexpr (kWordStarts) {
      // The keyword initials, either case, as two ranges and two compares: k–l, o–p, c, u.
      const __m128i lower = _mm_or_si128(b, case_bit);
      const __m128i keys = _mm_or_si128(_mm_or_si128(in_range(lower, 'k', 'l'), in_range(lower, 'o', 'p')),
                                        _mm_or_si128(_mm_cmpeq_epi8(lower, _mm_set1_epi8('c')),
                                                     _mm_cmpeq_epi8(lower, _mm_set1_epi8('u'))));
      const __m128i starters = _mm_or_si128(want(keys, want_keys), want(in_range(b, 'A', 'Z'), want_capitals));
      const __m128i after_word = _mm_or_si128(in_range(_mm_or_si128(before, case_bit), 'a', 'z'), digit_before);
      fire = _mm_or_si128(fire, _mm_andnot_si128(after_word, starters));
    }
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(fire));
    if (mask == 0) continue;
    // unsure_after() for every byte's predecessor: non-ASCII (negative as a signed byte) or '\''.
    const auto unsure = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(_mm_cmplt_epi8(before, _mm_setzero_si128()), _mm_cmpeq_epi8(before, _mm_set1_epi8('\'')))));
    while (mask != 0) {
      const auto k = static_cast<unsigned>(__builtin_ctz(mask));
      take(s, i + k, wanted, (unsure >> k) & 1, out);
      mask &= mask - 1;
    }
  }
  return i;
}
#endif

}  // namespace

void find_triggers(Chars s, const TriggerNeeds& needs, Triggers& out) {
  const std::uint8_t wanted = static_cast<std::uint8_t>(
      (needs.digit_runs ? kDigit : 0) | (needs.at_signs ? kAt : 0) | (needs.link_marks ? kLinkMark : 0) |
      (needs.keyword_words ? kKeyStart : 0) | (needs.capitalised_words ? kCapital : 0));
  if (wanted == 0) return;
  // Room for a typical post's triggers up front, so that the lists rarely grow.
  const std::size_t expected = s.size() / 32 + 8;
  if (needs.digit_runs) out.digit_runs.reserve(expected);
  if (needs.link_marks) out.link_marks.reserve(expected);
  if (needs.keyword_words) out.keyword_words.reserve(expected / 2);
  if (needs.capitalised_words) out.capitalised_words.reserve(expected);

  std::size_t i = 0;
#if defined(__SSE2__)
  constexpr std::uint8_t kAll = kDigit | kAt | kLinkMark | kKeyStart | kCapital;
  if (wanted == kAll)
    i = filter_blocks<true, true>(s, wanted, out);
  else if (wanted & (kKeyStart | kCapital))
    i = filter_blocks<true, false>(s, wanted, out);
  else
    i = filter_blocks<false, false>(s, wanted, out);
#endif
  // The tail, or everything without SSE2 (the wasm build): the same filter a code point at a time. A
  // letter right after an ASCII letter or digit is inside a word and starts nothing, as the block
  // filter's `after_word` has it: the letters after a letter, and the digits after a digit, are
  // skipped in loops of their own (~8 instructions each), and a letter after a digit is tested. A
  // code point of no class at all (kLetter included) costs ~9 instructions.
  constexpr std::uint8_t kLetterClasses = kKeyStart | kCapital;
  const std::size_t n = s.size();
  for (; i < n; ++i) {
    const char32_t c = s[i];
    const std::uint8_t all_classes = kClasses[c < 128 ? c : 128];
    if (all_classes == 0) continue;  // a space, punctuation, a non-ASCII code point
    const std::uint8_t cls = all_classes & wanted;
    if (cls != 0 && ((cls & ~kLetterClasses) != 0 || i == 0 || !is_ascii_alnum(s[i - 1])))
      take(s, i, wanted, i > 0 && unsure_after(s[i - 1]), out);
    if (all_classes & kLetter) {
      std::size_t next = i + 1;
      while (next < n && is_ascii_alpha(s[next])) ++next;
      i = next - 1;
    } else if (all_classes & kDigit) {  // the rest of a digit run starts nothing either
      std::size_t next = i + 1;
      while (next < n && is_digit(s[next])) ++next;
      i = next - 1;
    }
  }
}

}  // namespace postcheck::recognizers
