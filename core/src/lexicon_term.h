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
  std::size_t word_length = 0;           // of the word being read, in term bytes
  std::size_t previous_word_length = 0;  // of the word before it
  std::size_t run = 0;                   // identical letters ending here
  char last = ' ';                       // the last unit written (' ' at a word's start)
  for (const char c : term) {
    if (is_ascii_letter(c)) {
      const char lower = static_cast<char>(c | 0x20);
      run = lower == last ? run + 1 : 1;
      ++word_length;
      last = lower;
      if (run == 3) {
        --length;  // a third identical letter: the run collapses to its first
      } else if (run < 3) {
        units[length++] = lower;
      }
    } else if (c == '\'') {
      if (last == ' ' || last == '\'') return false;  // only right after a letter
      units[length++] = '\'';
      ++word_length;
      last = '\'';
      run = 0;
    } else if (c == ' ') {
      if (last != ' ' && last != '\'') {
        if (word_length == 1 && previous_word_length == 1) return false;
      } else {
        return false;  // a leading ' ', two ' ', or a word ending in '\''
      }
      previous_word_length = word_length;
      word_length = 0;
      units[length++] = ' ';
      last = ' ';
      run = 0;
    } else {
      return false;
    }
  }
  if (last == ' ' || last == '\'') return false;  // empty, or a trailing ' ' or '\''
  if (word_length == 1 && previous_word_length == 1) return false;
  out.resize(length);
  return true;
}

// The units of `term` (no leading or trailing ' '), exactly as normalise_term() gives them.
inline std::string term_units(std::string_view term) {
  std::string units;
  if (plain_term_units(term, units)) return units;
  return normalise_term(term);
}

}  // namespace postcheck::lexicon_detail
