// health_and_tax_ids.cpp — NHS numbers (10 digits, 3-3-4 or plain, modulus 11) and National
// Insurance numbers (two prefix letters with the HMRC rules, six digits, suffix A–D).
#include <string_view>

#include "recognizers/families.h"

namespace postcheck {

bool nhs_number_valid(std::string_view d) {
  if (d.size() != 10) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    if (d[i] < '0' || d[i] > '9') return false;
    if (i < 9) sum += (d[i] - '0') * static_cast<int>(10 - i);
  }
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == d[9] - '0';
}

bool ni_number_valid(std::string_view c) {
  if (c.size() != 9) return false;
  const auto upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
  const char a = c[0];
  const char b = c[1];
  if (!upper(a) || !upper(b)) return false;
  if (std::string_view("DFIQUV").find(a) != std::string_view::npos) return false;
  if (std::string_view("DFIOQUV").find(b) != std::string_view::npos) return false;
  for (std::string_view barred : {"BG", "GB", "NK", "KN", "NT", "TN", "ZZ"})
    if (c.substr(0, 2) == barred) return false;
  for (std::size_t i = 2; i < 8; ++i)
    if (c[i] < '0' || c[i] > '9') return false;
  return c[8] >= 'A' && c[8] <= 'D';
}

namespace recognizers {
namespace {

using namespace scan;

// The end of an NHS-number shape at `start` (10 plain digits, or 3-3-4 split by one space or one
// dash each time), or 0.
std::size_t nhs_shape_end(Chars s, std::size_t start) {
  const std::size_t run = digits_end(s, start) - start;
  if (run == 10) return start + 10;
  if (run != 3) return 0;
  const char32_t sep = at(s, start + 3);
  if (sep != U' ' && sep != U'-' && sep != 0xA0) return 0;
  if (digits_end(s, start + 4) != start + 7 || at(s, start + 7) != sep) return 0;
  if (digits_end(s, start + 8) != start + 12) return 0;
  return start + 12;
}

}  // namespace

void find_nhs_numbers(Chars s, const Triggers& t, Matches& out) {
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    if (!number_glued_before(s, i)) {
      const std::size_t end = nhs_shape_end(s, i);
      if (end != 0 && !number_glued_after(s, end)) {
        std::string digits = digits_of(s, i, end);
        if (nhs_number_valid(digits)) {
          emit(out, RecognizerKind::nhs_number, i, end, std::move(digits));
          resume = end;
        }
      }
    }
  }
}

void find_ni_numbers(Chars s, const Triggers& t, Matches& out) {
  // Prefix letters, optional space, six digits (optionally in spaced pairs), optional space, suffix.
  std::size_t resume = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < resume) continue;
    resume = run.end;
    std::size_t start = s.size();
    if (i >= 2 && is_ascii_alpha(s[i - 1]) && is_ascii_alpha(s[i - 2])) start = i - 2;
    else if (i >= 3 && s[i - 1] == U' ' && is_ascii_alpha(s[i - 2]) && is_ascii_alpha(s[i - 3])) start = i - 3;
    if (start < s.size() && !is_word_char(before(s, start)) && before(s, start) != U'@' &&
        before(s, start) != U'#') {
      std::string compact;
      compact.push_back(static_cast<char>(s[start]));
      compact.push_back(static_cast<char>(s[start + 1]));
      std::size_t p = i;
      bool ok = true;
      const std::size_t first = run.end - p;
      if (first == 6) {
        compact += digits_of(s, p, p + 6);
        p += 6;
      } else if (first == 2) {  // "91 21 03"
        for (int pair = 0; pair < 3 && ok; ++pair) {
          if (pair > 0) {
            ok = at(s, p) == U' ' && digits_end(s, p + 1) == p + 3;
            ++p;
          }
          if (ok) {
            compact += digits_of(s, p, p + 2);
            p += 2;
          }
        }
      } else {
        ok = false;
      }
      if (ok) {
        if (at(s, p) == U' ' && is_ascii_alpha(at(s, p + 1))) ++p;
        ok = is_ascii_alpha(at(s, p)) && !is_word_char(at(s, p + 1));
      }
      if (ok) {
        compact.push_back(static_cast<char>(s[p]));
        ++p;
        // All upper case, or all lower case; never "Xj…".
        bool has_lower = false;
        bool has_upper = false;
        for (char& c : compact) {
          has_lower = has_lower || (c >= 'a' && c <= 'z');
          has_upper = has_upper || (c >= 'A' && c <= 'Z');
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        }
        if (!(has_lower && has_upper) && ni_number_valid(compact)) {
          emit(out, RecognizerKind::ni_number, start, p, std::move(compact));
          resume = p;
        }
      }
    }
  }
}

}  // namespace recognizers
}  // namespace postcheck
