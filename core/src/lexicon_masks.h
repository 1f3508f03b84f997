// lexicon_masks.h — the masked spellings of masked terms ("f*ck", "b*llocks", "p*ss off"), matched
// without putting them in the trie. A word of n letters has n(n-1)/2 masks, which would make masks
// most of the trie; but a view word holding '*' is rare, so match() looks for
// '*' (memchr) and compares only those words, letter by letter, with the masked terms whose word
// begins the same. The spellings are the ones lexicon_variants.h lists: one run of '*' over letters
// after the first unit of one word of at most kMaxMaskedWordLength units, of the term or of one of
// its collapsed spellings (which the caller adds here as bases too). No I/O, no globals.
#pragma once

#include <algorithm>
#include <array>
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

  // Indexes each maskable word of each base by its first unit. Linear in the bases' units.
  void compile();

  // Appends the masked occurrences in `units` (a view's units) to `out`, unordered: (owner, begin,
  // end) as the trie would report for the mask as a term, possessives included. Linear in the
  // view plus, per word holding '*', the masked words that begin like it.
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
    return arena_.capacity() + bases_.capacity() * sizeof(Base) + words_.capacity() * sizeof(Word);
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
    char first;
    std::uint32_t base;
    std::uint32_t begin;
    std::uint32_t length;
  };
  std::string_view units_of(const Base& b) const { return std::string_view(arena_).substr(b.offset, b.length); }
  void try_word(const Word& w, std::string_view units, std::size_t word_begin, std::vector<LexiconMatch>& out) const;

  std::string arena_;
  std::vector<Base> bases_;
  std::vector<Word> words_;  // sorted by first unit
  bool compiled_ = false;
};

inline void MaskedSpellings::compile() {
  // Repeated bases only repeat occurrences, which Lexicon::match() drops; no need to sort strings.
  words_.clear();
  words_.reserve(bases_.size());  // most bases are one word
  std::array<std::uint32_t, 257> first_count{};
  for (std::size_t i = 0; i < bases_.size(); ++i) {
    const std::string_view base = units_of(bases_[i]);
    for_each_term_word(base, [&](std::size_t begin, std::size_t end) {
      if (end - begin > kMaxMaskedWordLength) return;
      bool maskable = false;
      for (std::size_t k = begin + 1; k < end; ++k) maskable = maskable || is_term_letter(base[k]);
      if (!maskable) return;
      words_.push_back(Word{base[begin], static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(begin),
                            static_cast<std::uint32_t>(end - begin)});
      ++first_count[static_cast<unsigned char>(base[begin]) + 1u];
    });
  }
  // Grouped by first unit (a counting sort, stable: bases stay in the order added).
  for (std::size_t b = 1; b < first_count.size(); ++b) first_count[b] += first_count[b - 1];
  std::vector<Word> grouped(words_.size());
  for (const Word& w : words_) grouped[first_count[static_cast<unsigned char>(w.first)]++] = w;
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
    const auto range = std::equal_range(words_.begin(), words_.end(), Word{units[word_begin], 0, 0, 0},
                                        [](const Word& a, const Word& b) {
                                          return static_cast<unsigned char>(a.first) < static_cast<unsigned char>(b.first);
                                        });
    for (auto it = range.first; it != range.second; ++it) {
      if (it->length <= word_end - word_begin) try_word(*it, units, word_begin, out);
    }
    star = word_end < units.size() ? units.find('*', word_end) : std::string_view::npos;
  }
}

}  // namespace postcheck::lexicon_detail
