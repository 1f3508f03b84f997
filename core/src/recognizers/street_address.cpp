// street_address.cpp — a house number (1–4 digits, optional letter, optional "Flat 2, " before it),
// one to three capitalised words and a street word: "4 Mill Lane", "12a Church Street". The span
// extends over a following ", Town" and a postcode when present ("4 Mill Lane, Biggleswade SG18 0AW").
// Lower-case words never make a street ("40 lengths at Flitwick", "14 events in 9 towns").
#include <algorithm>
#include <array>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

// The street words of the brief, with their usual abbreviations. "Park", "End" and "Gate" are left
// out: "3 Wrest Park concerts" is not an address.
constexpr std::array<std::string_view, 31> kStreetWords = {
    "road",    "rd",    "street",  "st",   "lane",   "ln",     "avenue", "ave",   "close", "drive", "dr",
    "way",     "crescent", "cres", "court", "ct",    "place",  "pl",     "gardens", "grove", "terrace",
    "hill",    "row",   "walk",    "mews", "square", "sq",     "rise",   "view",  "parade", "green",
};

bool is_street_word(Chars s, Word w) {
  for (std::string_view word : kStreetWords)
    if (word_is(s, w, word)) return true;
  return false;
}

// "Mill", "St", "Andrew’s": an upper-case letter then lower-case letters (and inner apostrophes).
bool is_capitalised(Chars s, Word w) {
  if (!is_upper(s[w.begin]) || w.end - w.begin < 2) return false;
  for (std::size_t i = w.begin + 1; i < w.end; ++i)
    if (!is_lower(s[i]) && !is_apostrophe(s[i]) && !(s[i] >= 0xDF && s[i] <= 0xFF)) return false;
  return true;
}

// The capitalised word starting exactly at i, or an empty word.
Word capitalised_word_at(Chars s, std::size_t i) {
  if (!is_upper(at(s, i))) return {i, i};
  const Word w{i, word_end(s, i)};
  return is_capitalised(s, w) ? w : Word{i, i};
}

bool is_single_space(char32_t c) { return c == U' ' || c == 0xA0; }

// "Flat 2, " / "Flat 2A " right before `number_begin`: where "Flat" starts, or number_begin.
std::size_t flat_prefix(Chars s, std::size_t number_begin, std::size_t floor) {
  std::size_t p = number_begin;
  if (p < floor + 2 || !is_single_space(s[p - 1])) return number_begin;
  --p;
  if (s[p - 1] == U',') --p;
  if (p > floor && is_ascii_alpha(s[p - 1]) && p >= 2 && is_digit(s[p - 2])) --p;
  std::size_t digits = p;
  while (digits > floor && is_digit(s[digits - 1]) && p - digits < 4) --digits;
  if (digits == p || digits < floor + 5 || !is_single_space(s[digits - 1])) return number_begin;
  const std::size_t flat = digits - 5;
  if (starts_with_ci(s, flat, "flat") && !is_word_char(before(s, flat))) return flat;
  return number_begin;
}

}  // namespace

void find_street_addresses(Chars s, const Triggers& t, Matches& out) {
  std::size_t done = 0;
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    std::size_t number_end = run.end;
    resume = number_end;
    const char32_t prev = before(s, i);
    const bool clean_start = !is_word_char(prev) && prev != U'#' && prev != U'£' && prev != U'$' &&
                             prev != U'.' && prev != U',' && prev != U'/' && prev != U'-' && prev != U'@';
    if (clean_start && number_end - i <= 4) {
      if (is_ascii_alpha(at(s, number_end)) && !is_word_char(at(s, number_end + 1))) ++number_end;  // 12a
      std::size_t p = number_end;
      std::size_t street_end = 0;
      if (is_single_space(at(s, p))) {
        // Up to three capitalised words, then the street word.
        ++p;
        for (int words = 0; words < 4; ++words) {
          const Word w = capitalised_word_at(s, p);
          if (w.empty()) break;
          if (words >= 1 && is_street_word(s, w) && !is_word_char(at(s, w.end))) {
            street_end = w.end;
            break;
          }
          if (!is_single_space(at(s, w.end))) break;
          p = w.end + 1;
        }
      }
      if (street_end != 0) {
        std::size_t end = street_end;
        // ", Biggleswade" / ", Leighton Buzzard": a town, unless a lower-case word goes on from it.
        std::size_t q = end;
        if (at(s, q) == U',' && is_single_space(at(s, q + 1))) {
          std::size_t town_end = 0;
          std::size_t t = q + 2;
          for (int words = 0; words < 2; ++words) {
            const Word w = capitalised_word_at(s, t);
            if (w.empty()) break;
            town_end = w.end;
            if (!is_single_space(at(s, w.end))) break;
            t = w.end + 1;
          }
          const bool runs_on = is_single_space(at(s, town_end)) && is_lower(at(s, town_end + 1));
          if (town_end != 0 && !runs_on) end = town_end;
        }
        // A postcode after it: " SG18 0AW" or ", SG18 0AW".
        std::size_t pc = end;
        if (at(s, pc) == U',') ++pc;
        if (is_single_space(at(s, pc)))
          if (auto pc_end = postcode_at(s, pc + 1, nullptr)) end = *pc_end;

        const std::size_t begin = flat_prefix(s, i, done);
        emit(out, RecognizerKind::street_address, begin, end,
             utf8_of(s, begin, end, [](char32_t c) { return is_space(c) ? U' ' : to_lower(c); }));
        done = end;
        resume = end;
      }
    }
  }
}

}  // namespace postcheck::recognizers
