// text.h — the text model: a post decoded into code points, with every position's original
// UTF-8 byte offset and UTF-16 code-unit offset (what JavaScript indexes by), and its tokens.
// Contract: construction never fails and never loses position; invalid UTF-8 bytes and lone
// surrogates each become one U+FFFD standing for exactly the units they occupied.
// No I/O, no globals. Construction is linear in the input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

enum class TokenKind : std::uint8_t {
  word,      // letters (and inner apostrophes / hyphens / digits mixed with letters, e.g. "w4nker")
  number,    // digits only
  url,       // http(s)://…, www.…, or host.tld/path
  email,     // local@domain.tld
  mention,   // @handle (after a non-word character or at the start)
  hashtag,   // #tag
  emoji,     // pictographs, with their modifiers, joiners and variation selectors
  punct,     // any other visible character
  space,     // a run of white space
};

// A token covers code points [begin, end).
struct Token {
  TokenKind kind;
  std::uint32_t begin;
  std::uint32_t end;
};

class Text {
 public:
  // Decodes UTF-8; each invalid byte becomes one U+FFFD occupying that one byte (and one UTF-16 unit).
  static Text from_utf8(std::string_view utf8);
  // Decodes UTF-16 (JavaScript strings); each lone surrogate becomes one U+FFFD occupying that one
  // unit (and three UTF-8 bytes in utf8()).
  static Text from_utf16(std::u16string_view utf16);

  // Number of code points.
  std::size_t size() const { return chars_.size(); }
  char32_t operator[](std::size_t i) const { return chars_[i]; }
  const std::u32string& chars() const { return chars_; }

  // The text as UTF-8 (the input itself for from_utf8; the re-encoded text for from_utf16).
  const std::string& utf8() const { return utf8_; }

  // Offsets of code point index cp, 0 <= cp <= size(); size() maps to the total length.
  std::uint32_t byte_offset(std::size_t cp) const { return bytes_[cp]; }
  std::uint32_t utf16_offset(std::size_t cp) const { return u16_[cp]; }

  // The original UTF-8 bytes of code points [begin, end).
  std::string_view slice(std::size_t begin, std::size_t end) const;

  // Tokens in order, covering the whole text without gaps.
  const std::vector<Token>& tokens() const { return tokens_; }

  // Index into tokens() of the token containing code point cp (cp < size()). O(log n).
  std::size_t token_at(std::size_t cp) const;

  // Code point indices at which a new sentence starts (after . ! ? … or a line break), ascending.
  const std::vector<std::uint32_t>& sentence_starts() const { return sentence_starts_; }

  // Number of word/number/mention/hashtag/email/url tokens wholly inside [begin, end).
  std::size_t words_between(std::size_t begin, std::size_t end) const;
  // True when a sentence boundary lies strictly inside (begin, end).
  bool crosses_sentence(std::size_t begin, std::size_t end) const;

 private:
  void finish();  // builds tokens and sentence starts from chars_

  std::u32string chars_;
  std::string utf8_;
  std::vector<std::uint32_t> bytes_;  // size()+1 entries
  std::vector<std::uint32_t> u16_;    // size()+1 entries
  std::vector<Token> tokens_;
  std::vector<std::uint32_t> word_prefix_;  // word-like tokens starting before token i (tokens+1 entries)
  std::vector<std::uint32_t> sentence_starts_;
};

}  // namespace postcheck
