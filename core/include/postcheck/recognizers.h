// recognizers.h — find identifiers and secrets in a Text by shape AND validation: a shape that fails
// its check (a checksum, the numbering plan, the postcode format) is not a match.
// Contract: recognizers are linear in the text (one shared trigger pass, then each looks only at its
// trigger positions), use no std::regex, allocate only for their results and the trigger lists, and
// report spans in code point indices of the Text. No I/O, no globals.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "postcheck/text.h"

namespace postcheck {

enum class RecognizerKind : std::uint8_t {
  email,                 // local@domain.tld
  uk_phone,              // UK numbers in every numbering-plan shape: +44 / 0044 / 0…, (0), spaces, dashes, brackets
  uk_postcode,           // full UK postcode format, outward + inward ("SG18 0AW", "LU1 2NG")
  nhs_number,            // 10 digits in any grouping, modulus 11 check
  ni_number,             // National Insurance number with the prefix rules, suffix A–D
  payment_card,          // 13–19 digits, Luhn
  bank_account,          // sort code (nn-nn-nn) with an 8-digit account number near it
  iban,                  // IBAN, mod 97
  date_of_birth,         // a date with birth/DOB/born/birthday/aged context
  street_address,        // house number + street name + street word ("4 Mill Lane")
  url,                   // any URL
  shared_document_link,  // SharePoint, OneDrive (1drv.ms), Google Docs/Drive, Dropbox, Box links
  internal_link,         // intranet hosts: *.local, *.internal, *.lan, intranet.*, private IPs
  credential,            // "password is X", "password: X", "PIN 1234", "login: user / pass", one-time / 2FA / verification codes
  api_key,               // API-key-like tokens: AKIA…, sk_live_…, long mixed-case/digit secrets, hex keys with -usNN
  person_name,           // a title and a name ("Mrs Okonkwo", "Dr. Patel"), two capitalised words inside a sentence
                         // that are not a place or organisation ("Doreen Blackwell"), a name with an age ("Kofi is 11")
  initials,              // a person's initials: 2–3 capitals each with a dot, the last optional ("M.H.", "J.B"),
                         // not abbreviations ("U.K.", "N.H.S.", "P.M."); "M.H. from Dunstable" spans the town
};

inline constexpr std::size_t kRecognizerCount = 17;

// A set of recognizer kinds, e.g. the ones a policy uses.
class RecognizerSet {
 public:
  constexpr void insert(RecognizerKind kind) { bits_ |= bit(kind); }
  constexpr bool contains(RecognizerKind kind) const { return (bits_ & bit(kind)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  static constexpr RecognizerSet all() {
    RecognizerSet set;
    set.bits_ = (std::uint32_t{1} << kRecognizerCount) - 1;
    return set;
  }

 private:
  static constexpr std::uint32_t bit(RecognizerKind kind) {
    return std::uint32_t{1} << static_cast<unsigned>(kind);
  }
  std::uint32_t bits_ = 0;
};

// The policy-file name of each kind ("uk-phone", "shared-document-link", …) and back.
std::string_view recognizer_name(RecognizerKind kind);
std::optional<RecognizerKind> recognizer_from_name(std::string_view name);

// One match: code points [begin, end) of the Text. `value` holds the canonical form used for
// allowlists (digits only for numbers, lower-case for emails/URLs, the postcode upper-case with one space).
struct RecognizerMatch {
  RecognizerKind kind;
  std::uint32_t begin;
  std::uint32_t end;
  std::string value;
};

// Runs every recognizer in `wanted` over `text`, appending kind k's matches to out[k] in text order
// (`out` grows to kRecognizerCount lists if shorter). The text is read once to find the positions any
// wanted recognizer can start from; each then looks only there. Linear in the text.
void recognize_all(RecognizerSet wanted, const Text& text, std::vector<std::vector<RecognizerMatch>>& out);

// Runs one recognizer over `text`, appending matches in text order (recognize_all with one kind).
void recognize(RecognizerKind kind, const Text& text, std::vector<RecognizerMatch>& out);

// Canonical form of an allowlist entry for `kind` (same as RecognizerMatch::value), so that
// "01234 567 890" and "01234567890" compare equal.
std::string canonical_value(RecognizerKind kind, std::string_view entry);

// Validators, exposed for the tests and the differential oracles.
bool nhs_number_valid(std::string_view ten_digits);   // weights 10..2, check = 11 - sum mod 11, 11->0, 10 invalid
bool luhn_valid(std::string_view digits);
bool iban_valid(std::string_view iban_compact);       // upper-case, no spaces
bool ni_number_valid(std::string_view compact);       // "AB123456C"
bool uk_postcode_valid(std::string_view compact);     // "SG180AW"
// digits: as dialled nationally, "0" first ("07700900283"); true when a reader would take it for a UK number.
bool uk_phone_plausible(std::string_view national_digits);

}  // namespace postcheck
