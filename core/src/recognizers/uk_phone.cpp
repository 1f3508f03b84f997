// uk_phone.cpp — UK telephone numbers in every shape people write them: +44 / 0044 / +44 (0) / 0…,
// groups split by single spaces, dashes or dots, the area code in brackets. A number is a match only
// when its national digits fit the numbering plan (uk_phone_plausible) and it is not glued to
// letters, '#' or other digits ("Order #40213377812", "0771–0790" are not phones).
#include <array>

#include "recognizers/families.h"

namespace postcheck {

bool uk_phone_plausible(std::string_view d) {
  if (d.size() < 10 || d.size() > 11 || d[0] != '0') return false;
  for (char c : d)
    if (c < '0' || c > '9') return false;
  const bool eleven = d.size() == 11;
  switch (d[1]) {
    case '1': return true;  // geographic: 11 digits, and 10 in the few 4+5 / 5+4 areas
    case '2': return eleven && (d[2] == '0' || d[2] == '3' || d[2] == '4' || d[2] == '8' || d[2] == '9');
    case '3': return eleven && (d[2] == '0' || d[2] == '3' || d[2] == '4' || d[2] == '7');
    case '5': return eleven && (d[2] == '5' || d[2] == '6');  // corporate and VoIP numbers
    case '7': return eleven;  // mobiles, pagers, personal numbering
    case '8':  // freephone 080 (0800 also with 10 digits), special rates 084 / 087
      if (d[2] != '0' && d[2] != '4' && d[2] != '7') return false;
      return eleven || (d[2] == '0' && d[3] == '0');
    case '9': return eleven && (d[2] == '0' || d[2] == '1' || d[2] == '8');
    default: return false;  // 00 international, 04 and 06 unused
  }
}

namespace recognizers {
namespace {

using namespace scan;

constexpr std::size_t kMaxNationalDigits = 13;  // enough to see that a longer run is not a phone

bool is_group_separator(char32_t c) { return c == U' ' || c == U'-' || c == U'.' || c == 0xA0; }
bool is_blank(char32_t c) { return c == U' ' || c == 0xA0; }

// Length of the separator between two digit groups at p, or 0: one space, dash, dot or no-break
// space; two spaces ("0161  496  0665"); or a dash with a space on each side ("07700 - 900123").
std::size_t group_separator_length(Chars s, std::size_t p) {
  const char32_t c = at(s, p);
  if (!is_group_separator(c)) return 0;
  if (is_blank(c)) {
    const char32_t d = at(s, p + 1);
    if (is_blank(d)) return 2;
    if ((d == U'-' || d == 0x2013) && is_blank(at(s, p + 2))) return 3;
  }
  return 1;
}
bool is_dash_like(char32_t c) {
  return c == U'-' || c == U'.' || c == U':' || c == U'/' || c == U',' || c == 0x2013 || c == 0x2014;
}

// The character before `start` makes the digits part of something else (a reference, a range).
bool glued_before(Chars s, std::size_t start) {
  const char32_t p = before(s, start);
  if (is_word_char(p) || p == U'#' || p == U'/' || p == U'_' || p == U'@' || p == U'£' || p == U'$' ||
      p == U'€' || p == U'+' || p == U'=' || p == U'&')
    return true;
  return is_dash_like(p) && start >= 2 && is_digit(s[start - 2]);
}

bool glued_after(Chars s, std::size_t end) {
  const char32_t c = at(s, end);
  if (is_word_char(c) || c == U'#' || c == U'_' || c == U'@' || c == U'%' || c == U'/' || c == U'£')
    return true;
  return is_dash_like(c) && is_digit(at(s, end + 1));
}

struct Boundary {
  std::size_t digits;  // national digits up to here
  std::size_t end;     // code point just after the group
};

struct PhoneScan {
  std::string national;
  std::array<Boundary, kMaxNationalDigits> boundaries{};
  std::size_t count = 0;
  bool overflow = false;  // more digit groups followed than any number has
};

// Reads a number written at `start` ('+', '0' or '('): the national digits and where each digit
// group ends. Returns false when the shape is not a UK number at all.
bool read_phone(Chars s, std::size_t start, PhoneScan& scan_out) {
  std::size_t p = start;
  bool international = false;
  bool bracket_open = false;
  if (s[p] == U'+') {
    if (at(s, p + 1) != U'4' || at(s, p + 2) != U'4') return false;
    p += 3;
    international = true;
  } else if (s[p] == U'0' && at(s, p + 1) == U'0') {
    if (at(s, p + 2) != U'4' || at(s, p + 3) != U'4') return false;
    p += 4;
    international = true;
  } else if (s[p] == U'(') {
    bracket_open = true;
    ++p;
  }
  std::string& nat = scan_out.national;
  nat.clear();
  if (international) {
    if (is_group_separator(at(s, p)) && (is_digit(at(s, p + 1)) || at(s, p + 1) == U'('))
      ++p;
    if (at(s, p) == U'(' && at(s, p + 1) == U'0' && at(s, p + 2) == U')') {  // "+44 (0) 1632 …"
      p += 3;
      if (at(s, p) == U' ' || at(s, p) == 0xA0) ++p;
    }
    if (at(s, p) == U'0') ++p;  // "+44 07700 …": the trunk 0 written anyway
    if (!is_digit(at(s, p))) return false;
    nat.push_back('0');
  } else if (at(s, p) != U'0') {
    return false;
  }

  bool first_group = true;
  while (true) {
    const std::size_t group_end = digits_end(s, p);
    for (std::size_t i = p; i < group_end; ++i) {
      if (nat.size() == kMaxNationalDigits) {
        scan_out.overflow = true;
        return true;
      }
      nat.push_back(static_cast<char>(s[i]));
    }
    p = group_end;
    if (bracket_open) {
      if (!first_group || at(s, p) != U')') return false;
      ++p;
      bracket_open = false;
      scan_out.boundaries[scan_out.count++] = {nat.size(), p};
      if ((at(s, p) == U' ' || at(s, p) == 0xA0) && is_digit(at(s, p + 1))) {
        ++p;
      } else if (!is_digit(at(s, p))) {
        return true;
      }
      first_group = false;
      continue;
    }
    scan_out.boundaries[scan_out.count++] = {nat.size(), p};
    first_group = false;
    const std::size_t separator = group_separator_length(s, p);
    if (separator != 0 && is_digit(at(s, p + separator))) {
      p += separator;
      continue;
    }
    return true;
  }
}

// Reads the number written at `start` and appends it when it is one; returns whether it did, and
// moves `resume` past what was read.
bool take_phone_at(Chars s, std::size_t start, std::size_t& resume, Matches& out) {
  PhoneScan ps;
  if (!read_phone(s, start, ps) || ps.count == 0) return false;
  // The whole run of groups is the number; or, when another number follows after a space
  // ("01234 567890 07700 900283"), the longest leading part that is one.
  std::optional<Boundary> chosen;
  const Boundary last = ps.boundaries[ps.count - 1];
  if (!ps.overflow && uk_phone_plausible(ps.national) && !glued_after(s, last.end)) chosen = last;
  for (std::size_t k = ps.count; !chosen && k-- > 0;) {
    const Boundary b = ps.boundaries[k];
    const std::size_t separator = group_separator_length(s, b.end);
    if (b.end != last.end || ps.overflow)
      if (is_blank(at(s, b.end)) && at(s, b.end + separator) == U'0' &&
          uk_phone_plausible(std::string_view(ps.national).substr(0, b.digits)))
        chosen = b;
  }
  if (chosen) {
    emit(out, RecognizerKind::uk_phone, start, chosen->end, ps.national.substr(0, chosen->digits));
    resume = chosen->end;
    return true;
  }
  if (ps.overflow) {
    // Skip the whole overlong run so its inner groups are not read as numbers.
    std::size_t p = resume;
    for (std::size_t sep = group_separator_length(s, p); sep != 0 && is_digit(at(s, p + sep));
         sep = group_separator_length(s, p)) {
      p = digits_end(s, p + sep);
    }
    resume = p;
  }
  return false;
}

}  // namespace

void find_uk_phones(Chars s, const Triggers& t, Matches& out) {
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    std::size_t start = i;
    if (i > 0 && s[i - 1] == U'+' && s[i] == U'4') start = i - 1;
    else if (i > 0 && s[i - 1] == U'(' && s[i] == U'0') start = i - 1;
    const std::size_t run_end = run.end;
    resume = run_end;
    if ((s[start] == U'0' || start < i) && !glued_before(s, start)) {
      // A bracket that does not close after the area code holds the whole number: "(07700 900773)".
      if (!take_phone_at(s, start, resume, out) && s[start] == U'(' && resume == run_end) {
        take_phone_at(s, i, resume, out);
      }
    }
  }
}

std::string phone_national_digits(Chars s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'+' && s[i] != U'0' && s[i] != U'(') continue;
    PhoneScan ps;
    if (read_phone(s, i, ps) && ps.count > 0 && !ps.overflow) {
      // Allowlist entries may be split by any spacing; take every digit group that follows.
      std::string national = ps.national;
      std::size_t p = ps.boundaries[ps.count - 1].end;
      while (p < s.size()) {
        if (is_digit(s[p])) national.push_back(static_cast<char>(s[p]));
        else if (!is_space(s[p]) && !is_group_separator(s[p])) break;
        ++p;
      }
      return national;
    }
  }
  return {};
}

}  // namespace recognizers
}  // namespace postcheck
