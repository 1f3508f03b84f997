// email.cpp — email addresses (local@domain.tld), found from each '@' of the trigger pass.
// Linear: the local part is scanned back no further than the previous '@' or match, the domain
// forward no further than the next '@', so every code point is looked at a bounded number of times.
#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

bool is_local_char(char32_t c) {
  return is_ascii_alnum(c) || c == U'.' || c == U'_' || c == U'%' || c == U'+' || c == U'-' ||
         c == U'\'';
}
bool is_domain_char(char32_t c) { return is_ascii_alnum(c) || c == U'-' || c == U'.'; }

}  // namespace

void find_emails(Chars s, const Triggers& t, Matches& out) {
  std::size_t floor = 0;  // the local part never reaches back past this
  for (const std::size_t at_sign : t.at_signs) {
    std::size_t begin = at_sign;
    while (begin > floor && is_local_char(s[begin - 1])) --begin;
    // Trim what cannot start a local part ("…'bill@x.com" keeps bill).
    while (begin < at_sign && (s[begin] == U'.' || s[begin] == U'\'' || s[begin] == U'-')) ++begin;
    floor = at_sign + 1;
    if (begin == at_sign || s[at_sign - 1] == U'.') continue;
    if (begin > 0 && (is_word_char(s[begin - 1]) || s[begin - 1] == U'@')) continue;

    // Domain: labels of [A-Za-z0-9-] separated by single dots, the last one alphabetic, 2+ letters.
    std::size_t end = at_sign + 1;
    while (end < s.size() && is_domain_char(s[end])) ++end;
    while (end > at_sign + 1 && (s[end - 1] == U'.' || s[end - 1] == U'-')) --end;  // "x.com." ends a sentence
    if (end < s.size() && (is_word_char(s[end]) || s[end] == U'@')) continue;
    std::size_t dots = 0;
    bool label_ok = true;
    std::size_t label_begin = at_sign + 1;
    for (std::size_t i = at_sign + 1; i <= end; ++i) {
      if (i == end || s[i] == U'.') {
        if (i == label_begin || s[label_begin] == U'-' || s[i - 1] == U'-') label_ok = false;
        if (i < end) ++dots;
        label_begin = i + 1;
      }
    }
    if (!label_ok || dots == 0) continue;
    std::size_t tld = end;
    while (tld > at_sign && s[tld - 1] != U'.') --tld;
    bool alpha_tld = end - tld >= 2;
    for (std::size_t i = tld; i < end && alpha_tld; ++i) alpha_tld = is_ascii_alpha(s[i]);
    if (!alpha_tld) continue;

    emit(out, RecognizerKind::email, begin, end, to_utf8_lower(s, begin, end));
    floor = end;
  }
}

}  // namespace postcheck::recognizers
