// triggers.h — the one pass over a text that all recognizers share (internal). Every recognizer
// anchors on a few kinds of position: digit runs (numbers, postcodes, dates, house numbers, keys),
// '@' (emails), '.', ':' and '\' (links), the words a credential keyword can start, and capitalised
// words (names, initials). find_triggers() lists those positions in one linear pass, so each
// recognizer looks only where one of its anchors is instead of re-reading the whole text.
#pragma once

#include <cstdint>
#include <vector>

#include "recognizers/scan.h"

namespace postcheck::recognizers {

// Which lists to fill: a list nobody reads is not built.
struct TriggerNeeds {
  bool digit_runs = false;
  bool at_signs = false;
  bool link_marks = false;
  bool keyword_words = false;
  bool capitalised_words = false;
};

// A maximal run of ASCII digits, [begin, end): found once here, so that no family reads it again.
struct DigitRun {
  std::uint32_t begin;
  std::uint32_t end;
};

struct Triggers {
  std::vector<DigitRun> digit_runs;              // each maximal run of ASCII digits
  std::vector<std::uint32_t> at_signs;           // every '@'
  std::vector<std::uint32_t> link_marks;         // every '.', ':' and '\'
  std::vector<std::uint32_t> keyword_words;      // starts of the words a credential keyword can start from
  std::vector<std::uint32_t> capitalised_words;  // word starts holding an ASCII capital letter
};

// Word starts are in the sense of scan::word_end: a word character not preceded by one, and not
// the letter after an inner apostrophe ("Mine’s"). Linear in the text; every list ascending.
void find_triggers(scan::Chars s, const TriggerNeeds& needs, Triggers& out);

}  // namespace postcheck::recognizers
