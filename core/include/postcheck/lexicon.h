// lexicon.h — matches every term of every rule in one pass over a NormalisedView.
// Two phases (as re2's RE2::Set): add() terms, compile() once into one trie of all of them, then
// match() any number of times: const, and linear in the view (a walk from each word start, at most
// the longest term long; the policy loader caps terms at kMaxTermBytes).
// Terms are normalised with normalise_term(). Matching is whole-word: a match must start at a word
// boundary (the unit before it is ' ') and end at one, unless the term ends with '*' (a suffix
// wildcard: "grumbl*" matches "grumbling", and the match is extended to the end of the word).
// A possessive is a word end: "client" matches "client's" (and "carers" matches "carers'"), the
// match stopping before the apostrophe. A contraction also matches without its apostrophe ("can't
// stand" matches "cant stand"; "i'm" matches "im"), except where that spells another word ("we're").
// Multi-word terms match across any run of separators, since the view has folded those to one ' '.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postcheck/normalise.h"

namespace postcheck {

struct LexiconOptions {
  // Also match masked spellings: one run of '*' replacing letters after the first of one word
  // ("fuck" also as "f*ck", "fu*k", "f**k", "f***"; words of up to 12 letters), and spellings with
  // doubled letters collapsed where the word keeps 4+ units ("bollocks" also as "bolocks", which is
  // how the view reads "bolllllocks"). For profanity lists.
  bool masked = false;
};

// One occurrence: the owner given to add(), and the view units [begin, end) it covers.
struct LexiconMatch {
  std::uint32_t owner;
  std::uint32_t begin;
  std::uint32_t end;
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Adds a term for `owner` (any number the caller chooses; many owners may share a term).
  // Returns false (and adds nothing) when the term normalises to nothing. Call before compile()
  // (an add() after it takes effect at the next compile(); until then match() finds nothing).
  // Only the last '*' is the wildcard: the term "f***" is "f**" followed by a wildcard.
  bool add(std::string_view term_utf8, std::uint32_t owner, LexiconOptions options = {});

  // Builds the trie. Call once, after the last add(). Linear in the terms' units; no allocation per
  // node or term.
  void compile();

  // Appends every whole-word occurrence in `view` to `out`, ordered by end, then begin, then owner;
  // each (owner, begin, end) once, however many spellings of the owner's terms hit it.
  // Precondition: compile() was called. Linear in view.units.size() times at most the longest term
  // (policies cap terms at kMaxTermBytes, policy.h), plus the matches.
  void match(const NormalisedView& view, std::vector<LexiconMatch>& out) const;

  // The compiled lexicon as bytes, for load() to rebuild without adding the terms again (the
  // WebAssembly module's default policy arrives this way: policy_image.h). Precondition: compile()
  // was called since the last add(). Deterministic.
  std::string save() const;
  // A compiled lexicon that matches exactly as the one save() was called on, or nullopt and the
  // reason in `why_not` for bytes save() did not make (never a read out of bounds). It keeps no terms:
  // an add() to it starts a lexicon of the new terms only. Linear in the bytes.
  static std::optional<Lexicon> load(std::string_view bytes, std::string& why_not);

  // One more than the largest owner given to add() of a term that has spellings (0 for none), and
  // whether each owner below that has any (owners() is owner_limit() long): an owner whose terms all
  // normalised to nothing has none. Of a compiled lexicon.
  std::uint32_t owner_limit() const;
  std::vector<bool> owners() const;

  // Distinct (spelling, owner, wildcard) entries added: each term and each collapsed spelling of a
  // masked term, plus one per masked term and collapsed spelling standing for all its masks. The
  // trie's spellings are counted by compile(), so call it first.
  std::size_t pattern_count() const;
  // Nodes of the compiled trie (0 before compile()).
  std::size_t state_count() const;
  // Bytes held by the compiled trie and masks (for sizing the wasm heap and the benchmark's report).
  std::size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace postcheck
