// uk_phone_oracle_test.cpp — our uk-phone recognizer against Google's libphonenumber over 100,000
// generated written numbers. The oracle is "a reader would take this for a UK phone number":
// libphonenumber parses the text for region GB to country code 44 and IsPossibleNumber holds. (Its
// IsValidNumber is not the oracle: it rejects Ofcom's drama ranges, 07700 900xxx and 01632 960xxx,
// which any reader takes for real numbers and which we must flag.) Every deliberate difference is a
// named class below with its reason; any other disagreement fails the test.
#include <doctest/doctest.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "phone_candidates.h"
#include "postcheck/recognizers.h"
#include "postcheck/text.h"

using namespace postcheck;
using namespace postcheck::oracles;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

constexpr std::uint64_t kSeed = 20240611;
constexpr std::size_t kCandidates = 100000;

struct LibphonenumberVerdict {
  bool possible = false;  // parsed for GB to country code 44 and IsPossibleNumber holds (the oracle)
  bool valid = false;     // IsValidNumber, for the record
  PhoneNumberUtil::PhoneNumberType type = PhoneNumberUtil::UNKNOWN;
  std::string national;   // "0" + the national significant number
};

LibphonenumberVerdict ask_libphonenumber(const std::string& written) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  LibphonenumberVerdict v;
  PhoneNumber number;
  if (util.Parse(written, "GB", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return v;
  if (number.country_code() != 44) return v;
  v.possible = util.IsPossibleNumber(number);
  v.valid = util.IsValidNumber(number);
  v.type = util.GetNumberType(number);
  std::string nsn;
  util.GetNationalSignificantNumber(number, &nsn);
  v.national = "0" + nsn;
  return v;
}

struct OurVerdict {
  bool whole = false;  // one uk-phone match covering the whole written form
  std::string value;   // its canonical value (the national digits)
};

OurVerdict ask_postcheck(const std::string& written) {
  const Text text = Text::from_utf8(written);
  std::vector<RecognizerMatch> matches;
  recognize(RecognizerKind::uk_phone, text, matches);
  OurVerdict v;
  if (matches.size() == 1 && matches[0].begin == 0 && matches[0].end == text.size()) {
    v.whole = true;
    v.value = matches[0].value;
  }
  return v;
}

// The differences we explain: deliberate ones, each with the reason we differ on purpose, and known
// gaps of the recognizer (reported, not deliberate), pinned by the should_fail test below.
enum class Difference {
  bare_digit_run,
  short_number,
  unallocated_range,
  gap_spaced_separators,
};

bool deliberate(Difference d) { return d != Difference::gap_spaced_separators; }

const char* describe(Difference d) {
  switch (d) {
    case Difference::bare_digit_run:
      return "bare digit run (no trunk 0, +44 or 0044): libphonenumber reads any digits as a GB number; "
             "in a post they are as likely an order, reference or account number";
    case Difference::short_number:
      return "fewer than 10 national digits (0800 1111, local numbers without the area code): possible "
             "by length, but short runs starting 0 are mostly not phones, and the few real ones are "
             "public helplines";
    case Difference::unallocated_range:
      return "outside Ofcom's numbering plan (04, 06, unused 02x/03x/05x/08x/09x ranges): "
             "IsPossibleNumber checks length only; libphonenumber's own IsValidNumber rejects these too";
    case Difference::gap_spaced_separators:
      return "KNOWN GAP, not deliberate: groups split by two spaces or ' - ' (\"0161  496  0665\", "
             "\"07700 - 900123\") are not read as one number";
  }
  return "";
}

bool has_spaced_separator(const std::string& written) {
  return written.find("  ") != std::string::npos || written.find(" - ") != std::string::npos;
}

// Which class explains a disagreement, if any. We never flag what the oracle does not.
std::optional<Difference> explain(const PhoneCandidate& c, const LibphonenumberVerdict& lib,
                                  const OurVerdict& ours) {
  if (!lib.possible || ours.whole) return std::nullopt;
  if (c.prefix == PhonePrefix::bare) return Difference::bare_digit_run;
  if (lib.national.size() < 10) return Difference::short_number;
  if (!uk_phone_plausible(lib.national)) {
    if (lib.type == PhoneNumberUtil::UNKNOWN && !in_drama_range(lib.national)) return Difference::unallocated_range;
    return std::nullopt;  // a number libphonenumber knows (or a drama number) outside our plan: a bug
  }
  if (has_spaced_separator(c.written)) return Difference::gap_spaced_separators;
  return std::nullopt;
}

}  // namespace

TEST_CASE("uk-phone agrees with libphonenumber on 100,000 written numbers") {
  const std::vector<PhoneCandidate> candidates = generate_phone_candidates(kSeed, kCandidates);
  REQUIRE(candidates.size() == kCandidates);

  std::size_t agree = 0;
  std::size_t oracle_yes = 0;
  std::size_t ours_yes = 0;
  std::size_t drama = 0;
  std::size_t drama_invalid_for_libphonenumber = 0;
  std::size_t drama_flagged = 0;
  std::size_t drama_missed = 0;  // written with a trunk 0 or +44 / 0044 in a shape we read, yet not flagged
  std::map<Difference, std::size_t> explained;
  std::vector<std::string> unexplained;
  std::size_t unexplained_count = 0;

  for (const PhoneCandidate& c : candidates) {
    const LibphonenumberVerdict lib = ask_libphonenumber(c.written);
    const OurVerdict ours = ask_postcheck(c.written);
    oracle_yes += lib.possible;
    ours_yes += ours.whole;
    if (c.drama && lib.possible) {
      ++drama;
      drama_invalid_for_libphonenumber += !lib.valid;
      drama_flagged += ours.whole;
      drama_missed += !ours.whole && c.prefix != PhonePrefix::bare && !has_spaced_separator(c.written);
    }
    if (lib.possible == ours.whole) {
      ++agree;
      // Both flag it: our canonical value must be the national number libphonenumber read.
      if (ours.whole && ours.value != lib.national) {
        ++unexplained_count;
        if (unexplained.size() < 40)
          unexplained.push_back("\"" + c.written + "\": value " + ours.value + ", libphonenumber " + lib.national);
      }
      continue;
    }
    if (const auto why = explain(c, lib, ours)) {
      ++explained[*why];
      continue;
    }
    ++unexplained_count;
    if (unexplained.size() < 40)
      unexplained.push_back("\"" + c.written + "\": ours " + (ours.whole ? "flags" : "does not flag") +
                            ", libphonenumber " + (lib.possible ? "possible " : "not possible ") +
                            lib.national + (lib.valid ? " (valid)" : " (not valid)"));
  }

  std::size_t deliberate_total = 0;
  std::size_t gaps_total = 0;
  for (const auto& [kind, n] : explained) (deliberate(kind) ? deliberate_total : gaps_total) += n;
  const std::size_t comparable = candidates.size() - deliberate_total;
  std::printf("uk-phone vs libphonenumber: %zu candidates (%zu possible UK numbers, %zu flagged by us), %.2f%% agree; "
              "%zu deliberate differences; outside them %.2f%% agree (%zu known-gap, %zu unexplained)\n",
              candidates.size(), oracle_yes, ours_yes, 100.0 * double(agree) / double(candidates.size()),
              deliberate_total, 100.0 * double(agree) / double(comparable), gaps_total, unexplained_count);
  for (const auto& [kind, n] : explained) std::printf("  %6zu  %s\n", n, describe(kind));
  std::printf("  drama-range candidates: %zu, of which libphonenumber's IsValidNumber rejects %zu; "
              "we flag %zu (%zu missed in shapes we read; the rest are bare runs or known-gap shapes)\n",
              drama, drama_invalid_for_libphonenumber, drama_flagged, drama_missed);
  for (const std::string& u : unexplained) std::printf("  UNEXPLAINED %s\n", u.c_str());

  CHECK(unexplained_count == 0);
  CHECK(drama_missed == 0);
  // The candidate mix must keep both sides busy: plenty of numbers each side flags.
  CHECK(oracle_yes > kCandidates / 2);
  CHECK(ours_yes > kCandidates / 3);
  CHECK(drama_invalid_for_libphonenumber > 0);
}

// The known gap above, pinned: when the recognizer learns these shapes this test starts failing
// (should_fail), and the gap class and this test are to be removed.
TEST_CASE("groups split by two spaces or ' - ' (once a known gap)") {
  for (const std::string written : {"0161  496  0665", "07700 - 900123", "+44 7700  900123", "(020) 7946 - 0000"}) {
    CAPTURE(written);  // libphonenumber takes each for a possible UK number (the test above checks that class)
    CHECK(ask_postcheck(written).whole);
  }
}
