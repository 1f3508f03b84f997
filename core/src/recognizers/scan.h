// scan.h — character classes and small scanning helpers shared by the recognizers (internal).
// Everything works on code points (Text::chars()), so every index is already a span position.
// Helpers are bounded and branch-light: the recognizers call them on every candidate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "../utf8_encode.h"
#include "postcheck/recognizers.h"

namespace postcheck::scan {

using Chars = std::u32string_view;

inline constexpr bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline constexpr bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
inline constexpr bool is_lower(char32_t c) { return c >= U'a' && c <= U'z'; }
inline constexpr bool is_ascii_alpha(char32_t c) { return is_upper(c) || is_lower(c); }
inline constexpr bool is_ascii_alnum(char32_t c) { return is_digit(c) || is_ascii_alpha(c); }
inline constexpr bool is_hex_lower(char32_t c) { return is_digit(c) || (c >= U'a' && c <= U'f'); }
inline constexpr char32_t to_lower(char32_t c) { return is_upper(c) ? c + 32 : c; }
inline constexpr char32_t to_upper(char32_t c) { return is_lower(c) ? c - 32 : c; }

// Letters as far as word boundaries are concerned: ASCII, Latin-1 and Latin Extended, Greek, Cyrillic.
// Emoji, punctuation and symbols are not letters, so "📞01234 567890" still starts a number.
inline constexpr bool is_letter(char32_t c) {
  return is_ascii_alpha(c) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x52F);
}
inline constexpr bool is_word_char(char32_t c) { return is_digit(c) || is_letter(c); }

inline constexpr bool is_space(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}
inline constexpr bool is_apostrophe(char32_t c) { return c == U'\'' || c == 0x2019; }

// s[i], or 0 past either end (so look-arounds need no bounds checks).
inline char32_t at(Chars s, std::size_t i) { return i < s.size() ? s[i] : 0; }
inline char32_t before(Chars s, std::size_t i) { return i > 0 ? s[i - 1] : 0; }

// First index >= i holding a digit, or s.size(). Checks 16 code points per step without a branch
// per character (used on allowlist entries; recognizers start from the trigger pass instead).
inline std::size_t find_digit(Chars s, std::size_t i) {
  const std::size_t n = s.size();
  while (i + 16 <= n) {
    unsigned hit = 0;
    for (std::size_t k = 0; k < 16; ++k) hit |= unsigned(s[i + k] - U'0' < 10u);
    if (hit != 0) break;
    i += 16;
  }
  while (i < n && !is_digit(s[i])) ++i;
  return i;
}

// End of the run of digits starting at i.
inline std::size_t digits_end(Chars s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// True when s[i..] starts with `lower_ascii`, compared case-insensitively (ASCII).
// Whether an identifier-like digit run at [start, end) is glued to its neighbours (part of a longer
// code, an amount, a URL or a handle) rather than standing alone; shared by the NHS, NI, card and bank shapes.
inline bool number_glued_before(Chars s, std::size_t start) {
  const char32_t p = before(s, start);
  if (is_word_char(p) || p == U'#' || p == U'/' || p == U'_' || p == U'@' || p == U'£' || p == U'$' ||
      p == U'+')
    return true;
  return (p == U'-' || p == U'.' || p == U',' || p == 0x2013) && start >= 2 && is_digit(s[start - 2]);
}

inline bool number_glued_after(Chars s, std::size_t end) {
  const char32_t c = at(s, end);
  if (is_word_char(c) || c == U'#' || c == U'_' || c == U'@' || c == U'%' || c == U'/') return true;
  return (c == U'-' || c == U'.' || c == U',' || c == 0x2013) && is_digit(at(s, end + 1));
}

inline bool starts_with_ci(Chars s, std::size_t i, std::string_view lower_ascii) {
  if (i + lower_ascii.size() > s.size()) return false;
  for (std::size_t k = 0; k < lower_ascii.size(); ++k)
    if (to_lower(s[i + k]) != char32_t(static_cast<unsigned char>(lower_ascii[k]))) return false;
  return true;
}

// A word: a maximal run of letters and digits with inner apostrophes ("Andrew’s", "Mine’s").
struct Word {
  std::size_t begin;
  std::size_t end;
  bool empty() const { return begin == end; }
};

// The word starting at i (i must hold a word character).
inline std::size_t word_end(Chars s, std::size_t i) {
  while (i < s.size()) {
    if (is_word_char(s[i])) {
      ++i;
    } else if (is_apostrophe(s[i]) && is_letter(at(s, i + 1)) && i > 0 && is_letter(s[i - 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// The next word at or after i, not starting at or beyond `limit`; empty (begin == end) if none.
inline Word next_word(Chars s, std::size_t i, std::size_t limit) {
  if (limit > s.size()) limit = s.size();
  while (i < limit && !is_word_char(s[i])) ++i;
  if (i >= limit) return {limit, limit};
  return {i, word_end(s, i)};
}

// The last word ending at or before i, not starting before `floor`; empty if none.
inline Word prev_word(Chars s, std::size_t i, std::size_t floor) {
  while (i > floor && !is_word_char(s[i - 1])) --i;
  if (i <= floor) return {floor, floor};
  std::size_t b = i;
  while (b > floor) {
    if (is_word_char(s[b - 1])) {
      --b;
    } else if (is_apostrophe(s[b - 1]) && b >= 2 && is_letter(s[b - 2]) && is_letter(s[b])) {
      --b;
    } else {
      break;
    }
  }
  return {b, i};
}

// True when word w spells `lower_ascii` exactly (case-insensitively).
inline bool word_is(Chars s, Word w, std::string_view lower_ascii) {
  return w.end - w.begin == lower_ascii.size() && starts_with_ci(s, w.begin, lower_ascii);
}

// word_is() against a list: "password", "passcode", …
inline bool word_is_any(Chars s, Word w, std::initializer_list<std::string_view> lower_ascii) {
  for (std::string_view x : lower_ascii)
    if (word_is(s, w, x)) return true;
  return false;
}

// True when any of [begin, end) ends a sentence: . ! or a line break (not ? — "2FA code? Mine's …").
inline bool has_hard_break(Chars s, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const char32_t c = s[i];
    if (c == U'\n' || c == U'\r' || c == U'!' || c == 0x2028 || c == 0x2029) return true;
    if (c == U'.' && (i + 1 >= s.size() || is_space(s[i + 1]))) return true;
  }
  return false;
}

using postcheck::append_utf8;  // utf8_encode.h

// The code points [begin, end), each passed through `map`, as UTF-8. Values are nearly always
// ASCII: those are written one byte per code point into a string of their final size, and only a
// range holding a wider code point is encoded one code point at a time from there on.
template <typename Map>
std::string utf8_of(Chars s, std::size_t begin, std::size_t end, Map map) {
  std::string out(end - begin, '\0');
  for (std::size_t i = begin; i < end; ++i) {
    const char32_t c = map(s[i]);
    if (c >= 0x80) {
      out.resize(i - begin);
      for (std::size_t k = i; k < end; ++k) append_utf8(out, map(s[k]));
      break;
    }
    out[i - begin] = static_cast<char>(c);
  }
  return out;
}

// The code points [begin, end) as UTF-8.
inline std::string to_utf8(Chars s, std::size_t begin, std::size_t end) {
  return utf8_of(s, begin, end, [](char32_t c) { return c; });
}

// The code points [begin, end) as UTF-8, ASCII letters lower-cased.
inline std::string to_utf8_lower(Chars s, std::size_t begin, std::size_t end) {
  return utf8_of(s, begin, end, to_lower);
}

// The digits of [begin, end), skipping everything else.
inline std::string digits_of(Chars s, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i)
    if (is_digit(s[i])) out.push_back(static_cast<char>(s[i]));
  return out;
}

// Decodes UTF-8 for canonical_value(); invalid bytes become U+FFFD, one per byte.
std::u32string decode_utf8(std::string_view utf8);

inline void emit(std::vector<RecognizerMatch>& out, RecognizerKind kind, std::size_t begin,
                 std::size_t end, std::string value) {
  out.push_back({kind, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                 std::move(value)});
}

}  // namespace postcheck::scan
