// fold_table.cpp — the Unicode tables behind fold_table.h: character classes for the tokenizer and
// the fold of look-alike letters (accented Latin, small capitals, Cyrillic/Greek homoglyphs, fullwidth,
// circled and mathematical letters) to lower-case ASCII. The dense tables were generated from Python's
// unicodedata (NFKD base letter, else the letter named in the character name) plus a hand list of
// shapes that read as Latin letters; two units per code point, '_' meaning "no fold".
#include "fold_table.h"

#include <array>
#include <cstddef>
#include <string_view>

namespace postcheck::detail {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Extended_Pictographic code points below U+1F000 (Unicode 15 emoji-data.txt, ranges merged).
constexpr Range kPictographicBmp[] = {
    {0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049}, {0x2122, 0x2122},
    {0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA}, {0x231A, 0x231B}, {0x2328, 0x2328},
    {0x2388, 0x2388}, {0x23CF, 0x23CF}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2},
    {0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
    {0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712}, {0x2714, 0x2714},
    {0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721}, {0x2728, 0x2728}, {0x2733, 0x2734},
    {0x2744, 0x2744}, {0x2747, 0x2747}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
    {0x2757, 0x2757}, {0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
    {0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
    {0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
};

// Punctuation inside otherwise-letter blocks of other scripts (so their sentences split into words).
constexpr char32_t kOtherScriptPunct[] = {
    0x055C, 0x055D, 0x055E, 0x0589, 0x05BE, 0x05C0, 0x05C3, 0x05C6, 0x05F3, 0x05F4, 0x060C,
    0x061B, 0x061F, 0x066A, 0x066B, 0x066C, 0x066D, 0x06D4, 0x0964, 0x0965, 0x0970, 0x0E4F,
    0x0E5A, 0x0E5B, 0x10FB, 0x1360, 0x1361, 0x1362, 0x1363, 0x1364, 0x1365, 0x1366, 0x1367,
    0x1368, 0x166D, 0x166E, 0x17D4, 0x17D5, 0x17D6, 0x17D8, 0x17D9, 0x17DA,
};

template <std::size_t N>
constexpr bool in_ranges(const Range (&ranges)[N], char32_t cp) {
  for (const Range& r : ranges) {
    if (cp < r.first) return false;  // sorted
    if (cp <= r.last) return true;
  }
  return false;
}

constexpr CharClass supplementary_class(char32_t cp) {
  if (cp >= 0x1D400 && cp <= 0x1D7CD) return CharClass::letter;  // mathematical alphanumerics
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return CharClass::digit;
  if (cp >= 0x1F1E6 && cp <= 0x1F1FF) return CharClass::regional;
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return CharClass::skin_tone;
  if (cp >= 0x1F000 && cp <= 0x1F0FF) return CharClass::pictographic;
  if (cp >= 0x1F100 && cp <= 0x1F1FF) {
    // Enclosed alphanumerics: squared/circled letters read as letters, except those that are emoji.
    if (cp == 0x1F170 || cp == 0x1F171 || cp == 0x1F17E || cp == 0x1F17F) return CharClass::pictographic;
    if ((cp >= 0x1F130 && cp <= 0x1F149) || (cp >= 0x1F150 && cp <= 0x1F169) ||
        (cp >= 0x1F170 && cp <= 0x1F189))
      return CharClass::letter;
    if ((cp >= 0x1F10D && cp <= 0x1F10F) || cp == 0x1F12F || (cp >= 0x1F16C && cp <= 0x1F16F) ||
        cp == 0x1F18E || (cp >= 0x1F191 && cp <= 0x1F1E5))
      return CharClass::pictographic;
    return CharClass::punct;
  }
  if (cp >= 0x1F200 && cp <= 0x1F64F) return CharClass::pictographic;
  if (cp >= 0x1F650 && cp <= 0x1F67F) return CharClass::punct;  // ornamental dingbats
  if (cp >= 0x1F680 && cp <= 0x1F6FF) return CharClass::pictographic;
  if (cp >= 0x1F700 && cp <= 0x1F8FF) {
    if ((cp >= 0x1F774 && cp <= 0x1F77F) || (cp >= 0x1F7D5 && cp <= 0x1F7FF) ||
        (cp >= 0x1F80C && cp <= 0x1F80F) || (cp >= 0x1F848 && cp <= 0x1F84F) ||
        (cp >= 0x1F85A && cp <= 0x1F85F) || (cp >= 0x1F888 && cp <= 0x1F88F) || cp >= 0x1F8AE)
      return CharClass::pictographic;
    return CharClass::punct;
  }
  if (cp >= 0x1F900 && cp <= 0x1FAFF) return CharClass::pictographic;
  if (cp >= 0x1FC00 && cp <= 0x1FFFD) return CharClass::pictographic;
  if (cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F)) return CharClass::tag;
  if (cp >= 0xE0100 && cp <= 0xE01EF) return CharClass::variation;
  if (cp >= 0xF0000) return CharClass::punct;  // private use
  if (cp >= 0x1F000) return CharClass::punct;
  return CharClass::letter;  // historic scripts, CJK extensions
}

// U+00C0..U+052F: two units per code point, "_" = none.
constexpr char32_t kLatinFirst = 0x00C0;
constexpr std::string_view kLatinFold =
    "a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o___o_u_u_u_u_y_thss"
    "a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o___o_u_u_u_u_y_thy_"
    "a_a_a_a_a_a_c_c_c_c_c_c_c_c_d_d_d_d_e_e_e_e_e_e_e_e_e_e_g_g_g_g_"
    "g_g_g_g_h_h_h_h_i_i_i_i_i_i_i_i_i_i_ijijj_j_k_k_k_l_l_l_l_l_l_l_"
    "l_l_l_n_n_n_n_n_n_n_n_n_o_o_o_o_o_o_oeoer_r_r_r_r_r_s_s_s_s_s_s_"
    "s_s_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_u_u_w_w_y_y_y_z_z_z_z_z_z_s_"
    "b_b_b_b_____o_c_c___d_d_d_d_e_e_e_f_f_g_y_hvi_i_k_k_l_l_m_n_n_o_"
    "o_o_____p_p___s_s_e_l_t_t_t_t_u_u_u_v_y_y_z_z_________2_5_5_t_p_"
    "l_____i_dzdzdzljljljnjnjnja_a_i_i_o_o_u_u_u_u_u_u_u_u_u_u_e_a_a_"
    "a_a_____g_g_g_g_k_k_o_o_o_o_____j_dzdzdzg_g___w_n_n_a_a_____o_o_"
    "a_a_a_a_e_e_e_e_i_i_i_i_o_o_o_o_r_r_r_r_u_u_u_u_s_s_t_t_____h_h_"
    "n_d_ououz_z_a_a_e_e_o_o_o_o_o_o_o_o_y_y_l_n_t_j_dbqpa_c_c_l_t_s_"
    "z_____b_u___e_e_j_j_q_q_r_r_y_y_a_a___b_o_c_d_d_______e_______j_"
    "g_g_g_______h___i_i_i_l_l_l___m___m_n_n_n_o_______r___r_r_r_r___"
    "r___s_s_________t_u___v_v_w___y_z_z_______________b___g_h_j___l_"
    "q_______________________________h___j_r_______w_y_______________"
    "________________________________________________________________"
    "__l_s_x_________________________________________________________"
    "________________________________________________________________"
    "________________________________________________________________"
    "________________________________________________________________"
    "______________________________________________________________j_"
    "____________a___e_h_i___o___y___i_a_b_____e_z_h___i_k___m_n___o_"
    "__p_____t_y___x_____i_y_a_e_n_i_u_a_b_y___e_z_n___i_k___u_v___o_"
    "__p_c_o_t_u___x___w_i_u_o_u_w___________________________________"
    "________________________________k_p_c_j___e_______c_m___p_______"
    "__e_______s_i_i_j_______________a___b_____e_________k___m_h_o___"
    "p_c_t_y___x_____w_______b_______a___b_r___e_________k___m_h_o_n_"
    "p_c_t_y___x_____w_______b_________e_______s_i_i_j_______________"
    "w_w_____________________________________________________________"
    "________________________________________________________________"
    "____________________________y_y_____________________h_h_________"
    "i_____________________________l_________________________________"
    "________________________________________________________________"
    "d_d_____________________g_g_________________________q_q_w_w_____"
    "________________________________";

// U+1D00..U+1EFF: two units per code point, "_" = none.
constexpr char32_t kLatinAdditionalFirst = 0x1D00;
constexpr std::string_view kLatinAdditionalFold =
    "a_______c_d___e_____j_k_l_m___o_________________p_____t_u_______"
    "v_w_z___________________a___b___d_e___g_h_i_j_k_l_m_n___o___p_r_"
    "t_u_w_a_______b_d_e_______g___k_m___o_______p_t_u_____v_________"
    "____i_r_u_v_____________b_d_f_m_n_p_r_r_s_t_z_____________p_____"
    "b_d_f_g_k_l_m_n_p_r_s___v_x_z_a___d_e_______i_____u_____c_______"
    "f_____________________________________________________z_________"
    "________________________________________________________________"
    "________________________________________________________________"
    "a_a_b_b_b_b_b_b_c_c_d_d_d_d_d_d_d_d_d_d_e_e_e_e_e_e_e_e_e_e_f_f_"
    "g_g_h_h_h_h_h_h_h_h_h_h_i_i_i_i_k_k_k_k_k_k_l_l_l_l_l_l_l_l_m_m_"
    "m_m_m_m_n_n_n_n_n_n_n_n_o_o_o_o_o_o_o_o_p_p_p_p_r_r_r_r_r_r_r_r_"
    "s_s_s_s_s_s_s_s_s_s_t_t_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_v_v_v_v_"
    "w_w_w_w_w_w_w_w_w_w_x_x_x_x_y_y_z_z_z_z_z_z_h_t_w_y_a_s_____ss__"
    "a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_e_e_e_e_e_e_e_e_"
    "e_e_e_e_e_e_e_e_i_i_i_i_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_"
    "o_o_o_o_u_u_u_u_u_u_u_u_u_u_u_u_u_u_y_y_y_y_y_y_y_y_________y_y_";

Folded from_table(std::string_view table, char32_t index) {
  const char a = table[2 * index];
  const char b = table[2 * index + 1];
  if (a == '_') return {0, 0};
  return {a, b == '_' ? '\0' : b};
}

char letter_at(char32_t offset) { return static_cast<char>('a' + offset); }

// The class of any non-ASCII code point, by ranges (a few dozen comparisons at worst).
constexpr CharClass classify(char32_t cp) {
  if (cp < 0x0100) {
    if (cp == 0x85) return CharClass::line_break;
    if (cp == 0xA0) return CharClass::space;
    if (cp == 0xAD) return CharClass::format;
    if (cp == 0xA9 || cp == 0xAE) return CharClass::pictographic;
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return CharClass::letter;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return CharClass::punct;
    return CharClass::letter;
  }
  if (cp < 0x0250) return CharClass::letter;
  if (cp < 0x0300) {
    if (cp <= 0x02C1 || (cp >= 0x02C6 && cp <= 0x02D1) || (cp >= 0x02E0 && cp <= 0x02E4)) return CharClass::letter;
    return CharClass::punct;  // spacing modifier symbols
  }
  if (cp < 0x0370) return CharClass::mark;
  if (cp < 0x0400) {
    if (cp == 0x0375 || cp == 0x037E || cp == 0x0384 || cp == 0x0385 || cp == 0x0387) return CharClass::punct;
    return CharClass::letter;
  }
  if (cp < 0x0530) {
    if (cp == 0x0482) return CharClass::punct;
    if (cp >= 0x0483 && cp <= 0x0489) return CharClass::mark;
    return CharClass::letter;
  }
  if (cp < 0x2000) {
    if (cp == 0x1680) return CharClass::space;
    if ((cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF)) return CharClass::mark;
    if (cp <= 0x17DA) {
      for (char32_t p : kOtherScriptPunct)
        if (p == cp) return CharClass::punct;
    }
    return CharClass::letter;
  }
  if (cp < 0x2070) {  // General Punctuation
    if (cp <= 0x200A || cp == 0x202F || cp == 0x205F) return CharClass::space;
    if (cp == 0x200D) return CharClass::zwj;
    if (cp == 0x200B || cp == 0x200C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x2064) || cp >= 0x2066)
      return CharClass::format;
    if (cp == 0x2028 || cp == 0x2029) return CharClass::line_break;
    if (cp == 0x203C || cp == 0x2049) return CharClass::pictographic;
    return CharClass::punct;
  }
  if (cp < 0x3000) {
    if (cp >= 0x20D0 && cp <= 0x20FF) return cp == 0x20E3 ? CharClass::keycap : CharClass::mark;
    if (cp >= 0x24B6 && cp <= 0x24E9) return CharClass::letter;  // circled letters
    if (cp >= 0x2C00 && cp <= 0x2DFF) {
      if (cp >= 0x2CEF && cp <= 0x2CF1) return CharClass::mark;
      if (cp >= 0x2DE0) return CharClass::mark;
      return CharClass::letter;  // Glagolitic, Latin Extended-C, Coptic, Georgian, Tifinagh, Ethiopic
    }
    if (cp >= 0x2E80) return CharClass::letter;  // CJK radicals
    return in_ranges(kPictographicBmp, cp) ? CharClass::pictographic : CharClass::punct;
  }
  if (cp < 0x3040) {
    if (cp == 0x3000) return CharClass::space;
    if (cp == 0x3030 || cp == 0x303D) return CharClass::pictographic;
    if (cp == 0x3005 || cp == 0x3006 || cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029) ||
        (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303C))
      return CharClass::letter;
    if (cp >= 0x302A && cp <= 0x302F) return CharClass::mark;
    return CharClass::punct;
  }
  if (cp < 0xD800) {
    if (cp == 0x3297 || cp == 0x3299) return CharClass::pictographic;
    if (cp == 0x30FB) return CharClass::punct;
    if (cp >= 0x3200 && cp <= 0x33FF) return CharClass::punct;  // enclosed CJK, compatibility
    return CharClass::letter;
  }
  if (cp < 0xF900) return CharClass::punct;  // surrogates (never decoded) and private use
  if (cp < 0xFE00) return CharClass::letter;
  if (cp < 0xFE10) return CharClass::variation;
  if (cp < 0xFE20) return CharClass::punct;
  if (cp < 0xFE30) return CharClass::mark;
  if (cp < 0xFE70) return CharClass::punct;
  if (cp < 0xFEFF) return CharClass::letter;
  if (cp == 0xFEFF) return CharClass::format;
  if (cp < 0xFF01) return CharClass::punct;
  if (cp <= 0xFF5E) return tables::kAsciiClass[cp - 0xFEE0];  // fullwidth ASCII
  if (cp < 0xFF66) return CharClass::punct;
  if (cp < 0xFFDD) return CharClass::letter;
  if (cp < 0x10000) return CharClass::punct;
  return supplementary_class(cp);
}

// classify() precomputed for the blocks most non-ASCII characters of posts come from: general
// punctuation, symbols and dingbats (curly quotes, dashes, ✔ ☕ ❤), and the emoji planes (😀 🏳 🤣).
// 4.6 KB of constants; each lookup replaces a walk through the ranges above.
template <char32_t First, std::size_t Count>
struct ClassBlock {
  std::array<CharClass, Count> classes;
  constexpr ClassBlock() : classes{} {
    for (std::size_t i = 0; i < Count; ++i) classes[i] = classify(First + static_cast<char32_t>(i));
  }
  constexpr bool holds(char32_t cp) const { return cp - First < Count; }
  constexpr CharClass operator()(char32_t cp) const { return classes[cp - First]; }
};
constexpr ClassBlock<0x2000, 0x800> kPunctuationAndSymbols{};  // U+2000..U+27FF
constexpr ClassBlock<0x1F000, 0xB00> kEmoji{};                 // U+1F000..U+1FAFF

}  // namespace

CharClass char_class_slow(char32_t cp) {
  if (kPunctuationAndSymbols.holds(cp)) return kPunctuationAndSymbols(cp);
  if (kEmoji.holds(cp)) return kEmoji(cp);
  return classify(cp);
}

Folded fold_alnum_slow(char32_t cp) {
  if (cp >= kLatinFirst && cp < kLatinFirst + kLatinFold.size() / 2) return from_table(kLatinFold, cp - kLatinFirst);
  if (cp >= kLatinAdditionalFirst && cp < kLatinAdditionalFirst + kLatinAdditionalFold.size() / 2)
    return from_table(kLatinAdditionalFold, cp - kLatinAdditionalFirst);
  if (cp >= 0xFF01 && cp <= 0xFF5E) return fold_alnum(cp - 0xFEE0);
  if (cp >= 0x24B6 && cp <= 0x24CF) return {letter_at(cp - 0x24B6), 0};
  if (cp >= 0x24D0 && cp <= 0x24E9) return {letter_at(cp - 0x24D0), 0};
  if (cp >= 0x1D400 && cp <= 0x1D6A3) {  // 13 styles of A-Z a-z (the holes are unassigned)
    const char32_t i = (cp - 0x1D400) % 52;
    return {letter_at(i < 26 ? i : i - 26), 0};
  }
  if (cp == 0x1D6A4) return {'i', 0};
  if (cp == 0x1D6A5) return {'j', 0};
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return {static_cast<char>('0' + (cp - 0x1D7CE) % 10), 0};
  if (cp >= 0x1F130 && cp <= 0x1F149) return {letter_at(cp - 0x1F130), 0};
  if (cp >= 0x1F150 && cp <= 0x1F169) return {letter_at(cp - 0x1F150), 0};
  if (cp >= 0x1F170 && cp <= 0x1F189) return {letter_at(cp - 0x1F170), 0};
  if (cp == 0xA731) return {'s', 0};  // LATIN LETTER SMALL CAPITAL S
  return {0, 0};
}

}  // namespace postcheck::detail
