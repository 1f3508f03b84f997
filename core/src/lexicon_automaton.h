// lexicon_automaton.h — the whole-word Aho–Corasick DFA behind Lexicon: normalised terms in,
// (owner, begin, end) occurrences out, in one linear pass over a view's units.
// A term is stored with the word boundaries it needs: " term " (whole word) or " term" (suffix
// wildcard; the occurrence is then extended to the end of its word). Views start and end with ' ',
// so boundaries are ordinary units of the automaton and scanning needs no boundary checks.
// A possessive ends a word too: a whole-word term also matches before "'s" ("client's") and before
// the "'" after an s ("carers'"), and the occurrence stops before the apostrophe.
// Compiled form (after the aho-corasick crate's "contiguous NFA", with DFA rows on top): the shallow
// and the branching states get full rows with the failure links folded in; a deep state with one
// child (most of them) borrows its failure target's row and keeps only that child, so a unit costs
// two loads and a select, with no branch on the text; the few others walk their failure chain
// (paid for by the units that went deeper, so the scan stays linear). That keeps the compiled
// automaton about a megabyte, cheap to build, where a full table was several (and page faults at
// start-up). A long view is scanned as up to four interleaved streams (split at ' ') so the
// dependent loads overlap. No I/O, no globals.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "postcheck/lexicon.h"

namespace postcheck::lexicon_detail {

// The view's alphabet (normalise.h) as dense classes: ' ' 0, 'a'..'z' 1..26, '0'..'9' 27..36,
// '\'' 37, '*' 38, '@' 39, '#' 40, '.' 41, and '\x01' 42. A byte outside the alphabet (never in a
// well-formed view) reads as '\x01': part of a word, in no term.
inline constexpr std::size_t kUnitClassCount = 43;
inline constexpr std::uint8_t kSpaceClass = 0;
inline constexpr std::uint8_t kApostropheClass = 37;
inline constexpr std::uint8_t kOtherLetterClass = 42;
inline constexpr std::array<std::uint8_t, 256> kUnitClass = [] {
  std::array<std::uint8_t, 256> classes{};
  classes.fill(kOtherLetterClass);
  classes[static_cast<unsigned char>(' ')] = kSpaceClass;
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(1 + c - 'a');
  for (int c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(27 + c - '0');
  classes[static_cast<unsigned char>('\'')] = kApostropheClass;
  classes[static_cast<unsigned char>('*')] = 38;
  classes[static_cast<unsigned char>('@')] = 39;
  classes[static_cast<unsigned char>('#')] = 40;
  classes[static_cast<unsigned char>('.')] = 41;
  return classes;
}();

// Whether the '\'' at units[i] ends a word as a possessive: "'s" then ' ' ("client's"), or an s
// before it and ' ' after ("carers'"). The ' ' must be there, as for any whole-word end.
inline bool is_possessive_apostrophe(std::string_view units, std::size_t i) {
  const std::size_t n = units.size();
  if (i + 2 < n && units[i + 1] == 's' && units[i + 2] == ' ') return true;
  return i >= 1 && units[i - 1] == 's' && i + 1 < n && units[i + 1] == ' ';
}

class LexiconAutomaton {
 public:
  // Adds `term` (normalised units, no leading or trailing ' ', not empty) for `owner`; a wildcard
  // term may end inside a word. Adding the same (term, owner, wildcard) twice adds it once.
  // Invalidates an earlier compile() until compile() is called again. The term is only copied
  // here; compile() puts the terms added since the last one in the trie, all at once, so that the
  // trie is allocated once at its final size instead of regrown (and copied) as terms arrive.
  void add(std::string_view term, std::uint32_t owner, bool wildcard) {
    pending_.push_back(PendingTerm{static_cast<std::uint32_t>(pending_units_.size()),
                                   static_cast<std::uint32_t>(term.size()), owner, wildcard});
    pending_units_.append(term);
    compiled_ = false;
  }

  // Builds the automaton from every term added so far: linear in the trie's states (plus the used
  // classes times the dense states), with no per-state allocation. The silent states at most
  // `dense_depth` units from the root, or with at least `dense_children` children, get full rows;
  // the others are sparse. Tests vary the shape: matches never depend on it.
  void compile(std::size_t dense_depth = kDefaultDenseDepth, std::size_t dense_children = kDefaultDenseChildren);

  // The state after `state` reads `unit` (what the scan does per unit). For tests: a state is a
  // number below state_count(), 0 the root; with dense_children out of reach, the numbering does
  // not depend on dense_depth (dense states are then a breadth-first prefix of the silent ones).
  std::uint32_t next_state(std::uint32_t state, unsigned char unit) const { return step(state, class_of_[unit]); }
  // Dense (full-row) states of the compiled automaton.
  std::size_t dense_state_count() const { return dense_count_; }

  // Appends the occurrences in `units` (a view's units) to `out`, ordered by end, then begin, then
  // owner, each (owner, begin, end) once. Nothing when compile() has not been called since the last
  // add(). Linear in units.size() plus the occurrences.
  void match(std::string_view units, std::vector<LexiconMatch>& out) const;

  // Distinct (term, owner, wildcard) entries, counted as compile() puts them in the trie.
  std::size_t pattern_count() const { return pattern_count_; }
  // States of the compiled automaton (0 before compile()).
  std::size_t state_count() const { return state_count_; }
  // Bytes held by the compiled automaton (rows, sparse states and edges, class map, output lists).
  std::size_t memory_bytes() const {
    return dense_count_ * columns_ * sizeof(std::uint32_t) + states_.capacity() * sizeof(State) +
           edges_.capacity() * sizeof(Edge) + output_of_.capacity() * sizeof(std::uint32_t) + sizeof(class_of_) +
           outputs_.capacity() * sizeof(Output);
  }

  // Silent states this close to the root get full rows (the root, the state after ' ', with a child
  // per letter, and the first two letters of a word), and so do silent states with two children or
  // more, where a borrowed row and one child would not do. ~3,100 of the default policy's ~39,000.
  static constexpr std::size_t kDefaultDenseDepth = 3;
  static constexpr std::size_t kDefaultDenseChildren = 2;

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  static constexpr std::uint16_t kNoDenseRow = 0xFFFF;
  // A state with more children than this gets a dense child row (the state after ' ' has one per
  // letter): sibling lists stay short.
  static constexpr std::uint8_t kMaxSiblingChildren = 6;

  // The trie add() grows: children as sibling lists (most states have one child), outputs as lists.
  struct TrieNode {  // 16 bytes
    std::uint32_t first_child = 0;  // 0: none (the root is nobody's child)
    std::uint32_t next_sibling = 0;
    std::uint32_t first_output = kNone;
    std::uint16_t dense_row = kNoDenseRow;  // its children in dense_children_, for the busiest states
    std::uint8_t unit_class = 0;  // of the edge into this node
    std::uint8_t children = 0;  // counted up to kMaxSiblingChildren + 1
  };
  struct TrieOutput {
    std::uint32_t owner;
    std::uint32_t back;
    bool wildcard;
    std::uint32_t next;
  };
  // An occurrence ending at unit i begins at i - back (after the leading ' ').
  struct Output {
    std::uint32_t owner;
    std::uint32_t back;
    bool wildcard;
    bool none;  // the empty list's placeholder (a state that reports only possessives)
    bool last;  // the last output of its state's list
  };

  // One pass of the DFA over units [from, stop), from the root, keeping the occurrences that begin
  // at or before keep_through.
  struct Stream {
    std::size_t from;
    std::size_t stop;
    std::size_t keep_through;
    std::vector<LexiconMatch>* out;
  };
  // A child by class: a dense row for the few states at the top of the trie, where every word
  // passes (the state after ' ' has a child per letter), sibling lists below.
  std::uint32_t child(std::uint32_t node, std::uint8_t unit_class) const {
    const TrieNode& n = trie_[node];
    if (n.dense_row != kNoDenseRow) return dense_children_[n.dense_row * kUnitClassCount + unit_class];
    for (std::uint32_t c = n.first_child; c != 0; c = trie_[c].next_sibling) {
      if (trie_[c].unit_class == unit_class) return c;
    }
    return 0;
  }
  void add_child(std::uint32_t parent, std::uint32_t child);
  // Puts one term in the trie (linear in the term, times the siblings passed), or nothing when the
  // (term, owner, wildcard) is there already.
  void insert(std::string_view term, std::uint32_t owner, bool wildcard);
  void insert_pending();
  template <std::size_t N>
  void scan(std::string_view units, const std::array<Stream, N>& streams) const;
  template <std::size_t N>
  void match_in_streams(std::string_view units, std::vector<LexiconMatch>& out) const;
  // The transition from a state on a column (a class of class_of_): its own child there, else the
  // row it has or borrows (one load each, and no branch on the text); a general state walks.
  std::uint32_t step(std::uint32_t state, std::uint32_t column) const {
    const State& h = states_[state];
    if (h.general) [[unlikely]] return general_step(state, column);
    const std::uint32_t by_row = dense_[h.row + column];
    // A select rather than a branch: whether a view's word goes on down the trie is unpredictable.
    const std::uint32_t own = 0u - static_cast<std::uint32_t>(h.column == column);
    return (h.child & own) | (by_row & ~own);
  }
  std::uint32_t general_step(std::uint32_t state, std::uint32_t column) const;
  void report(std::uint32_t state, std::uint32_t previous, std::size_t i, std::string_view units,
              const Stream& stream, std::size_t& word_end) const;
  static void sort_matches(std::vector<LexiconMatch>& found, std::size_t first);

  // Terms added since the last compile(): their units in pending_units_.
  struct PendingTerm {
    std::uint32_t offset;
    std::uint32_t length;
    std::uint32_t owner;
    bool wildcard;
  };
  std::vector<PendingTerm> pending_;
  std::string pending_units_;
  std::vector<TrieNode> trie_;  // [0] is the root, made by the first compile()
  std::vector<TrieOutput> trie_outputs_;
  std::vector<std::uint32_t> dense_children_;  // kUnitClassCount per row
  std::array<bool, kUnitClassCount> used_{};
  std::size_t pattern_count_ = 0;
  std::size_t max_pattern_length_ = 0;  // in units, boundaries included

  bool compiled_ = false;
  std::size_t state_count_ = 0;
  // Unit byte → column: the classes some term uses, ' ' and '\'' (for possessives), and one shared
  // column for all the others (which lead every state back to the root or a failure target).
  std::array<std::uint8_t, 256> class_of_{};
  std::uint32_t columns_ = 0;
  std::uint32_t space_column_ = 0;
  std::uint32_t apostrophe_column_ = 0;
  // States are numbered breadth-first in three groups: the dense states (silent, shallow) first, the
  // root 0 among them; then the other silent states; then the states that report, so the scan tests
  // one comparison. The states entered by a '\'' report too (maybe nothing of their own): there
  // report() looks for a possessive, reading where the state before the '\'' goes on a ' '. A '\''
  // that would lead back to the root from a state whose ' ' reports leads instead to a copy of the
  // root that reports (the last state), so every possessive is seen.
  std::uint32_t dense_count_ = 0;
  std::uint32_t first_reporting_ = 0;
  std::uint32_t possessive_root_ = 0;  // 0: none (no whole-word term)
  // dense_[state * columns_ + column]: the next state, failure links folded in.
  std::unique_ptr<std::uint32_t[]> dense_;
  // Per state. A dense state: row = where its own row starts in dense_. A state with at most one
  // child whose failure target is dense: row = where that target's row starts (it is borrowed), and
  // the child, if any, on `column`. Any other is general: row = its failure target's number, and its
  // `column` children in edges_ from `child` on.
  static constexpr std::uint16_t kNoColumn = 0xFFFF;
  struct State {
    std::uint32_t row;
    std::uint32_t child;
    std::uint16_t column;
    bool general;
  };
  struct Edge {
    std::uint32_t target;
    std::uint32_t column;
  };
  std::vector<State> states_;
  std::vector<Edge> edges_;
  // Per reporting state (from first_reporting_ on): where its outputs start in outputs_ (merged
  // along the dictionary suffix links, the last one marked; 0 is the shared empty list).
  std::vector<std::uint32_t> output_of_;
  std::vector<Output> outputs_;
};

inline void LexiconAutomaton::add_child(std::uint32_t parent, std::uint32_t node) {
  TrieNode& p = trie_[parent];
  trie_[node].next_sibling = p.first_child;
  p.first_child = node;
  if (p.dense_row != kNoDenseRow) {
    dense_children_[p.dense_row * kUnitClassCount + trie_[node].unit_class] = node;
  } else if (++p.children > kMaxSiblingChildren && dense_children_.size() / kUnitClassCount < kNoDenseRow) {
    p.dense_row = static_cast<std::uint16_t>(dense_children_.size() / kUnitClassCount);
    dense_children_.resize(dense_children_.size() + kUnitClassCount, 0);
    for (std::uint32_t c = p.first_child; c != 0; c = trie_[c].next_sibling) {
      dense_children_[p.dense_row * kUnitClassCount + trie_[c].unit_class] = c;
    }
  }
}

inline void LexiconAutomaton::insert_pending() {
  // At most one node per unit and boundary of each term: one allocation, however many terms.
  std::size_t bound = trie_.size() + 1;
  for (const PendingTerm& t : pending_) bound += t.length + 2;
  if (trie_.capacity() < bound) trie_.reserve(bound);
  trie_outputs_.reserve(trie_outputs_.size() + pending_.size());
  if (trie_.empty()) trie_.emplace_back();
  for (const PendingTerm& t : pending_) {
    insert(std::string_view(pending_units_).substr(t.offset, t.length), t.owner, t.wildcard);
  }
  std::vector<PendingTerm>().swap(pending_);  // released: the trie holds them now
  std::string().swap(pending_units_);
}

inline void LexiconAutomaton::insert(std::string_view term, std::uint32_t owner, bool wildcard) {
  // The trie path: ' ', the term's units, and ' ' unless a wildcard. trie_ has room for it.
  std::uint32_t node = 0;
  bool fresh = false;  // once off the trie, every later unit makes a new node: no lookup
  const std::size_t path_length = term.size() + (wildcard ? 1 : 2);
  for (std::size_t k = 0; k < path_length; ++k) {
    const auto unit = static_cast<unsigned char>(k == 0 || k > term.size() ? ' ' : term[k - 1]);
    const std::uint8_t unit_class = kUnitClass[unit];
    used_[unit_class] = true;
    std::uint32_t next = fresh ? 0 : child(node, unit_class);
    if (next == 0) {
      next = static_cast<std::uint32_t>(trie_.size());
      TrieNode created;
      created.unit_class = unit_class;
      trie_.push_back(created);
      add_child(node, next);
      fresh = true;
    }
    node = next;
  }
  for (std::uint32_t o = trie_[node].first_output; o != kNone; o = trie_outputs_[o].next) {
    if (trie_outputs_[o].owner == owner) return;  // the node fixes the units and the wildcard
  }
  const auto back = static_cast<std::uint32_t>(wildcard ? term.size() - 1 : term.size());
  trie_outputs_.push_back(TrieOutput{owner, back, wildcard, trie_[node].first_output});
  trie_[node].first_output = static_cast<std::uint32_t>(trie_outputs_.size() - 1);
  ++pattern_count_;
  max_pattern_length_ = std::max(max_pattern_length_, term.size() + 2);
}

inline void LexiconAutomaton::compile(std::size_t dense_depth, std::size_t dense_children) {
  insert_pending();
  // Columns: the classes some pattern uses (and always ' ' and '\'', for possessives), plus one
  // shared column for all the others (from every state they lead back to the root).
  std::array<bool, kUnitClassCount> used = used_;
  used[kSpaceClass] = true;
  used[kApostropheClass] = true;
  std::array<std::uint8_t, kUnitClassCount> column{};
  std::uint32_t columns = 0;
  for (std::size_t c = 0; c < kUnitClassCount; ++c) {
    if (used[c]) column[c] = static_cast<std::uint8_t>(columns++);
  }
  const std::uint32_t unused_column = columns;
  if (columns < kUnitClassCount) ++columns;
  for (std::size_t c = 0; c < kUnitClassCount; ++c) {
    if (!used[c]) column[c] = static_cast<std::uint8_t>(unused_column);
  }
  for (std::size_t b = 0; b < 256; ++b) class_of_[b] = column[kUnitClass[b]];
  columns_ = columns;
  space_column_ = column[kSpaceClass];
  apostrophe_column_ = column[kApostropheClass];

  if (trie_.empty()) trie_.emplace_back();
  // Breadth-first order and failure links, on the trie: a child's failure target is the deepest
  // state reached from its parent's failure chain by the same class.
  const std::size_t nodes = trie_.size();
  // Per trie node, written before read (so allocated uninitialised: no pass to clear them).
  struct NodeInfo {
    std::uint32_t fail;
    std::uint32_t number;        // the state's number
    std::uint32_t output_begin;  // its merged outputs in outputs_ (0: none), the last one marked
    std::uint16_t depth;         // at most 0xFFFF
    bool reports;
    bool dense;
  };
  // `new T[n]` rather than std::make_unique_for_overwrite, which Emscripten 3.1.6's libc++ lacks.
  const std::unique_ptr<NodeInfo[]> info(new NodeInfo[nodes]);
  // Breadth-first order first; then, reused, the trie node of each state number.
  const std::unique_ptr<std::uint32_t[]> order(new std::uint32_t[nodes]);
  std::size_t ordered = 0;
  order[ordered++] = 0;
  info[0] = NodeInfo{0, 0, 0, 0, false, true};
  std::uint32_t reporting_count = 0;
  std::uint32_t dense_count = 1;  // the root
  bool any_whole_word = false;
  for (std::size_t k = 0; k < ordered; ++k) {
    const std::uint32_t u = order[k];
    for (std::uint32_t v = trie_[u].first_child; v != 0; v = trie_[v].next_sibling) {
      const std::uint8_t c = trie_[v].unit_class;
      std::uint32_t target = 0;
      if (u != 0) {
        for (std::uint32_t f = info[u].fail;; f = info[f].fail) {
          target = child(f, c);
          if (target != 0 || f == 0) break;
        }
      }
      const bool own = trie_[v].first_output != kNone;
      const bool reports = own || info[target].reports || c == kApostropheClass;
      const std::uint16_t depth = info[u].depth == 0xFFFF ? info[u].depth : static_cast<std::uint16_t>(info[u].depth + 1);
      const bool dense = !reports && (depth <= dense_depth || trie_[v].children >= dense_children);
      info[v] = NodeInfo{target, 0, 0, depth, reports, dense};
      reporting_count += reports ? 1 : 0;
      dense_count += dense ? 1 : 0;
      any_whole_word = any_whole_word || (own && c == kSpaceClass);
      order[ordered++] = v;
    }
  }

  // Numbering, each group breadth-first so the shallow states share cache lines: dense, other
  // silent, reporting; then the root's reporting copy, when some whole-word term could meet a
  // possessive. A dense state's failure target is dense too (silent, and shallower).
  const auto silent = static_cast<std::uint32_t>(nodes - reporting_count);
  std::uint32_t next_dense = 0;
  std::uint32_t next_silent = dense_count;
  std::uint32_t next_reporting = silent;
  for (std::size_t k = 0; k < nodes; ++k) {
    NodeInfo& v = info[order[k]];
    v.number = v.reports ? next_reporting++ : v.dense ? next_dense++ : next_silent++;
  }
  const bool possessive_root = any_whole_word;
  const std::size_t states = nodes + (possessive_root ? 1 : 0);

  // Output lists: a state's own, then its failure target's (already merged, being shallower).
  // outputs_[0] is the shared empty list.
  outputs_.clear();
  outputs_.push_back(Output{0, 0, false, true, true});
  output_of_.assign(states - silent, 0);
  for (std::size_t k = 0; k < nodes; ++k) {
    const std::uint32_t v = order[k];
    if (!info[v].reports) continue;
    const auto begin = static_cast<std::uint32_t>(outputs_.size());
    for (std::uint32_t o = trie_[v].first_output; o != kNone; o = trie_outputs_[o].next) {
      const TrieOutput& t = trie_outputs_[o];
      outputs_.push_back(Output{t.owner, t.back, t.wildcard, false, false});
    }
    for (std::uint32_t o = info[info[v].fail].output_begin; o != 0; o = outputs_[o].last ? 0 : o + 1) {
      outputs_.push_back(outputs_[o]);
      outputs_.back().last = false;
    }
    const auto end = static_cast<std::uint32_t>(outputs_.size());
    if (end == begin) continue;  // reports possessives only: the empty list
    outputs_.back().last = true;
    info[v].output_begin = begin;
    output_of_[info[v].number - silent] = begin;
  }

  dense_count_ = dense_count;
  first_reporting_ = silent;
  possessive_root_ = possessive_root ? static_cast<std::uint32_t>(nodes) : 0;

  // Breadth-first, so that every shallower state (each failure target) is complete: a dense state's
  // row is its failure target's with its own children written over it; a state with one child (or
  // none) whose failure target is dense borrows that row; any other keeps its children in edges_.
  states_.assign(states, State{0, 0, kNoColumn, false});
  dense_.reset(new std::uint32_t[static_cast<std::size_t>(dense_count) * columns]);
  edges_.clear();
  std::uint32_t* table = dense_.get();
  for (std::size_t k = 0; k < nodes; ++k) {
    const std::uint32_t v = order[k];
    const std::uint32_t number = info[v].number;
    const std::uint32_t fail = info[info[v].fail].number;
    const TrieNode& node = trie_[v];
    if (info[v].dense) {
      std::uint32_t* row = table + static_cast<std::size_t>(number) * columns;
      if (v == 0) {
        std::fill(row, row + columns, 0u);
      } else if (fail < dense_count) {
        std::memcpy(row, table + static_cast<std::size_t>(fail) * columns, columns * sizeof(std::uint32_t));
      } else {
        for (std::uint32_t c = 0; c < columns; ++c) row[c] = step(fail, c);
      }
      for (std::uint32_t c = node.first_child; c != 0; c = trie_[c].next_sibling) {
        row[column[trie_[c].unit_class]] = info[c].number;
      }
      if (possessive_root && row[apostrophe_column_] == 0 && row[space_column_] >= silent) {
        row[apostrophe_column_] = possessive_root_;
      }
      states_[number] = State{number * columns, 0, kNoColumn, false};
      continue;
    }
    State& state = states_[number];
    if (fail < dense_count && (node.first_child == 0 || trie_[node.first_child].next_sibling == 0)) {
      state = State{fail * columns, 0, kNoColumn, false};
      if (node.first_child != 0) {
        state.child = info[node.first_child].number;
        state.column = column[trie_[node.first_child].unit_class];
      }
      // The possessive copy of the root, where the borrowed row has none: only the general walk
      // knows to take it.
      const std::uint32_t* row = table + static_cast<std::size_t>(fail) * columns;
      const std::uint32_t at_space = state.column == space_column_ ? state.child : row[space_column_];
      state.general = possessive_root && state.column != apostrophe_column_ && row[apostrophe_column_] == 0 &&
                      at_space >= silent;
      if (!state.general) continue;
    }
    state.general = true;
    state.row = fail;
    state.child = static_cast<std::uint32_t>(edges_.size());
    state.column = 0;
    for (std::uint32_t c = node.first_child; c != 0; c = trie_[c].next_sibling) {
      edges_.push_back(Edge{info[c].number, column[trie_[c].unit_class]});
      ++state.column;
    }
  }
  // The root's reporting copy borrows the root's row.
  if (possessive_root) states_[possessive_root_] = State{0, 0, kNoColumn, false};
  edges_.shrink_to_fit();
  output_of_.shrink_to_fit();
  outputs_.shrink_to_fit();
  state_count_ = states;
  compiled_ = true;
}

inline std::uint32_t LexiconAutomaton::general_step(std::uint32_t state, std::uint32_t column) const {
  // Up the failure chain to the first state with a child on `column`, or to a state whose row
  // (its own or borrowed) says. A child is never the root.
  std::uint32_t s = state;
  const State* h = &states_[s];
  do {
    for (std::uint32_t e = h->child, end = h->child + h->column; e < end; ++e) {
      if (edges_[e].column == column) return edges_[e].target;
    }
    s = h->row;
    h = &states_[s];
  } while (h->general);
  std::uint32_t next = h->column == column ? h->child : dense_[h->row + column];
  // A row folds in the '\'' to the root's reporting copy for its own state; the state we started
  // from may need it where that one did not (its ' ' reports, the row's state's does not).
  if (next == 0 && column == apostrophe_column_ && possessive_root_ != 0 && step(state, space_column_) >= first_reporting_) {
    next = possessive_root_;
  }
  return next;
}

inline void LexiconAutomaton::report(std::uint32_t state, std::uint32_t previous, std::size_t i,
                                     std::string_view units, const Stream& stream, std::size_t& word_end) const {
  const Output* output = &outputs_[output_of_[state - first_reporting_]];
  do {
    const Output& o = *output;
    if (o.none) continue;
    const std::size_t begin = i - o.back;
    if (begin > stream.keep_through) continue;  // the next stream reports it
    std::size_t end = i;
    if (o.wildcard) {
      // The word's end is found once per word however many wildcards end inside it, which keeps
      // the scan linear. units[i] is a word unit here (a wildcard pattern ends with one).
      if (word_end <= i) {
        const std::size_t space = units.find(' ', i + 1);
        word_end = space == std::string_view::npos ? units.size() : space;
      }
      end = word_end;
    }
    stream.out->push_back(LexiconMatch{o.owner, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
  } while (!(output++)->last);

  // A possessive: what the state before the '\'' would report on a ' ' ends here. Those are whole-
  // word outputs (a state entered by ' ' has no other).
  if (units[i] != '\'' || !is_possessive_apostrophe(units, i)) return;
  const std::uint32_t at_space = step(previous, space_column_);
  if (at_space < first_reporting_) return;
  output = &outputs_[output_of_[at_space - first_reporting_]];
  do {
    const Output& o = *output;
    if (o.none || o.wildcard) continue;
    const std::size_t begin = i - o.back;
    if (begin > stream.keep_through) continue;
    stream.out->push_back(LexiconMatch{o.owner, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i)});
  } while (!(output++)->last);
}

template <std::size_t N>
void LexiconAutomaton::scan(std::string_view units, const std::array<Stream, N>& streams) const {
  const std::uint8_t* class_of = class_of_.data();
  const auto* unit = reinterpret_cast<const unsigned char*>(units.data());
  const std::uint32_t first_reporting = first_reporting_;
  std::array<std::uint32_t, N> state{};
  std::array<std::uint32_t, N> previous{};
  std::array<std::size_t, N> word_end{};  // per stream: end of the word where a wildcard last ended
  std::size_t steps = streams[0].stop - streams[0].from;
  for (const Stream& s : streams) steps = std::min(steps, s.stop - s.from);

  // The streams step together: their table loads are independent, so the CPU overlaps them.
  for (std::size_t k = 0; k < steps; ++k) {
    bool reporting = false;
    for (std::size_t s = 0; s < N; ++s) {
      previous[s] = state[s];
      state[s] = step(state[s], class_of[unit[streams[s].from + k]]);
      reporting |= state[s] >= first_reporting;
    }
    if (reporting) [[unlikely]] {
      for (std::size_t s = 0; s < N; ++s) {
        if (state[s] >= first_reporting) {
          report(state[s], previous[s], streams[s].from + k, units, streams[s], word_end[s]);
        }
      }
    }
  }
  for (std::size_t s = 0; s < N; ++s) {
    std::uint32_t st = state[s];
    for (std::size_t i = streams[s].from + steps; i < streams[s].stop; ++i) {
      const std::uint32_t before = st;
      st = step(st, class_of[unit[i]]);
      if (st >= first_reporting) [[unlikely]] report(st, before, i, units, streams[s], word_end[s]);
    }
  }
}

template <std::size_t N>
void LexiconAutomaton::match_in_streams(std::string_view units, std::vector<LexiconMatch>& out) const {
  // Stream j starts at the root on a ' ' near j/N of the way, so it finds every occurrence whose
  // leading ' ' is at or after its start; it runs on past the next stream's start by the longest
  // pattern to finish the occurrences that begin before it, and keeps only those.
  const std::size_t n = units.size();
  std::array<std::size_t, N + 1> start{};
  for (std::size_t j = 1; j < N; ++j) {
    const std::size_t space = units.find(' ', std::max(start[j - 1], j * n / N));
    start[j] = space == std::string_view::npos ? n : space;
  }
  start[N] = n;
  std::array<std::vector<LexiconMatch>, N - 1> later;  // the occurrences of streams 1..N-1
  std::array<Stream, N> streams{};
  for (std::size_t j = 0; j < N; ++j) {
    const bool last = j + 1 == N;
    streams[j] = Stream{start[j], last ? n : std::min(n, start[j + 1] + max_pattern_length_),
                        last ? n : start[j + 1], j == 0 ? &out : &later[j - 1]};
  }
  const std::size_t first = out.size();
  scan<N>(units, streams);
  sort_matches(out, first);
  for (auto& found : later) {
    if (found.empty()) continue;
    sort_matches(found, 0);
    const auto middle = static_cast<std::ptrdiff_t>(out.size());
    out.insert(out.end(), found.begin(), found.end());
    std::inplace_merge(out.begin() + static_cast<std::ptrdiff_t>(first), out.begin() + middle, out.end(),
                       [](const LexiconMatch& a, const LexiconMatch& b) {
                         return std::tie(a.end, a.begin, a.owner) < std::tie(b.end, b.begin, b.owner);
                       });
  }
  auto same = [](const LexiconMatch& a, const LexiconMatch& b) {
    return a.owner == b.owner && a.begin == b.begin && a.end == b.end;
  };
  out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), same), out.end());
}

inline void LexiconAutomaton::sort_matches(std::vector<LexiconMatch>& found, std::size_t first) {
  // One stream reports occurrences almost by end: a wildcard's (extended to its word's end) comes
  // before the whole-word ones that end at the same ' ', so sorting each run of equal ends is
  // usually enough; a possessive ending inside a word after a wildcard there is the exception.
  auto by_position = [](const LexiconMatch& a, const LexiconMatch& b) {
    return std::tie(a.begin, a.owner) < std::tie(b.begin, b.owner);
  };
  for (std::size_t run = first; run < found.size();) {
    std::size_t run_end = run + 1;
    while (run_end < found.size() && found[run_end].end == found[run].end) ++run_end;
    if (run_end - run > 1) {
      std::sort(found.begin() + static_cast<std::ptrdiff_t>(run), found.begin() + static_cast<std::ptrdiff_t>(run_end),
                by_position);
    }
    run = run_end;
  }
  auto by_end = [](const LexiconMatch& a, const LexiconMatch& b) {
    return std::tie(a.end, a.begin, a.owner) < std::tie(b.end, b.begin, b.owner);
  };
  const auto from = found.begin() + static_cast<std::ptrdiff_t>(first);
  if (!std::is_sorted(from, found.end(), by_end)) std::sort(from, found.end(), by_end);
}

inline void LexiconAutomaton::match(std::string_view units, std::vector<LexiconMatch>& out) const {
  if (!compiled_ || units.empty()) return;
  // Several streams only pay when each is long next to the overlap it rescans.
  const std::size_t per_stream = units.size() / (4 * std::max<std::size_t>(max_pattern_length_, 16));
  if (per_stream >= 4) {
    match_in_streams<4>(units, out);
  } else if (per_stream >= 2) {
    match_in_streams<2>(units, out);
  } else {
    match_in_streams<1>(units, out);
  }
}

}  // namespace postcheck::lexicon_detail
