// registry.cpp — the recognizers' names (as written in policy files), recognize_all() (one trigger
// pass, then each wanted family over its triggers), and the canonical form of allowlist entries.
#include <array>
#include <string>

#include "recognizers/families.h"

namespace postcheck {
namespace {

using namespace recognizers;

constexpr std::array<std::string_view, kRecognizerCount> kNames = {
    "email",          "uk-phone",       "uk-postcode", "nhs-number",          "ni-number",
    "payment-card",   "bank-account",   "iban",        "date-of-birth",       "street-address",
    "url",            "shared-document-link",          "internal-link",       "credential",
    "api-key",        "person-name",    "initials",
};
static_assert(static_cast<std::size_t>(RecognizerKind::initials) + 1 == kRecognizerCount);

std::string lower_trimmed(std::u32string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && scan::is_space(s[b])) ++b;
  while (e > b && scan::is_space(s[e - 1])) --e;
  return scan::to_utf8_lower(s, b, e);
}

std::string trimmed(std::u32string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && scan::is_space(s[b])) ++b;
  while (e > b && scan::is_space(s[e - 1])) --e;
  return scan::to_utf8(s, b, e);
}

// Upper case with every space, dash and dot removed ("xj 91 21 03 c" -> "XJ912103C").
std::string compact_upper(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (scan::is_ascii_alnum(c)) {
      out.push_back(static_cast<char>(scan::to_upper(c)));
    } else if (!scan::is_space(c) && c != U'-' && c != U'.') {
      scan::append_utf8(out, c);
    }
  }
  return out;
}

}  // namespace

std::string_view recognizer_name(RecognizerKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < kNames.size() ? kNames[i] : std::string_view{};
}

std::optional<RecognizerKind> recognizer_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<RecognizerKind>(i);
  return std::nullopt;
}

void recognize_all(RecognizerSet wanted, const Text& text, std::vector<std::vector<RecognizerMatch>>& out) {
  if (out.size() < kRecognizerCount) out.resize(kRecognizerCount);
  const Chars s = text.chars();
  if (wanted.empty() || s.empty()) return;
  using K = RecognizerKind;
  const auto want = [&](K kind) { return wanted.contains(kind); };
  const auto list = [&](K kind) -> Matches& { return out[static_cast<std::size_t>(kind)]; };

  TriggerNeeds needs;
  for (K kind : {K::uk_phone, K::uk_postcode, K::nhs_number, K::ni_number, K::payment_card, K::bank_account,
                 K::iban, K::date_of_birth, K::street_address, K::api_key})
    needs.digit_runs = needs.digit_runs || want(kind);
  needs.at_signs = want(K::email);
  needs.link_marks = want(K::url) || want(K::shared_document_link) || want(K::internal_link);
  needs.keyword_words = want(K::credential);
  needs.capitalised_words = want(K::person_name) || want(K::initials);
  Triggers triggers;
  find_triggers(s, needs, triggers);

  if (want(K::email)) find_emails(s, triggers, list(K::email));
  if (want(K::uk_phone)) find_uk_phones(s, triggers, list(K::uk_phone));
  if (want(K::uk_postcode)) find_uk_postcodes(s, triggers, list(K::uk_postcode));
  if (want(K::nhs_number)) find_nhs_numbers(s, triggers, list(K::nhs_number));
  if (want(K::ni_number)) find_ni_numbers(s, triggers, list(K::ni_number));
  if (want(K::payment_card)) find_payment_cards(s, triggers, list(K::payment_card));
  if (want(K::bank_account)) find_bank_accounts(s, triggers, list(K::bank_account));
  if (want(K::iban)) find_ibans(s, triggers, list(K::iban));
  if (want(K::date_of_birth)) find_dates_of_birth(s, triggers, list(K::date_of_birth));
  if (want(K::street_address)) find_street_addresses(s, triggers, list(K::street_address));
  if (needs.link_marks)
    find_links(s, triggers, want(K::url) ? &list(K::url) : nullptr,
               want(K::shared_document_link) ? &list(K::shared_document_link) : nullptr,
               want(K::internal_link) ? &list(K::internal_link) : nullptr);
  if (want(K::credential)) find_credentials(s, triggers, list(K::credential));
  if (want(K::api_key)) find_api_keys(s, triggers, list(K::api_key));
  if (want(K::person_name)) find_person_names(s, triggers, list(K::person_name));
  if (want(K::initials)) find_initials(s, triggers, list(K::initials));
}

void recognize(RecognizerKind kind, const Text& text, std::vector<RecognizerMatch>& out) {
  RecognizerSet wanted;
  wanted.insert(kind);
  std::vector<std::vector<RecognizerMatch>> lists(kRecognizerCount);
  const auto k = static_cast<std::size_t>(kind);
  lists[k] = std::move(out);
  recognize_all(wanted, text, lists);
  out = std::move(lists[k]);
}

std::string canonical_value(RecognizerKind kind, std::string_view entry) {
  const std::u32string s = scan::decode_utf8(entry);
  switch (kind) {
    case RecognizerKind::email:
      return lower_trimmed(s);
    case RecognizerKind::uk_phone: {
      std::string national = phone_national_digits(s);
      return national.empty() ? scan::digits_of(s, 0, s.size()) : national;
    }
    case RecognizerKind::uk_postcode: {
      const std::string compact = compact_upper(s);
      if (compact.size() < 5 || compact.size() > 7) return compact;
      // Built by concatenation: g++ 12 -O2 warns falsely (-Wrestrict) on string::insert here.
      return compact.substr(0, compact.size() - 3) + ' ' + compact.substr(compact.size() - 3);
    }
    case RecognizerKind::nhs_number:
    case RecognizerKind::payment_card:
    case RecognizerKind::bank_account:
      return scan::digits_of(s, 0, s.size());
    case RecognizerKind::ni_number:
    case RecognizerKind::iban:
      return compact_upper(s);
    case RecognizerKind::date_of_birth: {
      std::string date = canonical_date(s);
      return date.empty() ? lower_trimmed(s) : date;
    }
    case RecognizerKind::street_address: {
      // Lower case with runs of spaces collapsed, like the matches' values.
      std::string out;
      bool pending_space = false;
      for (char32_t c : s) {
        if (scan::is_space(c)) {
          pending_space = !out.empty();
          continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        scan::append_utf8(out, scan::to_lower(c));
      }
      return out;
    }
    case RecognizerKind::url:
    case RecognizerKind::shared_document_link:
    case RecognizerKind::internal_link: {
      std::size_t b = 0;
      std::size_t e = s.size();
      while (b < e && scan::is_space(s[b])) ++b;
      while (e > b && scan::is_space(s[e - 1])) --e;
      return canonical_url(s, b, e);
    }
    case RecognizerKind::credential:
    case RecognizerKind::api_key:
      return trimmed(s);
    case RecognizerKind::person_name:
      return canonical_person_name(s);
    case RecognizerKind::initials: {
      // The letters of the first word, upper case: "M.H." and "m.h. from Dunstable" both read MH.
      std::string out;
      for (char32_t c : s) {
        if (scan::is_ascii_alpha(c)) out.push_back(static_cast<char>(scan::to_upper(c)));
        else if (scan::is_space(c) && !out.empty()) break;
      }
      return out;
    }
  }
  return trimmed(s);
}

namespace scan {

std::u32string decode_utf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto b0 = static_cast<unsigned char>(utf8[i]);
    std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    bool ok = len != 0 && i + len <= utf8.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(utf8[i + k]);
      ok = (b & 0xC0) == 0x80;
      c = (c << 6) | (b & 0x3F);
    }
    if (ok && (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (len == 2 && c < 0x80) ||
               (len == 3 && c < 0x800) || (len == 4 && c < 0x10000)))
      ok = false;
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
    } else {
      out.push_back(c);
      i += len;
    }
  }
  return out;
}

}  // namespace scan
}  // namespace postcheck
