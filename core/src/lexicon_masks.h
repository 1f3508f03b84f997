// lexicon_masks.h — the masked spellings of masked terms ("f*ck", "b*llocks", "p*ss off"), matched
// without putting them in the trie. A word of n letters has n(n-1)/2 masks, which would make masks
// most of the trie; but a view word holding '*' is rare, so match() looks for
// '*' (memchr) and compares only those words, letter by letter, with the masked words that could fit
// them: grouped by first unit and length, a view word is tried only against the words as long as it
// (or shorter, where a wildcard or a possessive may follow), and longer than its first '*' is far in
// (the bench text's two '*' words cost ~2 k instructions, ~9 k when every word of the same first
// unit was tried). The spellings are the ones lexicon_variants.h lists: one run of '*' over letters
// after the first unit of one word of at most kMaxMaskedWordLength units, of the term or of one of
// its collapsed spellings (which the caller adds here as bases too). No I/O, no globals.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lexicon_trie.h"
#include "lexicon_variants.h"
#include "postcheck/lexicon.h"

namespace postcheck::lexicon_detail {

class MaskedSpellings {
 public:
  // Adds the masks of `base` (normalised units, as LexiconTrie::add takes them) for `owner`.
  // The base itself is not matched here. Invalidates compile() until it is called again.
  void add(std::string_view base, std::uint32_t owner, bool wildcard) {
    bases_.push_back(Base{static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(base.size()), owner,
                          wildcard});
    arena_.append(base);
    compiled_ = false;
  }

  // Indexes each maskable word of each base by its first unit's class and its length. Linear in the
  // bases' units.
  void compile();

  // Appends the masked occurrences in `units` (a view's units) to `out`, unordered: (owner, begin,
  // end) as the trie would report for the mask as a term, possessives included. Linear in the
  // view plus, per word holding '*', the masked words that begin like it and could fit it.
  void match(std::string_view units, std::vector<LexiconMatch>& out) const;

  // The bases as bytes (appended to `out`), and back: load() replaces the bases by the saved ones and
  // compiles them. Bytes save() did not make are refused (`in` fails, no bases are left).
  void save(std::string& out) const;
  void load(codec::ByteReader& in);
  // One more than the largest owner of a base (0 for none), and every such owner marked in `used`.
  std::uint32_t owner_limit() const {
    std::uint32_t limit = 0;
    for (const Base& b : bases_) limit = std::max(limit, b.owner + 1);
    return limit;
  }
  void mark_owners(std::vector<std::uint8_t>& used) const {
    for (const Base& b : bases_) used[b.owner] = 1;
  }

  // (base, owner, wildcard) entries added (a repeated one counts again).
  std::size_t base_count() const { return bases_.size(); }
  bool empty() const { return words_.empty(); }
  std::size_t memory_bytes() const {
    return arena_.capacity() + bases_.capacity() * sizeof(Base) + words_.capacity() * sizeof(Word) +
           groups_.capacity() * sizeof(std::uint32_t);
  }

 private:
  struct Base {
    std::uint32_t offset;  // in arena_
    std::uint32_t length;
    std::uint32_t owner;
    bool wildcard;
  };
  // A word of a base that masks may hide: it begins at `begin` in the base and has `length` units.
  struct Word {
    std::uint32_t base;
    std::uint32_t begin;
    std::uint32_t length;
    std::uint16_t group;  // in groups_
  };
  // words_ is grouped by the class of the word's first unit (kUnitClass), then its length, then
  // whether it is a tail: the last word of a wildcard base, which may fit the start of a longer view
  // word. Group g is words_[groups_[g], groups_[g + 1]) (groups_ has one more entry, which the
  // counting sort in compile() uses). A maskable word has 2.. units.
  static constexpr std::size_t kLengthGroups = kMaxMaskedWordLength + 1;
  static constexpr std::size_t kGroupCount = kUnitClassCount * kLengthGroups * 2;
  static std::size_t group_of(std::uint8_t unit_class, std::size_t length, bool tail) {
    return (unit_class * kLengthGroups + length) * 2 + (tail ? 1 : 0);
  }
  std::string_view units_of(const Base& b) const { return std::string_view(arena_).substr(b.offset, b.length); }
  void try_word(const Word& w, std::string_view units, std::size_t word_begin, std::vector<LexiconMatch>& out) const;

  std::string arena_;
  std::vector<Base> bases_;
  std::vector<Word> words_;  // in groups (groups_)
  std::vector<std::uint32_t> groups_;  // kGroupCount + 2 entries, after compile()
  bool compiled_ = false;
};

inline void MaskedSpellings::compile() {
  // Repeated bases only repeat occurrences, which Lexicon::match() drops; no need to sort strings.
  words_.clear();
  words_.reserve(bases_.size());  // most bases are one word
  groups_.assign(kGroupCount + 2, 0);
  for (std::size_t i = 0; i < bases_.size(); ++i) {
    const std::string_view base = units_of(bases_[i]);
    const bool wildcard = bases_[i].wildcard;
    for_each_term_word(base, [&](std::size_t begin, std::size_t end) {
      if (end - begin > kMaxMaskedWordLength) return;
      std::size_t k = begin + 1;
      while (k < end && !is_term_letter(base[k])) ++k;
      if (k == end) return;  // no letter to mask
      const std::size_t g = group_of(kUnitClass[static_cast<unsigned char>(base[begin])], end - begin,
                                     wildcard && end == base.size());
      words_.push_back(Word{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(begin),
                            static_cast<std::uint32_t>(end - begin), static_cast<std::uint16_t>(g)});
      ++groups_[g + 2];
    });
  }
  // Into groups (a counting sort, stable: bases stay in the order added). Counted one entry up, so
  // that placing the words moves each group's start there up to the next group's.
  for (std::size_t g = 2; g < groups_.size(); ++g) groups_[g] += groups_[g - 1];
  std::vector<Word> grouped(words_.size());
  for (const Word& w : words_) grouped[groups_[w.group + 1u]++] = w;
  words_.swap(grouped);
  compiled_ = true;
}

inline void MaskedSpellings::save(std::string& out) const {
  codec::append_varint(out, bases_.size());
  for (const Base& b : bases_) {
    codec::append_varint(out, (static_cast<std::uint64_t>(b.owner) << 1) | (b.wildcard ? 1 : 0));
    codec::append_varint(out, b.length);
    out.append(units_of(b));
  }
}

inline void MaskedSpellings::load(codec::ByteReader& in) {
  *this = MaskedSpellings();
  const std::size_t count = in.count(2);  // an owner and a length at least
  bases_.reserve(count);
  arena_.reserve(in.left());  // the bases' units are at most the rest of the bytes
  for (std::size_t n = count; n > 0 && in.ok(); --n) {
    const std::uint64_t entry = in.varint();
    if (entry >> 1 > 0xFFFFFFFEu) in.fail("a lexicon owner out of range");
    const std::string_view units = in.bytes(in.varint());
    if (in.ok()) add(units, static_cast<std::uint32_t>(entry >> 1), (entry & 1) != 0);
  }
  if (!in.ok()) {
    *this = MaskedSpellings();
    return;
  }
  compile();
}

// The base of `w` placed so that its masked word starts at units[word_begin]: its other units must
// be there as they are, and the masked word's must differ only by one run of '*' over letters after
// its first unit; then the end must be a word end (or anything, for a wildcard base).
inline void MaskedSpellings::try_word(const Word& w, std::string_view units, std::size_t word_begin,
                                      std::vector<LexiconMatch>& out) const {
  const Base& b = bases_[w.base];
  const std::string_view base = units_of(b);
  if (word_begin < w.begin + 1) return;
  const std::size_t begin = word_begin - w.begin;
  const std::size_t end = begin + base.size();
  if (units[begin - 1] != ' ' || end > units.size()) return;
  std::size_t first_masked = 0;
  std::size_t masked = 0;
  for (std::size_t k = 0; k < base.size(); ++k) {
    const char u = units[begin + k];
    if (u == base[k]) continue;
    if (u != '*' || k <= w.begin || k >= w.begin + w.length || !is_term_letter(base[k])) return;
    if (masked == 0) first_masked = k;
    if (k != first_masked + masked) return;  // a second run
    ++masked;
  }
  if (masked == 0) return;  // the base itself: the trie's
  if (b.wildcard) {
    const std::size_t space = units.find(' ', end);
    out.push_back(LexiconMatch{b.owner, static_cast<std::uint32_t>(begin),
                               static_cast<std::uint32_t>(space == std::string_view::npos ? units.size() : space)});
  } else if (end < units.size() && (units[end] == ' ' || (units[end] == '\'' && is_possessive_apostrophe(units, end)))) {
    out.push_back(LexiconMatch{b.owner, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  }
}

inline void MaskedSpellings::match(std::string_view units, std::vector<LexiconMatch>& out) const {
  if (!compiled_ || words_.empty()) return;
  std::size_t star = units.find('*');
  while (star != std::string_view::npos) {
    const std::size_t space_before = units.rfind(' ', star);
    const std::size_t word_begin = space_before == std::string_view::npos ? 0 : space_before + 1;
    std::size_t word_end = units.find(' ', star);
    if (word_end == std::string_view::npos) word_end = units.size();
    // A masked word that fits begins the view word and holds its first '*' (star): it is longer
    // than star is far in. As long as the view word, or shorter when the view word goes on past it,
    // which only a wildcard allows (a tail), or a possessive's apostrophe.
    const std::size_t length = word_end - word_begin;
    const std::uint8_t first = kUnitClass[static_cast<unsigned char>(units[word_begin])];
    for (std::size_t l = std::max<std::size_t>(star - word_begin + 1, 2); l <= std::min(length, kMaxMaskedWordLength);
         ++l) {
      const std::size_t plain = group_of(first, l, false);
      const bool plain_fits = l == length || units[word_begin + l] == '\'';
      for (std::uint32_t k = groups_[plain_fits ? plain : plain + 1]; k < groups_[plain + 2]; ++k) {
        try_word(words_[k], units, word_begin, out);
      }
    }
    star = word_end < units.size() ? units.find('*', word_end) : std::string_view::npos;
  }
}

}  // namespace postcheck::lexicon_detail
