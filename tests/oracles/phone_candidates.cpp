// phone_candidates.cpp — the generator behind phone_candidates.h. The mix is weighted towards the
// numbers that matter (mobiles, geographic, drama ranges) and the shapes that trip scanners
// (brackets, (0), groupings, separators), with enough noise (unused prefixes, wrong lengths, bare
// runs) that both sides have plenty to reject.
#include "phone_candidates.h"

#include <array>
#include <string_view>

#include "oracle_random.h"

namespace postcheck::oracles {
namespace {

struct Range {
  std::string_view prefix;  // national, "0" first
  std::size_t length;       // national digits in all
};

// Allocated ranges people actually meet, with their national lengths.
constexpr std::array<Range, 24> kRealRanges = {{
    {"07", 11},   {"071", 11},  {"074", 11},  {"0777", 11}, {"070", 11},  {"076", 11},
    {"01", 11},   {"012", 11},  {"0113", 11}, {"0161", 11}, {"01", 10},   {"0169", 10},
    {"020", 11},  {"023", 11},  {"024", 11},  {"028", 11},  {"029", 11},  {"03", 11},
    {"0800", 11}, {"0800", 10}, {"0808", 11}, {"084", 11},  {"087", 11},  {"09", 11},
}};

// Ofcom's drama ranges (numbers reserved for TV, radio and fiction): each prefix completed to 11 digits.
constexpr std::array<std::string_view, 20> kDramaPrefixes = {{
    "07700900", "01632960", "02079460", "01134960", "01144960", "01154960", "01164960",
    "01174960", "01184960", "01214960", "01314960", "01414960", "01514960", "01614960",
    "01914980", "02896496", "02920180", "03069990", "08081570", "09098790",
}};

std::string national_digits(OracleRandom& rng, bool& drama) {
  drama = false;
  const unsigned kind = rng.below(100);
  if (kind < 50) {
    const Range& r = kRealRanges[rng.below(kRealRanges.size())];
    return std::string(r.prefix) + rng.digits(r.length - r.prefix.size());
  }
  if (kind < 65) {
    drama = true;
    const std::string_view prefix = kDramaPrefixes[rng.below(kDramaPrefixes.size())];
    return std::string(prefix) + rng.digits(11 - prefix.size());
  }
  if (kind < 75) {  // any second digit, a right length
    std::string d = "0";
    d.push_back(static_cast<char>('1' + rng.below(9)));
    return d + rng.digits(rng.between(8, 9));
  }
  if (kind < 85) {  // wrong lengths as well as right ones
    std::string d = "0";
    d.push_back(static_cast<char>('1' + rng.below(9)));
    return d + rng.digits(rng.between(3, 12));
  }
  if (kind < 90) return std::string(rng.percent(50) ? "04" : "06") + rng.digits(rng.between(8, 9));
  std::string bare(1, static_cast<char>('1' + rng.below(9)));  // a digit run with no trunk 0
  return bare + rng.digits(rng.between(4, 12));
}

PhonePrefix choose_prefix(OracleRandom& rng, const std::string& national) {
  if (national[0] != '0') return PhonePrefix::bare;
  const unsigned p = rng.below(100);
  if (p < 50) return PhonePrefix::trunk_zero;
  if (p < 70) return PhonePrefix::plus44;
  if (p < 80) return PhonePrefix::plus44_bracket0;
  if (p < 84) return PhonePrefix::plus44_trunk_zero;
  if (p < 96) return PhonePrefix::double_zero44;
  return PhonePrefix::bare;  // "44 7700 900123"
}

// Group sizes for `digits` (the part after any international prefix), as people write them.
std::vector<std::size_t> grouping(OracleRandom& rng, const std::string& national, std::size_t first_cut) {
  const std::size_t n = national.size() - first_cut;
  std::vector<std::size_t> groups;
  const unsigned style = rng.below(100);
  if (style < 60 && national.size() == 11 && national[0] == '0') {
    // The conventional layouts: 020 7946 0000, 0113 496 0000, 01632 960000, 07700 900123.
    const bool three_four_four = national[1] == '2';
    const bool four_three_four = national[1] == '3' || national[1] == '8' || national[1] == '9' ||
                                 (national[1] == '1' && (national[2] == '1' || national[3] == '1'));
    if (three_four_four) groups = {3, 4, 4};
    else if (four_three_four) groups = {4, 3, 4};
    else groups = {5, 6};
    groups[0] -= first_cut;
  } else if (style < 70 && national.size() == 10 && national[0] == '0') {
    groups = national[1] == '8' ? std::vector<std::size_t>{4, 3, 3} : std::vector<std::size_t>{5, 5};
    groups[0] -= first_cut;
  } else if (style < 80) {
    groups = {n};  // one run
  } else {
    std::size_t left = n;  // random cuts, groups of 1 to 5 (a lone trunk 0 is not a group people write)
    while (left > 0) {
      const std::size_t g = std::min<std::size_t>(left, rng.between(groups.empty() ? 2 : 1, 5));
      groups.push_back(g);
      left -= g;
    }
  }
  if (groups[0] == 0) groups.erase(groups.begin());
  return groups;
}

std::string separator(OracleRandom& rng, unsigned style) {
  if (style < 60) return " ";
  if (style < 75) return "-";
  if (style < 80) return ".";
  if (style < 88) return "";
  if (style < 91) return "  ";
  if (style < 94) return " - ";
  const std::array<std::string_view, 4> mixed = {" ", "-", ".", ""};
  return std::string(mixed[rng.below(mixed.size())]);
}

}  // namespace

bool in_drama_range(const std::string& national) {
  if (national.size() != 11) return false;
  for (std::string_view p : kDramaPrefixes)
    if (national.compare(0, p.size(), p) == 0) return true;
  return false;
}

std::vector<PhoneCandidate> generate_phone_candidates(std::uint64_t seed, std::size_t count) {
  OracleRandom rng(seed);
  std::vector<PhoneCandidate> out;
  out.reserve(count);
  while (out.size() < count) {
    PhoneCandidate c;
    c.national = national_digits(rng, c.drama);
    c.prefix = choose_prefix(rng, c.national);
    std::string head;
    std::size_t first_cut = 0;  // national digits the prefix replaces (the trunk 0)
    switch (c.prefix) {
      case PhonePrefix::trunk_zero: break;
      case PhonePrefix::plus44: head = rng.percent(85) ? "+44 " : "+44"; first_cut = 1; break;
      case PhonePrefix::plus44_bracket0:
        head = rng.percent(70) ? "+44 (0) " : (rng.percent(50) ? "+44(0)" : "+44 (0)");
        first_cut = 1;
        break;
      case PhonePrefix::plus44_trunk_zero: head = "+44 "; break;
      case PhonePrefix::double_zero44: head = rng.percent(85) ? "0044 " : "0044"; first_cut = 1; break;
      case PhonePrefix::bare:
        if (c.national[0] == '0') {
          head = "44 ";
          first_cut = 1;
        }
        break;
    }
    const std::vector<std::size_t> groups = grouping(rng, c.national, first_cut);
    const unsigned sep_style = rng.below(100);
    const bool mixed = sep_style >= 94;
    const std::string sep = separator(rng, sep_style);
    // The area code in brackets: "(01632) 960123", "(020) 7946 0000".
    const bool bracket_area = c.prefix == PhonePrefix::trunk_zero && groups.size() > 1 && rng.percent(15);
    std::string body;
    std::size_t pos = first_cut;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const std::string digits = c.national.substr(pos, groups[g]);
      pos += groups[g];
      if (g == 0 && bracket_area) {
        body += "(" + digits + ")";
        body += rng.percent(85) ? " " : "";
        continue;
      }
      if (g > 0 && !(g == 1 && bracket_area)) body += mixed ? separator(rng, 94) : sep;
      body += digits;
    }
    c.written = head + body;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace postcheck::oracles
