// person_name.cpp — names a reader would take for a person, in three shapes:
//   a title and a name:  "Mrs Okonkwo", "Mr Ahmed Rafiq", "Cllr Jan Whitby", "Dr. Patel";
//   two capitalised words inside a sentence that are not a place or organisation: "Doreen Blackwell"
//   (not "Bedford Hospital", "Carers Week", "Luton Town", "Young Carers", "Wrest Park");
//   a capitalised name given an age: "Kofi is 11", "Margaret is 79".
// Precision over recall: the cue is used next to health, care and money words, where a word taken
// for a name makes a false alarm. So the first word of a sentence never starts a pair (it is
// capitalised anyway), title-case runs of three or more words are headings, not names, and built-in
// word lists rule out places, organisations, events and everyday words. Every shape starts with an
// ASCII capital at a word start, which the trigger pass lists.
#include <algorithm>
#include <array>

#include "recognizers/families.h"

namespace postcheck::recognizers {
namespace {

using namespace scan;

// A lower-case Latin letter past ASCII that a name may hold ("ß" to "ɏ", not "÷").
bool is_lower_beyond_ascii(char32_t c) { return c >= 0xDF && c <= 0x24F && c != 0xF7; }

// Titles written before a name (lower case).
constexpr auto kTitles = std::to_array<std::string_view>({
    "cllr", "councillor", "dame", "dr", "lady", "lord", "miss", "mr", "mrs", "ms", "mx", "prof",
    "professor", "rev", "revd", "reverend", "sir"});

// Words that are capitalised for a reason other than naming a person: function words, greetings,
// days and months, family words (lower case). A title is never followed by one of these as
// a name ("Miss You", "Dr Who").
constexpr auto kEverydayWords = std::to_array<std::string_view>({
    "a",         "about",     "after",     "afternoon", "all",       "also",      "always",    "an",
    "and",       "another",   "any",       "anyone",    "april",     "are",       "as",        "at",
    "august",    "auntie",    "baby",      "be",        "because",   "before",    "best",      "big",
    "both",      "brother",   "but",       "by",        "can",       "check",     "come",      "congrats",
    "could",     "dad",       "daughter",  "day",       "dear",      "december",  "did",       "do",
    "does",      "don",       "each",      "evening",   "even",      "every",     "everyone",  "father",
    "february",  "first",     "for",       "free",      "friday",    "from",      "get",       "good",
    "gran",      "grandad",   "grandma",   "grandpa",   "granny",    "great",     "had",       "happy",
    "has",       "have",      "he",        "hello",     "her",       "here",      "hey",       "hi",
    "him",       "his",       "how",       "huge",      "husband",   "i",         "if",        "in",
    "into",      "is",        "it",        "its",       "january",   "join",      "july",      "june",
    "just",      "last",      "let",       "little",    "love",      "lovely",    "march",     "may",
    "me",        "monday",    "more",      "morning",   "most",      "mother",    "mum",       "my",
    "nan",       "nana",      "nanna",     "new",       "next",      "night",     "no",        "not",
    "november",  "now",       "october",   "of",        "on",        "one",       "only",      "or",
    "our",       "out",       "over",      "please",    "saturday",  "september", "she",       "sister",
    "so",        "some",      "son",       "sorry",     "still",     "sunday",    "thank",     "thanks",
    "that",      "the",       "their",     "them",      "then",      "there",     "these",     "they",
    "this",      "those",     "thursday",  "to",        "today",     "tomorrow",  "tonight",   "tuesday",
    "uncle",     "up",        "us",        "very",      "was",       "we",        "wednesday", "well",
    "were",      "what",      "when",      "where",     "which",     "who",       "why",       "wife",
    "will",      "with",      "would",     "yes",       "yesterday", "you",       "your",      "yours",
    "merry",     "congratulations", "welcome", "shout", "reminder", "update"});

// Words of places, organisations, events, services, roles and other things, and the places of
// Bedfordshire and round about: a capitalised pair holding one of these names a thing, not a person
// ("Bedford Hospital", "Carers Week", "Luton Town", "Young Carers", "Wrest Park"), and neither does
// one given an age ("Entry is 5"). A title may still be followed by one ("Mrs Green", "Mr Price").
constexpr auto kThingWords = std::to_array<std::string_view>({
    "academy",     "advice",       "age",         "albans",       "alliance",    "allowance",   "ampthill",
    "annual",      "appeal",       "arlesey",     "assessment",   "association", "athletic",    "avenue",
    "award",       "awards",       "badge",       "bank",         "barton",      "bbc",         "bedford",
    "bedfordshire","beds",         "benefit",     "benefits",     "biggleswade", "birmingham",  "blue",
    "board",       "borough",      "bridge",      "britain",      "british",     "bromham",     "buzzard",
    "caddington",  "cafe",         "cambridge",   "campaign",     "cancer",      "care",        "carer",
    "carers",      "caring",       "central",     "centre",       "chair",       "challenge",   "chapel",
    "charity",     "chief",        "christmas",   "church",       "citizens",    "city",        "clinic",
    "clophill",    "close",        "club",        "coffee",       "college",     "common",      "community",
    "concert",     "conference",   "conservative","council",      "county",      "course",      "court",
    "cranfield",   "credit",       "crescent",    "cup",          "day",         "dementia",    "democrats",
    "director",    "district",     "drive",       "dunstable",    "east",        "eastern",     "easter",
    "eid",         "elstow",       "engagement",  "england",      "english",     "europe",      "event",
    "executive",   "facebook",     "fair",        "festival",     "flitton",     "flitwick",    "football",
    "forum",       "foundation",   "friends",     "fund",         "garden",      "gardens",     "google",
    "government",  "green",        "group",       "guide",        "hall",        "harlington",  "harrold",
    "health",      "henlow",       "hill",        "hitchin",      "holiday",     "home",        "hospice",
    "hospital",    "house",        "houghton",    "hub",          "instagram",   "international","kempston",
    "keynes",      "kingdom",      "labour",      "lane",         "lead",        "league",      "leighton",
    "letchworth",  "liberal",      "library",     "linkedin",     "linslade",    "local",       "london",
    "lower",       "lunch",        "luton",       "macmillan",    "manager",     "market",      "marston",
    "maulden",     "meeting",      "memory",      "mental",       "meppershall", "milton",      "mind",
    "minister",    "month",        "moretaine",   "mount",        "museum",      "national",    "network",
    "news",        "north",        "northampton", "northern",     "nurse",       "nursery",     "office",
    "officer",     "old",          "older",       "oxford",       "park",        "parkinson",   "parliament",
    "partnership", "party",        "pharmacy",    "place",        "police",      "potton",      "practice",
    "prime",       "priory",       "programme",   "project",      "quiz",        "radio",       "reform",
    "regis",       "road",         "row",         "royal",        "saint",       "sandy",       "school",
    "scotland",    "service",      "services",    "session",      "sharnbrook",  "shefford",    "shillington",
    "show",        "silsoe",       "social",      "society",      "south",       "southern",    "spring",
    "square",      "st",           "staff",       "station",      "stevenage",   "stotfold",    "street",
    "stroke",      "summer",       "support",     "surgery",      "team",        "terrace",     "tiktok",
    "toddington",  "totternhoe",   "town",        "training",     "trust",       "trustee",     "trustees",
    "twitter",     "uk",           "united",      "universal",    "university",  "upper",       "village",
    "volunteer",   "volunteers",   "wales",       "walk",         "watford",     "way",         "week",
    "welsh",       "west",         "western",     "whatsapp",     "winter",      "wixams",      "woburn",
    "wootton",     "workshop",     "world",       "wrest",        "young",       "youtube",     "zoom",
    "autumn",      "carersinbeds", "stewartby",   "wilstead",     "kimbolton",    "admission",   "entry",
    "price",       "cost",         "fee",         "tea",          "parking",     "number",      "total",
    "score",       "time",         "start",       "deadline",     "capacity",    "rent",        "tickets",
    "collection",  "gallery",      "theatre",     "cinema",       "arena",       "stadium",     "lib",
    "dem",         "dems",         "tory",        "tories",       "greens",      "ukip",        "airport",
    "railway",     "castle",       "abbey",       "cathedral",    "manor",       "farm",        "zoo",
    "center",      "hotel",        "restaurant",  "pub",          "inn",         "shop",        "store"});

// Words after "is NN" that make the number something other than an age ("is 11 miles away").
constexpr auto kUnits = std::to_array<std::string_view>({
    "am",      "cm",      "days",    "degrees", "feet",   "ft",      "hours",   "hrs",     "inches",
    "kg",      "km",      "lbs",     "metres",  "meters", "miles",   "min",     "mins",    "minutes",
    "mm",      "mph",     "o",       "p",       "pages",   "pence",  "people",  "per",     "percent",
    "places",  "pm",      "points",  "pounds",  "pts",     "quid",   "seconds", "spaces",  "tickets"});

// Orders a list at compile time, so the tables above can be written in any order and still be
// binary-searched; a word listed twice is a mistake and stops the build.
template <std::size_t N>
constexpr std::array<std::string_view, N> sorted(std::array<std::string_view, N> words) {
  std::sort(words.begin(), words.end());
  if (std::adjacent_find(words.begin(), words.end()) != words.end()) throw "a word is listed twice";
  return words;
}
constexpr auto kSortedTitles = sorted(kTitles);
constexpr auto kSortedEveryday = sorted(kEverydayWords);
constexpr auto kSortedThings = sorted(kThingWords);
constexpr auto kSortedUnits = sorted(kUnits);

// Compares code points [b, e) lower-cased (ASCII) with a lower-case ASCII word.
int compare_ci(Chars s, std::size_t b, std::size_t e, std::string_view word) {
  const std::size_t n = std::min(e - b, word.size());
  for (std::size_t k = 0; k < n; ++k) {
    const char32_t a = to_lower(s[b + k]);
    const auto c = static_cast<char32_t>(static_cast<unsigned char>(word[k]));
    if (a != c) return a < c ? -1 : 1;
  }
  return e - b < word.size() ? -1 : (e - b > word.size() ? 1 : 0);
}

template <std::size_t N>
bool listed(Chars s, std::size_t b, std::size_t e, const std::array<std::string_view, N>& words) {
  std::size_t lo = 0;
  std::size_t hi = N;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const int c = compare_ci(s, b, e, words[mid]);
    if (c == 0) return true;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return false;
}

bool is_single_space(char32_t c) { return c == U' ' || c == 0xA0; }

// A name word at i: a capital, then lower-case letters, a capital allowed after an apostrophe
// ("O’Brien") or "Mc"/"Mac" ("McDonald"); joined to another by a hyphen ("Smith-Jones"); a
// possessive "’s" left out of the name. `end` is the end of the whole word, `name_end` of the name.
struct Name {
  std::size_t begin = 0;
  std::size_t name_end = 0;
  std::size_t end = 0;
  bool empty() const { return name_end == begin; }
};

Name name_at(Chars s, std::size_t i) {
  Name none{i, i, i};
  if (!is_upper(at(s, i))) return none;
  std::size_t p = i;
  std::size_t part = i;  // start of the current hyphen-joined part
  while (true) {
    std::size_t q = p + 1;
    bool has_lower = false;
    while (q < s.size()) {
      const char32_t c = s[q];
      if (is_lower(c) || is_lower_beyond_ascii(c)) {
        has_lower = true;
      } else if (is_upper(c)) {
        const bool after_apostrophe = is_apostrophe(s[q - 1]);
        const bool after_mc = (q == part + 2 && s[part] == U'M' && s[part + 1] == U'c') ||
                              (q == part + 3 && s[part] == U'M' && s[part + 1] == U'a' && s[part + 2] == U'c');
        if (!after_apostrophe && !after_mc) return none;  // "NHS", "CarersWeek"
      } else if (is_apostrophe(c) && is_letter(at(s, q + 1)) && is_letter(s[q - 1])) {
        // inner apostrophe: part of the word
      } else {
        break;
      }
      ++q;
    }
    if (!has_lower || is_word_char(at(s, q))) return none;  // "Mr2", "Café" handled as a letter run
    p = q;
    if (at(s, p) == U'-' && is_upper(at(s, p + 1))) {
      part = p + 1;
      p = p + 1;
      continue;
    }
    break;
  }
  Name name{i, p, p};
  // "Rafiq’s": the possessive is not part of the name.
  if (p - i >= 4 && to_lower(s[p - 1]) == U's' && is_apostrophe(s[p - 2])) name.name_end = p - 2;
  if (name.name_end - i < 2) return none;
  return name;
}

bool is_title(Chars s, const Name& n) {
  return n.name_end == n.end && listed(s, n.begin, n.name_end, kSortedTitles);
}
bool is_everyday(Chars s, const Name& n) { return listed(s, n.begin, n.name_end, kSortedEveryday); }
bool is_thing(Chars s, const Name& n) { return listed(s, n.begin, n.name_end, kSortedThings); }

// Nouns that begin sentences and headings ("Registration is 10", "Training Session") rarely end
// like given names do.
bool has_noun_suffix(Chars s, const Name& n) {
  for (std::string_view suffix : {"tion", "sion", "ment", "ness", "ing", "ity", "ance", "ence", "ship"}) {
    const std::size_t len = n.name_end - n.begin;
    if (len > suffix.size() + 1 && compare_ci(s, n.name_end - suffix.size(), n.name_end, suffix) == 0) return true;
  }
  return false;
}

bool could_be_given_name(Chars s, const Name& n) {
  return !is_title(s, n) && !is_everyday(s, n) && !is_thing(s, n) && !has_noun_suffix(s, n);
}

// The name word after `end` past exactly one space, or an empty one. The capital is tested here,
// before the call: most next words are lower case, and name_at()'s entry costs ~30 instructions.
Name next_name(Chars s, std::size_t end) {
  if (!is_single_space(at(s, end))) return Name{end, end, end};
  if (!is_upper(at(s, end + 1))) return Name{end + 1, end + 1, end + 1};  // as name_at() has it
  return name_at(s, end + 1);
}

bool is_pictograph(char32_t c) {
  return c >= 0x1F000 || (c >= 0x2600 && c <= 0x27BF) || c == 0xFE0F || c == 0x200D || c == 0x20E3;
}

// True when the word at i starts a sentence: nothing but spaces, quotes and brackets lie between it
// and the start of the text, a line break, . ! ? … or an emoji (which posts use as a full stop).
bool starts_sentence(Chars s, std::size_t i) {
  std::size_t p = i;
  while (p > 0) {
    const char32_t c = s[p - 1];
    if (c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029) return true;
    if (!is_space(c) && c != U'"' && c != U'\'' && c != U'(' && c != U'[' && c != 0x201C && c != 0x2018) break;
    --p;
  }
  if (p == 0) return true;
  const char32_t c = s[p - 1];
  return c == U'.' || c == U'!' || c == U'?' || c == 0x2026 || is_pictograph(c);
}

// The word just before i, when only spaces separate it from i, starts with a capital and is not an
// everyday word: i continues a title-case run ("Please Keep Doreen Blackwell …" is a heading), where
// "Thanks Doreen Blackwell" is not one.
bool capitalised_word_before(Chars s, std::size_t i) {
  std::size_t p = i;
  while (p > 0 && is_single_space(s[p - 1])) --p;
  if (p == i || p == 0 || !is_word_char(s[p - 1])) return false;
  const Word w = prev_word(s, p, p > 40 ? p - 40 : 0);
  return !w.empty() && is_upper(s[w.begin]) && !listed(s, w.begin, w.end, kSortedEveryday);
}

// "#CarersWeek", "@Doreen", "Anglo-Saxon", "x.Doreen": the capital does not start a free-standing word.
bool glued_before(Chars s, std::size_t i) {
  const char32_t p = before(s, i);
  if (p == U'#' || p == U'@' || p == U'_' || p == U'/' || p == U'.' || p == U'&') return true;
  return (p == U'-' || p == 0x2013) && i >= 2 && is_word_char(s[i - 2]);
}

void append_lower(std::string& out, Chars s, std::size_t b, std::size_t e) {
  if (!out.empty()) out.push_back(' ');
  for (std::size_t k = b; k < e; ++k) append_utf8(out, to_lower(s[k]));
}

// "Kofi is 11", "Margaret is now 79": where the age ends after `end` (the name's end), or 0.
std::size_t age_after(Chars s, std::size_t end) {
  if (!is_single_space(at(s, end)) || !starts_with_ci(s, end + 1, "is") || !is_single_space(at(s, end + 3)))
    return 0;
  std::size_t p = end + 4;
  if (is_lower(at(s, p))) {  // "is now 79", "is just 9"
    const Word w{p, word_end(s, p)};
    if (!(word_is(s, w, "now") || word_is(s, w, "just") || word_is(s, w, "only") || word_is(s, w, "nearly") ||
          word_is(s, w, "almost") || word_is(s, w, "aged")) ||
        !is_single_space(at(s, w.end)))
      return 0;
    p = w.end + 1;
  }
  const std::size_t digits = digits_end(s, p);
  if (digits == p || digits - p > 3) return 0;
  int age = 0;
  for (std::size_t k = p; k < digits; ++k) age = age * 10 + int(s[k] - U'0');
  if (age > 120) return 0;
  const char32_t next = at(s, digits);
  if (is_word_char(next) || next == U'%' || next == U'£' || next == U'$' || next == U'@') return 0;
  if ((next == U'.' || next == U':' || next == U'/' || next == U'-' || next == U',' || next == 0x2013) &&
      is_digit(at(s, digits + 1)))
    return 0;  // "is 12:30", "is 10-12", "is 1,200"
  if (is_single_space(next)) {  // "is 11 miles away", "is 10 am"
    const Word unit = next_word(s, digits, std::min(s.size(), digits + 2));
    if (!unit.empty() && listed(s, unit.begin, unit.end, kSortedUnits)) return 0;
  }
  return digits;
}

// True when the capitalised word at i is all lower case after its capital and what follows it
// leaves no shape possible: a title or a pair needs a capitalised word next (past one space, or a
// title's dot and a space), an age needs " is ". So the word needs no parsing when it is followed
// by one space and a lower-case word other than "is" ("Just back from …"), by punctuation, a line
// break or the end ("Honestly, …", "Reminder: …"), or by a digit or a letter that name_at() does not
// take (it is no name then). Most capitalised words start a sentence like that; one look at their
// letters passes them over. Anything else (another capital, an apostrophe, a hyphen, a Latin-1
// letter) is left to name_at().
bool no_shape_follows(Chars s, std::size_t i) {
  std::size_t q = i + 1;
  while (q < s.size() && is_lower(s[q])) ++q;
  const char32_t c = at(s, q);
  if (is_single_space(c))
    return is_lower(at(s, q + 1)) &&
           !(s[q + 1] == U'i' && to_lower(at(s, q + 2)) == U's' && is_single_space(at(s, q + 3)));
  if (c == U'.') return !(is_single_space(at(s, q + 1)) && is_upper(at(s, q + 2)));
  return !(c == U'-' || is_upper(c) || is_apostrophe(c) || is_lower_beyond_ascii(c));
}

}  // namespace

void find_person_names(Chars s, const Triggers& t, Matches& out) {
  std::size_t resume = 0;
  for (const std::size_t i : t.capitalised_words) {
    if (i < resume || glued_before(s, i) || no_shape_follows(s, i)) continue;
    const Name first = name_at(s, i);
    if (first.empty()) continue;  // "I", "NHS", "CarersWeek"
    const bool whole = first.name_end == first.end;  // no possessive: a pair or an age may follow

    // Shapes first, word lists last: most capitalised words start a sentence and are followed by a
    // lower-case word, which no shape allows, so they cost no list lookup at all.
    std::size_t after = first.end;
    if (at(s, after) == U'.') ++after;  // "Dr. Patel"
    const Name next = next_name(s, after);
    if (!next.empty() && is_title(s, first)) {  // a title and one or two names
      if (is_everyday(s, next)) continue;
      // "Church Dr Bedford": a street, not a doctor.
      if (word_is(s, Word{first.begin, first.end}, "dr") && capitalised_word_before(s, i)) continue;
      std::string value;
      append_lower(value, s, next.begin, next.name_end);
      std::size_t end = next.name_end;
      if (next.name_end == next.end) {
        const Name n2 = next_name(s, next.end);
        if (!n2.empty() && !is_everyday(s, n2) && !is_thing(s, n2)) {
          append_lower(value, s, n2.begin, n2.name_end);
          end = n2.name_end;
        }
      }
      emit(out, RecognizerKind::person_name, i, end, std::move(value));
      resume = end;
      continue;
    }
    if (!whole || after != first.end) continue;  // "Rafiq’s …", "Luton. Next …"

    // Two capitalised words inside a sentence, alone (not part of a longer title-case run).
    if (!next.empty() && !(next.name_end == next.end && !next_name(s, next.end).empty()) &&
        !starts_sentence(s, i) && !capitalised_word_before(s, i) && could_be_given_name(s, first) &&
        !is_title(s, next) && !is_everyday(s, next) && !is_thing(s, next)) {
      std::string value;
      append_lower(value, s, first.begin, first.name_end);
      append_lower(value, s, next.begin, next.name_end);
      emit(out, RecognizerKind::person_name, i, next.name_end, std::move(value));
      resume = next.name_end;
      continue;
    }

    // A name with an age: "Kofi is 11".
    if (const std::size_t age_end = age_after(s, first.end); age_end != 0 && could_be_given_name(s, first)) {
      std::string value;
      append_lower(value, s, first.begin, first.name_end);
      emit(out, RecognizerKind::person_name, i, age_end, std::move(value));
      resume = age_end;
    }
  }
}

std::string canonical_person_name(Chars s) {
  std::string out;
  std::size_t i = 0;
  bool first = true;
  while (i < s.size()) {
    if (!is_word_char(s[i])) {
      ++i;
      continue;
    }
    const std::size_t e = word_end(s, i);
    std::size_t name_end = e;
    if (e - i >= 4 && to_lower(s[e - 1]) == U's' && is_apostrophe(s[e - 2])) name_end = e - 2;
    const bool title = first && listed(s, i, name_end, kSortedTitles);
    first = false;
    if (!title) append_lower(out, s, i, name_end);
    i = e;
  }
  return out;
}

}  // namespace postcheck::recognizers
