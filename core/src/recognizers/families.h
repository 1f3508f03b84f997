// families.h — the recognizer families behind recognize() (internal). Each find_* scans the whole
// text once, in linear time, and appends its matches in text order; registry.cpp dispatches to them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "postcheck/recognizers.h"
#include "recognizers/scan.h"

namespace postcheck::recognizers {

using Matches = std::vector<RecognizerMatch>;
using scan::Chars;

void find_emails(Chars s, Matches& out);                // email.cpp
void find_uk_phones(Chars s, Matches& out);             // uk_phone.cpp
void find_uk_postcodes(Chars s, Matches& out);          // uk_postcode.cpp
void find_nhs_numbers(Chars s, Matches& out);           // health_and_tax_ids.cpp
void find_ni_numbers(Chars s, Matches& out);            // health_and_tax_ids.cpp
void find_payment_cards(Chars s, Matches& out);         // payment.cpp
void find_bank_accounts(Chars s, Matches& out);         // payment.cpp
void find_ibans(Chars s, Matches& out);                 // payment.cpp
void find_dates_of_birth(Chars s, Matches& out);        // date_of_birth.cpp
void find_street_addresses(Chars s, Matches& out);      // street_address.cpp
void find_links(RecognizerKind kind, Chars s, Matches& out);  // links.cpp: url, shared-document, internal
void find_credentials(Chars s, Matches& out);           // secrets.cpp
void find_api_keys(Chars s, Matches& out);              // secrets.cpp

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

}  // namespace postcheck::recognizers
