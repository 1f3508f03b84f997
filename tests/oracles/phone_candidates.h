// phone_candidates.h — UK phone numbers as people write them, for the libphonenumber oracle:
// real and reserved (drama) ranges, unused prefixes, wrong lengths and bare digit runs, written with
// +44 / 0044 / +44 (0) / a trunk 0, in the usual groupings or odd ones, with spaces, dashes, dots
// or brackets. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace postcheck::oracles {

// How the start of the number was written.
enum class PhonePrefix {
  trunk_zero,         // "07700 900123"
  plus44,             // "+44 7700 900123"
  plus44_bracket0,    // "+44 (0) 7700 900123", "+44(0)7700900123"
  plus44_trunk_zero,  // "+44 07700 900123": the trunk 0 written anyway
  double_zero44,      // "0044 7700 900123"
  bare,               // "7700 900123", "44 7700 900123": no trunk 0, no + or 00
};

struct PhoneCandidate {
  std::string written;   // the text a person typed
  std::string national;  // the digits generated, as dialled nationally ("0" first unless bare)
  PhonePrefix prefix;
  bool drama;            // in one of Ofcom's ranges reserved for TV and radio
};

// `count` candidates from `seed`; the same arguments always give the same list.
std::vector<PhoneCandidate> generate_phone_candidates(std::uint64_t seed, std::size_t count);

// True when `national` ("0…") lies in one of Ofcom's drama ranges (07700 900xxx, 01632 960xxx,
// 020 7946 0xxx, 0113–0191 496/498 0xxx, …).
bool in_drama_range(const std::string& national);

}  // namespace postcheck::oracles
