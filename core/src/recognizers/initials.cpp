// initials.cpp — a person's initials, the way posts hide a name they should not write: 2–3 capitals
// each followed by a dot, the last dot optional ("M.H.", "M.H", "J.B.R."). Abbreviations written the
// same way are not people ("U.K.", "N.H.S.", "A.M.", "P.M.", "D.O.B."), and a longer run ("R.S.V.P.")
// is not initials. A following "from Dunstable" / "in Houghton Regis" joins the span: together they
// point at one person. Each starts with an ASCII capital at a word start, which the trigger pass lists.
#include <algorithm>
#include <array>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

// Abbreviations that are written with dots like initials (upper case, compact).
constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "AD",  "AKA", "AM",  "ASD", "BA",  "BBC", "BC",  "CBE", "CEO", "CV",  "DC",  "DIY", "DJ",  "DOB",
    "ETA", "EU",  "FAQ", "GB",  "GP",  "HIV", "HR",  "ID",  "IOU", "IQ",  "IT",  "ITV", "KC",  "LA",
    "MA",  "MBE", "ME",  "MP",  "NB",  "NHS", "NI",  "NY",  "NZ",  "OBE", "OK",  "PA",  "PC",  "PE",
    "PM",  "PPS", "PS",  "PTO", "QC",  "RE",  "RIP", "SA",  "SOS", "TBC", "TV",  "UFO", "UK",  "UN",
    "US",  "USA", "VAT", "VE",  "VIP", "WC"});

bool is_abbreviation(std::string_view compact) {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), compact) != kAbbreviations.end();
}

// A capitalised word at i ("Dunstable", "Regis"): its end, or i.
std::size_t capitalised_word_end(Chars s, std::size_t i) {
  if (!is_upper(at(s, i)) || !is_lower(at(s, i + 1))) return i;
  std::size_t e = i + 1;
  while (e < s.size() && is_lower(s[e])) ++e;
  return is_word_char(at(s, e)) ? i : e;
}

// " from Dunstable", " in Houghton Regis" after `end`: the end of the place, or `end`.
std::size_t place_after(Chars s, std::size_t end) {
  if (at(s, end) != U' ') return end;
  std::size_t p = end + 1;
  if (starts_with_ci(s, p, "from ")) p += 5;
  else if (starts_with_ci(s, p, "in ")) p += 3;
  else return end;
  std::size_t place_end = capitalised_word_end(s, p);
  if (place_end == p) return end;
  if (at(s, place_end) == U' ') {  // a two-word place
    const std::size_t second = capitalised_word_end(s, place_end + 1);
    if (second != place_end + 1) place_end = second;
  }
  return place_end;
}

}  // namespace

void find_initials(Chars s, const Triggers& t, Matches& out) {
  std::size_t resume = 0;
  for (const std::size_t i : t.capitalised_words) {
    if (i < resume || at(s, i + 1) != U'.') continue;
    // The second letter of a run ("R.S.V.P." seen from its S), or glued to a handle or a tag.
    const char32_t prev = before(s, i);
    if (prev == U'.' || prev == U'@' || prev == U'#' || prev == U'_' || prev == U'/') continue;
    std::string compact;
    std::size_t p = i;
    while (compact.size() < 4 && is_upper(at(s, p)) && at(s, p + 1) == U'.') {
      compact.push_back(static_cast<char>(s[p]));
      p += 2;
    }
    if (is_upper(at(s, p)) && !is_word_char(at(s, p + 1)) && at(s, p + 1) != U'.') {  // "M.H": the last dot left off
      compact.push_back(static_cast<char>(s[p]));
      ++p;
    }
    if (compact.size() < 2 || compact.size() > 3 || is_word_char(at(s, p))) continue;  // "J.B.Priestley"
    if (is_abbreviation(compact)) continue;
    const std::size_t end = place_after(s, p);
    emit(out, RecognizerKind::initials, i, end, std::move(compact));
    resume = end;
  }
}

}  // namespace postcheck::recognizers
