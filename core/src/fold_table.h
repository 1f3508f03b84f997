// fold_table.h — Unicode character tables for the text model and the normalised view: the class of a
// code point (what the tokenizer needs to know about it) and its folded ASCII form (what matchers see).
// Internal to the core. Constant tables only; no allocation; O(1) for ASCII, a few comparisons otherwise.
#pragma once

#include <array>
#include <cstdint>

namespace postcheck::detail {

enum class CharClass : std::uint8_t {
  letter,        // any letter of any script (and other-script digits): part of a word
  digit,         // 0-9, fullwidth and mathematical digits
  space,         // white space that does not break a line
  line_break,    // \n \r \v \f U+0085 U+2028 U+2029
  mark,          // combining mark: belongs to the character before it
  format,        // invisible format characters dropped by the view (ZWSP, ZWNJ, soft hyphen, WJ, BOM…)
  zwj,           // U+200D: joins emoji, otherwise an invisible format character
  variation,     // variation selectors (U+FE0F turns a symbol into an emoji)
  skin_tone,     // U+1F3FB..U+1F3FF
  keycap,        // U+20E3 COMBINING ENCLOSING KEYCAP
  tag,           // U+E0020..U+E007F (subdivision flags)
  regional,      // regional indicator letters (flags come in pairs)
  pictographic,  // Extended_Pictographic: emoji and the symbols that can be shown as emoji
  punct,         // anything else
};

namespace tables {
// ASCII classes, indexed by byte.
constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::punct;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::letter;
    else if (c >= '0' && c <= '9') k = CharClass::digit;
    else if (c == ' ' || c == '\t') k = CharClass::space;
    else if (c == '\n' || c == '\r' || c == '\v' || c == '\f') k = CharClass::line_break;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}
inline constexpr std::array<CharClass, 128> kAsciiClass = make_ascii_classes();
}  // namespace tables

CharClass char_class_slow(char32_t cp);

// The class of a code point.
inline CharClass char_class(char32_t cp) {
  return cp < 128 ? tables::kAsciiClass[cp] : char_class_slow(cp);
}

// The ASCII character a fullwidth form (U+FF01..U+FF5E) stands for; other code points unchanged.
inline char32_t ascii_equivalent(char32_t cp) {
  return (cp >= 0xFF01 && cp <= 0xFF5E) ? cp - 0xFEE0 : cp;
}

// An apostrophe that may sit inside a word: ' ’ ‘ ʼ and the fullwidth '.
inline bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07;
}

// A letter or digit folded to lower-case ASCII: one or two units ("ß" → "ss"), or none (first == 0)
// when the code point is no Latin look-alike (other scripts, symbols).
struct Folded {
  char first;
  char second;
};
Folded fold_alnum_slow(char32_t cp);

inline Folded fold_alnum(char32_t cp) {
  if (cp < 128) {
    if (cp >= 'A' && cp <= 'Z') return {static_cast<char>(cp + 32), 0};
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return {static_cast<char>(cp), 0};
    return {0, 0};
  }
  return fold_alnum_slow(cp);
}

}  // namespace postcheck::detail
