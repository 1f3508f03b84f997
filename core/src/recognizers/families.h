// families.h — the recognizer families behind recognize_all() (internal). Each find_* looks only at
// the trigger positions its matches must hold (triggers.h), in linear time overall, and appends its
// matches in text order; registry.cpp runs the trigger pass once and dispatches to them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "postcheck/recognizers.h"
#include "recognizers/scan.h"
#include "recognizers/triggers.h"

namespace postcheck::recognizers {

using Matches = std::vector<RecognizerMatch>;
using scan::Chars;

// Each family is kept out of line (PC_RECOGNIZER_FAMILY): inlined, they made recognize_all() one 40 KB
// WebAssembly function, which V8 optimises as a whole (86 ms of compiling, during the first check);
// apart, only the families a post keeps busy are optimised, each quickly.
#define PC_RECOGNIZER_FAMILY [[gnu::noinline]]

PC_RECOGNIZER_FAMILY void find_emails(Chars s, const Triggers& t, Matches& out);            // email.cpp: from '@'
PC_RECOGNIZER_FAMILY void find_uk_phones(Chars s, const Triggers& t, Matches& out);         // uk_phone.cpp: from digit runs
PC_RECOGNIZER_FAMILY void find_uk_postcodes(Chars s, const Triggers& t, Matches& out);      // uk_postcode.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_nhs_numbers(Chars s, const Triggers& t, Matches& out);       // health_and_tax_ids.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_ni_numbers(Chars s, const Triggers& t, Matches& out);        // health_and_tax_ids.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_payment_cards(Chars s, const Triggers& t, Matches& out);     // payment.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_bank_accounts(Chars s, const Triggers& t, Matches& out);     // payment.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_ibans(Chars s, const Triggers& t, Matches& out);             // payment.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_dates_of_birth(Chars s, const Triggers& t, Matches& out);    // date_of_birth.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_street_addresses(Chars s, const Triggers& t, Matches& out);  // street_address.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_credentials(Chars s, const Triggers& t, Matches& out);       // secrets.cpp: keyword words
PC_RECOGNIZER_FAMILY void find_api_keys(Chars s, const Triggers& t, Matches& out);          // secrets.cpp: digit runs
PC_RECOGNIZER_FAMILY void find_person_names(Chars s, const Triggers& t, Matches& out);      // person_name.cpp: capitalised words
PC_RECOGNIZER_FAMILY void find_initials(Chars s, const Triggers& t, Matches& out);          // initials.cpp: capitalised words

// links.cpp, from '.', ':' and '\': each link is parsed once and appended to every list that wants
// it (null: not wanted) — any URL, shared-document links, internal links.
PC_RECOGNIZER_FAMILY void find_links(Chars s, const Triggers& t, Matches* urls, Matches* shared_documents, Matches* internal);

// Whether the word at word_begin is one a credential keyword can start from (secrets.cpp: its first
// word list), so that find_credentials() parses only those. Precondition: the word's first three
// letters pass credential_keyword_prefix() below (the trigger pass tests that first, inline).
bool may_be_credential_keyword(Chars s, std::size_t word_begin);

// The first three letters (lower case; 0 past the word) of every word a credential keyword can start
// from: "pas", "pw", "pin", "otp", "cod", "cre", "key", "log", "use" (secrets.cpp checks the list
// against it when compiling). Inline, so that the trigger pass rules out most words without a call.
inline constexpr bool credential_keyword_prefix(char32_t a, char32_t b, char32_t c) {
  switch (a) {
    case U'p': return (b == U'a' && c == U's') || b == U'w' || (b == U'i' && c == U'n');
    case U'o': return b == U't' && c == U'p';
    case U'c': return (b == U'o' && c == U'd') || (b == U'r' && c == U'e');
    case U'k': return b == U'e' && c == U'y';
    case U'l': return b == U'o' && c == U'g';
    case U'u': return b == U's' && c == U'e';
    default: return false;
  }
}

// A postcode written at `begin` (outward, optional space, inward; all upper or all lower case):
// its end, and the canonical "SG18 0AW" in `value`. Used by the street-address recognizer too.
std::optional<std::size_t> postcode_at(Chars s, std::size_t begin, std::string* value);

// National digits ("07700900283") of a phone number written in any shape, or "" if none.
std::string phone_national_digits(Chars s);

// Canonical URL for allowlists: lower case, without scheme, "www." and trailing "/".
std::string canonical_url(Chars s, std::size_t begin, std::size_t end);

// Canonical date "yyyy-mm-dd" (or "yy-mm-dd" when written with two-digit years) of the first
// date in s, or "" if none.
std::string canonical_date(Chars s);

// Canonical person name for allowlists: the name without its title or possessive, lower case, single
// spaces ("Mr. Ahmed  Rafiq’s" -> "ahmed rafiq").
std::string canonical_person_name(Chars s);

}  // namespace postcheck::recognizers
