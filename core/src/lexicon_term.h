// lexicon_term.h — a term's units as the view spells them: normalise_term(), with a shortcut for the
// plain ASCII terms that make up almost every policy. normalise_term() builds a Text and a whole view
// for each term (thousands of instructions); the shortcut is a few per byte, and it accepts only terms
// whose units it is sure of — ASCII letters, inner apostrophes and single spaces, the shape for which
// normalise() only lower-cases and collapses letter runs. Everything else goes to normalise_term().
// lexicon_test.cpp checks the two agree on every term of the default policy. No I/O, no state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "postcheck/normalise.h"

namespace postcheck::lexicon_detail {

inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The units of `term` when it is one or more words of ASCII letters separated by single spaces, an
// apostrophe allowed only between two letters ("you're"), and no two one-letter words side by side
// (three in a row would be read as a spelled-out word, "f u c k"). False, and `out` unspecified,
// for any other term. Lower-cases, and collapses each run of 3+ identical letters to one, as the
// view does ("fuuuck" → "fuck"); an apostrophe ends a run.
inline bool plain_term_units(std::string_view term, std::string& out) {
  out.resize(term.size());  // the units are never longer than the term
  char* units = out.data();
  std::size_t length = 0;
  std::size_t previous_word_length = 0;
  std::size_t i = 0;
  while (true) {
    // One word: letters, and apostrophes between letters.
    const std::size_t begin = i;
    if (i >= term.size() || !is_ascii_letter(term[i])) return false;
    while (i < term.size() && term[i] != ' ') {
      const char c = term[i];
      if (c == '\'') {
        if (i + 1 >= term.size() || !is_ascii_letter(term[i + 1])) return false;  // a letter before is given
        units[length++] = '\'';
        ++i;
        continue;
      }
      if (!is_ascii_letter(c)) return false;
      const char lower = static_cast<char>(c | 0x20);
      std::size_t j = i + 1;
      while (j < term.size() && is_ascii_letter(term[j]) && static_cast<char>(term[j] | 0x20) == lower) ++j;
      const std::size_t run = j - i >= 3 ? 1 : j - i;
      for (std::size_t k = 0; k < run; ++k) units[length++] = lower;
      i = j;
    }
    const std::size_t word_length = i - begin;
    if (word_length == 1 && previous_word_length == 1) return false;
    previous_word_length = word_length;
    if (i == term.size()) {
      out.resize(length);
      return true;
    }
    units[length++] = ' ';
    ++i;  // the single ' '; a second one fails the next word's first-letter test
  }
}

// The units of `term` (no leading or trailing ' '), exactly as normalise_term() gives them.
inline std::string term_units(std::string_view term) {
  std::string units;
  if (plain_term_units(term, units)) return units;
  return normalise_term(term);
}

}  // namespace postcheck::lexicon_detail
