// normalise.h — the view of a Text that matchers run on, each unit mapped back to original code points.
// Folds case, drops zero-width/format characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD, and the other
// invisible bidi/format marks U+200E/F, U+202A–E, U+2061–4, U+2066–F), folds look-alikes (Cyrillic/Greek
// homoglyphs, fullwidth, circled and mathematical letters, small capitals, accented Latin to its base
// letter; combining marks are dropped into the letter before them), reads
// leetspeak inside words that hold letters (0 1 3 4 5 7 @ $ ! …), collapses runs of 3+ identical letters
// to one, joins runs of 3+ single letters separated by one space . - * _ ("f u c k", "f.u.c.k"), turns
// curly quotes and apostrophes into ASCII, and keeps '*' inside or at the end of a word as a mask.
// Contract: linear in the text; findings computed on the view always point at ORIGINAL code points.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "postcheck/text.h"

namespace postcheck {

// An allocator whose resize() leaves new elements uninitialised instead of zeroing them: the view's
// arrays are sized once to a bound and then written unit by unit, so zeroing them first was wasted
// (about 27 KB of stores for a 3,000-character post, 3 KB of them the units).
template <class T>
struct UninitialisedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitialisedAllocator<U>;
  };
  UninitialisedAllocator() = default;
  template <class U>
  UninitialisedAllocator(const UninitialisedAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// The view's alphabet (one byte per unit):
//   'a'..'z' '0'..'9'   letters and digits after folding
//   '\''                 an apostrophe inside a word ("don't")
//   '*'                  a masking asterisk inside or at the end of a word ("f*ck", "f***")
//   '@' '#'              the sigil of a mention or hashtag (kept so "@carersinbeds" can be a term;
//                        '_' in a handle is dropped); '@' also inside an email address
//   '.'                  a dot inside a word-like token (domains: "gov.uk")
//   '\x01'               any other letter (other scripts): part of a word, never part of a term
//   ' '                  a separator: any run of spaces, punctuation, emoji, line breaks
// The view starts and ends with ' ' so that whole-word tests need no bounds checks.
struct NormalisedView {
  // A vector, not a std::string, so that sizing it to the bound does not zero it (see above).
  std::vector<char, UninitialisedAllocator<char>> units;
  // The units as a string (what the lexicon matches, and tests compare).
  std::string_view units_view() const { return {units.data(), units.size()}; }
  // For units[i]: the original code points [origin_begin[i], origin_end[i]) it stands for.
  // Non-decreasing in i. For the leading and trailing ' ', both are 0 and size() respectively.
  std::vector<std::uint32_t, UninitialisedAllocator<std::uint32_t>> origin_begin;
  std::vector<std::uint32_t, UninitialisedAllocator<std::uint32_t>> origin_end;
};

// Builds the view of `text`.
NormalisedView normalise(const Text& text);

// Normalises a policy term the same way (terms are matched against views): returns its units
// without the leading/trailing ' '. A trailing '*' in a term is NOT folded here (the lexicon treats it
// as a suffix wildcard); pass the term without it.
std::string normalise_term(std::string_view term_utf8);

}  // namespace postcheck
