// uk_postcode.cpp — UK postcodes with the full format rules: outward A9 A99 AA9 AA99 A9A AA9A with
// the letters allowed in each position, inward 9AA without C I K M O V, and GIR 0AA. Written upper
// case or all lower case, with or without the space. Every outward code holds a digit, so the scan
// starts from digits and looks back at most two letters.
#include "recognizers/families.h"

namespace postcheck {
namespace {

constexpr bool in(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }
constexpr bool up(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool dig(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool uk_postcode_valid(std::string_view pc) {
  if (pc == "GIR0AA") return true;
  if (pc.size() < 5 || pc.size() > 7) return false;
  const std::string_view inward = pc.substr(pc.size() - 3);
  if (!dig(inward[0]) || !up(inward[1]) || !up(inward[2]) || in(inward[1], "CIKMOV") ||
      in(inward[2], "CIKMOV"))
    return false;
  const std::string_view o = pc.substr(0, pc.size() - 3);
  if (!up(o[0]) || in(o[0], "QVX")) return false;
  constexpr std::string_view kSecondLetterBarred = "IJZ";
  constexpr std::string_view kThirdLetterA9A = "ABCDEFGHJKPSTUW";
  constexpr std::string_view kFourthLetterAA9A = "ABEHMNPRVWXY";
  switch (o.size()) {
    case 2: return dig(o[1]);                                               // A9
    case 3:
      if (dig(o[1]) && dig(o[2])) return true;                              // A99
      if (up(o[1]) && dig(o[2])) return !in(o[1], kSecondLetterBarred);     // AA9
      if (dig(o[1]) && up(o[2])) return in(o[2], kThirdLetterA9A);          // A9A
      return false;
    case 4:
      if (!up(o[1]) || in(o[1], kSecondLetterBarred) || !dig(o[2])) return false;
      if (dig(o[3])) return true;                                           // AA99
      return up(o[3]) && in(o[3], kFourthLetterAA9A);                       // AA9A
    default: return false;
  }
}

namespace recognizers {
namespace {

using namespace scan;

bool glued_before(Chars s, std::size_t i) {
  const char32_t p = before(s, i);
  return is_word_char(p) || p == U'@' || p == U'#' || p == U'_' || p == U'/' || p == U'\\' ||
         p == U'&' || p == U'=';
}
bool glued_after(Chars s, std::size_t i) {
  const char32_t c = at(s, i);
  return is_word_char(c) || c == U'@' || c == U'_' || c == U'/';
}

std::size_t alnum_end(Chars s, std::size_t i, std::size_t max_len) {
  const std::size_t limit = i + max_len + 1;
  while (i < s.size() && i < limit && is_ascii_alnum(s[i])) ++i;
  return i;
}

// Upper-cases [b, e) into `out` when it is all upper or all lower case (digits aside).
bool consistent_case(Chars s, std::size_t b, std::size_t e, bool& lower, bool& upper, std::string& out) {
  for (std::size_t i = b; i < e; ++i) {
    lower = lower || is_lower(s[i]);
    upper = upper || is_upper(s[i]);
    out.push_back(static_cast<char>(to_upper(s[i])));
  }
  return !(lower && upper);
}

}  // namespace

std::optional<std::size_t> postcode_at(Chars s, std::size_t begin, std::string* value) {
  if (!is_ascii_alpha(at(s, begin)) || glued_before(s, begin)) return std::nullopt;
  const std::size_t first_end = alnum_end(s, begin, 7);
  const std::size_t first_len = first_end - begin;
  std::string compact;
  bool lower = false;
  bool upper = false;
  std::size_t end = 0;
  std::size_t outward_len = 0;
  if (first_len >= 5 && first_len <= 7 && !glued_after(s, first_end)) {  // "SG180AW"
    if (!consistent_case(s, begin, first_end, lower, upper, compact)) return std::nullopt;
    end = first_end;
    outward_len = first_len - 3;
  } else if (first_len >= 2 && first_len <= 4 &&
             (at(s, first_end) == U' ' || at(s, first_end) == 0xA0)) {  // "SG18 0AW"
    const std::size_t in_begin = first_end + 1;
    const std::size_t in_end = alnum_end(s, in_begin, 3);
    if (in_end - in_begin != 3 || glued_after(s, in_end)) return std::nullopt;
    if (!consistent_case(s, begin, first_end, lower, upper, compact) ||
        !consistent_case(s, in_begin, in_end, lower, upper, compact))
      return std::nullopt;
    end = in_end;
    outward_len = first_len;
  } else {
    return std::nullopt;
  }
  if (!uk_postcode_valid(compact)) return std::nullopt;
  if (value) {
    *value = compact.substr(0, outward_len);
    *value += ' ';
    *value += compact.substr(outward_len);
  }
  return end;
}

void find_uk_postcodes(Chars s, const Triggers& t, Matches& out) {
  std::size_t done = 0;  // matches never overlap
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    // The outward code starts one or two letters before its first digit; GIR 0AA four before.
    if (!is_ascii_alpha(before(s, i)) && before(s, i) != U' ') continue;
    std::size_t candidates[3] = {i >= 2 ? i - 2 : s.size(), i >= 1 ? i - 1 : s.size(),
                                 i >= 4 && s[i - 1] == U' ' ? i - 4 : s.size()};
    for (std::size_t start : candidates) {
      if (start >= s.size() || start < done) continue;
      std::string value;
      if (auto end = postcode_at(s, start, &value)) {
        emit(out, RecognizerKind::uk_postcode, start, *end, std::move(value));
        done = *end;
        resume = *end;
        break;
      }
    }
  }
}

}  // namespace recognizers
}  // namespace postcheck
