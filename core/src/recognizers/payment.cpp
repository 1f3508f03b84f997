// payment.cpp — payment cards (13–19 digits, Luhn), UK bank accounts (a sort code with an 8-digit
// account number a few words away; the span covers both) and IBANs (country length, mod 97).
#include <algorithm>
#include <array>
#include <string_view>

#include "recognizers/families.h"

namespace postcheck {

bool luhn_valid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    if (digits[i] < '0' || digits[i] > '9') return false;
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

namespace {

struct IbanLength {
  std::string_view country;
  std::size_t length;
};
// The IBAN registry's lengths for the countries people in the UK are likely to write.
constexpr std::array<IbanLength, 40> kIbanLengths = {{
    {"AD", 24}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
    {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GI", 23},
    {"GL", 18}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IS", 26}, {"IT", 27}, {"LI", 21},
    {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28},
    {"PT", 25}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"TR", 26}, {"VA", 22},
}};

}  // namespace

bool iban_valid(std::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!upper(iban[0]) || !upper(iban[1]) || !digit(iban[2]) || !digit(iban[3])) return false;
  for (const IbanLength& known : kIbanLengths)
    if (iban.substr(0, 2) == known.country && iban.size() != known.length) return false;
  // Move the first four characters to the end, letters as 10..35, and take the remainder mod 97.
  unsigned remainder = 0;
  for (std::size_t k = 0; k < iban.size(); ++k) {
    const char c = iban[(k + 4) % iban.size()];
    if (digit(c)) {
      remainder = (remainder * 10 + unsigned(c - '0')) % 97;
    } else if (upper(c)) {
      remainder = (remainder * 100 + unsigned(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

namespace recognizers {
namespace {

using namespace scan;

// The end of a card-number shape at `start`: 13–19 plain digits, groups of four (the last 1–4)
// split by one consistent space or dash, or the 4-6-5 / 4-6-4 Amex and Diners layouts; else 0.
std::size_t card_shape_end(Chars s, std::size_t start) {
  const std::size_t first = digits_end(s, start) - start;
  if (first >= 13 && first <= 19) return start + first;
  if (first != 4) return 0;
  const char32_t sep = at(s, start + 4);
  if (sep != U' ' && sep != U'-' && sep != 0xA0) return 0;
  std::array<std::size_t, 6> groups{};
  std::size_t count = 0;
  std::size_t total = 0;
  std::size_t p = start;
  std::size_t end = start;
  while (count < groups.size()) {
    const std::size_t len = digits_end(s, p) - p;
    if (len == 0) break;
    groups[count++] = len;
    total += len;
    end = p + len;
    if (at(s, end) == sep && is_digit(at(s, end + 1))) p = end + 1;
    else break;
  }
  if (total < 13 || total > 19) return 0;
  bool fours = true;
  for (std::size_t k = 0; k + 1 < count; ++k) fours = fours && groups[k] == 4;
  fours = fours && groups[count - 1] >= 1 && groups[count - 1] <= 4;
  const bool amex = count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4);
  return fours || amex ? end : 0;
}

}  // namespace

void find_payment_cards(Chars s, const Triggers& t, Matches& out) {
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    // Issuer digits 2–6 (Mastercard, Amex/Diners/JCB, Visa, Discover/Maestro/UnionPay): other
    // leading digits are loyalty, fuel and airline cards nobody mistakes for a bank card.
    // A run that continues earlier groups ("… 1234 4111 …") is not a card start either.
    const bool inside_run = i >= 2 && (s[i - 1] == U' ' || s[i - 1] == U'-') && is_digit(s[i - 2]);
    if (s[i] >= U'2' && s[i] <= U'6' && !number_glued_before(s, i) && !inside_run) {
      const std::size_t end = card_shape_end(s, i);
      if (end != 0 && !number_glued_after(s, end)) {
        std::string digits = digits_of(s, i, end);
        if (luhn_valid(digits)) {
          emit(out, RecognizerKind::payment_card, i, end, std::move(digits));
          resume = end;
        }
      }
    }
  }
}

namespace {

// Where "sort code" / "sortcode" starts when it is written within two words before `start`.
std::optional<std::size_t> sort_code_label(Chars s, std::size_t start, std::size_t floor) {
  floor = std::max(floor, start > 40 ? start - 40 : std::size_t{0});
  Word w = prev_word(s, start, floor);
  for (int k = 0; k < 3 && !w.empty(); ++k) {
    if (word_is(s, w, "sortcode")) return w.begin;
    if (word_is(s, w, "code")) {
      const Word sort = prev_word(s, w.begin, floor);
      if (!sort.empty() && word_is(s, sort, "sort")) return sort.begin;
      return std::nullopt;
    }
    w = prev_word(s, w.begin, floor);
  }
  return std::nullopt;
}

bool after_sort_code(Chars s, std::size_t start) { return sort_code_label(s, start, 0).has_value(); }

// A sort code at `start`: "20-45-77", or "20 45 77" / "204577" right after "sort code". Its end or 0.
std::size_t sort_code_end(Chars s, std::size_t start) {
  if (digits_end(s, start) == start + 6) return after_sort_code(s, start) ? start + 6 : 0;
  if (digits_end(s, start) != start + 2) return 0;
  const char32_t sep = at(s, start + 2);
  if (sep != U'-' && !((sep == U' ' || sep == 0xA0) && after_sort_code(s, start))) return 0;
  if (digits_end(s, start + 3) != start + 5 || at(s, start + 5) != sep) return 0;
  if (digits_end(s, start + 6) != start + 8) return 0;
  return start + 8;
}

bool is_account_number(Chars s, std::size_t i) {
  return is_digit(at(s, i)) && digits_end(s, i) == i + 8 && !number_glued_before(s, i) && !number_glued_after(s, i + 8);
}

}  // namespace

void find_bank_accounts(Chars s, const Triggers& t, Matches& out) {
  constexpr int kWindowWords = 4;  // words allowed between the sort code and the account number
  std::size_t done = 0;
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    const std::size_t code_end = number_glued_before(s, i) ? 0 : sort_code_end(s, i);
    if (code_end != 0 && !number_glued_after(s, code_end)) {
      std::size_t begin = 0;
      std::size_t end = 0;
      std::size_t account = 0;
      // The account number after the sort code ("sort code 20-45-77 account 41028833") …
      Word w = next_word(s, code_end, s.size());
      for (int k = 0; k <= kWindowWords && !w.empty(); ++k) {
        if (is_account_number(s, w.begin) && w.end == w.begin + 8) {
          begin = i;
          end = w.end;
          account = w.begin;
          break;
        }
        w = next_word(s, w.end, s.size());
      }
      // … or before it ("account 41028833, sort code 20-45-77").
      if (end == 0) {
        w = prev_word(s, i, done);
        for (int k = 0; k <= kWindowWords && !w.empty(); ++k) {
          if (w.end == w.begin + 8 && is_account_number(s, w.begin)) {
            begin = w.begin;
            end = code_end;
            account = w.begin;
            break;
          }
          w = prev_word(s, w.begin, done);
        }
      }
      if (end != 0) {
        // "sort code 20-45-77 …": the span starts at the label when it is written before the code.
        if (begin == i)
          if (auto label = sort_code_label(s, i, done)) begin = *label;
        std::string value = digits_of(s, i, code_end);
        value += digits_of(s, account, account + 8);
        emit(out, RecognizerKind::bank_account, begin, end, std::move(value));
        done = end;
        resume = end;
      } else {
        resume = code_end;
      }
    }
  }
}

void find_ibans(Chars s, const Triggers& t, Matches& out) {
  // Country letters, two check digits, then the account: compact, or in groups of four.
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    const std::size_t start = i >= 2 ? i - 2 : s.size();
    if (start < s.size() && is_upper(s[start]) && is_upper(s[start + 1]) && is_digit(at(s, i + 1)) &&
        !is_word_char(before(s, start)) && before(s, start) != U'/' && before(s, start) != U'#') {
      std::string compact;
      std::size_t p = start;
      std::size_t end = start;
      const auto group_end = [&](std::size_t q) {
        while (q < s.size() && (is_upper(s[q]) || is_digit(s[q]))) ++q;
        return q;
      };
      std::size_t g = group_end(p);
      if (g - p > 4) {
        end = g;
        for (std::size_t q = p; q < g; ++q) compact.push_back(static_cast<char>(s[q]));
      } else if (g - p == 4) {
        while (true) {
          for (std::size_t q = p; q < g; ++q) compact.push_back(static_cast<char>(s[q]));
          end = g;
          if (g - p < 4 || compact.size() >= 34 || at(s, g) != U' ') break;
          const std::size_t next = group_end(g + 1);
          if (next == g + 1 || next - (g + 1) > 4) break;
          p = g + 1;
          g = next;
        }
      }
      if (!compact.empty() && !is_word_char(at(s, end)) && iban_valid(compact)) {
        emit(out, RecognizerKind::iban, start, end, std::move(compact));
        resume = end;
      }
    }
  }
}

}  // namespace recognizers
}  // namespace postcheck
