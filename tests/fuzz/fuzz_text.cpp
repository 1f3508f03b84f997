// fuzz_text.cpp — libFuzzer target: text decoding, offset mapping and normalisation on arbitrary bytes.
// The bytes are read three ways: as UTF-8 (checked against a reference decoder), as the same code points
// in UTF-16 (Text::from_utf16 must agree on code points, UTF-16 offsets, tokens and sentences), and as
// raw UTF-16 units (lone surrogates included). Each Text's offsets, tokens and normalised view are checked
// with tests/fuzz/invariants.h; normalise_term() must stay inside the view's alphabet.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.h"
#include "postcheck/normalise.h"
#include "postcheck/text.h"

namespace {

std::vector<std::uint8_t> utf8_widths(const std::u32string& chars) {
  std::vector<std::uint8_t> widths;
  widths.reserve(chars.size());
  for (char32_t c : chars) widths.push_back(c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);
  return widths;
}

void check_term(std::string_view bytes) {
  const std::string units = postcheck::normalise_term(bytes);
  for (char u : units) {
    FUZZ_CHECK((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '\'' || u == '*' || u == '@' ||
                   u == '#' || u == '.' || u == '\x01' || u == ' ',
               "normalise_term produced 0x%02x", static_cast<unsigned char>(u));
  }
  FUZZ_CHECK(units.empty() || (units.front() != ' ' && units.back() != ' '),
             "normalise_term kept a leading or trailing ' '");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // 1. UTF-8, against the reference decoder.
  const fuzz::Decoded expected = fuzz::decode_utf8(bytes);
  const postcheck::Text text = postcheck::Text::from_utf8(bytes);
  FUZZ_CHECK(text.utf8() == bytes, "utf8() is not the input");
  fuzz::check_text(text, expected.chars, expected.widths);
  fuzz::check_view(postcheck::normalise(text), text);

  // 2. The same code points as UTF-16: the same text, so the same tokens, sentences and view.
  const std::u16string units = fuzz::encode_utf16(expected.chars);
  const postcheck::Text same = postcheck::Text::from_utf16(units);
  fuzz::check_text(same, expected.chars, utf8_widths(expected.chars));
  FUZZ_CHECK(same.utf8() == fuzz::encode_utf8(expected.chars), "from_utf16: utf8() is not the re-encoded text");
  FUZZ_CHECK(same.tokens().size() == text.tokens().size(), "UTF-8 and UTF-16 give %zu and %zu tokens",
             text.tokens().size(), same.tokens().size());
  for (std::size_t t = 0; t < text.tokens().size(); ++t) {
    const auto a = text.tokens()[t];
    const auto b = same.tokens()[t];
    FUZZ_CHECK(a.kind == b.kind && a.begin == b.begin && a.end == b.end, "token %zu differs between UTF-8 and UTF-16", t);
  }
  FUZZ_CHECK(same.sentence_starts() == text.sentence_starts(), "sentence starts differ between UTF-8 and UTF-16");
  const postcheck::NormalisedView view_a = postcheck::normalise(text);
  const postcheck::NormalisedView view_b = postcheck::normalise(same);
  FUZZ_CHECK(view_a.units == view_b.units && view_a.origin_begin == view_b.origin_begin &&
                 view_a.origin_end == view_b.origin_end,
             "normalised views differ between UTF-8 and UTF-16");
  for (std::size_t i = 0; i <= same.size(); ++i) {
    const std::uint32_t off = same.utf16_offset(i);
    FUZZ_CHECK(off == 0 || off >= units.size() ||
                   !(fuzz::is_high_surrogate(units[off - 1]) && fuzz::is_low_surrogate(units[off])),
               "utf16_offset(%zu) = %u splits a surrogate pair", i, off);
  }

  // 3. The bytes as raw UTF-16 units: lone surrogates become U+FFFD for one unit, three bytes.
  std::u16string raw(size / 2, u'\0');
  for (std::size_t i = 0; i + 1 < size; i += 2) raw[i / 2] = static_cast<char16_t>(data[i] | (data[i + 1] << 8));
  std::u32string raw_chars;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (fuzz::is_high_surrogate(raw[i]) && i + 1 < raw.size() && fuzz::is_low_surrogate(raw[i + 1])) {
      raw_chars.push_back(0x10000 + ((raw[i] - 0xD800) << 10) + (raw[i + 1] - 0xDC00));
      ++i;
    } else {
      raw_chars.push_back(fuzz::is_high_surrogate(raw[i]) || fuzz::is_low_surrogate(raw[i]) ? 0xFFFD : raw[i]);
    }
  }
  const postcheck::Text from_raw = postcheck::Text::from_utf16(raw);
  fuzz::check_text(from_raw, raw_chars, utf8_widths(raw_chars));
  FUZZ_CHECK(from_raw.utf16_offset(from_raw.size()) == raw.size(), "UTF-16 length %u, input has %zu units",
             from_raw.utf16_offset(from_raw.size()), raw.size());
  fuzz::check_view(postcheck::normalise(from_raw), from_raw);

  // 4. The bytes as a policy term.
  check_term(bytes);
  return 0;
}
