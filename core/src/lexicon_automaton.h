// lexicon_automaton.h — the whole-word Aho–Corasick DFA behind Lexicon: normalised terms in,
// (owner, begin, end) occurrences out, in one linear pass over a view's units.
// A term is stored with the word boundaries it needs: " term " (whole word) or " term" (suffix
// wildcard; the occurrence is then extended to the end of its word). Views start and end with ' ',
// so boundaries are ordinary units of the automaton and scanning needs no boundary checks.
// Failure links are folded into a full transition table over byte classes, as re2 and the
// aho-corasick crate do, so match() costs one table load per unit; a long view is scanned as up to
// four interleaved streams (split at ' ') so those dependent loads overlap. No I/O, no globals.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
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
inline constexpr std::uint8_t kOtherLetterClass = 42;
inline constexpr std::array<std::uint8_t, 256> kUnitClass = [] {
  std::array<std::uint8_t, 256> classes{};
  classes.fill(kOtherLetterClass);
  classes[static_cast<unsigned char>(' ')] = 0;
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(1 + c - 'a');
  for (int c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(27 + c - '0');
  classes[static_cast<unsigned char>('\'')] = 37;
  classes[static_cast<unsigned char>('*')] = 38;
  classes[static_cast<unsigned char>('@')] = 39;
  classes[static_cast<unsigned char>('#')] = 40;
  classes[static_cast<unsigned char>('.')] = 41;
  return classes;
}();

class LexiconAutomaton {
 public:
  // Adds `term` (normalised units, no leading or trailing ' ', not empty) for `owner`; a wildcard
  // term may end inside a word. Adding the same (term, owner, wildcard) twice adds it once.
  // Invalidates an earlier compile() until compile() is called again.
  void add(std::string_view term, std::uint32_t owner, bool wildcard) {
    std::string pattern;
    pattern.reserve(term.size() + 2);
    pattern.push_back(' ');
    pattern.append(term);
    if (!wildcard) pattern.push_back(' ');
    patterns_.insert(Pattern{std::move(pattern), owner, wildcard});
    compiled_ = false;
  }

  // Builds the DFA from every term added so far. O(total pattern length × classes).
  void compile();

  // Appends the occurrences in `units` (a view's units) to `out`, ordered by end, then begin, then
  // owner, each (owner, begin, end) once. Nothing when compile() has not been called since the last
  // add(). Linear in units.size() plus the occurrences.
  void match(std::string_view units, std::vector<LexiconMatch>& out) const;

  // Distinct (term, owner, wildcard) entries added.
  std::size_t pattern_count() const { return patterns_.size(); }
  // States of the compiled DFA (0 before compile()).
  std::size_t state_count() const { return state_count_; }
  // Bytes held by the compiled DFA (transition table, class map, output lists).
  std::size_t memory_bytes() const {
    return table_.capacity() * sizeof(std::uint32_t) + sizeof(class_of_) +
           outputs_.capacity() * sizeof(Output);
  }

 private:
  struct Pattern {
    std::string units;  // with the leading ' ', and the trailing ' ' unless a wildcard
    std::uint32_t owner;
    bool wildcard;
    friend bool operator<(const Pattern& a, const Pattern& b) {
      return std::tie(a.units, a.owner, a.wildcard) < std::tie(b.units, b.owner, b.wildcard);
    }
  };
  // An occurrence ending at unit i begins at i - back (after the leading ' ').
  struct Output {
    std::uint32_t owner;
    std::uint32_t back;
    bool wildcard;
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
  template <std::size_t N>
  void scan(std::string_view units, const std::array<Stream, N>& streams) const;
  template <std::size_t N>
  void match_in_streams(std::string_view units, std::vector<LexiconMatch>& out) const;
  void report(std::uint32_t state, std::size_t i, std::string_view units, const Stream& stream,
              std::size_t& word_end) const;
  static void sort_runs(std::vector<LexiconMatch>& found, std::size_t first);

  std::set<Pattern> patterns_;
  bool compiled_ = false;
  std::size_t state_count_ = 0;
  std::size_t max_pattern_length_ = 0;  // in units, boundaries included
  // Unit byte → column of table_.
  std::array<std::uint8_t, 256> class_of_{};
  // One row per state: table_[state + class] is the next state, and table_[state + columns_] where
  // the state's outputs start in outputs_ (merged along the dictionary suffix links, the last one
  // marked), kept in the row so that a hit costs no extra cache line. A state is held as its row's
  // offset (premultiplied), and the states that report come last: the scan tests one comparison.
  std::vector<std::uint32_t> table_;
  std::size_t columns_ = 0;
  std::uint32_t first_reporting_offset_ = 0;
  std::vector<Output> outputs_;
};

inline void LexiconAutomaton::compile() {
  // Columns: the classes some pattern uses, plus one shared column for all the others (from every
  // state they lead back to the root, so they need not be told apart).
  std::array<bool, kUnitClassCount> used{};
  for (const Pattern& p : patterns_) {
    for (unsigned char c : p.units) used[kUnitClass[c]] = true;
  }
  std::array<std::uint8_t, kUnitClassCount> column{};
  std::size_t columns = 0;
  for (std::size_t c = 0; c < kUnitClassCount; ++c) {
    if (used[c]) column[c] = static_cast<std::uint8_t>(columns++);
  }
  const std::size_t unused_column = columns;
  if (columns < kUnitClassCount) ++columns;
  for (std::size_t c = 0; c < kUnitClassCount; ++c) {
    if (!used[c]) column[c] = static_cast<std::uint8_t>(unused_column);
  }
  for (std::size_t b = 0; b < 256; ++b) class_of_[b] = column[kUnitClass[b]];
  columns_ = columns;

  // The trie; -1 marks a missing edge until the failure links fill it.
  std::vector<std::int32_t> next(columns, -1);
  std::vector<std::vector<Output>> own(1);
  for (const Pattern& p : patterns_) {
    std::size_t node = 0;
    for (unsigned char c : p.units) {
      std::int32_t& edge = next[node * columns + class_of_[c]];
      if (edge < 0) {
        edge = static_cast<std::int32_t>(own.size());
        own.emplace_back();
        next.resize(next.size() + columns, -1);
      }
      node = static_cast<std::size_t>(next[node * columns + class_of_[c]]);
    }
    own[node].push_back(Output{p.owner, static_cast<std::uint32_t>(p.units.size() - 2), p.wildcard, false});
  }
  const std::size_t nodes = own.size();

  // Breadth-first: each node's failure target is shallower, so its row is complete when read.
  std::vector<std::int32_t> fail(nodes, 0);
  std::vector<std::int32_t> order;
  order.reserve(nodes);
  for (std::size_t c = 0; c < columns; ++c) {
    std::int32_t& edge = next[c];
    if (edge < 0) {
      edge = 0;
    } else {
      order.push_back(edge);
    }
  }
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto u = static_cast<std::size_t>(order[k]);
    const auto f = static_cast<std::size_t>(fail[u]);
    for (std::size_t c = 0; c < columns; ++c) {
      std::int32_t& edge = next[u * columns + c];
      if (edge < 0) {
        edge = next[f * columns + c];
      } else {
        fail[static_cast<std::size_t>(edge)] = next[f * columns + c];
        order.push_back(edge);
      }
    }
  }
  // A node reports its own outputs and those of its failure target (already merged, being shallower).
  std::vector<std::vector<Output>>& merged = own;
  for (std::int32_t v : order) {
    const auto& inherited = merged[static_cast<std::size_t>(fail[static_cast<std::size_t>(v)])];
    auto& mine = merged[static_cast<std::size_t>(v)];
    mine.insert(mine.end(), inherited.begin(), inherited.end());
  }

  // Renumber: silent states first (the root stays 0), reporting states last, each group breadth-
  // first so the shallow states every word passes through share cache lines.
  order.insert(order.begin(), 0);
  std::vector<std::uint32_t> renumbered(nodes);
  std::uint32_t silent = 0;
  for (std::int32_t v : order) {
    if (merged[static_cast<std::size_t>(v)].empty()) renumbered[static_cast<std::size_t>(v)] = silent++;
  }
  std::uint32_t reporting = silent;
  std::vector<std::uint32_t> output_start(nodes, 0);
  outputs_.clear();
  for (std::int32_t bfs : order) {
    const auto v = static_cast<std::size_t>(bfs);
    if (merged[v].empty()) continue;
    renumbered[v] = reporting++;
    output_start[v] = static_cast<std::uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), merged[v].begin(), merged[v].end());
    outputs_.back().last = true;
  }
  const auto stride = static_cast<std::uint32_t>(columns + 1);
  table_.assign(nodes * stride, 0);
  for (std::size_t v = 0; v < nodes; ++v) {
    const std::size_t row = renumbered[v] * stride;
    for (std::size_t c = 0; c < columns; ++c) {
      table_[row + c] = renumbered[static_cast<std::size_t>(next[v * columns + c])] * stride;
    }
    table_[row + columns] = output_start[v];
  }
  table_.shrink_to_fit();
  outputs_.shrink_to_fit();
  max_pattern_length_ = 0;
  for (const Pattern& p : patterns_) max_pattern_length_ = std::max(max_pattern_length_, p.units.size());
  first_reporting_offset_ = silent * stride;
  state_count_ = nodes;
  compiled_ = true;
}

inline void LexiconAutomaton::report(std::uint32_t state, std::size_t i, std::string_view units,
                                     const Stream& stream, std::size_t& word_end) const {
  const Output* output = &outputs_[table_[state + columns_]];
  do {
    const Output& o = *output;
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
}

template <std::size_t N>
void LexiconAutomaton::scan(std::string_view units, const std::array<Stream, N>& streams) const {
  const std::uint32_t* table = table_.data();
  const std::uint8_t* class_of = class_of_.data();
  const auto* unit = reinterpret_cast<const unsigned char*>(units.data());
  const std::uint32_t first_reporting = first_reporting_offset_;
  std::array<std::uint32_t, N> state{};
  std::array<std::size_t, N> word_end{};  // per stream: end of the word where a wildcard last ended
  std::size_t steps = streams[0].stop - streams[0].from;
  for (const Stream& s : streams) steps = std::min(steps, s.stop - s.from);

  // The streams step together: their table loads are independent, so the CPU overlaps them.
  for (std::size_t k = 0; k < steps; ++k) {
    bool reporting = false;
    for (std::size_t s = 0; s < N; ++s) {
      state[s] = table[state[s] + class_of[unit[streams[s].from + k]]];
      reporting |= state[s] >= first_reporting;
    }
    if (reporting) [[unlikely]] {
      for (std::size_t s = 0; s < N; ++s) {
        if (state[s] >= first_reporting) report(state[s], streams[s].from + k, units, streams[s], word_end[s]);
      }
    }
  }
  for (std::size_t s = 0; s < N; ++s) {
    std::uint32_t st = state[s];
    for (std::size_t i = streams[s].from + steps; i < streams[s].stop; ++i) {
      st = table[st + class_of[unit[i]]];
      if (st >= first_reporting) [[unlikely]] report(st, i, units, streams[s], word_end[s]);
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
  sort_runs(out, first);
  for (auto& found : later) {
    if (found.empty()) continue;
    sort_runs(found, 0);
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

inline void LexiconAutomaton::sort_runs(std::vector<LexiconMatch>& found, std::size_t first) {
  // One stream reports occurrences by end, except that a wildcard's (extended to its word's end)
  // comes before the whole-word ones that end at the same ' '; all occurrences with one end are
  // contiguous (none ends inside a word), so sorting each run of equal ends orders them fully.
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
