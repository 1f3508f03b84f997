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
#include <cassert>
#include <map>
#include <string_view>

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
  std::uint32_t category;  // the rank of rule->category among the policy's categories, in string order
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

// A rule's candidate span; after the merge, the union of overlapping ones of one category. The
// rule's category rank and severity are copied in, so that the sorts below read no rule.
struct Flagged {
  const CompiledRule* rule;
  Hit span;
  std::uint32_t category;  // the rank of rule->rule->category (CompiledRule::category)
  Severity severity;       // rule->rule->severity
  bool grew;               // the merge took in a span that reached past this one
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

  // The lexicon's owners are the policy's term lists, numbered in the order for_each_term_list()
  // visits them, empty or not; a list whose terms have spellings in the lexicon is an atom.
  std::vector<bool> list_has_spellings;
  std::vector<std::uint32_t> atom_of_list;  // per term list: its atom, or kNoAtom
  std::uint32_t lists_seen = 0;             // while compiling: the next term list's number

  // Every term list of `policy` in the order the constructor below reaches them: each vocabulary's
  // terms and exceptions (by name), then each rule's match, near, require, forbid and unless terms
  // and its exceptions. `visit(terms, masked)`.
  template <typename Visit>
  static void for_each_term_list(const Policy& policy, Visit visit) {
    for (const auto& [name, vocabulary] : policy.vocabularies) {
      visit(vocabulary.terms, vocabulary.masked);
      visit(vocabulary.exceptions, false);
    }
    for (const Rule& rule : policy.rules) {
      for (const MatcherSet* set : {&rule.match, &rule.near, &rule.require, &rule.forbid, &rule.unless}) {
        visit(set->terms, set == &rule.match && rule.masked);
      }
      visit(rule.exceptions, false);
    }
  }

  static std::size_t term_list_count(const Policy& policy) {
    std::size_t lists = 0;
    for_each_term_list(policy, [&](const std::vector<std::string>&, bool) { ++lists; });
    return lists;
  }

  std::uint32_t new_atom() {
    exception_atom_of.push_back(kNoAtom);
    recognizer_of.emplace_back();
    return static_cast<std::uint32_t>(atom_count++);
  }

  // The atom of the next term list, or kNoAtom when it has no spellings.
  std::uint32_t next_list_atom() {
    const std::uint32_t list = lists_seen++;
    if (!list_has_spellings[list]) return kNoAtom;
    const std::uint32_t atom = new_atom();
    atom_of_list[list] = atom;
    return atom;
  }

  std::map<std::string, std::uint32_t> vocabulary_atoms;
  std::array<std::uint32_t, kRecognizerCount> recognizer_atoms{};

  std::map<std::vector<std::uint32_t>, std::uint32_t> set_ids;  // atoms -> CompiledSet::id

  void assign_set_id(CompiledSet& set) {
    const auto [it, added] = set_ids.emplace(set.atoms, static_cast<std::uint32_t>(set_ids.size()));
    set.id = it->second;
  }

  CompiledSet compile_set(const MatcherSet& set) {
    CompiledSet out;
    if (const std::uint32_t atom = next_list_atom(); atom != kNoAtom) out.atoms.push_back(atom);
    for (const auto& name : set.vocabularies) {
      auto it = vocabulary_atoms.find(name);
      if (it != vocabulary_atoms.end() && it->second != kNoAtom) out.atoms.push_back(it->second);
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

  // The lexicon of every term of `policy`, each owned by its term list's number.
  static Lexicon compile_lexicon(const Policy& policy) {
    Lexicon lexicon;
    std::uint32_t list = 0;
    for_each_term_list(policy, [&](const std::vector<std::string>& terms, bool masked_terms) {
      for (const auto& t : terms) lexicon.add(t, list, LexiconOptions{masked_terms});
      ++list;
    });
    lexicon.compile();
    return lexicon;
  }

  // Precondition: `compiled` is compile_lexicon(p) or its saved copy (no owner past p's term lists).
  Impl(Policy p, Lexicon compiled) : policy(std::move(p)), lexicon(std::move(compiled)) {
    const std::size_t lists = term_list_count(policy);
    list_has_spellings = lexicon.owners();
    list_has_spellings.resize(lists, false);
    atom_of_list.assign(lists, kNoAtom);
    recognizer_atoms.fill(kNoAtom);
    for (const auto& [name, vocabulary] : policy.vocabularies) {
      const std::uint32_t atom = next_list_atom();
      const std::uint32_t exceptions = next_list_atom();
      if (atom != kNoAtom) exception_atom_of[atom] = exceptions;
      vocabulary_atoms.emplace(name, atom);
    }
    // Categories ranked once, in string order: the merge sorts and compares ranks, not strings.
    std::vector<std::string_view> categories;
    for (const Rule& rule : policy.rules) categories.push_back(rule.category);
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    const auto category_rank = [&](const std::string& category) {
      return static_cast<std::uint32_t>(std::lower_bound(categories.begin(), categories.end(), category) -
                                        categories.begin());
    };
    rules.reserve(policy.rules.size());
    for (std::size_t i = 0; i < policy.rules.size(); ++i) {
      const Rule& rule = policy.rules[i];
      RuleSets sets;
      sets.match = compile_set(rule.match);
      sets.near = compile_set(rule.near);
      sets.require = compile_set(rule.require);
      sets.forbid = compile_set(rule.forbid);
      sets.unless = compile_set(rule.unless);
      if (const std::uint32_t atom = next_list_atom(); atom != kNoAtom) sets.exceptions.atoms.push_back(atom);
      assign_set_id(sets.exceptions);
      if (rule.recognizer) recognizer_used.insert(*rule.recognizer);
      auto evaluator = rules::make_rule_evaluator(rule, sets);
      rules.push_back({&rule, i, category_rank(rule.category), std::move(sets), std::move(evaluator)});
    }
    // The walk above numbers the term lists as for_each_term_list() does; the two must not drift apart.
    assert(lists_seen == lists);
  }

  std::vector<FindingSpan> spans(const Text& text, const Context& context) const;
  std::vector<Finding> check(const Text& text, const Context& context) const;
};

std::vector<FindingSpan> Checker::Impl::spans(const Text& text, const Context& context) const {
  CheckState state(text, atom_count, set_ids.size());

  // Every hit is counted to its atom first, then placed (AtomHits: one array for all atoms).
  std::vector<LexiconMatch> matches;
  NormalisedView view;
  if (lexicon.pattern_count() > 0 && text.size() > 0) {
    // Reserved for about one match in 16 tokens (posts of the corpus have one in 10 to 20), so that
    // the vector rarely grows step by step: each step is a malloc/free pair, dear in WebAssembly.
    matches.reserve(text.tokens().size() / 16 + 8);
    view = normalise(text);
    lexicon.match(view, matches);
  }
  recognize_all(recognizer_used, text, state.recognized);
  for (const auto& m : matches) state.atom_hits.count(atom_of_list[m.owner]);
  for (std::size_t k = 0; k < kRecognizerCount; ++k) {
    const std::uint32_t atom = recognizer_atoms[k];
    if (atom != kNoAtom) {
      state.atom_hits.count(atom, static_cast<std::uint32_t>(state.recognized[k].size()));
    }
  }
  state.atom_hits.place();
  for (const auto& m : matches) {
    state.atom_hits.add(atom_of_list[m.owner], {view.origin_begin[m.begin], view.origin_end[m.end - 1]});
  }
  for (std::size_t k = 0; k < kRecognizerCount; ++k) {
    const std::uint32_t atom = recognizer_atoms[k];
    if (atom != kNoAtom) {
      for (const auto& m : state.recognized[k]) state.atom_hits.add(atom, {m.begin, m.end});
    }
  }
  // Drop vocabulary hits that lie inside one of the vocabulary's exceptions.
  for (std::uint32_t atom = 0; atom < atom_count; ++atom) {
    const std::uint32_t exc = exception_atom_of[atom];
    if (exc == kNoAtom || state.atom_hits.empty(exc)) continue;
    const auto excepted = state.atom_hits[exc];
    state.atom_hits.keep_if(atom, [&](Hit h) {
      return std::none_of(excepted.begin(), excepted.end(), [&](Hit e) { return e.begin <= h.begin && h.end <= e.end; });
    });
  }
  state.atom_hits.finish();

  // Reserved like `matches` above: about one candidate in 32 tokens (long posts have one in 80).
  std::vector<Flagged> flagged;
  flagged.reserve(text.tokens().size() / 32 + 8);
  std::vector<Candidate> candidates;
  candidates.reserve(16);
  for (const auto& compiled : rules) {
    const Rule& rule = *compiled.rule;
    if (!rule.when.matches(context)) continue;
    if (state.any(compiled.sets.unless)) continue;
    candidates.clear();
    compiled.evaluator->evaluate(state, candidates);
    for (const auto& c : candidates) {
      if (c.span.begin < c.span.end) flagged.push_back({&compiled, c.span, compiled.category, rule.severity, false});
    }
  }

  // Merge overlapping findings of one category, in place: the most severe rule (then the earliest
  // in the policy) speaks for the union of the spans.
  std::sort(flagged.begin(), flagged.end(), [](const Flagged& a, const Flagged& b) {
    if (a.category != b.category) return a.category < b.category;
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
  });
  std::size_t merged_count = 0;
  for (const Flagged& f : flagged) {
    if (merged_count > 0) {
      Flagged& m = flagged[merged_count - 1];
      if (m.category == f.category && f.span.begin < m.span.end) {
        if (f.severity > m.severity || (f.severity == m.severity && f.rule->order < m.rule->order)) {
          m.rule = f.rule;
          m.severity = f.severity;
        }
        if (f.span.end > m.span.end || f.span.begin < m.span.begin) m.grew = true;
        m.span.end = std::max(m.span.end, f.span.end);
        continue;
      }
    }
    flagged[merged_count++] = f;
  }
  flagged.resize(merged_count);

  // Findings in their final order (start, most severe first, end, category); sorting the small
  // merged records first saves moving whole Findings (with their strings) around. The keys are
  // unique: spans of one category no longer overlap after the merge, and no span is empty.
  std::sort(flagged.begin(), flagged.end(), [](const Flagged& a, const Flagged& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.span.end != b.span.end) return a.span.end < b.span.end;
    return a.category < b.category;
  });
  std::vector<FindingSpan> out;
  out.reserve(flagged.size());
  for (const Flagged& m : flagged) {
    const Rule& rule = *m.rule->rule;
    FindingSpan f;
    f.rule_index = static_cast<std::uint32_t>(m.rule->order);
    f.cp_start = m.span.begin;
    f.cp_end = m.span.end;
    const Text::Offsets start = text.offsets(m.span.begin), end = text.offsets(m.span.end);
    f.byte_start = start.byte;
    f.byte_end = end.byte;
    f.u16_start = start.utf16;
    f.u16_end = end.utf16;
    if (rule.mask) {
      f.fix = FindingSpan::Fix::own;
      f.own_text = masked(text, m.span.begin, m.span.end);
    } else if (rule.suggestion) {
      // A replacement written for one phrase does not fit a span that grew by merging.
      const bool fits = rule.suggestion->action != Suggestion::Action::replace || !m.grew;
      if (fits) f.fix = FindingSpan::Fix::rule;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<Finding> Checker::Impl::check(const Text& text, const Context& context) const {
  std::vector<FindingSpan> found = spans(text, context);
  std::vector<Finding> findings;
  findings.reserve(found.size());
  for (FindingSpan& s : found) {
    const Rule& rule = policy.rules[s.rule_index];
    std::optional<Suggestion> suggestion;
    if (s.fix == FindingSpan::Fix::own) {
      suggestion = Suggestion{Suggestion::Action::replace, std::move(s.own_text)};
    } else if (s.fix == FindingSpan::Fix::rule) {
      suggestion = rule.suggestion;
    }
    // text.slice(cp_start, cp_end), from the byte offsets the span already has (slice() would search
    // for them again).
    const std::string_view excerpt = std::string_view(text.utf8()).substr(s.byte_start, s.byte_end - s.byte_start);
    Finding f{.rule = rule.id, .rule_index = s.rule_index, .category = rule.category, .severity = rule.severity,
              .clause = rule.clause, .message = rule.message, .advice = rule.advice,
              .suggestion = std::move(suggestion), .excerpt = std::string(excerpt),
              .cp_start = s.cp_start, .cp_end = s.cp_end, .byte_start = s.byte_start, .byte_end = s.byte_end,
              .u16_start = s.u16_start, .u16_end = s.u16_end};
    findings.push_back(std::move(f));
  }
  return findings;
}

Checker::Checker(Policy policy) {
  Lexicon lexicon = Impl::compile_lexicon(policy);
  impl_ = std::make_unique<Impl>(std::move(policy), std::move(lexicon));
}

std::optional<Checker> Checker::with_lexicon(Policy policy, Lexicon lexicon) {
  if (lexicon.owner_limit() > Impl::term_list_count(policy)) return std::nullopt;
  return Checker(std::make_unique<Impl>(std::move(policy), std::move(lexicon)));
}

Checker::Checker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
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
std::vector<FindingSpan> Checker::check_spans(std::string_view utf8, const Context& context) const {
  return impl_->spans(Text::from_utf8(utf8), context);
}
const Policy& Checker::policy() const { return impl_->policy; }
const Lexicon& Checker::lexicon() const { return impl_->lexicon; }

}  // namespace postcheck
