// date_of_birth.cpp — a valid date with birth context BEFORE it, within a few words of the same
// sentence: born, DOB, D.O.B., date of birth, birth date, birthday, "b.". The span runs from the
// context word to the end of the date ("DOB 22/07/1961", "Born 3rd May 1944"). Context after the
// date ("9–15 June. Born to care?") and dates with other labels ("Closing date 30/06/2025") are not
// births. Every date holds digits, so the scan starts from digit runs and looks back a bounded way.
#include <algorithm>
#include <array>
#include <cstdio>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

constexpr int kMaxWordsBetween = 4;  // words allowed between the context and the date

struct Date {
  std::size_t begin;
  std::size_t end;
  int day;
  int month;
  int year;
  bool two_digit_year;
  bool compact;  // "22071961": only a date right after DOB / date of birth
};

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

// The month (1–12) named by word w: in full, by three letters, or "Sept"; else 0. Most words are
// ruled out by their length (3 to 9 letters) or first letter before any comparison.
int month_of(Chars s, Word w) {
  const std::size_t len = w.end - w.begin;
  if (len < 3 || len > 9) return 0;
  const char32_t first = to_lower(s[w.begin]);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view name = kMonths[m];
    if (first != char32_t(name[0])) continue;
    if (len == name.size() || len == 3 || (m == 8 && len == 4))
      if (len <= name.size() && starts_with_ci(s, w.begin, name.substr(0, len))) return int(m) + 1;
  }
  return 0;
}

bool valid_date(int d, int m, int y, bool two_digit_year) {
  if (m < 1 || m > 12 || d < 1) return false;
  if (!two_digit_year && (y < 1880 || y > 2099)) return false;
  constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  const bool leap = two_digit_year ? y % 4 == 0 : (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
  return !(m == 2 && d == 29 && !leap);
}

int number(Chars s, std::size_t b, std::size_t e) {
  int v = 0;
  for (std::size_t i = b; i < e; ++i) v = v * 10 + int(s[i] - U'0');
  return v;
}

bool ends_cleanly(Chars s, std::size_t end) {
  const char32_t c = at(s, end);
  if (is_word_char(c) || c == U'@' || c == U'_') return false;
  return !((c == U'/' || c == U'-' || c == U'.') && is_digit(at(s, end + 1)));
}

// "3rd" / "22" / "1st": the day number at i and where it ends (after any ordinal suffix).
bool read_day(Chars s, std::size_t i, int& day, std::size_t& end) {
  const std::size_t e = digits_end(s, i);
  if (e - i < 1 || e - i > 2) return false;
  day = number(s, i, e);
  end = e;
  if (is_ascii_alpha(at(s, e)))
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
      if (starts_with_ci(s, e, suffix) && !is_word_char(at(s, e + 2))) end = e + 2;
  return !is_word_char(at(s, end));
}

// A four-digit year starting at i (after optional ", " / " ").
bool read_year_after(Chars s, std::size_t i, int& year, std::size_t& end) {
  if (at(s, i) == U',') ++i;
  if (at(s, i) != U' ' && at(s, i) != 0xA0) return false;
  ++i;
  if (digits_end(s, i) != i + 4) return false;
  year = number(s, i, i + 4);
  end = i + 4;
  return ends_cleanly(s, end);
}

// A date whose first digit is at i: numeric, compact, or "3rd (of) May 1944".
std::optional<Date> date_from_digits(Chars s, std::size_t i) {
  const std::size_t run = digits_end(s, i) - i;
  if (run == 8 && ends_cleanly(s, i + 8)) {
    Date d{i, i + 8, number(s, i, i + 2), number(s, i + 2, i + 4), number(s, i + 4, i + 8), false, true};
    if (valid_date(d.day, d.month, d.year, false)) return d;
    return std::nullopt;
  }
  const char32_t sep = at(s, i + run);
  if (run == 4 && sep == U'-') {  // ISO 1961-07-22
    const std::size_t m = i + 5;
    if (digits_end(s, m) != m + 2 || at(s, m + 2) != U'-' || digits_end(s, m + 3) != m + 5) return std::nullopt;
    Date d{i, m + 5, number(s, m + 3, m + 5), number(s, m, m + 2), number(s, i, i + 4), false, false};
    if (ends_cleanly(s, d.end) && valid_date(d.day, d.month, d.year, false)) return d;
    return std::nullopt;
  }
  if (run <= 2 && (sep == U'/' || sep == U'-' || sep == U'.')) {  // 22/07/1961, 22-07-61, 22.07.1961
    const std::size_t m = i + run + 1;
    const std::size_t m_end = digits_end(s, m);
    if (m_end - m < 1 || m_end - m > 2 || at(s, m_end) != sep) return std::nullopt;
    const std::size_t y = m_end + 1;
    const std::size_t y_end = digits_end(s, y);
    if (y_end - y != 2 && y_end - y != 4) return std::nullopt;
    Date d{i, y_end, number(s, i, i + run), number(s, m, m_end), number(s, y, y_end), y_end - y == 2, false};
    if (ends_cleanly(s, d.end) && valid_date(d.day, d.month, d.year, d.two_digit_year)) return d;
    return std::nullopt;
  }
  int day = 0;
  std::size_t p = 0;
  if (!read_day(s, i, day, p)) return std::nullopt;  // 3rd May 1944, 22 July 1961, 3rd of May 1944
  if (at(s, p) != U' ' && at(s, p) != 0xA0) return std::nullopt;
  Word w = next_word(s, p + 1, std::min(s.size(), p + 2));
  if (!w.empty() && word_is(s, w, "of") && at(s, w.end) == U' ') w = next_word(s, w.end + 1, w.end + 2);
  if (w.empty()) return std::nullopt;
  const int month = month_of(s, w);
  if (month == 0) return std::nullopt;
  std::size_t after_month = w.end + (at(s, w.end) == U'.' ? 1 : 0);
  int year = 0;
  std::size_t end = 0;
  if (!read_year_after(s, after_month, year, end) || !valid_date(day, month, year, false)) return std::nullopt;
  return Date{i, end, day, month, year, false, false};
}

// "May 3, 1944" / "May 3rd 1944": the month word w is followed by the day at i.
std::optional<Date> date_from_month(Chars s, Word w, std::size_t i) {
  const int month = month_of(s, w);
  if (month == 0) return std::nullopt;
  int day = 0;
  std::size_t p = 0;
  if (!read_day(s, i, day, p)) return std::nullopt;
  int year = 0;
  std::size_t end = 0;
  if (!read_year_after(s, p, year, end) || !valid_date(day, month, year, false)) return std::nullopt;
  return Date{w.begin, end, day, month, year, false, false};
}

struct Context {
  std::size_t begin;
  std::size_t end;       // after the context, including the dots of "D.O.B." / "b."
  bool labels_a_date;    // DOB, D.O.B., date of birth, birth date: may label a compact date
};

// The context word w names a birth: born, DOB, birthday, "date of birth", "b.", "D.O.B.".
std::optional<Context> birth_context(Chars s, Word w, std::size_t floor) {
  if (word_is_any(s, w, {"born", "birthday", "bday", "birthdate"}))
    return Context{w.begin, w.end, word_is(s, w, "birthdate")};
  if (word_is(s, w, "dob")) return Context{w.begin, w.end + (at(s, w.end) == U'.' ? 1 : 0), true};
  if (word_is(s, w, "birth")) {
    const Word of = prev_word(s, w.begin, floor);
    const Word date = of.empty() ? of : prev_word(s, of.begin, floor);
    if (!date.empty() && word_is(s, of, "of") && word_is(s, date, "date")) return Context{date.begin, w.end, true};
    const Word next = next_word(s, w.end, std::min(s.size(), w.end + 2));
    if (!next.empty() && word_is(s, next, "date")) return Context{w.begin, next.end, true};
    return std::nullopt;
  }
  if (word_is(s, w, "b") && at(s, w.end) == U'.') {
    // "D.O.B." written with dots, or "b." as in "Len Smith (b. 3 May 1944)".
    const std::size_t b = w.begin;
    if (b >= 4 && b - 4 >= floor && s[b - 1] == U'.' && to_lower(s[b - 2]) == U'o' && s[b - 3] == U'.' &&
        to_lower(s[b - 4]) == U'd' && !is_word_char(before(s, b - 4)))
      return Context{b - 4, w.end + 1, true};
    return Context{b, w.end + 1, false};
  }
  return std::nullopt;
}

// The birth context before `date`, if any: the nearest context word within kMaxWordsBetween words.
std::optional<Context> context_before(Chars s, const Date& date, std::size_t floor) {
  floor = std::max(floor, date.begin > 120 ? date.begin - 120 : std::size_t{0});
  Word w = prev_word(s, date.begin, floor);
  for (int between = 0; between <= kMaxWordsBetween + 1 && !w.empty(); ++between) {
    if (auto ctx = birth_context(s, w, floor)) {
      if (has_hard_break(s, ctx->end, date.begin)) return std::nullopt;
      if (date.compact && (!ctx->labels_a_date || between > 0)) return std::nullopt;
      if (between > kMaxWordsBetween) return std::nullopt;
      return ctx;
    }
    w = prev_word(s, w.begin, floor);
  }
  return std::nullopt;
}

std::string iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, d.two_digit_year ? "%02d-%02d-%02d" : "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// The date at the digit run i, reading "May 3, 1944" from the month word before it.
std::optional<Date> date_at(Chars s, std::size_t i, std::size_t floor) {
  if (is_word_char(before(s, i))) return std::nullopt;
  if (before(s, i) == U' ' || before(s, i) == 0xA0) {
    const Word w = prev_word(s, i - 1, std::max(floor, i >= 12 ? i - 12 : std::size_t{0}));
    if (!w.empty() && w.end + 1 == i)
      if (auto d = date_from_month(s, w, i)) return d;
  }
  return date_from_digits(s, i);
}

}  // namespace

void find_dates_of_birth(Chars s, const Triggers& t, Matches& out) {
  std::size_t done = 0;
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    if (auto date = date_at(s, i, done)) {
      if (auto ctx = context_before(s, *date, done)) {
        emit(out, RecognizerKind::date_of_birth, ctx->begin, date->end, iso(*date));
        done = date->end;
      }
      resume = std::max(resume, date->end);
    }
  }
}

std::string canonical_date(Chars s) {
  for (std::size_t i = find_digit(s, 0); i < s.size(); i = find_digit(s, digits_end(s, i)))
    if (auto date = date_at(s, i, 0)) return iso(*date);
  return {};
}

}  // namespace postcheck::recognizers
