// invariants.h — what the fuzz targets assert about the core, written independently of it: a
// reference UTF-8 decoder and UTF-8/UTF-16 encoders (RFC 3629 / RFC 2781, nothing shared with
// core/src/text.cpp), and checks of a Text, a NormalisedView and a list of findings.
// A violated invariant prints what and where, then aborts, which libFuzzer reports as a crash.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "postcheck/checker.h"
#include "postcheck/finding.h"
#include "postcheck/normalise.h"
#include "postcheck/policy.h"
#include "postcheck/text.h"
#include "../support/reference_utf16.h"

#define FUZZ_CHECK(cond, ...)                                                     \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "\nINVARIANT FAILED at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                                          \
      std::fprintf(stderr, "\n");                                                 \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

namespace fuzz {

// The code points of `bytes` and how many bytes each took: a well-formed sequence is one code
// point; anything else is one U+FFFD per byte (the Text contract).
struct Decoded {
  std::u32string chars;
  std::vector<std::uint8_t> widths;
};

inline Decoded decode_utf8(std::string_view bytes) {
  Decoded d;
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned b = s[i];
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (s[i + k] & 0xC0) == 0x80;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (!ok) len = 1, cp = 0xFFFD;
    d.chars.push_back(cp);
    d.widths.push_back(static_cast<std::uint8_t>(len));
    i += len;
  }
  return d;
}

inline std::size_t utf16_width(char32_t c) { return c >= 0x10000 ? 2 : 1; }

using postcheck::testing::encode_utf16;

inline std::string encode_utf8(const std::u32string& chars) {
  std::string out;
  for (char32_t c : chars) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    } else if (c < 0x10000) {
      out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
              static_cast<char>(0x80 | (c & 0x3F))};
    } else {
      out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
              static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    }
  }
  return out;
}

inline bool is_high_surrogate(char16_t u) { return u >= 0xD800 && u <= 0xDBFF; }
inline bool is_low_surrogate(char16_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// A Text against the code points and per-code-point byte widths it must have.
inline void check_text(const postcheck::Text& text, const std::u32string& chars,
                       const std::vector<std::uint8_t>& byte_widths) {
  const std::size_t n = text.size();
  FUZZ_CHECK(n == chars.size(), "size %zu, expected %zu code points", n, chars.size());
  FUZZ_CHECK(text.chars() == chars, "decoded code points differ from the reference decoder");
  std::uint32_t bytes = 0, units = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    FUZZ_CHECK(text.byte_offset(i) == bytes, "byte_offset(%zu) = %u, expected %u", i, text.byte_offset(i), bytes);
    FUZZ_CHECK(text.utf16_offset(i) == units, "utf16_offset(%zu) = %u, expected %u", i, text.utf16_offset(i), units);
    if (i == n) break;
    bytes += byte_widths[i];
    units += static_cast<std::uint32_t>(utf16_width(chars[i]));
  }
  FUZZ_CHECK(bytes == text.utf8().size(), "total bytes %u, utf8() has %zu", bytes, text.utf8().size());
  if (n > 0) {
    FUZZ_CHECK(text.slice(0, n) == text.utf8(), "slice(0, size) is not the whole text");
    FUZZ_CHECK(text.slice(n / 2, n / 2 + 1).size() == byte_widths[n / 2], "slice of one code point");
  }

  // Tokens: non-empty, in order, covering [0, n) with no gap; token_at agrees.
  const auto& tokens = text.tokens();
  std::uint32_t at = 0;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    FUZZ_CHECK(tokens[t].begin == at && tokens[t].end > tokens[t].begin,
               "token %zu is [%u, %u), expected to start at %u", t, tokens[t].begin, tokens[t].end, at);
    at = tokens[t].end;
  }
  FUZZ_CHECK(at == n, "tokens cover %u of %zu code points", at, n);
  for (std::size_t cp = 0; cp < n; cp += 1 + cp / 8) {
    const std::size_t t = text.token_at(cp);
    FUZZ_CHECK(t < tokens.size() && tokens[t].begin <= cp && cp < tokens[t].end, "token_at(%zu) = %zu", cp, t);
  }

  // Sentence starts: ascending, inside the text, 0 first.
  const auto& starts = text.sentence_starts();
  FUZZ_CHECK(n == 0 || (!starts.empty() && starts[0] == 0), "first sentence start is not 0");
  for (std::size_t s = 0; s < starts.size(); ++s) {
    FUZZ_CHECK(starts[s] < n, "sentence start %u beyond %zu", starts[s], n);
    FUZZ_CHECK(s == 0 || starts[s - 1] < starts[s], "sentence starts not ascending at %zu", s);
  }
  FUZZ_CHECK(text.words_between(0, n) <= tokens.size(), "more words than tokens");
  FUZZ_CHECK(!text.crosses_sentence(0, n) || starts.size() > 1, "crosses a sentence with one sentence");
}

// The view: parallel arrays, ' ' at both ends mapped to 0 and size(), origins non-decreasing and in
// bounds, every unit in the documented alphabet.
inline void check_view(const postcheck::NormalisedView& view, const postcheck::Text& text) {
  const std::size_t m = view.units.size();
  const std::size_t n = text.size();
  FUZZ_CHECK(m >= 2 && view.origin_begin.size() == m && view.origin_end.size() == m,
             "view arrays: %zu units, %zu begins, %zu ends", m, view.origin_begin.size(), view.origin_end.size());
  FUZZ_CHECK(view.units.front() == ' ' && view.units.back() == ' ', "view does not start and end with ' '");
  FUZZ_CHECK(view.origin_begin[0] == 0 && view.origin_end[0] == 0, "leading ' ' does not map to 0");
  FUZZ_CHECK(view.origin_begin[m - 1] == n && view.origin_end[m - 1] == n, "trailing ' ' does not map to size()");
  for (std::size_t i = 0; i < m; ++i) {
    const char u = view.units[i];
    FUZZ_CHECK((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '\'' || u == '*' || u == '@' ||
                   u == '#' || u == '.' || u == '\x01' || u == ' ',
               "unit %zu is 0x%02x, outside the view's alphabet", i, static_cast<unsigned char>(u));
    FUZZ_CHECK(view.origin_begin[i] <= view.origin_end[i] && view.origin_end[i] <= n,
               "unit %zu maps to [%u, %u) in a text of %zu", i, view.origin_begin[i], view.origin_end[i], n);
    if (i > 0) {
      FUZZ_CHECK(view.origin_begin[i - 1] <= view.origin_begin[i] && view.origin_end[i - 1] <= view.origin_end[i],
                 "origins decrease at unit %zu: [%u, %u) then [%u, %u)", i, view.origin_begin[i - 1],
                 view.origin_end[i - 1], view.origin_begin[i], view.origin_end[i]);
    }
    // Inner letters and digits stand for at least one original code point.
    if (i > 0 && i + 1 < m && u != ' ') {
      FUZZ_CHECK(view.origin_begin[i] < view.origin_end[i], "unit %zu ('%c') stands for no code point", i, u);
    }
  }
}

inline bool known_category(std::string_view c) {
  for (auto k : postcheck::kCategories) {
    if (k == c) return true;
  }
  return false;
}

// Findings of a check of `text`: spans in bounds and consistent in all three units, the excerpt is
// the original bytes, sorted as documented, no two of one category overlapping.
inline void check_findings(const std::vector<postcheck::Finding>& findings, const postcheck::Text& text) {
  const std::size_t n = text.size();
  const std::string& bytes = text.utf8();
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const auto& f = findings[k];
    FUZZ_CHECK(f.cp_start < f.cp_end && f.cp_end <= n, "finding %zu (%s) spans [%u, %u) of %zu", k,
               f.rule.c_str(), f.cp_start, f.cp_end, n);
    FUZZ_CHECK(f.byte_start == text.byte_offset(f.cp_start) && f.byte_end == text.byte_offset(f.cp_end),
               "finding %zu (%s): bytes [%u, %u) for code points [%u, %u)", k, f.rule.c_str(), f.byte_start,
               f.byte_end, f.cp_start, f.cp_end);
    FUZZ_CHECK(f.u16_start == text.utf16_offset(f.cp_start) && f.u16_end == text.utf16_offset(f.cp_end),
               "finding %zu (%s): u16 [%u, %u) for code points [%u, %u)", k, f.rule.c_str(), f.u16_start,
               f.u16_end, f.cp_start, f.cp_end);
    FUZZ_CHECK(f.byte_end <= bytes.size() && f.excerpt == std::string_view(bytes).substr(f.byte_start, f.byte_end - f.byte_start),
               "finding %zu (%s): excerpt is not the original bytes [%u, %u)", k, f.rule.c_str(), f.byte_start, f.byte_end);
    FUZZ_CHECK(!f.rule.empty() && known_category(f.category), "finding %zu: rule '%s', category '%s'", k,
               f.rule.c_str(), f.category.c_str());
    FUZZ_CHECK(f.severity <= postcheck::Severity::block, "finding %zu: severity %d", k, static_cast<int>(f.severity));
    if (k > 0) {
      const auto& p = findings[k - 1];
      const bool ordered = p.cp_start < f.cp_start ||
                           (p.cp_start == f.cp_start && (p.severity > f.severity ||
                                                         (p.severity == f.severity && p.cp_end <= f.cp_end)));
      FUZZ_CHECK(ordered, "findings %zu and %zu out of order", k - 1, k);
    }
    for (std::size_t j = 0; j < k; ++j) {
      const auto& o = findings[j];
      FUZZ_CHECK(o.category != f.category || o.cp_end <= f.cp_start || f.cp_end <= o.cp_start,
                 "findings %zu and %zu of category %s overlap: [%u, %u) and [%u, %u)", j, k, f.category.c_str(),
                 o.cp_start, o.cp_end, f.cp_start, f.cp_end);
    }
  }
}

// The UTF-16 offsets of findings on a UTF-16 input fall on code-point boundaries of that input.
inline void check_u16_boundaries(const std::vector<postcheck::Finding>& findings, std::u16string_view units) {
  for (const auto& f : findings) {
    for (std::uint32_t off : {f.u16_start, f.u16_end}) {
      FUZZ_CHECK(off <= units.size(), "u16 offset %u beyond %zu units", off, units.size());
      FUZZ_CHECK(off == 0 || off == units.size() || !(is_high_surrogate(units[off - 1]) && is_low_surrogate(units[off])),
                 "u16 offset %u splits a surrogate pair (%s)", off, f.rule.c_str());
    }
  }
}

// A compiled policy run over a few posts (contact details, names, health, profanity in disguise,
// emoji, links) in every context: its findings must be consistent. For the targets that load policies.
inline void check_sample_posts(const postcheck::Checker& checker) {
  constexpr std::string_view kPosts[] = {
      "",
      "Fed up with work today, my manager is a total idiot. Call me on 07700 900123 x",
      "Mrs Smith at 12 High Street, Bedford MK40 1AA was diagnosed with dementia \xF0\x9F\x99\x81 #carers @CarersinBeds",
      "f.u.c.k \xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B sh1t caf\xC3\xA9 na\xC3\xAFve d\xCC\x81 "
      "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD https://docs.google.com/x",
  };
  for (std::string_view post : kPosts) {
    for (int c = 0; c < 4; ++c) {
      postcheck::Context context{(c & 1) ? postcheck::Account::charity : postcheck::Account::personal, (c & 2) != 0};
      check_findings(checker.check(post, context), postcheck::Text::from_utf8(post));
    }
  }
}

}  // namespace fuzz
