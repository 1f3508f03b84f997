// secrets.cpp — credentials ("My password is Summer2024", "login: user / Pa55word!", "2FA code?
// Mine's 481 203") and API-key-like tokens (AWS, Stripe, GitHub, Slack, Google, JWT, Mailchimp,
// long random mixed-case tokens).
// A credential is a keyword, then within a few words of the same sentence "is" / ":" / "=" / "-" / "(" /
// "changed to", then a value that looks like a secret; talk about passwords ("we will never ask for your
// password", "Password managers are a game changer") has no such value and is not a match. A few
// keywords take a secret-looking value with no delimiter ("password Sunflower!88", "pass Sunflower7").
#include <algorithm>
#include <array>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

// What the keyword guards decides what its value may look like.
enum class Guard : std::uint8_t {
  password,  // any secret-looking value, including 4+ digits
  code,      // PINs and one-time codes: 4–8 digits ("481 203"), or letters mixed with digits
  login,     // a "user / password" pair
};

struct Keyword {
  std::size_t begin;
  std::size_t end;
  Guard guard;
  // Where its value may be. The default: after a delimiter a few words on, or (for a password) a
  // secret-looking token straight after the keyword.
  enum class ValueAt : std::uint8_t {
    delimiter_or_next,
    own_delimiter_first,  // the keyword carries its own "is", tried first: "the password's X"
    next_only,            // only straight after it: "pass Sunflower7"
    delimiter_only,       // only after "is" / ":" …: "pw is …", never "pw Foo1"
  } value_at = ValueAt::delimiter_or_next;
};

// "£83.30 pw", "20 hrs pw": a number, a unit of time or a £ just before "pw" makes it "per week".
bool per_week_context(Chars s, Word w) {
  const std::size_t from = w.begin > 12 ? w.begin - 12 : 0;
  for (std::size_t i = from; i < w.begin; ++i)
    if (s[i] == U'£') return true;
  const Word before = prev_word(s, w.begin, from);
  if (before.empty()) return false;
  return is_digit(s[before.end - 1]) ||
         word_is_any(s, before, {"hrs", "hours", "hr", "h", "days", "shifts", "sessions", "visits", "mins", "miles"});
}

constexpr int kMaxWordsToDelimiter = 5;
// A code's keyword is specific enough to wait longer for its "is": "door code for the back entrance
// at the Kempston office is 2580#", "keysafe code for the respite flat?? found it in the group chat,
// it's 4417" (the value must still be a code: 4-8 digits, or letters with digits).
constexpr int kMaxWordsToCodeDelimiter = 14;
constexpr int kMaxWordsToLoginDelimiter = 12;

// Qualifiers that make "code" a secret: "verification code", "2FA code", "door code", …
bool is_code_qualifier(Chars s, Word w) {
  return word_is_any(s, w, {"verification", "2fa", "mfa", "otp", "security", "access", "auth", "authentication",
                          "authenticator", "login", "door", "alarm", "keysafe", "entry", "confirmation"});
}

// "code from the text", "code in my email", "code on the app", "the code it texted me": where a one-time
// code came from makes a bare "code" a secret. The end of that phrase after the word ending at `from`, or 0.
std::size_t code_source_end(Chars s, std::size_t from) {
  Word w = next_word(s, from, std::min(s.size(), from + 2));
  if (!w.empty() && word_is(s, w, "it")) {  // a system's one-time code, not a discount code someone sent
    const Word sent = next_word(s, w.end, std::min(s.size(), w.end + 2));
    if (!sent.empty() && word_is_any(s, sent, {"texted", "sent", "emailed"})) {
      const Word me = next_word(s, sent.end, std::min(s.size(), sent.end + 2));
      if (!me.empty() && word_is(s, me, "me")) return me.end;
    }
  }
  if (w.empty() || !word_is_any(s, w, {"from", "in", "on", "via", "by"})) return 0;
  Word n = next_word(s, w.end, std::min(s.size(), w.end + 2));
  if (!n.empty() && word_is_any(s, n, {"the", "my", "your", "a", "their", "his", "her"}))
    n = next_word(s, n.end, std::min(s.size(), n.end + 2));
  if (n.empty() || !word_is_any(s, n, {"text", "texts", "sms", "message", "email", "app", "authenticator"})) return 0;
  return n.end;
}

// Every word keyword_at() can start from, the possessive ones as their stem: find_credentials()
// looks only at these, so a word that keyword_at() accepts must be listed here too.
constexpr auto kKeywordWords = std::to_array<std::string_view>({
    "password", "passwords", "passcode", "passwd", "pwd", "passphrase", "pw", "pass", "pin", "otp", "code",
    "codes", "keypad", "keysafe", "key", "login", "logins", "username", "credentials", "log", "user"});
constexpr auto kPossessiveKeywords = std::to_array<std::string_view>({"password", "passcode", "pin"});

// The keyword starting with word w, if it is one.
std::optional<Keyword> keyword_at(Chars s, Word w, std::size_t floor) {
  if (word_is_any(s, w, {"password", "passwords", "passcode", "passwd", "pwd", "passphrase"}))
    return Keyword{w.begin, w.end, Guard::password};
  // "pw is Sunflower!88", but not "£83.30 pw" or "20 hrs pw - £11.44/hr" (per week).
  if (word_is(s, w, "pw")) {
    if (per_week_context(s, w)) return std::nullopt;
    return Keyword{w.begin, w.end, Guard::password, Keyword::ValueAt::delimiter_only};
  }
  // "user jwalker pass Sunflower7": "pass" is a keyword only with a secret-looking value straight after
  // it (find_credentials' no-delimiter case), never for "bus pass" or "pass it on".
  if (word_is(s, w, "pass")) {
    const Word before = prev_word(s, w.begin, std::max(floor, w.begin > 16 ? w.begin - 16 : std::size_t{0}));
    if (!before.empty() && before.end + 1 == w.begin &&
        word_is_any(s, before, {"day", "bus", "train", "rail", "season", "boarding", "free", "visitor", "visitors",
                                "parking", "car", "guest", "hall", "weekly", "monthly", "annual", "a", "the", "my"}))
      return std::nullopt;
    return Keyword{w.begin, w.end, Guard::password, Keyword::ValueAt::next_only};
  }
  // "The password's CarersBeds2025": the possessive is the delimiter.
  if (w.end - w.begin >= 3 && is_apostrophe(s[w.end - 2]) && to_lower(s[w.end - 1]) == U's') {
    const Word stem{w.begin, w.end - 2};
    for (std::string_view k : kPossessiveKeywords)
      if (word_is(s, stem, k))
        return Keyword{w.begin, w.end, k == "pin" ? Guard::code : Guard::password, Keyword::ValueAt::own_delimiter_first};
  }
  if (word_is(s, w, "pin") || word_is(s, w, "otp")) {
    std::size_t end = w.end;
    const Word next = next_word(s, w.end, std::min(s.size(), w.end + 2));
    if (!next.empty() && (word_is(s, next, "code") || word_is(s, next, "number"))) end = next.end;
    return Keyword{w.begin, end, Guard::code};
  }
  if (word_is(s, w, "code") || word_is(s, w, "codes")) {
    // "verification code", "2FA code", "one-time code", "one time code", "key safe code".
    const std::size_t limit = w.begin > 24 ? w.begin - 24 : 0;
    if (const std::size_t e = code_source_end(s, w.end)) return Keyword{w.begin, e, Guard::code};
    const Word q = prev_word(s, w.begin, std::max(floor, limit));
    if (q.empty() || q.end + 2 < w.begin) return std::nullopt;
    if (is_code_qualifier(s, q)) return Keyword{q.begin, w.end, Guard::code};
    const Word q2 = prev_word(s, q.begin, std::max(floor, limit));
    if (!q2.empty() && q2.end + 2 >= q.begin &&
        ((word_is(s, q2, "one") && word_is(s, q, "time")) || (word_is(s, q2, "key") && word_is(s, q, "safe")) ||
         (word_is(s, q2, "sign") && word_is(s, q, "in"))))
      return Keyword{q2.begin, w.end, Guard::code};
    return std::nullopt;
  }
  // "The keypad on the back door is 4719#", "Key safe at the Sandy office is 1 9 8 3": what a code opens.
  if (word_is_any(s, w, {"keypad", "keysafe"})) return Keyword{w.begin, w.end, Guard::code};
  if (word_is(s, w, "key")) {
    const Word next = next_word(s, w.end, std::min(s.size(), w.end + 2));
    if (!next.empty() && word_is(s, next, "safe")) {
      const Word after = next_word(s, next.end, std::min(s.size(), next.end + 2));
      return Keyword{w.begin, !after.empty() && word_is(s, after, "code") ? after.end : next.end, Guard::code};
    }
    // "Wifi key Bedfordshire2025!", "the wi-fi key is …", "network key: …": a key that opens a network.
    const Word q = prev_word(s, w.begin, std::max(floor, w.begin > 12 ? w.begin - 12 : std::size_t{0}));
    if (q.empty() || q.end + 2 < w.begin) return std::nullopt;
    if (word_is_any(s, q, {"wifi", "network", "wpa", "wpa2", "router"})) return Keyword{q.begin, w.end, Guard::password};
    // "Zoom host key for tonight's webinar is 552019": a meeting host's key is a code.
    if (word_is(s, q, "host")) return Keyword{q.begin, w.end, Guard::code};
    if (word_is(s, q, "fi")) {
      const Word wi = prev_word(s, q.begin, std::max(floor, q.begin > 4 ? q.begin - 4 : std::size_t{0}));
      if (!wi.empty() && wi.end + 1 == q.begin && word_is(s, wi, "wi")) return Keyword{wi.begin, w.end, Guard::password};
    }
    return std::nullopt;
  }
  if (word_is(s, w, "login") || word_is(s, w, "logins") || word_is(s, w, "username") ||
      word_is(s, w, "credentials"))
    return Keyword{w.begin, w.end, Guard::login};
  if ((word_is(s, w, "log") || word_is(s, w, "user")) && (at(s, w.end) == U'-' || at(s, w.end) == U' ')) {
    const Word next = next_word(s, w.end, std::min(s.size(), w.end + 2));
    if (!next.empty() && (word_is(s, next, word_is(s, w, "log") ? "in" : "name")))
      return Keyword{w.begin, next.end, Guard::login};
  }
  return std::nullopt;
}

// Words that may stand between the delimiter and the value: "is his DOB, 22071961", "is just 1234".
bool is_filler(Chars s, Word w) {
  return word_is_any(s, w, {"his", "her", "my", "their", "our", "your", "the", "its", "just", "still", "now",
                          "simply", "actually", "currently", "dob", "birthday", "date", "of", "birth"});
}

bool is_symbol(char32_t c) {
  return c == U'!' || c == U'@' || c == U'#' || c == U'$' || c == U'%' || c == U'^' || c == U'&' ||
         c == U'*' || c == U'_' || c == U'+' || c == U'=' || c == U'~' || c == U'?' || c == U'/' || c == U'\\' ||
         c == U'|' || c == U'<' || c == U'>' || c == U'£' || c == U'(' || c == U')' || c == U'[' || c == U']';
}

// The value token at i: everything up to white space, less the sentence's closing punctuation.
std::size_t token_end(Chars s, std::size_t i) {
  std::size_t e = i;
  while (e < s.size() && !is_space(s[e])) ++e;
  while (e > i) {
    const char32_t c = s[e - 1];
    if (c == U'.' || c == U',' || c == U';' || c == U':' || c == U'?' || c == U')' || c == U'"' ||
        c == 0x201D || c == 0x2019 || c == U'\'')
      --e;
    else
      break;
  }
  return e;
}

// 1900–2099 alone: after "changed to" / "updated to" a year, never a code.
bool is_year(Chars s, std::size_t b, std::size_t e) {
  if (e - b != 4) return false;
  for (std::size_t i = b; i < e; ++i)
    if (!is_digit(s[i])) return false;
  return (s[b] == U'1' && s[b + 1] == U'9') || (s[b] == U'2' && s[b + 1] == U'0');
}

struct Shape {
  std::size_t letters = 0;
  std::size_t digits = 0;
  std::size_t symbols = 0;
  std::size_t other = 0;
};
Shape shape_of(Chars s, std::size_t b, std::size_t e) {
  Shape sh;
  for (std::size_t i = b; i < e; ++i) {
    if (is_letter(s[i])) ++sh.letters;
    else if (is_digit(s[i])) ++sh.digits;
    else if (is_symbol(s[i])) ++sh.symbols;
    else ++sh.other;
  }
  return sh;
}

bool looks_like_password(Chars s, std::size_t b, std::size_t e) {
  const Shape sh = shape_of(s, b, e);
  const std::size_t len = e - b;
  if (len < 4 || len > 64) return false;
  if (sh.letters > 0 && sh.digits > 0) return true;                         // Summer2024, Pa55word
  if (sh.symbols > 0 && sh.letters + sh.digits >= 3 && sh.letters + sh.digits < len) return true;  // Fluffy!cat
  return sh.digits == len && len >= 4 && len <= 12;                          // 22071961
}

// The end of a one-time code or PIN at i: 4–8 digits, also grouped "481 203"; or letters with digits.
std::size_t code_value_end(Chars s, std::size_t i) {
  if (is_digit(s[i])) {
    std::size_t e = digits_end(s, i);
    std::size_t count = e - i;
    while ((at(s, e) == U' ' || at(s, e) == U'-') && is_digit(at(s, e + 1)) && count < 8) {
      const std::size_t g = digits_end(s, e + 1);
      if (count + (g - e - 1) > 8) break;
      count += g - e - 1;
      e = g;
    }
    // More digit groups follow: a phone or account number, not a code ("Key safe fitting: 01234 567890").
    if ((at(s, e) == U' ' || at(s, e) == U'-') && is_digit(at(s, e + 1))) return 0;
    if (count >= 4 && count <= 8 && !is_letter(at(s, e))) return e;
    return 0;
  }
  const std::size_t e = token_end(s, i);
  const Shape sh = shape_of(s, i, e);
  return e - i >= 4 && e - i <= 16 && sh.letters > 0 && sh.digits > 0 ? e : 0;
}

// "carersinbeds / Bluebell2024!", "admin@carersinbeds.org.uk / Pa55word!": the end of the pair, or 0.
std::size_t login_pair_end(Chars s, std::size_t i) {
  const std::size_t user_end = token_end(s, i);
  std::size_t p = user_end;
  if (user_end == i) return 0;
  if (at(s, p) == U' ') ++p;
  if (at(s, p) != U'/') return 0;
  ++p;
  if (at(s, p) == U' ') ++p;
  const std::size_t pass_end = token_end(s, p);
  return pass_end > p && looks_like_password(s, p, pass_end) ? pass_end : 0;
}

// After the delimiter ending at d: the value's [begin, end), skipping filler words; end 0 if none.
std::pair<std::size_t, std::size_t> value_after(Chars s, std::size_t d, Guard guard) {
  std::size_t p = d;
  for (int fillers = 0; fillers <= 3; ++fillers) {
    while (p < s.size() && (is_space(s[p]) || (fillers > 0 && s[p] == U','))) ++p;
    if (p >= s.size()) return {p, 0};
    std::size_t end = 0;
    switch (guard) {
      case Guard::password: {
        const std::size_t e = token_end(s, p);
        if (is_word_char(s[p]) && looks_like_password(s, p, e)) end = e;
        break;
      }
      case Guard::code: end = code_value_end(s, p); break;
      case Guard::login: end = login_pair_end(s, p); break;
    }
    if (end != 0) return {p, end};
    if (!is_word_char(s[p])) return {p, 0};
    const Word w{p, word_end(s, p)};
    if (!is_filler(s, w)) return {p, 0};
    p = w.end;
  }
  return {p, 0};
}

// "is", ":", "=", "-", "–", "(", "are", "was", "to" after a change ("has changed to", "reset to"), or a
// word ending in 's ("Mine's"): where it ends, or 0.
std::size_t delimiter_end(Chars s, std::size_t i) {
  const char32_t c = s[i];
  if (c == U':' || c == U'=' || c == U'-' || c == U'(' || c == 0x2013 || c == 0x2014) return i + 1;
  if (!is_word_char(c)) return 0;
  const Word w{i, word_end(s, i)};
  if (word_is(s, w, "is") || word_is(s, w, "are") || word_is(s, w, "was")) return w.end;
  if (word_is(s, w, "to")) {
    const Word before = prev_word(s, w.begin, w.begin > 12 ? w.begin - 12 : 0);
    if (!before.empty() && before.end + 1 == w.begin &&
        word_is_any(s, before, {"changed", "change", "reset", "set", "updated", "update"}))
      return w.end;
    return 0;
  }
  const std::size_t len = w.end - w.begin;
  if (len >= 3 && is_apostrophe(s[w.end - 2]) && to_lower(s[w.end - 1]) == U's') return w.end;
  return 0;
}

// credential_keyword_prefix() (families.h) lets every listed word through.
static_assert(std::all_of(kKeywordWords.begin(), kKeywordWords.end(), [](std::string_view k) {
  return credential_keyword_prefix(char32_t(k[0]), char32_t(k[1]), k.size() > 2 ? char32_t(k[2]) : 0);
}));

}  // namespace

bool may_be_credential_keyword(Chars s, std::size_t begin) {
  // The caller has checked credential_keyword_prefix() already (families.h).
  const Word w{begin, word_end(s, begin)};
  for (std::string_view k : kKeywordWords)
    if (word_is(s, w, k)) return true;
  if (w.end - w.begin >= 5 && is_apostrophe(s[w.end - 2]) && to_lower(s[w.end - 1]) == U's') {  // "password's"
    const Word stem{w.begin, w.end - 2};
    for (std::string_view k : kPossessiveKeywords)
      if (word_is(s, stem, k)) return true;
  }
  return false;
}

void find_credentials(Chars s, const Triggers& t, Matches& out) {
  std::size_t done = 0;
  for (const std::size_t i : t.keyword_words) {  // each passed may_be_credential_keyword()
    if (i < done) continue;
    const Word w{i, word_end(s, i)};
    if (auto kw = keyword_at(s, w, done)) {
      if (kw->value_at == Keyword::ValueAt::own_delimiter_first) {
        if (const auto [vb, ve] = value_after(s, kw->end, kw->guard); ve != 0) {
          emit(out, RecognizerKind::credential, kw->begin, ve, to_utf8(s, vb, ve));
          done = ve;
          continue;
        }
      }
      if (kw->guard == Guard::password && kw->value_at != Keyword::ValueAt::delimiter_only &&
          at(s, kw->end) == U' ') {
        // "password Sunflower!88": no delimiter, but a value no sentence about passwords has next
        // to the word (letters with digits or symbols; a bare number or word is not enough).
        const std::size_t vb = kw->end + 1;
        const std::size_t ve = token_end(s, vb);
        const Shape sh = shape_of(s, vb, ve);
        // "pass" needs a word-like secret ("Sunflower7"), not "24hrs" or "Gold".
        const bool shaped = kw->value_at == Keyword::ValueAt::next_only ? is_letter(s[vb]) && sh.digits > 0 && ve - vb >= 6
                                           : is_word_char(s[vb]) && sh.letters > 0 && (sh.digits > 0 || sh.symbols > 0);
        if (ve > vb && shaped && looks_like_password(s, vb, ve)) {
          emit(out, RecognizerKind::credential, kw->begin, ve, to_utf8(s, vb, ve));
          done = ve;
          continue;
        }
      }
      if (kw->value_at == Keyword::ValueAt::next_only) continue;
      // Look for a delimiter within a few words, then for a value after it.
      std::size_t p = kw->end;
      int words = 0;
      // A "user / password" pair is evidence enough to look further for its label's colon.
      const int max_words = kw->guard == Guard::login  ? kMaxWordsToLoginDelimiter
                            : kw->guard == Guard::code ? kMaxWordsToCodeDelimiter
                                                       : kMaxWordsToDelimiter;
      while (p < s.size() && words <= max_words) {
        const char32_t c = s[p];
        if (c == U'\n' || c == U'!' || (c == U'.' && (p + 1 >= s.size() || is_space(s[p + 1])))) break;
        if (const std::size_t d = delimiter_end(s, p)) {
          const auto [vb, ve] = value_after(s, d, kw->guard);
          // "Password guidance has been updated to 2025 standards": a password "changed to" a year is a date.
          const bool dated = kw->guard == Guard::password && word_is(s, Word{p, word_end(s, p)}, "to") &&
                             is_year(s, vb, ve);
          if (ve != 0 && !dated) {
            emit(out, RecognizerKind::credential, kw->begin, ve, to_utf8(s, vb, ve));
            done = ve;
            break;
          }
        }
        if (is_word_char(c)) {
          p = word_end(s, p);
          ++words;
        } else {
          ++p;
        }
      }
    }
  }
}

// ---- API keys ----
namespace {

bool is_key_char(char32_t c) {
  return is_ascii_alnum(c) || c == U'_' || c == U'-' || c == U'+' || c == U'/' || c == U'=' || c == U'.';
}

bool all_of(Chars s, std::size_t b, std::size_t e, bool (*pred)(char32_t)) {
  for (std::size_t i = b; i < e; ++i)
    if (!pred(s[i])) return false;
  return true;
}
bool upper_or_digit(char32_t c) { return is_upper(c) || is_digit(c); }
bool base62(char32_t c) { return is_ascii_alnum(c); }
bool base64url(char32_t c) { return is_ascii_alnum(c) || c == U'_' || c == U'-'; }
bool base64(char32_t c) { return is_ascii_alnum(c) || c == U'+' || c == U'/'; }

bool has_prefix(Chars s, std::size_t b, std::size_t e, std::string_view prefix) {
  if (e - b < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k)
    if (s[b + k] != char32_t(prefix[k])) return false;
  return true;
}

// Mixed upper, lower and digits that change class often, and not mostly words: random, unlike
// "CarersInBedfordshireVolunteer2024Awards" where runs of 3+ lower-case letters (with their
// capital) cover most of the token.
bool looks_random(Chars s, std::size_t b, std::size_t e) {
  std::size_t upper = 0, lower = 0, digit = 0, switches = 0, wordy = 0, lower_run = 0;
  int last = -1;
  for (std::size_t i = b; i <= e; ++i) {
    const int cls = i == e ? 3 : is_upper(s[i]) ? 0 : is_lower(s[i]) ? 1 : is_digit(s[i]) ? 2 : 3;
    if (cls == 1) {
      ++lower_run;
    } else {
      if (lower_run >= 3) wordy += lower_run + (i - lower_run > b && is_upper(s[i - lower_run - 1]) ? 1 : 0);
      lower_run = 0;
    }
    if (i == e) break;
    upper += cls == 0;
    lower += cls == 1;
    digit += cls == 2;
    if (cls != 3 && last >= 0 && cls != last) ++switches;
    if (cls != 3) last = cls;
  }
  const std::size_t len = e - b;
  return upper > 0 && lower > 0 && digit > 0 && switches * 4 >= len && wordy * 2 < len;
}

// Which key the token [b, e) is, if any.
bool is_api_key(Chars s, std::size_t b, std::size_t e) {
  const std::size_t len = e - b;
  if ((has_prefix(s, b, e, "AKIA") || has_prefix(s, b, e, "ASIA")) && len == 20)
    return all_of(s, b, e, upper_or_digit);
  for (std::string_view p : {"sk_live_", "pk_live_", "rk_live_", "sk_test_", "pk_test_", "rk_test_"})
    if (has_prefix(s, b, e, p)) return len >= p.size() + 10 && all_of(s, b + p.size(), e, base62);
  for (std::string_view p : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
    if (has_prefix(s, b, e, p)) return len == p.size() + 36 && all_of(s, b + p.size(), e, base62);
  if (has_prefix(s, b, e, "github_pat_")) return len >= 11 + 22 && all_of(s, b + 11, e, base64url);
  for (std::string_view p : {"xoxa-", "xoxb-", "xoxp-", "xoxr-"})
    if (has_prefix(s, b, e, p)) return len >= p.size() + 10 && all_of(s, b + p.size(), e, base64url);
  if (has_prefix(s, b, e, "AIza")) return len == 39 && all_of(s, b + 4, e, base64url);
  if (has_prefix(s, b, e, "eyJ")) {  // JWT: header.payload.signature
    std::size_t dots[2] = {0, 0};
    std::size_t n = 0;
    for (std::size_t i = b; i < e; ++i) {
      if (s[i] == U'.') {
        if (n == 2) return false;
        dots[n++] = i;
      } else if (!base64url(s[i])) {
        return false;
      }
    }
    return n == 2 && dots[0] - b >= 10 && dots[1] - dots[0] > 10;
  }
  // Mailchimp: 32 lower-case hex digits, "-us" and a data-centre number.
  if (len >= 36 && len <= 37 && s[b + 32] == U'-' && s[b + 33] == U'u' && s[b + 34] == U's') {
    bool hex = true;
    for (std::size_t i = b; i < b + 32 && hex; ++i) hex = is_hex_lower(s[i]);
    return hex && all_of(s, b + 35, e, [](char32_t c) { return is_digit(c); });
  }
  if (len == 40 && all_of(s, b, e, base64)) return looks_random(s, b, e);  // AWS secret access key
  if (len >= 24 && len <= 128 && all_of(s, b, e, base64url)) return looks_random(s, b, e);
  return false;
}

// The run looks like a URL or path: a scheme, "www.", or a dotted host followed by '/'.
bool looks_like_link(Chars s, std::size_t b, std::size_t e) {
  if (b > 0 && (s[b - 1] == U'@' || s[b - 1] == U'#' || s[b - 1] == U'\\')) return true;
  bool dot = false;
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] == U'.') dot = true;
    if (s[i] == U'/' && dot) return true;
    if (s[i] == U'/' && i + 1 < e && s[i + 1] == U'/') return true;
  }
  return starts_with_ci(s, b, "www.");
}

}  // namespace

void find_api_keys(Chars s, const Triggers& t, Matches& out) {
  // Every key form holds a digit; the token is the run of key characters around it.
  std::size_t floor = 0;
  for (const DigitRun run : t.digit_runs) {
    const std::size_t i = run.begin;
    if (i < floor) continue;
    std::size_t b = i;
    while (b > floor && is_key_char(s[b - 1])) --b;
    std::size_t e = run.end;  // digits are key characters
    while (e < s.size() && is_key_char(s[e])) ++e;
    floor = e;
    std::size_t te = e;
    while (te > b && (s[te - 1] == U'.' || s[te - 1] == U'-' || s[te - 1] == U'/')) --te;  // sentence end
    std::size_t tb = b;
    while (tb < te && (s[tb] == U'.' || s[tb] == U'-' || s[tb] == U'/' || s[tb] == U'=')) ++tb;
    if (te - tb >= 20 && !looks_like_link(s, b, e) && is_api_key(s, tb, te))
      emit(out, RecognizerKind::api_key, tb, te, to_utf8(s, tb, te));
  }
}

}  // namespace postcheck::recognizers
