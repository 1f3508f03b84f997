// normalise.cpp — builds the normalised view of a Text (see normalise.h): one pass over the tokens.
// The common tokens (words of plain ASCII letters, ASCII white space, punctuation, emoji: most of
// any post) are taken by one loop that keeps the view's write position in registers; a stretch of
// plain words with the single spaces between them is lower-cased straight into the view in one go
// (sixteen code points at a time with SSE2), each unit standing for its own code point. Any other
// token leaves that loop for other_token(): any other word is folded into a small reused scratch
// buffer where leetspeak, masks and letter runs are resolved before its units are appended. Every
// unit keeps the original code points it stands for.
#include "postcheck/normalise.h"

#include <array>
#include <bit>
#include <cstring>
#include <string_view>

#include "fold_table.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace postcheck {
namespace {

using detail::CharClass;
using detail::char_class;

// The view's arrays hold this many places past their bound (see ViewBuilder), that
// has_run_of_three() may read.
constexpr std::size_t kPastEnd = 8;

enum class UnitKind : std::uint8_t { letter, digit, other_letter, apostrophe, mask, leet };

// A unit of a word being built, with the code points it stands for.
struct Unit {
  char c;
  UnitKind kind;
  std::uint32_t begin;
  std::uint32_t end;
};

bool is_modifier(CharClass k) {
  return k == CharClass::mark || k == CharClass::variation || k == CharClass::skin_tone ||
         k == CharClass::keycap || k == CharClass::tag;
}
bool is_invisible(CharClass k) { return k == CharClass::format || k == CharClass::zwj; }

// Leetspeak digits; 0 = the digit has no letter reading.
constexpr char leet_digit(char d) {
  switch (d) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '8': return 'b';
    default: return 0;
  }
}

// What follows a leading digit in ordinary words ("5mins", "7days"): the digit stays a digit.
constexpr std::array<std::string_view, 12> kUnitSuffixes = {
    "mins", "min", "hrs", "hours", "days", "weeks", "wks", "yrs", "years", "lbs", "mph", "kms"};

// Whether three equal units follow one another in unit[from, to), eight places at a time (SWAR):
// a loop of its own, as tracking the last two units in the loop that writes them cost more. Reads
// up to eight bytes past `to`, inside the view's arrays (see kPastEnd); those places are masked off.
bool has_run_of_three(const char* unit, std::uint32_t from, std::uint32_t to) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  for (std::uint32_t k = from; k + 2 < to; k += 8) {
    std::uint64_t here, one_after, two_after;
    std::memcpy(&here, unit + k, 8);
    std::memcpy(&one_after, unit + k + 1, 8);
    std::memcpy(&two_after, unit + k + 2, 8);
    // Byte j is zero where unit[k + j] starts a run of three. The borrow of this zero test only
    // runs into bytes above a zero byte: it never reports a run where there is none before it.
    const std::uint64_t differs = (here ^ one_after) | (here ^ two_after);
    const std::uint32_t starts = to - k - 2;  // places in range that may start a run
    const std::uint64_t inside = starts >= 8 ? ~0ull : (std::uint64_t{1} << (8 * starts)) - 1;
    if (((differs - kOnes) & ~differs & kHigh & inside) != 0) return true;
  }
  return false;
}

// The unit of a code point that is no ASCII letter, when a stretch (below) takes it: ' ' for a
// ' ', '\'' for an apostrophe ' or ’; 0 when it takes it not (any other, or one right after a unit
// `before` that is itself ' ' or '\'').
constexpr char gap_unit(char32_t code, char before) {
  if (before == ' ' || before == '\'') return 0;
  if (code == ' ') return ' ';
  return code == '\'' || code == 0x2019 ? '\'' : 0;
}

// The fast path for a stretch of plain words (ASCII letters and inner apostrophes ' or ’ only: no
// leetspeak or masks to resolve) separated by single ' ': writes the code points c[first, first +
// length), each lower-cased (a ' ' stays ' ', the view's separator for it; an apostrophe becomes
// '\'', as fill() makes it), to unit, begin and end (the view's next free places), each unit
// standing for its own code point. Returns how many code points it took: all of them, or fewer at
// the first that is none of these, or a ' ' or apostrophe right after another (the caller keeps
// the units of the words before it, and gives the token holding that code point to
// other_token()). Letter runs are collapsed afterwards by the caller, only when tripled is set:
// three equal letters in a row were seen (perhaps also in what was not taken: collapsing checks
// again; no ' ' or apostrophe is ever one of three). `chars` is the number of code points in the text.
// Out of line: inlined into the token loop, its scalar loop ran out of registers (4 k more a check).
[[gnu::noinline]] std::uint32_t lower_ascii_stretch(const char32_t* c, std::size_t chars, std::uint32_t first,
                                                    std::uint32_t length, char* unit, std::uint32_t* begin,
                                                    std::uint32_t* end, bool& tripled) {
  std::uint32_t i = 0;
#if defined(__SSE2__)
  // Sixteen code points at a time, narrowed to bytes (saturating: any code point >= 256 becomes
  // 0xFF, no letter). The last group of a stretch reads and writes up to fifteen places past it,
  // which only lanes inside the stretch are checked for (the places written are past the view's
  // size, and taken by the next units): reads stay inside the text, and so do the writes, as the
  // view holds at most one unit per UTF-8 byte before a code point (see ViewBuilder), and each of
  // the sixteen code points read takes a byte at least. The scalar loop below finishes a stretch
  // that ends within sixteen code points of the text's end, and the last one to four places of any
  // (and is the whole path without SSE2, e.g. in the wasm build).
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i before_a = _mm_set1_epi8('a' - 1);
  const __m128i after_z = _mm_set1_epi8('z' + 1);
  const __m128i apostrophe = _mm_set1_epi8('\'');
  const __m128i right_quote = _mm_set1_epi32(0x2019);  // ’, the usual apostrophe of phones
  const __m128i quote_to_apostrophe = _mm_set1_epi8(static_cast<char>(0xFF ^ '\''));
  const __m128i four_places = _mm_set1_epi32(4);
  // The origins of the next four places: begin[j] = first + j, and end[j - 1] = first + j, so each
  // vector is stored twice, once one place before in end (end[-1] is the unit before the stretch,
  // which is put back after).
  __m128i origin = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(first)), _mm_setr_epi32(0, 1, 2, 3));
  const std::uint32_t end_before = end[-1];
  __m128i previous = _mm_setzero_si128();  // bytes 14, 15: the two units before the group (none: 0)
  int triples = 0;
  int previous_gap = 0;  // bit 0: the unit before the group is ' ' or '\'' (a stretch starts with a letter)
  // The group at `at`, of which the lanes set in `inside` are in the stretch: returns its bad lanes.
  const auto group = [&](std::uint32_t at, int inside) {
    const auto* p = reinterpret_cast<const __m128i*>(c + first + at);
    const __m128i c0 = _mm_loadu_si128(p);
    const __m128i c1 = _mm_loadu_si128(p + 1);
    const __m128i c2 = _mm_loadu_si128(p + 2);
    const __m128i c3 = _mm_loadu_si128(p + 3);
    const __m128i bytes = _mm_packus_epi16(_mm_packs_epi32(c0, c1), _mm_packs_epi32(c2, c3));
    __m128i lower = _mm_or_si128(bytes, case_bit);
    const __m128i space = _mm_cmpeq_epi8(bytes, case_bit);
    int ok = _mm_movemask_epi8(
        _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(lower, before_a), _mm_cmplt_epi8(lower, after_z)), space));
    int gaps = _mm_movemask_epi8(space);
    if ((~ok & inside) != 0) {
      // Not only letters and ' ': apostrophes too? ’ narrows to 0xFF like any code point >= 256, so
      // it is found before narrowing, and made '\''.
      const __m128i quote = _mm_packs_epi16(
          _mm_packs_epi32(_mm_cmpeq_epi32(c0, right_quote), _mm_cmpeq_epi32(c1, right_quote)),
          _mm_packs_epi32(_mm_cmpeq_epi32(c2, right_quote), _mm_cmpeq_epi32(c3, right_quote)));
      lower = _mm_xor_si128(lower, _mm_and_si128(quote, quote_to_apostrophe));
      const int apostrophes = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, apostrophe), quote));
      ok |= apostrophes;
      gaps |= apostrophes;
    }
    // A ' ' right after a ' ' is a longer space token, not a plain separator; and an apostrophe
    // stands only between letters.
    const int doubled = gaps & (gaps << 1 | previous_gap);
    previous_gap = gaps >> 15;
    const int bad = (~ok | doubled) & inside;
    // Bit j: unit j equals the two before it (a ' ' or apostrophe never does: they are single).
    const __m128i one_before = _mm_or_si128(_mm_slli_si128(lower, 1), _mm_srli_si128(previous, 15));
    const __m128i two_before = _mm_or_si128(_mm_slli_si128(lower, 2), _mm_srli_si128(previous, 14));
    triples |= _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(lower, one_before), _mm_cmpeq_epi8(lower, two_before)));
    previous = lower;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(unit + at), lower);
    for (int q = 0; q < 16; q += 4) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(begin + at + q), origin);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(end + at + q - 1), origin);
      origin = _mm_add_epi32(origin, four_places);
    }
    return bad;
  };
  int bad = 0;
  for (; i + 16 <= length && first + i + 16 <= chars && bad == 0; i += 16) bad = group(i, 0xFFFF);
  // A last group of up to four places costs more than the scalar loop below takes for them.
  if (bad == 0 && i + 4 < length && first + i + 16 <= chars) {
    bad = group(i, (1 << (length - i)) - 1);
    i += 16;
  }
  if (bad != 0) {
    // end[] is complete up to the group's fifteenth place, past the first bad one.
    end[-1] = end_before;
    tripled |= triples != 0;
    return i - 16 + static_cast<std::uint32_t>(__builtin_ctz(static_cast<unsigned>(bad)));
  }
  // The last place of the last group gets its end from the next group's first vector: there is none.
  if (i > 0) end[i - 1] = first + i;
  end[-1] = end_before;
  tripled |= triples != 0;
  if (i >= length) return length;
#else
  static_cast<void>(chars);
#endif
  const std::uint32_t checked = i;  // the units before it were checked for runs above
  const char32_t* const from = c + first;
  // unit_before[k] is unit[k - 1]; for k = 0 the view's unit before the stretch (there is one: the
  // leading ' '). A stretch starts with a letter, so that one matters only for a stretch that does not.
  const char* const unit_before = unit - 1;
#if !defined(__SSE2__)
  if constexpr (std::endian::native == std::endian::little) {
    // Two places at a time: the origins of both as one 64-bit word for begin and one for end.
    constexpr std::uint64_t kOnePlace = 0x0000000100000001ull;
    std::uint64_t origin = (first + i) | std::uint64_t{first + i + 1} << 32;
    // A 64-bit index, so that it needs no widening for each address.
    std::size_t k = i;
    for (; k + 2 <= length; k += 2) {
      const char32_t code0 = from[k];
      const char32_t code1 = from[k + 1];
      char unit0 = static_cast<char>(code0 | 0x20);
      char unit1 = static_cast<char>(code1 | 0x20);
      if (((code0 | 0x20) - 'a' >= 26u && (unit0 = gap_unit(code0, unit_before[k])) == 0) ||
          ((code1 | 0x20) - 'a' >= 26u && (unit1 = gap_unit(code1, unit0)) == 0))
        break;
      unit[k] = unit0;
      unit[k + 1] = unit1;
      const std::uint64_t next = origin + kOnePlace;
      std::memcpy(begin + k, &origin, 8);
      std::memcpy(end + k, &next, 8);
      origin = next + kOnePlace;
    }
    i = static_cast<std::uint32_t>(k);
  }
#endif
  for (; i < length; ++i) {
    const char32_t code = from[i];
    char letter = static_cast<char>(code | 0x20);
    if ((code | 0x20) - 'a' >= 26u && (letter = gap_unit(code, unit_before[i])) == 0) break;  // also any >= 128
    unit[i] = letter;
    begin[i] = first + i;
    end[i] = first + i + 1;
  }
  tripled |= has_run_of_three(unit, checked >= 2 ? checked - 2 : 0, i);
  return i;
}

class ViewBuilder {
 public:
  // Every code point yields at most one unit, except a non-ASCII letter that folds to two ("ß" →
  // "ss"), which takes at least two UTF-8 bytes: so the UTF-8 length plus the leading and trailing
  // ' ' bounds the view, and the arrays are sized once, with no check per unit (the units with
  // kPastEnd places more, for has_run_of_three()).
  ViewBuilder(const Text& text, NormalisedView& view) : text_(text), c_(text.chars().data()), view_(view) {
    const std::size_t capacity = text.utf8().size() + 2;
    view_.units.resize(capacity + kPastEnd);
    view_.origin_begin.resize(capacity);
    view_.origin_end.resize(capacity);
    units_ = view_.units.data();
    origin_begin_ = view_.origin_begin.data();
    origin_end_ = view_.origin_end.data();
  }

  void run() {
    push(' ', 0, 0);
    const Token* const first = text_.tokens().data();
    const Token* const last = first + text_.tokens().size();
    const Token* tok = first;
    while (tok != last) {
      tok = plain_tokens(tok, last);
      if (tok != last) tok = first + other_token(static_cast<std::size_t>(tok - first)) + 1;
    }
    const auto n = static_cast<std::uint32_t>(text_.size());
    if (size_ > 1 && units_[size_ - 1] == ' ') {
      origin_begin_[size_ - 1] = n;  // the trailing separator doubles as the closing ' '
      origin_end_[size_ - 1] = n;
    } else {
      push(' ', n, n);
    }
    view_.units.resize(size_);
    view_.origin_begin.resize(size_);
    view_.origin_end.resize(size_);
  }

 private:
  // The loop over the common tokens (most of any post): words of ASCII letters, ASCII white space,
  // punctuation and emoji. The view's write position and arrays are locals here, kept in registers:
  // as members they were reloaded after every store through the char* units_ (which may alias
  // anything), at about a dozen instructions a token. Returns the first token it does not take
  // (or last), for other_token().
  const Token* plain_tokens(const Token* tok, const Token* const last) {
    const char32_t* const c = c_;
    const std::size_t chars = text_.size();
    char* const units = units_;
    std::uint32_t* const origin_begin = origin_begin_;
    std::uint32_t* const origin_end = origin_end_;
    std::size_t size = size_;
    for (; tok != last; ++tok) {
      const std::uint32_t begin = tok->begin;
      const std::uint32_t end = tok->end;
      if (tok->kind == TokenKind::word) {
        // A one-letter word may start a spelled-out word ("f u c k"): only if a letter follows.
        if (end - begin <= 1 && may_start_spelling(tok)) break;
        // The stretch: this word and, while white space and another word that cannot start a
        // spelled-out word follow, them too (lower_ascii_stretch() checks the code points: only a
        // single ' ' between words, only ASCII letters and apostrophes inside them).
        const Token* next = tok + 1;
        while (next + 1 < last && next->kind == TokenKind::space) {
          ++next;
          if (next->kind != TokenKind::word ||
              (next->end - next->begin <= 1 && may_start_spelling(next)))
            break;
          ++next;
        }
        const std::uint32_t length = next[-1].end - begin;
        bool tripled = false;
        const std::uint32_t taken = lower_ascii_stretch(c, chars, begin, length, units + size, origin_begin + size,
                                                        origin_end + size, tripled);
        const std::size_t start = size;
        if (taken == length) {
          size += length;
          if (tripled) size = collapse_view_runs(start, size);
          tok = next - 1;
          continue;
        }
        // A code point the stretch does not take (see lower_ascii_stretch): the units before the
        // token holding it stay, and that token goes to other_token().
        while (tok->end <= begin + taken) ++tok;
        size += tok->begin - begin;
        if (tripled) size = collapse_view_runs(start, size);
        break;
      }
      // White space that may be all invisible, or a token with units of its own: one bit test for
      // the kinds, then the first code point for white space only.
      constexpr unsigned kSeparators = 1u << static_cast<unsigned>(TokenKind::space) |
                                       1u << static_cast<unsigned>(TokenKind::punct) |
                                       1u << static_cast<unsigned>(TokenKind::emoji);
      if (!((kSeparators >> static_cast<unsigned>(tok->kind)) & 1u) ||
          (tok->kind == TokenKind::space && c[begin] >= 128))
        break;
      // separator(), on the locals.
      if (units[size - 1] == ' ') {
        if (size > 1) origin_end[size - 1] = end;
      } else {
        units[size] = ' ';
        origin_begin[size] = begin;
        origin_end[size] = end;
        ++size;
      }
    }
    size_ = size;
    return tok;
  }

  // Any token plain_tokens() does not take. Returns the index of the last token consumed.
  std::size_t other_token(std::size_t t) {
    const Token& tok = text_.tokens()[t];
    switch (tok.kind) {
      case TokenKind::word:
        return word_or_spelled_out(t);
      case TokenKind::space:
        if (!all_invisible(tok)) separator(tok.begin, tok.end);
        break;
      case TokenKind::number:
        digits(tok);
        break;
      case TokenKind::mention:
        handle('@', tok);
        break;
      case TokenKind::hashtag:
        handle('#', tok);
        break;
      case TokenKind::url:
      case TokenKind::email:
        address(tok);
        break;
      case TokenKind::punct:
      case TokenKind::emoji:
        separator(tok.begin, tok.end);
        break;
    }
    return t;
  }

  // The view's arrays are sized ahead (see the constructor) and written through raw pointers:
  // three push_backs per unit cost more than the rest of the work on a plain word.
  void push(char c, std::uint32_t begin, std::uint32_t end) {
    units_[size_] = c;
    origin_begin_[size_] = begin;
    origin_end_[size_] = end;
    ++size_;
  }

  // One ' ' per run of separators; the leading ' ' keeps its empty origin.
  void separator(std::uint32_t begin, std::uint32_t end) {
    if (units_[size_ - 1] == ' ') {
      if (size_ > 1) origin_end_[size_ - 1] = end;
      return;
    }
    push(' ', begin, end);
  }

  // A combining mark or selector widens the unit before it, so a match on "é" covers e + U+0301.
  void extend_last(std::uint32_t end) {
    if (size_ > 1 && units_[size_ - 1] != ' ') origin_end_[size_ - 1] = end;
  }

  bool all_invisible(const Token& tok) const {
    for (std::uint32_t k = tok.begin; k < tok.end; ++k)
      if (!is_invisible(char_class(c_[k]))) return false;
    return true;
  }

  // Appends the ASCII digits (and, with letters, the ASCII letters, lower-cased) of [k, end) up to
  // the first other code point, each unit standing for its own code point, and returns where it
  // stopped. Numbers, handles and addresses are mostly such runs: through locals (see
  // plain_tokens) instead of a char_class, a fold_alnum and a push on the members a code point.
  template <bool letters>
  std::uint32_t ascii_alnum_run(std::uint32_t k, std::uint32_t end) {
    const char32_t* const c = c_;
    char* const units = units_;
    std::uint32_t* const origin_begin = origin_begin_;
    std::uint32_t* const origin_end = origin_end_;
    std::size_t size = size_;
    for (; k < end; ++k, ++size) {
      const char32_t lower = c[k] | 0x20;  // an ASCII letter only when c[k] is one
      if (letters && lower - 'a' < 26u) units[size] = static_cast<char>(lower);
      else if (c[k] - '0' < 10u) units[size] = static_cast<char>(c[k]);
      else break;
      origin_begin[size] = k;
      origin_end[size] = k + 1;
    }
    size_ = size;
    return k;
  }

  void digits(const Token& tok) {
    for (std::uint32_t k = tok.begin; k < tok.end; ++k) {
      k = ascii_alnum_run<false>(k, tok.end);
      if (k == tok.end) break;
      const CharClass cls = char_class(c_[k]);
      if (cls == CharClass::digit) {
        push(detail::fold_alnum(c_[k]).first, k, k + 1);
      } else if (is_modifier(cls)) {
        extend_last(k + 1);
      }
    }
  }

  void fold_into_view(std::uint32_t k) {
    const detail::Folded f = detail::fold_alnum(c_[k]);
    if (f.first == 0) {
      push('\x01', k, k + 1);
      return;
    }
    push(f.first, k, k + 1);
    if (f.second != 0) push(f.second, k, k + 1);
  }

  // "@CarersInBeds" → "@carersinbeds": the sigil, then the folded handle ('_' dropped).
  void handle(char sigil, const Token& tok) {
    push(sigil, tok.begin, tok.begin + 1);
    for (std::uint32_t k = tok.begin + 1; k < tok.end; ++k) {
      k = ascii_alnum_run<true>(k, tok.end);
      if (k == tok.end) break;
      const CharClass cls = char_class(c_[k]);
      if (cls == CharClass::letter || cls == CharClass::digit) fold_into_view(k);
      else if (is_modifier(cls)) extend_last(k + 1);
    }
  }

  // URLs and emails: letters and digits folded (no leetspeak), '.' and '@' kept, the rest separates.
  void address(const Token& tok) {
    for (std::uint32_t k = tok.begin; k < tok.end; ++k) {
      k = ascii_alnum_run<true>(k, tok.end);
      if (k == tok.end) break;
      const char32_t c = c_[k];
      const CharClass cls = char_class(c);
      if (cls == CharClass::letter || cls == CharClass::digit) fold_into_view(k);
      else if (c == '.' || c == '@') push(static_cast<char>(c), k, k + 1);
      else if (is_modifier(cls)) extend_last(k + 1);
      else if (!is_invisible(cls)) separator(k, k + 1);
    }
  }

  // ---- words ----

  // Folds the code points of [begin, end) into word_.
  void fill(std::uint32_t begin, std::uint32_t end) {
    if (word_.capacity() == 0) word_.reserve(64);  // one allocation, only for texts with such words
    for (std::uint32_t k = begin; k < end; ++k) {
      const char32_t c = c_[k];
      if (c < 128 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {  // the common case
        word_.push_back({static_cast<char>(c | 0x20), UnitKind::letter, k, k + 1});
        continue;
      }
      const CharClass cls = char_class(c);
      if (cls == CharClass::letter || cls == CharClass::digit) {
        const detail::Folded f = detail::fold_alnum(c);
        if (f.first == 0) {
          word_.push_back({'\x01', UnitKind::other_letter, k, k + 1});
          continue;
        }
        const bool digit = f.first >= '0' && f.first <= '9';
        has_digit_ = has_digit_ || digit;
        const UnitKind kind = digit ? UnitKind::digit : UnitKind::letter;
        word_.push_back({f.first, kind, k, k + 1});
        if (f.second != 0) word_.push_back({f.second, kind, k, k + 1});
      } else if (is_modifier(cls)) {
        if (!word_.empty()) word_.back().end = k + 1;
      } else if (!is_invisible(cls)) {
        const char32_t a = detail::ascii_equivalent(c);
        if (detail::is_apostrophe(c)) word_.push_back({'\'', UnitKind::apostrophe, k, k + 1});
        else if (a == '*') word_.push_back({'*', UnitKind::mask, k, k + 1});
        else if (a == '@') word_.push_back({'a', UnitKind::leet, k, k + 1});
        else if (a == '$') word_.push_back({'s', UnitKind::leet, k, k + 1});
        else if (a == '!') word_.push_back({'i', UnitKind::leet, k, k + 1});
      }
    }
  }

  bool is_letter_unit(std::size_t i) const {
    return i < word_.size() && (word_[i].kind == UnitKind::letter || word_[i].kind == UnitKind::leet);
  }

  // Digits read as letters inside words that hold letters: a run between other units ("w4nker",
  // "Pa55word", "b00bs"), or one leading digit before 3+ letters that are not a unit ("5hit", but
  // not "10am", "3rd", "5mins"). Pure numbers never get here; nor do most words, which hold no digit.
  void resolve_leet() {
    if (!has_digit_) return;
    bool has_letter = false;
    for (const Unit& u : word_) has_letter = has_letter || u.kind == UnitKind::letter || u.kind == UnitKind::other_letter;
    if (!has_letter) return;
    const std::size_t n = word_.size();
    std::size_t i = 0;
    while (i < n) {
      if (word_[i].kind != UnitKind::digit) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && word_[j].kind == UnitKind::digit) ++j;
      bool map = i > 0 && j < n;
      if (!map && i == 0 && j == 1 && n >= 4) {
        map = true;
        char rest[8] = {};
        const std::size_t len = n - 1;
        for (std::size_t k = 1; k < n; ++k) {
          if (word_[k].kind != UnitKind::letter) map = false;
          if (k - 1 < sizeof rest) rest[k - 1] = word_[k].c;
        }
        if (map && len <= sizeof rest) {
          const std::string_view r(rest, len);
          for (std::string_view s : kUnitSuffixes) map = map && r != s;
        }
      }
      if (map) {
        for (std::size_t k = i; k < j; ++k) {
          if (const char l = leet_digit(word_[k].c)) {
            word_[k].c = l;
            word_[k].kind = UnitKind::leet;
          }
        }
      }
      i = j;
    }
  }

  // "f*u*c*k": single letters separated by single '*' are a spelled-out word, not a mask.
  void join_starred_letters() {
    const std::size_t n = word_.size();
    if (n < 5 || n % 2 == 0) return;
    for (std::size_t i = 0; i < n; ++i) {
      const bool ok = (i % 2 == 0) ? is_letter_unit(i) : word_[i].kind == UnitKind::mask;
      if (!ok) return;
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < n; i += 2) word_[out++] = word_[i];
    word_.resize(out);
  }

  // Runs of 3+ identical letters become one ("fuuuuck" → "fuck"), standing for the whole run.
  void collapse_runs() {
    const std::size_t n = word_.size();
    // Most words hold no three equal units in a row, and are left as they are without copying.
    bool maybe_run = false;
    for (std::size_t i = 2; i < n && !maybe_run; ++i)
      maybe_run = word_[i].c == word_[i - 1].c && word_[i].c == word_[i - 2].c;
    if (!maybe_run) return;
    std::size_t out = 0;
    std::size_t i = 0;
    while (i < n) {
      std::size_t j = i + 1;
      if (is_letter_unit(i)) {
        while (j < n && is_letter_unit(j) && word_[j].c == word_[i].c) ++j;
      }
      if (j - i >= 3) {
        Unit u = word_[i];
        u.end = word_[j - 1].end;
        word_[out++] = u;
      } else {
        for (std::size_t k = i; k < j; ++k) word_[out++] = word_[k];
      }
      i = j;
    }
    word_.resize(out);
  }

  // Appends word_'s units to the view (through locals: see plain_tokens) and clears it.
  void flush_word() {
    char* const units = units_ + size_;
    std::uint32_t* const origin_begin = origin_begin_ + size_;
    std::uint32_t* const origin_end = origin_end_ + size_;
    const Unit* const word = word_.data();
    const std::size_t n = word_.size();
    for (std::size_t k = 0; k < n; ++k) {
      units[k] = word[k].c;
      origin_begin[k] = word[k].begin;
      origin_end[k] = word[k].end;
    }
    size_ += n;
    word_.clear();
    has_digit_ = false;
  }

  // Runs of 3+ identical letters among the units [start, size) of a plain word become one unit
  // standing for the whole run ("fuuuuck" → "fuck"). Returns the new size.
  std::size_t collapse_view_runs(std::size_t start, std::size_t size) {
    std::size_t out = start;
    std::size_t i = start;
    while (i < size) {
      std::size_t j = i + 1;
      while (j < size && units_[j] == units_[i]) ++j;
      if (j - i >= 3) {
        units_[out] = units_[i];
        origin_begin_[out] = origin_begin_[i];
        origin_end_[out] = origin_end_[j - 1];
        ++out;
      } else {
        for (std::size_t k = i; k < j; ++k, ++out) {
          units_[out] = units_[k];
          origin_begin_[out] = origin_begin_[k];
          origin_end_[out] = origin_end_[k];
        }
      }
      i = j;
    }
    return out;
  }

  // A word token holding exactly one Latin letter (after folding), e.g. the "f" of "f u c k".
  bool single_letter(std::size_t t) const {
    const std::vector<Token>& tokens = text_.tokens();
    if (t >= tokens.size() || tokens[t].kind != TokenKind::word) return false;
    std::size_t letters = 0;
    for (std::uint32_t k = tokens[t].begin; k < tokens[t].end; ++k) {
      const CharClass cls = char_class(c_[k]);
      if (is_modifier(cls) || is_invisible(cls)) continue;
      if (cls != CharClass::letter) return false;
      const detail::Folded f = detail::fold_alnum(c_[k]);
      if (f.first < 'a' || f.first > 'z' || f.second != 0) return false;
      if (++letters > 1) return false;  // most words: no need to look further
    }
    return letters == 1;
  }

  // Exactly one space, '.', '-', '*' or '_' between spelled-out letters.
  bool letter_separator(std::size_t t) const {
    const std::vector<Token>& tokens = text_.tokens();
    if (t >= tokens.size() || tokens[t].end - tokens[t].begin != 1) return false;
    const char32_t c = detail::ascii_equivalent(c_[tokens[t].begin]);
    if (tokens[t].kind == TokenKind::space) return c == ' ';
    return tokens[t].kind == TokenKind::punct && (c == '.' || c == '-' || c == '*' || c == '_');
  }

  // Whether the one-letter word *tok may start a spelled-out word: a separator and another single
  // letter follow ("I am", "a lot" do not). Otherwise its one letter is a plain word.
  bool may_start_spelling(const Token* tok) const {
    const std::size_t t = static_cast<std::size_t>(tok - text_.tokens().data());
    return letter_separator(t + 1) && single_letter(t + 2);
  }

  // Number of single letters in the run starting at token t that keeps the separator after t.
  std::size_t spelled_run_length(std::size_t t) const {
    const std::vector<Token>& tokens = text_.tokens();
    std::size_t letters = 1;
    const char32_t sep = t + 1 < tokens.size() ? c_[tokens[t + 1].begin] : 0;
    while (letter_separator(t + 1) && c_[tokens[t + 1].begin] == sep && single_letter(t + 2)) {
      t += 2;
      ++letters;
    }
    return letters;
  }

  // Emits the word token t, or the spelled-out word starting at it ("f u c k", "f.u.c.k": 3+
  // single letters). Returns the index of the last token consumed.
  std::size_t word_or_spelled_out(std::size_t t) {
    const std::vector<Token>& tokens = text_.tokens();
    if (single_letter(t)) {
      std::size_t last = t;
      std::size_t letters = 1;
      // One kind of separator throughout, so "f.u.c.k M.H." stops before "M".
      const char32_t sep = last + 1 < tokens.size() ? c_[tokens[last + 1].begin] : 0;
      while (letter_separator(last + 1) && c_[tokens[last + 1].begin] == sep && single_letter(last + 2)) {
        // A letter that also starts a run with another separator goes to the longer of the two
        // ("U K f-u-c-k": the f is spelling "fuck", not "ukf").
        if (letter_separator(last + 3) && c_[tokens[last + 3].begin] != sep) {
          const std::size_t other = spelled_run_length(last + 2);
          if (other >= 3 && other > letters + 1) break;
        }
        last += 2;
        ++letters;
      }
      if (letters >= 3) {
        for (std::size_t k = t; k <= last; k += 2) fill(tokens[k].begin, tokens[k].end);
        collapse_runs();
        flush_word();
        return last;
      }
    }
    fill(tokens[t].begin, tokens[t].end);
    join_starred_letters();
    resolve_leet();
    collapse_runs();
    flush_word();
    return t;
  }

  const Text& text_;
  const char32_t* c_;
  NormalisedView& view_;
  std::vector<Unit> word_;  // scratch for the word being built; capacity reused across words
  bool has_digit_ = false;  // word_ holds a digit unit
  char* units_ = nullptr;
  std::uint32_t* origin_begin_ = nullptr;
  std::uint32_t* origin_end_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace

NormalisedView normalise(const Text& text) {
  NormalisedView view;
  ViewBuilder(text, view).run();
  return view;
}

std::string normalise_term(std::string_view term_utf8) {
  const NormalisedView view = normalise(Text::from_utf8(term_utf8));
  std::string_view units = view.units_view();
  if (!units.empty() && units.front() == ' ') units.remove_prefix(1);
  if (!units.empty() && units.back() == ' ') units.remove_suffix(1);
  return std::string(units);
}

}  // namespace postcheck
