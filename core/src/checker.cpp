// checker.cpp — compiles a Policy (one lexicon trie for every term, the recognizers the rules
// use, one evaluator per rule) and checks posts with it.
//
//   Policy ──compile──▶ atoms (vocabularies, inline term lists, recognizer kinds)
//                        ├─ Lexicon: every term, owner = its atom
//                        └─ rules: evaluator + the atoms of its matcher sets
//   check(text): Text ─▶ NormalisedView ─▶ lexicon hits ─┐
//                Text ─▶ recognizers in use ─────────────┴▶ atom hits ─▶ rules ─▶ merge ─▶ findings
#include "postcheck/checker.h"

#include <algorithm>
#include <array>
#include <map>

#include "postcheck/lexicon.h"
#include "postcheck/normalise.h"
#include "rules/rule_kind.h"

namespace postcheck {

using rules::Candidate;
using rules::CheckState;
using rules::CompiledSet;
using rules::Hit;
using rules::RuleSets;

namespace {

constexpr std::uint32_t kNoAtom = UINT32_MAX;

struct CompiledRule {
  const Rule* rule;
  std::size_t order;
  RuleSets sets;
  std::unique_ptr<rules::RuleEvaluator> evaluator;
};

bool is_word_char(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000);
}

// "f*cking" -> "*******": every letter and digit becomes '*'. Keeping the first letter ("f******")
// would still read as the word it hides, and the disguise-aware lexicon would flag the fix itself.
std::string masked(const Text& text, std::uint32_t begin, std::uint32_t end) {
  std::string out;
  for (std::uint32_t i = begin; i < end; ++i) {
    const char32_t c = text[i];
    if (is_word_char(c) || c == '*' || c == '@' || c == '$') {
      out.push_back('*');
    } else {
      out.append(text.slice(i, i + 1));
    }
  }
  return out;
}

struct Flagged {
  const CompiledRule* rule;
  Hit span;
};

}  // namespace

struct Checker::Impl {
  Policy policy;
  Lexicon lexicon;
  std::size_t atom_count = 0;
  std::vector<std::uint32_t> exception_atom_of;        // per atom: the atom of its exceptions, or kNoAtom
  std::vector<std::optional<RecognizerKind>> recognizer_of;  // per atom: a recognizer atom's kind
  RecognizerSet recognizer_used;  // every recognizer a rule reads, run together in one pass
  std::vector<CompiledRule> rules;

  std::uint32_t new_atom() {
    exception_atom_of.push_back(kNoAtom);
    recognizer_of.emplace_back();
    return static_cast<std::uint32_t>(atom_count++);
  }

  std::uint32_t terms_atom(const std::vector<std::string>& terms, bool masked_terms) {
    const std::uint32_t atom = new_atom();
    for (const auto& t : terms) lexicon.add(t, atom, LexiconOptions{masked_terms});
    return atom;
  }

  std::map<std::string, std::uint32_t> vocabulary_atoms;
  std::array<std::uint32_t, kRecognizerCount> recognizer_atoms{};

  std::map<std::vector<std::uint32_t>, std::uint32_t> set_ids;  // atoms -> CompiledSet::id

  void assign_set_id(CompiledSet& set) {
    const auto [it, added] = set_ids.emplace(set.atoms, static_cast<std::uint32_t>(set_ids.size()));
    set.id = it->second;
  }

  CompiledSet compile_set(const MatcherSet& set, bool masked_terms) {
    CompiledSet out;
    if (!set.terms.empty()) out.atoms.push_back(terms_atom(set.terms, masked_terms));
    for (const auto& name : set.vocabularies) {
      auto it = vocabulary_atoms.find(name);
      if (it != vocabulary_atoms.end()) out.atoms.push_back(it->second);
    }
    for (RecognizerKind kind : set.recognizers) {
      auto& atom = recognizer_atoms[static_cast<std::size_t>(kind)];
      if (atom == kNoAtom) {
        atom = new_atom();
        recognizer_of[atom] = kind;
        recognizer_used.insert(kind);
      }
      out.atoms.push_back(atom);
    }
    assign_set_id(out);
    return out;
  }

  explicit Impl(Policy p) : policy(std::move(p)) {
    recognizer_atoms.fill(kNoAtom);
    for (const auto& [name, vocabulary] : policy.vocabularies) {
      const std::uint32_t atom = terms_atom(vocabulary.terms, vocabulary.masked);
      if (!vocabulary.exceptions.empty()) exception_atom_of[atom] = terms_atom(vocabulary.exceptions, false);
      vocabulary_atoms.emplace(name, atom);
    }
    rules.reserve(policy.rules.size());
    for (std::size_t i = 0; i < policy.rules.size(); ++i) {
      const Rule& rule = policy.rules[i];
      RuleSets sets;
      sets.match = compile_set(rule.match, rule.masked);
      sets.near = compile_set(rule.near, false);
      sets.require = compile_set(rule.require, false);
      sets.forbid = compile_set(rule.forbid, false);
      sets.unless = compile_set(rule.unless, false);
      if (!rule.exceptions.empty()) sets.exceptions.atoms.push_back(terms_atom(rule.exceptions, false));
      assign_set_id(sets.exceptions);
      if (rule.recognizer) recognizer_used.insert(*rule.recognizer);
      auto evaluator = rules::make_rule_evaluator(rule, sets);
      rules.push_back({&rule, i, std::move(sets), std::move(evaluator)});
    }
    lexicon.compile();
  }

  std::vector<Finding> check(const Text& text, const Context& context) const;
};

std::vector<Finding> Checker::Impl::check(const Text& text, const Context& context) const {
  CheckState state(text, atom_count, set_ids.size());

  if (lexicon.pattern_count() > 0 && text.size() > 0) {
    const NormalisedView view = normalise(text);
    std::vector<LexiconMatch> matches;
    lexicon.match(view, matches);
    for (const auto& m : matches) {
      state.atom_hits[m.owner].push_back({view.origin_begin[m.begin], view.origin_end[m.end - 1]});
    }
    // Drop vocabulary hits that lie inside one of the vocabulary's exceptions.
    for (std::size_t atom = 0; atom < atom_count; ++atom) {
      const std::uint32_t exc = exception_atom_of[atom];
      if (exc == kNoAtom || state.atom_hits[exc].empty()) continue;
      auto& hits = state.atom_hits[atom];
      const auto& excepted = state.atom_hits[exc];
      hits.erase(std::remove_if(hits.begin(), hits.end(),
                                [&](Hit h) {
                                  return std::any_of(excepted.begin(), excepted.end(), [&](Hit e) {
                                    return e.begin <= h.begin && h.end <= e.end;
                                  });
                                }),
                 hits.end());
    }
  }
  recognize_all(recognizer_used, text, state.recognized);
  for (std::size_t k = 0; k < kRecognizerCount; ++k) {
    const std::uint32_t atom = recognizer_atoms[k];
    if (atom != kNoAtom) {
      for (const auto& m : state.recognized[k]) state.atom_hits[atom].push_back({m.begin, m.end});
    }
  }

  std::vector<Flagged> flagged;
  std::vector<Candidate> candidates;
  for (const auto& compiled : rules) {
    const Rule& rule = *compiled.rule;
    if (!rule.when.matches(context)) continue;
    if (state.any(compiled.sets.unless)) continue;
    candidates.clear();
    compiled.evaluator->evaluate(state, candidates);
    for (const auto& c : candidates) {
      if (c.span.begin < c.span.end) flagged.push_back({&compiled, c.span});
    }
  }

  // Merge overlapping findings of one category: the most severe rule (then the earliest in the
  // policy) speaks for the union of the spans.
  std::sort(flagged.begin(), flagged.end(), [](const Flagged& a, const Flagged& b) {
    if (a.rule->rule->category != b.rule->rule->category) return a.rule->rule->category < b.rule->rule->category;
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  struct Merged {
    const CompiledRule* rule;
    Hit span;
    bool grew;
  };
  std::vector<Merged> merged;
  for (const auto& f : flagged) {
    if (!merged.empty() && merged.back().rule->rule->category == f.rule->rule->category &&
        f.span.begin < merged.back().span.end) {
      Merged& m = merged.back();
      const Rule& current = *m.rule->rule;
      const Rule& incoming = *f.rule->rule;
      if (incoming.severity > current.severity ||
          (incoming.severity == current.severity && f.rule->order < m.rule->order)) {
        m.rule = f.rule;
      }
      if (f.span.end > m.span.end || f.span.begin < m.span.begin) m.grew = true;
      m.span.end = std::max(m.span.end, f.span.end);
      continue;
    }
    merged.push_back({f.rule, f.span, false});
  }

  // Findings in their final order (start, most severe first, end, category); sorting the small
  // merged records first saves moving whole Findings (with their strings) around. The keys are
  // unique: spans of one category no longer overlap after the merge, and no span is empty.
  std::sort(merged.begin(), merged.end(), [](const Merged& a, const Merged& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    const Rule& ra = *a.rule->rule;
    const Rule& rb = *b.rule->rule;
    if (ra.severity != rb.severity) return ra.severity > rb.severity;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return ra.category < rb.category;
  });
  std::vector<Finding> findings;
  findings.reserve(merged.size());
  for (const auto& m : merged) {
    const Rule& rule = *m.rule->rule;
    Finding f;
    f.rule = rule.id;
    f.rule_index = static_cast<std::uint32_t>(&rule - policy.rules.data());
    f.category = rule.category;
    f.severity = rule.severity;
    f.clause = rule.clause;
    f.message = rule.message;
    f.advice = rule.advice;
    f.cp_start = m.span.begin;
    f.cp_end = m.span.end;
    f.byte_start = text.byte_offset(m.span.begin);
    f.byte_end = text.byte_offset(m.span.end);
    f.u16_start = text.utf16_offset(m.span.begin);
    f.u16_end = text.utf16_offset(m.span.end);
    f.excerpt = std::string(text.slice(m.span.begin, m.span.end));
    if (rule.mask) {
      f.suggestion = Suggestion{Suggestion::Action::replace, masked(text, m.span.begin, m.span.end)};
    } else if (rule.suggestion) {
      // A replacement written for one phrase does not fit a span that grew by merging.
      const bool fits = rule.suggestion->action != Suggestion::Action::replace || !m.grew;
      if (fits) f.suggestion = rule.suggestion;
    }
    findings.push_back(std::move(f));
  }
  return findings;
}

Checker::Checker(Policy policy) : impl_(std::make_unique<Impl>(std::move(policy))) {}
Checker::~Checker() = default;
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;

std::vector<Finding> Checker::check(std::string_view utf8, const Context& context) const {
  return impl_->check(Text::from_utf8(utf8), context);
}
std::vector<Finding> Checker::check(std::u16string_view utf16, const Context& context) const {
  return impl_->check(Text::from_utf16(utf16), context);
}
std::vector<Finding> Checker::check(const Text& text, const Context& context) const {
  return impl_->check(text, context);
}
const Policy& Checker::policy() const { return impl_->policy; }

}  // namespace postcheck
