// text.h — the text model: a post decoded into code points, with every position's original
// UTF-8 byte offset and UTF-16 code-unit offset (what JavaScript indexes by), and its tokens.
// Contract: construction never fails and never loses position; invalid UTF-8 bytes and lone
// surrogates each become one U+FFFD standing for exactly the units they occupied.
// No I/O, no globals. Construction is linear in the input, with an ASCII fast path.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

enum class TokenKind : std::uint8_t {
  word,      // letters, with digits mixed in ("w4nker"), inner apostrophes ("don't"), leet symbols
             // between letters ("tw@t", "sh!t"), masks ("f*ck", "f***"); hyphens split words
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

// The code points [begin, end) of a word-like token (see Text::words_between).
struct WordSpan {
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
  // O(1) for ASCII text, O(log k) with k multi-unit code points (stored sparsely: see wide_).
  std::uint32_t byte_offset(std::size_t cp) const;
  std::uint32_t utf16_offset(std::size_t cp) const;
  // Both at once, from one search: {byte_offset(cp), utf16_offset(cp)}.
  struct Offsets {
    std::uint32_t byte;
    std::uint32_t utf16;
  };
  Offsets offsets(std::size_t cp) const;

  // The original UTF-8 bytes of code points [begin, end).
  std::string_view slice(std::size_t begin, std::size_t end) const;

  // Tokens in order, covering the whole text without gaps.
  const std::vector<Token>& tokens() const { return tokens_; }

  // Index into tokens() of the token containing code point cp (cp < size()). O(log n).
  std::size_t token_at(std::size_t cp) const;

  // Code point indices at which a sentence starts, ascending: 0 (for non-empty text), then the first
  // non-space token after . ! ? … (followed by space; not "8.10am", "Mr.", "no. 5", "M.H.") or a
  // line break.
  const std::vector<std::uint32_t>& sentence_starts() const { return sentence_starts_; }

  // Number of word/number/mention/hashtag/email/url tokens wholly inside [begin, end). O(log n).
  std::size_t words_between(std::size_t begin, std::size_t end) const;
  // words_between(0, cp): the word-like tokens ending at or before cp. O(log n), one search.
  std::size_t words_before(std::size_t cp) const;
  // The word-like tokens themselves, in order (words_before(cp) is the number of them ending at or
  // before cp): for callers that walk them alongside sorted positions instead of searching.
  const std::vector<WordSpan>& words() const { return words_; }
  // True when a sentence boundary lies strictly inside (begin, end).
  bool crosses_sentence(std::size_t begin, std::size_t end) const;

 private:
  void finish();  // builds tokens and sentence starts from chars_

  std::u32string chars_;
  std::string utf8_;
  // Offsets are stored sparsely: ASCII code points take one byte and one UTF-16 unit, so only code
  // points that take more are listed, with the running totals of the extra units up to and including
  // them. Most posts are mostly ASCII, so this saves writing 8 bytes per character.
  struct Wide {
    std::uint32_t cp;           // code point index
    std::uint32_t extra_bytes;  // sum of (UTF-8 length - 1) over wide code points <= cp
    std::uint32_t extra_u16;    // sum of (UTF-16 length - 1) over wide code points <= cp
  };
  std::size_t wide_before(std::size_t cp) const;  // number of Wide entries with index < cp
  std::vector<Wide> wide_;
  std::vector<Token> tokens_;
  std::vector<WordSpan> words_;  // the word-like tokens, in order: what words_before/between search
  std::vector<std::uint32_t> sentence_starts_;
};

}  // namespace postcheck
