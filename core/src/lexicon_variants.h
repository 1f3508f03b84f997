// lexicon_variants.h — the other spellings a term also matches: without its contractions' apostrophes
// ("dont", "im"), and for a masked term its masks and collapsed letters ("f*ck", "f***", "bolocks").
// Pure functions on normalised terms (units of normalise.h, words separated by one ' ');
// no I/O, no state. Lexicon::add() puts those spellings in the trie, and
// lexicon_masks.h matches the masks without listing them; masked_variants() lists them all, the
// definition the tests hold that matcher to.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postcheck::lexicon_detail {

// Only words this short get masks: a word of n letters has n(n-1)/2 masked spellings and each adds
// states, and long words are rarely masked letter by letter anyway.
inline constexpr std::size_t kMaxMaskedWordLength = 12;
// A collapsed word must keep this many units, so "ass" never becomes "as".
inline constexpr std::size_t kMinCollapsedWordLength = 4;
// Terms with more doubled letters than this collapse all at once instead of in every combination.
inline constexpr std::size_t kMaxDoublesCombined = 3;

inline bool is_term_letter(char c) { return c >= 'a' && c <= 'z'; }

// Calls visit(begin, end) for [begin, end) of each word of `term`, in order.
template <typename Visit>
void for_each_term_word(std::string_view term, Visit visit) {
  std::size_t i = 0;
  while (i < term.size()) {
    while (i < term.size() && term[i] == ' ') ++i;
    const std::size_t begin = i;
    while (i < term.size() && term[i] != ' ') ++i;
    if (i > begin) visit(begin, i);
  }
}

// [begin, end) of each word of `term`.
inline std::vector<std::pair<std::size_t, std::size_t>> term_words(std::string_view term) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  for_each_term_word(term, [&](std::size_t begin, std::size_t end) { words.emplace_back(begin, end); });
  return words;
}

// Spellings with doubled letters collapsed ("bollocks" → "bolocks"), because the view collapses runs
// of 3+ identical letters to one: "bolllllocks" reads "bolocks" and must still match. Every non-empty
// combination of the term's doubled letters when there are few, else all of them at once; a
// combination is kept only if each word it shortens keeps kMinCollapsedWordLength units.
inline std::vector<std::string> collapsed_variants(std::string_view term) {
  std::vector<std::size_t> doubles;  // index of the second letter of each doubled pair
  for (std::size_t i = 1; i < term.size(); ++i) {
    if (is_term_letter(term[i]) && term[i] == term[i - 1] && (i < 2 || term[i - 2] != term[i])) {
      doubles.push_back(i);
    }
  }
  std::vector<std::string> out;
  if (doubles.empty()) return out;

  const auto words = term_words(term);
  // collapses(d): whether this spelling drops the second letter of doubles[d].
  auto build = [&](auto collapses) {
    for (const auto& [word_begin, word_end] : words) {
      std::size_t length = word_end - word_begin;
      const std::size_t before = length;
      for (std::size_t d = 0; d < doubles.size(); ++d) {
        if (collapses(d) && doubles[d] >= word_begin && doubles[d] < word_end) --length;
      }
      if (length != before && length < kMinCollapsedWordLength) return;
    }
    std::string variant;
    variant.reserve(term.size());
    for (std::size_t i = 0, d = 0; i < term.size(); ++i) {
      const bool dropped = d < doubles.size() && doubles[d] == i && collapses(d);
      if (d < doubles.size() && doubles[d] == i) ++d;
      if (!dropped) variant.push_back(term[i]);
    }
    out.push_back(std::move(variant));
  };

  if (doubles.size() <= kMaxDoublesCombined) {
    for (unsigned mask = 1; mask < (1u << doubles.size()); ++mask) {
      build([mask](std::size_t d) { return (mask >> d & 1u) != 0; });
    }
  } else {
    build([](std::size_t) { return true; });
  }
  return out;
}

// The spelling of `term` with the apostrophes of its contractions left out, as posts typed on phones
// spell them ("didn't sleep" → "didnt sleep", "i'm so stressed" → "im so stressed"); empty when the
// term has none. Only n't, 'm, 've, 're and 'll, and never where leaving the apostrophe out makes
// another word: "we're" (were), "i'll" (ill), "we'll" (well), "he'll" (hell), "she'll" (shell).
inline std::string apostrophe_free_variant(std::string_view term) {
  std::string out;
  if (term.find('\'') == std::string_view::npos) return out;  // most terms: nothing to look at
  bool changed = false;
  for (const auto& [word_begin, word_end] : term_words(term)) {
    if (!out.empty()) out.push_back(' ');
    const std::string_view word = term.substr(word_begin, word_end - word_begin);
    const std::size_t apostrophe = word.find('\'');
    if (apostrophe == std::string_view::npos || apostrophe == 0 || word.find('\'', apostrophe + 1) != std::string_view::npos) {
      out.append(word);
      continue;
    }
    const std::string_view after = word.substr(apostrophe + 1);
    const bool contraction = (after == "t" && word[apostrophe - 1] == 'n') || after == "m" || after == "ve" ||
                             after == "re" || after == "ll";
    const bool another_word = word == "we're" || word == "i'll" || word == "we'll" || word == "he'll" ||
                              word == "she'll";
    if (!contraction || another_word) {
      out.append(word);
      continue;
    }
    out.append(word.substr(0, apostrophe));
    out.append(after);
    changed = true;
  }
  if (!changed) out.clear();
  return out;
}

// Spellings with one contiguous run of '*' over letters after the first unit of one word ("fuck" →
// "f*ck", "fu*k", "fuc*", "f**k", "fu**", "f***"). Only words of 2..kMaxMaskedWordLength units.
inline void append_masks(std::string_view term, std::vector<std::string>& out) {
  for (const auto& [word_begin, word_end] : term_words(term)) {
    if (word_end - word_begin > kMaxMaskedWordLength) continue;
    for (std::size_t first = word_begin + 1; first < word_end; ++first) {
      std::string variant(term);
      for (std::size_t last = first; last < word_end && is_term_letter(term[last]); ++last) {
        variant[last] = '*';
        out.push_back(variant);
      }
    }
  }
}

// Every other spelling of `term` under LexiconOptions::masked: its collapsed spellings, and the
// masks of the term and of each collapsed spelling. Sorted, without duplicates, without `term`.
inline std::vector<std::string> masked_variants(std::string_view term) {
  std::vector<std::string> out = collapsed_variants(term);
  const std::size_t bases = out.size();
  append_masks(term, out);
  for (std::size_t b = 0; b < bases; ++b) {
    const std::string base = out[b];
    append_masks(base, out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  out.erase(std::remove(out.begin(), out.end(), term), out.end());
  return out;
}

}  // namespace postcheck::lexicon_detail
