// lexicon.cpp — Lexicon: reads terms (the trailing '*' wildcard, normalisation, masked spellings) and
// hands them to the one whole-word automaton that matches them all (lexicon_automaton.h).
#include "postcheck/lexicon.h"

#include <string>
#include <utility>

#include "lexicon_automaton.h"
#include "lexicon_variants.h"

namespace postcheck {

struct Lexicon::Impl {
  lexicon_detail::LexiconAutomaton automaton;
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
  const std::string units = normalise_term(term);
  if (units.empty()) return false;

  impl_->automaton.add(units, owner, wildcard);
  if (options.masked) {
    for (const std::string& variant : lexicon_detail::masked_variants(units)) {
      impl_->automaton.add(variant, owner, wildcard);
    }
  }
  return true;
}

void Lexicon::compile() { impl_->automaton.compile(); }

void Lexicon::match(const NormalisedView& view, std::vector<LexiconMatch>& out) const {
  impl_->automaton.match(view.units, out);
}

std::size_t Lexicon::pattern_count() const { return impl_->automaton.pattern_count(); }
std::size_t Lexicon::state_count() const { return impl_->automaton.state_count(); }
std::size_t Lexicon::memory_bytes() const { return impl_->automaton.memory_bytes(); }

}  // namespace postcheck
