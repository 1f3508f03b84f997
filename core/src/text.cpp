// text.cpp — the text model: decoding (UTF-8 and UTF-16) with per-code-point offsets, the tokenizer
// (words, numbers, URLs, emails, mentions, hashtags, emoji, punctuation, space) and sentence starts.
// Performance (issue 2 §7): decoding appends blocks of code points and of wide-offset entries (no
// zero-filled array first, no push_back each), widening ASCII sixteen bytes at a time (with SSE2, or
// as two 64-bit words) down to the first high byte, and validates a multi-byte code point by masks
// and its range; the tokenizer takes plain words (ASCII letters, with other-script letters, inner
// apostrophes, leet symbols and masks), white space, lone marks and lone emoji by table-driven fast
// paths, the most common run ("word, one space, word", and one space before a word) in one loop
// that tests ASCII letters four at a time with SSE2, scan() taking the rest (about one token in
// forty of the benchmark text); it appends tokens a block at a time, classifies a non-ASCII code
// point once, and records, as it goes, the spans of the word-like tokens (what
// words_before/words_between search) and the few tokens that may end a sentence (in
// sentence_starts_ itself, rewritten in place), so sentence starts need no second pass over every
// token.
#include "postcheck/text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string_view>

#include "fold_table.h"
#include "utf8_encode.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace postcheck {
namespace {

using detail::CharClass;
using detail::char_class;

constexpr char32_t kReplacement = 0xFFFD;

// ---------------------------------------------------------------------------------------------
// Tokenizer

bool is_alnum(CharClass k) { return k == CharClass::letter || k == CharClass::digit; }

// Characters that belong to the character before them (accents, emoji modifiers, selectors).
bool is_modifier(CharClass k) {
  return k == CharClass::mark || k == CharClass::variation || k == CharClass::skin_tone ||
         k == CharClass::keycap || k == CharClass::tag;
}

bool is_invisible(CharClass k) { return k == CharClass::format || k == CharClass::zwj; }

// What a run of white space takes in (invisible characters join it).
bool continues_space(CharClass k) {
  return k == CharClass::space || k == CharClass::line_break || is_invisible(k);
}

constexpr bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr char32_t ascii_lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// Top-level domains accepted for a bare host ("gov.uk", "1drv.ms/f/…") without http:// or www.
// Deliberately short: words that end sentences typed without a space ("did.it", "hell.no") must not
// become URLs.
constexpr std::array<std::string_view, 38> kBareHostTlds = {
    "com", "net", "org", "uk", "gov", "edu", "io", "co", "ms", "ly", "gl", "info", "biz",
    "app", "dev", "ai", "tv", "eu", "de", "fr", "ie", "us", "ca", "au", "nz", "online", "site",
    "xyz", "page", "link", "gg", "be", "me", "scot", "wales", "cymru", "london", "nhs"};

// Words that a '.' follows without ending the sentence ("Mr. Smith", "Dr. Patel", "Cllr. Jones").
constexpr std::array<std::string_view, 26> kAbbreviations = {
    "mr", "mrs", "ms", "mx", "dr", "st", "prof", "rev", "mt", "jr", "sr", "vs", "approx",
    "dept", "tel", "ext", "fig", "cllr", "sgt", "capt", "col", "gen", "lt", "hon", "ref", "eg"};
constexpr std::size_t kMaxAbbreviation = 6;

// A word of at most kMaxAbbreviation ASCII letters as one integer, lower-cased, a byte a letter (so
// words of different lengths differ); 0 for a longer word or one holding anything else. Comparing
// integers instead of strings: the sentence pass looks up every short word before a '.'.
template <typename Char>
constexpr std::uint64_t packed_lower_word(const Char* s, std::size_t len) {
  if (len > kMaxAbbreviation) return 0;
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < len; ++k) {
    const auto c = static_cast<char32_t>(s[k]);
    if (!is_ascii_letter(c)) return 0;
    key = key << 8 | ascii_lower(c);
  }
  return key;
}
constexpr std::uint64_t packed_lower_word(std::string_view s) {
  return packed_lower_word(s.data(), s.size());
}

// kAbbreviations packed, in a table of 64 slots that a multiplicative hash maps each to a slot of
// its own (the multiplier found at compile time): one multiply and one compare where a binary search
// took five steps. Empty slots hold 0, which no word packs to.
constexpr unsigned kAbbreviationSlotBits = 6;
constexpr std::size_t abbreviation_slot(std::uint64_t key, std::uint64_t multiplier) {
  return static_cast<std::size_t>((key * multiplier) >> (64 - kAbbreviationSlotBits));
}
constexpr std::uint64_t kAbbreviationMultiplier = [] {
  for (std::uint64_t t = 1;; ++t) {  // candidates: odd outputs of splitmix64, well spread
    std::uint64_t m = t * 0x9E3779B97F4A7C15ULL;
    m = (m ^ (m >> 30)) * 0xBF58476D1CE4E5B9ULL;
    m = (m ^ (m >> 27)) * 0x94D049BB133111EBULL;
    m = (m ^ (m >> 31)) | 1;
    std::array<bool, std::size_t{1} << kAbbreviationSlotBits> used{};
    bool clash = false;
    for (std::string_view a : kAbbreviations) {
      const std::size_t slot = abbreviation_slot(packed_lower_word(a), m);
      clash = clash || used[slot];
      used[slot] = true;
    }
    if (!clash) return m;
  }
}();
constexpr std::array<std::uint64_t, std::size_t{1} << kAbbreviationSlotBits> kAbbreviationTable = [] {
  std::array<std::uint64_t, std::size_t{1} << kAbbreviationSlotBits> table{};
  for (std::string_view a : kAbbreviations)
    table[abbreviation_slot(packed_lower_word(a), kAbbreviationMultiplier)] = packed_lower_word(a);
  return table;
}();
// Every abbreviation fits (a longer one would pack to 0 and never match).
static_assert([] {
  for (std::string_view a : kAbbreviations)
    if (packed_lower_word(a) == 0) return false;
  return true;
}());

// ---------------------------------------------------------------------------------------------
// Sentences

bool is_terminator(char32_t c) {
  c = detail::ascii_equivalent(c);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0x203D;
}

// Closing quotes and brackets that may follow a terminator: "…it ended.” Then"
bool is_closer(char32_t c) {
  c = detail::ascii_equivalent(c);
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB;
}

bool is_word_like(TokenKind k) {
  return k == TokenKind::word || k == TokenKind::number || k == TokenKind::mention ||
         k == TokenKind::hashtag || k == TokenKind::email || k == TokenKind::url;
}

// Byte classes of ASCII code points for the tokenizer's fast paths.
enum : std::uint8_t {
  kLetter = 1,        // A-Z a-z
  kBlank = 2,         // white space and line breaks (a space token)
  kLonePunct = 4,     // punctuation that is always a token of its own (not @ # * nor part of a word)
  kEndsWord = 8,      // ends a word and cannot continue it or an address
  kInEmailLocal = 16, // may sit in the local part of an email address: A-Z a-z 0-9 . _ % + -
  kLineBreak = 32,    // \n \r \v \f
  kTerminator = 64,   // . ! ? (may end a sentence)
  kDigit = 128,       // 0-9
};
constexpr std::array<std::uint8_t, 128> make_ascii_flags() {
  std::array<std::uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    const std::string_view in_word = "'@$!*";         // may continue a word (see scan_word)
    const std::string_view in_address = ".@-_%+:/";   // may continue an address (may_continue_address)
    const std::string_view sigils = "@#*";            // start mentions, hashtags, keycaps, masks
    const char ch = static_cast<char>(c);
    std::uint8_t f = 0;
    if (letter) f |= kLetter;
    if (blank) f |= kBlank;
    if (!letter && !digit && !blank && sigils.find(ch) == std::string_view::npos) f |= kLonePunct;
    if (!letter && !digit && in_word.find(ch) == std::string_view::npos &&
        in_address.find(ch) == std::string_view::npos)
      f |= kEndsWord;
    if (letter || digit || std::string_view("._%+-").find(ch) != std::string_view::npos) f |= kInEmailLocal;
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') f |= kLineBreak;
    if (c == '.' || c == '!' || c == '?') f |= kTerminator;
    if (digit) f |= kDigit;
    t[static_cast<std::size_t>(c)] = f;
  }
  return t;
}
constexpr std::array<std::uint8_t, 128> kAsciiFlags = make_ascii_flags();

// Byte classes of ASCII code points for the address scans (URLs, emails, hosts), which test every
// character of an address several times: one table load instead of a chain of comparisons.
enum : std::uint8_t {
  kAlnum = 1,       // A-Z a-z 0-9
  kDomainChar = 2,  // A-Z a-z 0-9 -
  kUrlChar = 4,     // visible, and none of < > " ` { } | \ ^
};
constexpr std::array<std::uint8_t, 128> kAddressFlags = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    std::uint8_t f = 0;
    if (alnum) f |= kAlnum;
    if (alnum || c == '-') f |= kDomainChar;
    const std::string_view not_in_urls = "<>\"`{}|\\^";
    if (c > 32 && c != 127 && not_in_urls.find(static_cast<char>(c)) == std::string_view::npos) f |= kUrlChar;
    t[static_cast<std::size_t>(c)] = f;
  }
  return t;
}();
bool has_address_flag(char32_t c, std::uint8_t flag) { return c < 128 && (kAddressFlags[c] & flag) != 0; }
bool is_ascii_alnum(char32_t c) { return has_address_flag(c, kAlnum); }

// The end of the run of ASCII letters starting at j (j <= n). c[n] is the string's terminating 0,
// which ends any run, so the one-at-a-time loops need no bounds check; SSE2 groups of four are read
// only from j < groups_end = n - 2 (0 when n < 3), so within [0, n]. A letter is
// (c | 0x20) - 'a' < 26 (unsigned). With SSE2, four code points at a time (the unsigned compare made
// signed by offsetting both sides by 2^31); without (wasm), two tests to an iteration. Most words
// are short, so wider groups would mostly test code points past their end (a two-lane test in one
// 64-bit word measured slower than this loop).
std::size_t ascii_letters_end(const char32_t* c, std::size_t j,
                              [[maybe_unused]] std::size_t groups_end) {
#if defined(__SSE2__)
  const __m128i to_lower = _mm_set1_epi32(0x20);
  const __m128i offset = _mm_set1_epi32(static_cast<int>(0x80000000u - 'a'));
  const __m128i limit = _mm_set1_epi32(static_cast<int>(0x80000000u + 26));
  while (j < groups_end) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c + j));
    v = _mm_add_epi32(_mm_or_si128(v, to_lower), offset);
    const auto letters =
        static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmplt_epi32(v, limit))));
    // countr_one without the zero test std::countr_zero would add: ~letters has a bit in 0..3.
    if (letters != 0xF) return j + static_cast<std::size_t>(__builtin_ctz(~letters));
    j += 4;
  }
  while (((c[j] | 0x20) - 'a') < 26u) ++j;  // the last few
#else
  // Two at a time (c[j + 1] is at most the terminating 0 when c[j] is a letter): one index update
  // and one jump for two tests.
  while (((c[j] | 0x20) - 'a') < 26u) {
    if (((c[j + 1] | 0x20) - 'a') >= 26u) return j + 1;
    j += 2;
  }
#endif
  return j;
}

class Tokenizer {
 public:
  // Appends the tokens of chars to out, the spans of the word-like ones to words, and the indices of
  // tokens that may end a sentence to boundaries.
  Tokenizer(const std::u32string& chars, std::vector<Token>& out, std::vector<WordSpan>& words,
            std::vector<std::uint32_t>& boundaries)
      : c_(chars.data()), n_(chars.size()), out_(out), words_(words), boundaries_(boundaries) {}

  // The common tokens (a word of ASCII letters, a run of ASCII white space, a lone ASCII punctuation
  // mark) are taken by fast paths that look at one byte-class table; anything else goes through
  // scan(). c_[n_] is the string's terminating 0, so loops that stop at a non-letter need no bounds
  // check. Each path emits its own token, so the kind is a constant there and the word-like test, the
  // span and the boundary bookkeeping fold away where they cannot apply. Alongside each token it
  // records whether the token may end a sentence (a terminator, or white space holding a line break),
  // so that sentence starts are found by visiting those few tokens only.
  void run() {
    // The loop reads the text through locals: after a call on a slow path the compiler would
    // otherwise reload c_ and n_ on every token, not knowing the call leaves them alone.
    const char32_t* const c = c_;
    const std::size_t n = n_;
    const std::size_t groups_end = n >= 3 ? n - 2 : 0;  // for ascii_letters_end
    // Tokens and word spans are gathered in small local blocks and appended a block at a time: a
    // push_back per token (a capacity check and a reload of the vector's end each) costs more than
    // the copy. A block never holds more word spans than tokens, so one test serves both. The fill
    // pointers are passed to flush by value, so they stay in registers. 256 tokens (5 KB on the
    // stack) take a 3,000-character post in about five appends; 128 cost ~500 instructions more.
    constexpr std::size_t kBlock = 256;
    Token block[kBlock];
    WordSpan spans[kBlock];
    Token* t = block;
    WordSpan* w = spans;
    std::size_t flushed = 0;  // tokens appended to out_ before the block
    auto flush = [&](Token* t_end, WordSpan* w_end) {
      out_.insert(out_.end(), block, t_end);
      words_.insert(words_.end(), spans, w_end);
    };
    // The block is flushed while it still has room for three tokens, so the word-and-space path can
    // write a space, a word and a space before one test.
    auto make_room = [&] {
      if (t > block + kBlock - 3) {
        flush(t, w);
        flushed += static_cast<std::size_t>(t - block);
        t = block, w = spans;
      }
    };
    auto put = [&](TokenKind kind, std::size_t begin, std::size_t end, bool boundary) {
      if (boundary)
        boundaries_.push_back(static_cast<std::uint32_t>(flushed + static_cast<std::size_t>(t - block)));
      *t++ = {kind, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
      if (is_word_like(kind)) *w++ = {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    };
    auto emit = [&](TokenKind kind, std::size_t begin, std::size_t end, bool boundary) {
      put(kind, begin, end, boundary);
      make_room();
    };
    std::size_t i = 0;
    std::size_t next_class_at = n;  // where next_class was found (n: nowhere yet)
    CharClass next_class = CharClass::punct;
    while (i < n) {
      char32_t first = c[i];
      CharClass first_class = CharClass::punct;
      if (first < 128) {
        std::uint8_t flags = kAsciiFlags[first];
        if (first == ' ' && is_ascii_letter(c[i + 1])) {
          // One space before a word (after a mark, or a word that ended otherwise): taken with the
          // word, without a dispatch of its own.
          put(TokenKind::space, i, i + 1, false);
          first = c[++i];
          flags = kLetter;
        }
        if (flags & kLetter) {
          // Most words are ASCII letters followed by one space and another such word: the space and
          // the next word are taken here, without going back through the dispatch, and the block is
          // tested once for both tokens.
          std::size_t j = ascii_letters_end(c, i + 1, groups_end);
          bool spaced = true;  // the last word taken here was followed by ' ' and an ASCII letter
          while (c[j] == ' ') {
            put(TokenKind::word, i, j, false);
            if (!is_ascii_letter(c[j + 1])) {
              spaced = false;
              break;
            }
            put(TokenKind::space, j, j + 1, false);
            make_room();
            i = j + 1;
            j = ascii_letters_end(c, i + 1, groups_end);
          }
          if (!spaced) {
            make_room();
            i = j;
            continue;
          }
          // The word at i goes on or ends at something other than a space.
          if (const std::size_t end = plain_word_end(c, j, groups_end)) {
            emit(TokenKind::word, i, end, false);
            i = end;
            continue;
          }
        } else if (flags & kBlank) {
          std::size_t j = i + 1;
          std::uint8_t seen = flags;
          while (c[j] < 128 && (kAsciiFlags[c[j]] & kBlank)) seen |= kAsciiFlags[c[j++]];
          bool ends = c[j] < 128;
          if (!ends) {  // the class of the code point after the space, kept for its own token
            next_class = detail::char_class_slow(c[j]);
            next_class_at = j;
            ends = !continues_space(next_class);
          }
          if (ends) {
            emit(TokenKind::space, i, j, (seen & kLineBreak) != 0);
            i = j;
            continue;
          }
        } else if ((flags & kLonePunct) && c[i + 1] < 128) {
          emit(TokenKind::punct, i, i + 1, (flags & kTerminator) != 0);
          ++i;
          continue;
        }
        // ASCII letters and digits ("1,240", "MK42", "w4nker") up to a character that ends a word
        // and cannot continue an address: the word or number scan() would find, without its tests
        // (a keycap, a sigil or an address needs a character other than those).
        if (flags & (kLetter | kDigit)) {
          std::size_t j = i + 1;
          std::uint8_t seen = flags;
          while (c[j] < 128 && (kAsciiFlags[c[j]] & (kLetter | kDigit))) seen |= kAsciiFlags[c[j++]];
          if (c[j] < 128 && (kAsciiFlags[c[j]] & kEndsWord)) {
            if (seen & kLetter) emit(TokenKind::word, i, j, false);
            else emit(TokenKind::number, i, j, false);
            i = j;
            continue;
          }
        }
      } else {
        // Computed once, for scan() too (or already, by the space before).
        first_class = i == next_class_at ? next_class : detail::char_class_slow(first);
        if (c[i + 1] < 128) {
          if (first_class == CharClass::punct) {
            // A lone mark of another script ("—", "…", "£"), unless it stands for a sigil.
            const char32_t a = detail::ascii_equivalent(first);
            if (a != '#' && a != '*' && a != '@') {
              emit(TokenKind::punct, i, i + 1, is_terminator(first));
              ++i;
              continue;
            }
          } else if (first_class == CharClass::pictographic || first_class == CharClass::regional) {
            // A lone emoji ("😊 "): no ASCII code point is a modifier, a joiner or a flag's half.
            emit(TokenKind::emoji, i, i + 1, false);
            ++i;
            continue;
          }
        }
      }
      if (first < 128) first_class = detail::tables::kAsciiClass[first];
      TokenKind kind = TokenKind::punct;
      const std::size_t end = scan(i, first_class, kind);
      bool boundary = false;
      if (kind == TokenKind::space) {
        for (std::size_t k = i; k < end; ++k) boundary = boundary || char_class(c[k]) == CharClass::line_break;
      } else if (kind == TokenKind::punct) {
        boundary = is_terminator(first);
      }
      emit(kind, i, end, boundary);
      i = end;
    }
    flush(t, w);
  }

 private:
  CharClass cls(std::size_t i) const { return i < n_ ? char_class(c_[i]) : CharClass::punct; }
  char32_t ascii(std::size_t i) const { return i < n_ ? detail::ascii_equivalent(c_[i]) : 0; }

  std::size_t skip_modifiers(std::size_t j) const {
    while (j < n_ && is_modifier(char_class(c_[j]))) ++j;
    return j;
  }

  // Returns the end of the token starting at i (> i) and sets its kind. Kept out of line: inlined,
  // its many paths crowd run()'s registers, and the fast paths' fill pointers go to the stack.
  [[gnu::noinline]] std::size_t scan(std::size_t i, CharClass k, TokenKind& kind) const {  // k: c_[i]'s class
    const char32_t a = detail::ascii_equivalent(c_[i]);
    switch (k) {
      case CharClass::space:
      case CharClass::line_break:
      case CharClass::format:
      case CharClass::zwj: {
        std::size_t j = i + 1;
        while (j < n_ && continues_space(char_class(c_[j]))) ++j;
        kind = TokenKind::space;
        return j;
      }
      case CharClass::pictographic:
      case CharClass::regional:
        kind = TokenKind::emoji;
        return scan_emoji(i, k);
      default:
        break;
    }
    if ((k == CharClass::digit || a == '#' || a == '*')) {
      std::size_t j = i + 1;
      if (cls(j) == CharClass::variation) ++j;
      if (cls(j) == CharClass::keycap) {
        kind = TokenKind::emoji;
        return scan_emoji_tail(j + 1);
      }
    }
    if (a == '@' && boundary_before(i)) {
      const std::size_t j = scan_handle(i + 1, false);
      if (j > i + 1) {
        kind = TokenKind::mention;
        return j;
      }
    }
    if (a == '#' && boundary_before(i)) {
      const std::size_t j = scan_handle(i + 1, true);
      if (j > i + 1) {
        kind = TokenKind::hashtag;
        return j;
      }
    }
    if (is_alnum(k)) {
      // Most words end at a space: only a word followed by a character that can continue an
      // address is tried as a URL or email (one extra pass over those words only).
      const std::size_t word_end = scan_word(i, kind);
      if (word_end >= n_ || !may_continue_address(c_[word_end])) return word_end;
      if (std::size_t j = scan_prefixed_url(i)) {
        kind = TokenKind::url;
        return j;
      }
      if (std::size_t j = scan_email(i)) {
        kind = TokenKind::email;
        return j;
      }
      if (std::size_t j = scan_bare_host(i)) {
        kind = TokenKind::url;
        return j;
      }
      return scan_word(i, kind);
    }
    kind = TokenKind::punct;
    return skip_modifiers(i + 1);
  }

  // The end of a plain word whose leading ASCII letters end at j, or 0 when scan() must decide. It
  // takes what scan_word() would take from ASCII letters: letters of other scripts ("café"), inner
  // apostrophes before an ASCII letter ("can’t", "don't"), leet symbols between letters ("sh!t"),
  // masks ("f*ck", "f***"). It ends the word at a character that neither continues it nor an address;
  // digits, marks, invisible characters and '@' '-' '_' '%' '+' after a letter go to scan(). Such a
  // word holds no '.' and is not "www" or "http(s)" before "://", so none of the address scans that
  // scan() tries on a word followed by '.', ':' or '/' can claim it.
  static std::size_t plain_word_end(const char32_t* c, std::size_t j, std::size_t groups_end) {
    for (;; j = ascii_letters_end(c, j, groups_end)) {  // each continue takes the ASCII letters that follow
      const char32_t next = c[j];
      if (next < 128) {
        if (kAsciiFlags[next] & kEndsWord) return j;  // most words: white space, ',' and the like
        switch (next) {
          case '.': {  // continues an address only before a character that can ("gov.uk", "j.smith@x.org")
            const char32_t after = c[j + 1];  // j + 1 <= n: the terminating 0 at worst
            return after >= 128 || !(kAsciiFlags[after] & kInEmailLocal) ? j : 0;
          }
          case '\'':
            if (is_ascii_letter(c[j + 1])) {
              j += 2;
              continue;
            }
            return c[j + 1] < 128 ? j : 0;
          case ':':  // "http://" only
            return c[j + 1] != '/' ? j : 0;
          case '/':
            return j;
          case '!':
          case '$': {  // a leet run ("sh!t", "a$$hole") continues the word before a letter
            std::size_t m = j + 1;
            while (c[m] == '!' || c[m] == '$' || c[m] == '@') ++m;
            if (is_ascii_letter(c[m])) {
              j = m;
              continue;
            }
            return c[m] < 128 ? j : 0;
          }
          case '*': {  // a mask continues the word before a letter ("f*ck") or ends it ("f***")
            std::size_t m = j + 1;
            while (c[m] == '*') ++m;
            if (is_ascii_letter(c[m])) {
              j = m;
              continue;
            }
            return c[m] < 128 ? m : 0;
          }
          default:
            return 0;
        }
      }
      const CharClass k = char_class(next);
      if (k == CharClass::letter) {
        ++j;
        continue;
      }
      if (k != CharClass::punct && k != CharClass::space && k != CharClass::line_break &&
          k != CharClass::pictographic && k != CharClass::regional)
        return 0;  // digits, marks, selectors, invisible characters
      if (detail::is_apostrophe(next)) {
        if (is_ascii_letter(c[j + 1])) {
          j += 2;
          continue;
        }
        return c[j + 1] < 128 ? j : 0;
      }
      const char32_t a = detail::ascii_equivalent(next);
      return a == '@' || a == '$' || a == '!' || a == '*' ? 0 : j;
    }
  }

  static bool may_continue_address(char32_t c) {
    return c == '.' || c == '@' || c == '-' || c == '_' || c == '%' || c == '+' || c == ':' || c == '/';
  }

  bool boundary_before(std::size_t i) const {
    if (i == 0) return true;
    const CharClass k = char_class(c_[i - 1]);
    return !is_alnum(k) && !is_modifier(k) && detail::ascii_equivalent(c_[i - 1]) != '_';
  }

  // A run of letters, digits and '_' after a sigil; for hashtags it must hold a letter ("#1" is not).
  std::size_t scan_handle(std::size_t j, bool need_letter) const {
    const std::size_t start = j;
    while (is_ascii_letter(c_[j])) ++j;  // the common case first (c_[n_], the terminating 0, ends it)
    bool letter = j > start;
    while (j < n_) {
      const CharClass k = char_class(c_[j]);
      if (k == CharClass::letter) letter = true;
      else if (!(k == CharClass::digit || is_modifier(k) || detail::ascii_equivalent(c_[j]) == '_')) break;
      ++j;
    }
    if (j == start || (need_letter && !letter)) return start;
    return j;
  }

  std::size_t scan_emoji_tail(std::size_t j) const {
    j = skip_modifiers(j);
    // ZWJ sequences: 👩‍💻, 🏳️‍🌈, 👨‍👩‍👧 are one token.
    while (j + 1 < n_ && char_class(c_[j]) == CharClass::zwj) {
      const CharClass next = char_class(c_[j + 1]);
      if (next != CharClass::pictographic && next != CharClass::regional) break;
      j = skip_modifiers(j + 2);
    }
    return j;
  }

  std::size_t scan_emoji(std::size_t i, CharClass k) const {  // k: c_[i]'s class
    std::size_t j = i + 1;
    if (k == CharClass::regional && cls(j) == CharClass::regional) ++j;  // a flag
    return scan_emoji_tail(j);
  }

  bool matches_ascii_ci(std::size_t i, std::string_view s) const {
    if (i + s.size() > n_) return false;
    for (std::size_t k = 0; k < s.size(); ++k)
      if (ascii_lower(c_[i + k]) != static_cast<char32_t>(s[k])) return false;
    return true;
  }

  static bool is_url_char(char32_t c) {
    if (c < 128) return (kAddressFlags[c] & kUrlChar) != 0;
    return is_alnum(char_class(c));  // internationalised paths
  }

  // Extends a URL from j over URL characters, then gives back trailing punctuation that more
  // likely ends the sentence ("see gov.uk.", "(www.x.com)").
  std::size_t url_tail(std::size_t start, std::size_t j) const {
    while (is_url_char(c_[j])) ++j;  // c_[n_], the terminating 0, is none
    while (j > start) {
      const char32_t last = c_[j - 1];
      if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' ||
          last == '\'' || last == '*') {
        --j;
        continue;
      }
      if (last == ')' || last == ']') {
        const char32_t open = last == ')' ? '(' : '[';
        int balance = 0;
        for (std::size_t k = start; k < j; ++k) balance += (c_[k] == open) - (c_[k] == last);
        if (balance < 0) {
          --j;
          continue;
        }
      }
      break;
    }
    return j;
  }

  std::size_t scan_prefixed_url(std::size_t i) const {
    std::size_t j = 0;
    if (matches_ascii_ci(i, "https://")) j = i + 8;
    else if (matches_ascii_ci(i, "http://")) j = i + 7;
    else if (matches_ascii_ci(i, "www.")) j = i + 4;
    else return 0;
    if (j >= n_ || !is_ascii_alnum(c_[j])) return 0;
    return url_tail(i, j);
  }

  // Dot-separated labels of [A-Za-z0-9-] starting at j; returns the end and the last label.
  std::size_t scan_domain(std::size_t j, std::size_t& labels, std::size_t& last_begin) const {
    labels = 0;
    while (true) {
      const std::size_t begin = j;
      while (has_address_flag(c_[j], kDomainChar)) ++j;  // c_[n_], the terminating 0, is none
      if (j == begin) break;
      ++labels;
      last_begin = begin;
      if (j + 1 < n_ && c_[j] == '.' && is_ascii_alnum(c_[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    return j;
  }

  bool alpha_label(std::size_t begin, std::size_t end) const {
    if (end - begin < 2) return false;
    for (std::size_t k = begin; k < end; ++k)
      if (!is_ascii_letter(c_[k])) return false;
    return true;
  }

  std::size_t scan_email(std::size_t i) const {
    std::size_t j = i;
    while (c_[j] < 128 && (kAsciiFlags[c_[j]] & kInEmailLocal)) ++j;  // A-Z a-z 0-9 . _ % + -
    if (j == i || j >= n_ || c_[j] != '@' || c_[j - 1] == '.') return 0;
    std::size_t labels = 0;
    std::size_t last = 0;
    const std::size_t end = scan_domain(j + 1, labels, last);
    if (labels < 2 || !alpha_label(last, end)) return 0;
    return end;
  }

  std::size_t scan_bare_host(std::size_t i) const {
    if (!is_ascii_alnum(c_[i])) return 0;
    std::size_t labels = 0;
    std::size_t last = 0;
    const std::size_t end = scan_domain(i, labels, last);
    if (labels < 2 || !alpha_label(last, end) || end - last > 8) return 0;
    char tld[8] = {};
    for (std::size_t k = last; k < end; ++k) tld[k - last] = static_cast<char>(ascii_lower(c_[k]));
    const std::string_view tld_view(tld, end - last);
    bool known = false;
    for (std::string_view t : kBareHostTlds) known = known || t == tld_view;
    if (!known) return 0;
    if (end < n_ && (is_alnum(char_class(c_[end])) || c_[end] == '@')) return 0;
    if (end < n_ && (c_[end] == '/' || c_[end] == ':')) return url_tail(i, end);
    return end;
  }

  // Letters and digits with what may sit inside a word: inner apostrophes ("don't"), leet symbols
  // between letters ("tw@t", "sh!t", "a$$hole"), masking asterisks ("f*ck", "f***"), accents and
  // invisible characters between letters ("bol\u200Blocks").
  std::size_t scan_word(std::size_t i, TokenKind& kind) const {
    std::size_t j = i;
    while (j < n_ && is_ascii_letter(c_[j])) ++j;  // the common case: plain ASCII letters
    bool letters = j > i;
    CharClass last = letters ? CharClass::letter : CharClass::punct;  // of the last letter/digit taken
    while (j < n_) {
      const CharClass k = char_class(c_[j]);
      if (k == CharClass::letter || k == CharClass::digit) {
        letters = letters || k == CharClass::letter;
        last = k;
        ++j;
        continue;
      }
      if (is_modifier(k)) {
        ++j;
        continue;
      }
      if (is_invisible(k)) {
        std::size_t m = j;
        while (m < n_ && is_invisible(char_class(c_[m]))) ++m;
        if (m < n_ && is_alnum(char_class(c_[m]))) {
          j = m;
          continue;
        }
        break;
      }
      const char32_t a = detail::ascii_equivalent(c_[j]);
      if (detail::is_apostrophe(c_[j])) {
        if (last == CharClass::letter && cls(j + 1) == CharClass::letter) {
          ++j;
          continue;
        }
        break;
      }
      if (a == '@' || a == '$' || a == '!') {
        std::size_t m = j;
        while (m < n_ && (ascii(m) == '@' || ascii(m) == '$' || ascii(m) == '!')) ++m;
        if (m < n_ && char_class(c_[m]) == CharClass::letter) {
          j = m;
          continue;
        }
        break;
      }
      if (a == '*') {
        std::size_t m = j;
        while (m < n_ && ascii(m) == '*') ++m;
        if (m < n_ && char_class(c_[m]) == CharClass::letter) {
          j = m;
          continue;
        }
        if (letters) j = m;  // a trailing mask: "f***"
        break;
      }
      break;
    }
    kind = letters ? TokenKind::word : TokenKind::number;
    return j;
  }

  const char32_t* c_;
  std::size_t n_;
  std::vector<Token>& out_;
  std::vector<WordSpan>& words_;
  std::vector<std::uint32_t>& boundaries_;
};

// True when the '.' token at index t does not end a sentence: it closes an abbreviation
// ("Mr.", "Dr.", "no. 5") or an initial ("M.H.", "e.g.").
bool dot_after_abbreviation(const std::u32string& chars, const std::vector<Token>& tokens, std::size_t t,
                            std::size_t next_word) {
  if (t == 0 || tokens[t - 1].kind != TokenKind::word) return false;
  const Token& w = tokens[t - 1];
  const std::size_t len = w.end - w.begin;
  if (len == 1) return chars[w.begin] != 'I';  // initials ("M.H.", "e.g."), but "I." ends a sentence
  const std::uint64_t word = packed_lower_word(chars.data() + w.begin, len);
  if (word == 0) return false;
  if (word == packed_lower_word("no") || word == packed_lower_word("nos"))
    return next_word < tokens.size() && tokens[next_word].kind == TokenKind::number;
  return kAbbreviationTable[abbreviation_slot(word, kAbbreviationMultiplier)] == word;
}


// Decoded code points are gathered in a block of kDecodeBlock (and appended to chars_ a block at a
// time), with room for kWidenSlack more: the ASCII path stores a whole group of lanes at once. 4 KB
// on the stack: a 3,000-character post takes three appends (256 took twelve, ~700 instructions more;
// 2,048 measured 7 k more under callgrind, which counts each byte of glibc's `rep movsb` copy of an
// 8 KB block as an instruction).
constexpr std::size_t kDecodeBlock = 1024;
constexpr std::size_t kWidenSlack = 16;
// Entries of the wide-offset table gathered before an append: 1.5 KB on the stack, a 3,000-character
// post's 79 in one append (64 measured 0.4-0.8 k instructions more).
constexpr std::size_t kWideBlock = 128;

// Copies the ASCII bytes of s[i, n) into block[k...] as code points, up to the first byte with its
// high bit set, or until the block holds kDecodeBlock or more; returns the index it stopped at and
// advances k. With SSE2, sixteen bytes at a time (each widened to four 32-bit lanes); the scalar path
// (wasm) sixteen at a time too, as two 64-bit words, then eight (sixteen took 4.6 k instructions
// fewer than eight alone on a 3,000-character post, thirty-two 0.5 k more). A group holding a byte
// >= 0x80 is stored whole too, and only its ASCII lanes before that byte are counted (the rest are
// overwritten later), so the run's tail needs no byte-by-byte loop. Both paths give the same result:
// tests/core/text_test.cpp compares decoding of mixed texts against a byte-by-byte reading.
std::size_t widen_ascii_run(const unsigned char* s, std::size_t i, std::size_t n, char32_t* block,
                            std::size_t& k) {
  // How many groups of `width` fit both the input left and the block (k may pass kDecodeBlock by
  // less than a group: the slack). Counted loops test one counter instead of both bounds.
  auto groups = [&](std::size_t width) {
    return k >= kDecodeBlock ? 0 : std::min((n - i) / width, (kDecodeBlock - k + width - 1) / width);
  };
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  // The ASCII bytes before the lowest-addressed high byte of a word (high: its high bits, not 0):
  // the lowest set bit on little-endian machines (x86, wasm).
  auto ascii_before = [](std::uint64_t high) {
    return static_cast<std::size_t>(std::endian::native == std::endian::little ? std::countr_zero(high)
                                                                               : std::countl_zero(high)) /
           8;
  };
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  for (std::size_t g = groups(16); g != 0; --g) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i lo16 = _mm_unpacklo_epi8(bytes, zero);
    const __m128i hi16 = _mm_unpackhi_epi8(bytes, zero);
    auto* out = reinterpret_cast<__m128i*>(block + k);
    _mm_storeu_si128(out, _mm_unpacklo_epi16(lo16, zero));
    _mm_storeu_si128(out + 1, _mm_unpackhi_epi16(lo16, zero));
    _mm_storeu_si128(out + 2, _mm_unpacklo_epi16(hi16, zero));
    _mm_storeu_si128(out + 3, _mm_unpackhi_epi16(hi16, zero));
    if (const int high = _mm_movemask_epi8(bytes)) {
      // __builtin_ctz: high != 0, so no zero test (std::countr_zero adds one).
      const unsigned ascii = static_cast<unsigned>(__builtin_ctz(static_cast<unsigned>(high)));
      k += ascii;
      return i + ascii;
    }
    i += 16, k += 16;
  }
#else
  // Sixteen at a time, the high bits of two 64-bit words tested together (one test and one counter
  // update for sixteen bytes), then eight at a time for what is left.
  for (std::size_t g = groups(16); g != 0; --g) {
    std::uint64_t lo, hi;
    std::memcpy(&lo, s + i, 8);
    std::memcpy(&hi, s + i + 8, 8);
    for (std::size_t b = 0; b < 16; ++b) block[k + b] = s[i + b];
    if (((lo | hi) & kHighBits) != 0) {
      const std::size_t ascii =
          (lo & kHighBits) != 0 ? ascii_before(lo & kHighBits) : 8 + ascii_before(hi & kHighBits);
      k += ascii;
      return i + ascii;
    }
    i += 16, k += 16;
  }
#endif
  for (std::size_t g = groups(8); g != 0; --g) {
    std::uint64_t word;
    std::memcpy(&word, s + i, 8);
    for (std::size_t b = 0; b < 8; ++b) block[k + b] = s[i + b];
    if (const std::uint64_t high = word & kHighBits) {
      const std::size_t ascii = ascii_before(high);
      k += ascii;
      return i + ascii;
    }
    i += 8, k += 8;
  }
  while (i < n && k < kDecodeBlock && s[i] < 0x80) block[k++] = s[i++];
  return i;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Decoding

Text Text::from_utf8(std::string_view utf8) {
  Text t;
  t.utf8_.assign(utf8.data(), utf8.size());
  const std::size_t n = utf8.size();
  // Code points are decoded into a small buffer and appended in blocks: resizing chars_ up front
  // would first zero the whole array for nothing.
  t.chars_.reserve(n);
  char32_t block[kDecodeBlock + kWidenSlack];
  std::size_t k = 0;      // code points in block
  std::size_t total = 0;  // code points appended before the block
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());

  std::size_t i = 0;
  std::uint32_t extra_bytes = 0;
  std::uint32_t extra_u16 = 0;
  // Wide entries are gathered in a block too: a push_back each tests the capacity and reloads the
  // vector's end.
  Wide wide_block[kWideBlock];
  Wide* w = wide_block;
  auto flush_wide = [&] {
    // The first append makes room for one more wide code point in 16 of the bytes left, skipping
    // the first doublings.
    if (t.wide_.empty()) t.wide_.reserve(static_cast<std::size_t>(w - wide_block) + (n - i) / 16 + 16);
    t.wide_.insert(t.wide_.end(), wide_block, w);
    w = wide_block;
  };
  while (i < n) {
    if (k >= kDecodeBlock) {
      t.chars_.append(block, k);
      total += k;
      k = 0;
    }
    // ASCII fast path: one code point, one byte, one UTF-16 unit, nothing to record. Tried only on
    // an ASCII byte: a multi-byte code point is mostly followed by another (emoji sequences, other
    // scripts), where a group would be widened only to be given back (about 15 instructions).
    if (s[i] < 0x80) {
      i = widen_ascii_run(s, i, n, block, k);
      // It stops at the end, at a full block or at a high byte: only the last needs decoding.
      if (i >= n || k >= kDecodeBlock) continue;
    }
    // Each length decoded on its own path, its continuation bytes tested together, and the code
    // point's range tested after assembly: below U+0080 (C0, C1), U+0800 (E0 80..9F) or U+10000
    // (F0 80..8F) is overlong, U+D800..DFFF a UTF-8-encoded surrogate (ED A0..BF), and above
    // U+10FFFF (F4 90.., F5..) out of range, per RFC 3629 -- the same bytes the table of allowed
    // second bytes rules out. The extra units are constants on each path.
    const unsigned b0 = s[i];
    // Inlined by force: GCC calls it otherwise (three call sites), which cost 4 k instructions more.
    auto wide = [&](char32_t cp, std::uint32_t more_bytes,
                    std::uint32_t more_u16) __attribute__((always_inline)) {
      block[k] = cp;
      extra_bytes += more_bytes;
      extra_u16 += more_u16;
      if (w == wide_block + kWideBlock) flush_wide();
      *w++ = {static_cast<std::uint32_t>(total + k), extra_bytes, extra_u16};
    };
    if (b0 < 0xE0) {
      if (b0 >= 0xC2 && i + 2 <= n && (s[i + 1] & 0xC0) == 0x80) {
        wide(static_cast<char32_t>((b0 & 0x1F) << 6 | (s[i + 1] & 0x3F)), 1, 0);
        i += 2, ++k;
        continue;
      }
    } else if (b0 < 0xF0) {
      if (i + 3 <= n) {
        const unsigned b1 = s[i + 1], b2 = s[i + 2];
        const auto cp = static_cast<char32_t>((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
        if (((b1 | b2 << 8) & 0xC0C0) == 0x8080 && cp >= 0x800 && (cp - 0xD800) >= 0x800) {
          wide(cp, 2, 0);
          i += 3, ++k;
          continue;
        }
      }
    } else if (i + 4 <= n) {
      const unsigned b1 = s[i + 1], b2 = s[i + 2], b3 = s[i + 3];
      const auto cp = static_cast<char32_t>((b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 |
                                            (b3 & 0x3F));
      if (b0 <= 0xF4 && ((b1 | b2 << 8 | b3 << 16) & 0xC0C0C0) == 0x808080 && cp - 0x10000 < 0x100000) {
        wide(cp, 3, 1);
        i += 4, ++k;
        continue;
      }
    }
    block[k] = kReplacement;  // stands for exactly this one byte: no extra units
    i += 1, ++k;
  }
  t.chars_.append(block, k);
  if (w != wide_block) flush_wide();
  t.finish();
  return t;
}

Text Text::from_utf16(std::u16string_view utf16) {
  Text t;
  const std::size_t n = utf16.size();
  t.chars_.reserve(n);
  t.utf8_.reserve(n + n / 2);
  std::uint32_t extra_bytes = 0;
  std::uint32_t extra_u16 = 0;
  std::size_t i = 0;
  while (i < n) {
    char32_t cp = utf16[i];
    std::size_t units = 1;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && utf16[i + 1] >= 0xDC00 && utf16[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
      units = 2;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = kReplacement;  // a lone surrogate: one unit in, three bytes out
    }
    const std::size_t before = t.utf8_.size();
    append_utf8(t.utf8_, cp);
    const std::size_t bytes = t.utf8_.size() - before;
    if (bytes > 1 || units > 1) {
      extra_bytes += static_cast<std::uint32_t>(bytes - 1);
      extra_u16 += static_cast<std::uint32_t>(units - 1);
      t.wide_.push_back({static_cast<std::uint32_t>(t.chars_.size()), extra_bytes, extra_u16});
    }
    t.chars_.push_back(cp);
    i += units;
  }
  t.finish();
  return t;
}

std::size_t Text::wide_before(std::size_t cp) const {
  if (wide_.empty() || wide_.back().cp < cp) return wide_.size();
  auto it = std::lower_bound(wide_.begin(), wide_.end(), cp,
                             [](const Wide& w, std::size_t v) { return w.cp < v; });
  return static_cast<std::size_t>(it - wide_.begin());
}

std::uint32_t Text::byte_offset(std::size_t cp) const {
  const std::size_t k = wide_before(cp);
  return static_cast<std::uint32_t>(cp) + (k == 0 ? 0 : wide_[k - 1].extra_bytes);
}

std::uint32_t Text::utf16_offset(std::size_t cp) const {
  const std::size_t k = wide_before(cp);
  return static_cast<std::uint32_t>(cp) + (k == 0 ? 0 : wide_[k - 1].extra_u16);
}

Text::Offsets Text::offsets(std::size_t cp) const {
  const std::size_t k = wide_before(cp);
  const auto at = static_cast<std::uint32_t>(cp);
  if (k == 0) return {at, at};
  return {at + wide_[k - 1].extra_bytes, at + wide_[k - 1].extra_u16};
}

// ---------------------------------------------------------------------------------------------
// Tokens and sentences

void Text::finish() {
  const std::size_t n = chars_.size();
  tokens_.reserve(n / 2 + 4);
  words_.reserve(n / 4 + 4);
  // The tokenizer lists the tokens that may end a sentence (ascending) in sentence_starts_ after a
  // first slot, and the pass below rewrites that list in place into the sentence starts: there is
  // at most one start a boundary, written at or before the slot the boundary was read from, so no
  // second vector (a malloc and a free) is needed. Room for a sentence end every 32 code points or
  // so skips the first doublings (each a malloc, a copy and a free).
  sentence_starts_.reserve(n / 32 + 16);
  sentence_starts_.push_back(0);
  Tokenizer(chars_, tokens_, words_, sentence_starts_).run();
  std::uint32_t* const list = sentence_starts_.data();  // boundaries from list[1], starts from list[0]
  const std::size_t listed = sentence_starts_.size();

  // Sentence starts: after a line break, or after a terminator (with any further terminators and
  // closing quotes) followed by space, the next visible token starts a sentence.
  const std::size_t count = tokens_.size();
  // Read through locals: the stores into list would otherwise make the compiler reload the vectors'
  // data pointers.
  const Token* const tokens = tokens_.data();
  const char32_t* const chars = chars_.data();
  std::size_t starts = n > 0 ? 1 : 0;  // list[0] = 0 is the first start of a non-empty text
  auto start_after = [&](std::size_t t) {  // the first non-space token after t starts a sentence
    std::size_t r = t + 1;
    while (r < count && tokens[r].kind == TokenKind::space) ++r;
    // starts >= 1 here: an empty text has no tokens, so no boundaries.
    if (r < count && tokens[r].begin > list[starts - 1]) list[starts++] = tokens[r].begin;
  };
  std::size_t consumed = 0;  // tokens before this belong to a terminator already handled
  for (std::size_t b = 1; b < listed; ++b) {
    const std::uint32_t t = list[b];
    if (t < consumed) continue;
    const Token& tok = tokens[t];
    if (tok.kind == TokenKind::space) {  // white space holding a line break
      start_after(t);
      continue;
    }
    // A terminator ends a sentence only when followed (after more terminators or closing quotes)
    // by space: "8.10am", "f.u.c.k" and "?!x" do not.
    std::size_t u = t + 1;
    while (u < count && tokens[u].kind == TokenKind::punct &&
           (is_terminator(chars[tokens[u].begin]) || is_closer(chars[tokens[u].begin])))
      ++u;
    if (u >= count || tokens[u].kind != TokenKind::space) continue;
    const bool single_dot = detail::ascii_equivalent(chars[tok.begin]) == '.' && u == t + 1;
    if (single_dot && dot_after_abbreviation(chars_, tokens_, t, u + 1)) continue;
    consumed = u;  // the closers belong to this sentence
    start_after(u);
  }
  sentence_starts_.resize(starts);
}

std::string_view Text::slice(std::size_t begin, std::size_t end) const {
  const std::size_t b = byte_offset(begin);
  const std::size_t e = byte_offset(end);
  return std::string_view(utf8_).substr(b, e - b);
}

std::size_t Text::token_at(std::size_t cp) const {
  auto it = std::upper_bound(tokens_.begin(), tokens_.end(), cp,
                             [](std::size_t v, const Token& t) { return v < t.begin; });
  return static_cast<std::size_t>(it - tokens_.begin()) - 1;
}

// Both search words_ (the word-like tokens only, 8 bytes each) by end. A word-like token that begins
// before begin either ends at or before it or is the one token straddling it, so those before begin
// are words_before(begin) plus the next word if it begins before begin.
std::size_t Text::words_between(std::size_t begin, std::size_t end) const {
  if (begin >= end) return 0;
  const std::size_t to_end = words_before(end);
  std::size_t before_begin = words_before(begin);
  if (before_begin < words_.size() && words_[before_begin].begin < begin) ++before_begin;
  return to_end > before_begin ? to_end - before_begin : 0;
}

std::size_t Text::words_before(std::size_t cp) const {
  auto last = std::upper_bound(words_.begin(), words_.end(), cp,
                               [](std::size_t v, const WordSpan& w) { return v < w.end; });
  return static_cast<std::size_t>(last - words_.begin());
}

bool Text::crosses_sentence(std::size_t begin, std::size_t end) const {
  auto it = std::upper_bound(sentence_starts_.begin(), sentence_starts_.end(), begin);
  return it != sentence_starts_.end() && *it < end;
}

}  // namespace postcheck
