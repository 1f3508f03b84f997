// reference_utf16.h — the tests' own UTF-16 encoder (RFC 2781), written independently of
// core/src/text.cpp, so that what a test feeds Text::from_utf16 or expects of utf16_offset() is not
// computed by the code under test. Shared by the unit, hostile-input and fuzz tests.
#pragma once

#include <string>
#include <string_view>

namespace postcheck::testing {

// Code points to UTF-16 code units: astral code points become a surrogate pair.
inline std::u16string encode_utf16(std::u32string_view chars) {
  std::u16string out;
  out.reserve(chars.size() + chars.size() / 4);
  for (char32_t c : chars) {
    if (c >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

}  // namespace postcheck::testing
