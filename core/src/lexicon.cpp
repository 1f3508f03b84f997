// lexicon.cpp — Lexicon: reads terms (the trailing '*' wildcard, normalisation, spellings without a
// contraction's apostrophe, masked spellings) and
// hands them to the one whole-word trie that matches them all (lexicon_trie.h), the masks of masked
// terms to the '*' matcher beside it (lexicon_masks.h).
#include "postcheck/lexicon.h"

#include <algorithm>
#include <string>
#include <utility>

#include "byte_codec.h"
#include "lexicon_masks.h"
#include "lexicon_term.h"
#include "lexicon_trie.h"
#include "lexicon_variants.h"

namespace postcheck {

struct Lexicon::Impl {
  lexicon_detail::LexiconTrie trie;
  lexicon_detail::MaskedSpellings masks;
  std::string units;  // add()'s scratch: a term's units
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

bool Lexicon::add(std::string_view term_utf8, std::uint32_t owner, LexiconOptions options) {
  std::string_view term = trim(term_utf8);
  // Only one '*' is the wildcard: "f***" as a term is "f**" plus a wildcard, never "f" plus one.
  const bool wildcard = !term.empty() && term.back() == '*';
  if (wildcard) term.remove_suffix(1);
  std::string& units = impl_->units;
  if (!lexicon_detail::plain_term_units(term, units)) units = normalise_term(term);
  if (units.empty()) return false;

  impl_->trie.add(units, owner, wildcard);
  if (const std::string unapostrophised = lexicon_detail::apostrophe_free_variant(units); !unapostrophised.empty()) {
    impl_->trie.add(unapostrophised, owner, wildcard);
  }
  if (options.masked) {
    // Collapsed spellings are ordinary terms; the masks of the term and of each of those are matched
    // beside the trie.
    impl_->masks.add(units, owner, wildcard);
    for (const std::string& collapsed : lexicon_detail::collapsed_variants(units)) {
      impl_->trie.add(collapsed, owner, wildcard);
      impl_->masks.add(collapsed, owner, wildcard);
    }
  }
  return true;
}

void Lexicon::compile() {
  impl_->trie.compile();
  impl_->masks.compile();
}

void Lexicon::match(const NormalisedView& view, std::vector<LexiconMatch>& out) const {
  const std::size_t first = out.size();
  const std::string_view units = view.units_view();
  impl_->trie.match(units, out);
  const std::size_t masked_from = out.size();
  impl_->masks.match(units, out);
  if (out.size() == masked_from) return;
  // Rare (a view word holding '*' that a mask fits): merge into the trie's order, once each.
  const auto begin = out.begin() + static_cast<std::ptrdiff_t>(first);
  const auto middle = out.begin() + static_cast<std::ptrdiff_t>(masked_from);
  std::sort(middle, out.end(), lexicon_detail::match_before);
  std::inplace_merge(begin, middle, out.end(), lexicon_detail::match_before);
  out.erase(std::unique(begin, out.end(), lexicon_detail::same_match), out.end());
}

std::string Lexicon::save() const {
  std::string out;
  impl_->trie.save(out);
  impl_->masks.save(out);
  return out;
}

std::optional<Lexicon> Lexicon::load(std::string_view bytes, std::string& why_not) {
  codec::ByteReader in(bytes);
  Lexicon lexicon;
  lexicon.impl_->trie.load(in);
  if (in.ok()) lexicon.impl_->masks.load(in);
  if (in.ok() && !in.at_end()) in.fail("bytes after the lexicon");
  if (!in.ok()) {
    why_not = in.error();
    return std::nullopt;
  }
  return lexicon;
}

std::uint32_t Lexicon::owner_limit() const {
  return std::max(impl_->trie.owner_limit(), impl_->masks.owner_limit());
}

std::vector<bool> Lexicon::owners() const {
  // Marked as bytes (the trie has thousands of entries over a few hundred owners, and a vector<bool>
  // store is a read-modify-write of a bit), then packed once.
  std::vector<std::uint8_t> used(owner_limit(), 0);
  impl_->trie.mark_owners(used);
  impl_->masks.mark_owners(used);
  return std::vector<bool>(used.begin(), used.end());
}

std::size_t Lexicon::pattern_count() const {
  return impl_->trie.pattern_count() + impl_->masks.base_count();
}
std::size_t Lexicon::state_count() const { return impl_->trie.state_count(); }
std::size_t Lexicon::memory_bytes() const { return impl_->trie.memory_bytes() + impl_->masks.memory_bytes(); }

}  // namespace postcheck
