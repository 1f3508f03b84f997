// lexicon_trie.h — the whole-word matcher behind Lexicon: normalised terms in, (owner, begin, end)
// occurrences out, in one pass over a view's units.
// Every term is stored in one trie with the word boundaries it needs: " term " (whole word) or
// " term" (suffix wildcard; the occurrence is then extended to the end of its word). Since every
// occurrence begins right after a ' ' (views start with one), matching walks the trie from each ' '
// of the view for as long as the view follows a path, reporting the terms that end on the way: no
// failure links are needed, so compiling is just building the trie (the cheapest part of an
// Aho–Corasick build, which this replaced to cut the WebAssembly module's cold start), and a walk
// is at most the longest term long, so matching stays linear in the view.
// A possessive ends a word too: a whole-word term also matches before "'s" ("client's") and before
// the "'" after an s ("carers'"), and the occurrence stops before the apostrophe.
// Layout: terms go into a growing trie (children as sibling lists); compile() then lays it out again
// breadth-first for matching, each node's children side by side, with a full row by class for the
// busy nodes near the root, where every word starts. Each node says how a walk steps from it
// (step_class): to its first child when the unit has that class (most nodes, which have one child),
// by its row, or the slow way (outputs to report, a possessive, or a scan of a few children's
// classes); so that the common step is one compare and one load, the row step one more compare and
// one load. match() takes each walk's steps itself in a small loop that keeps its few values in
// registers, while they are row steps, first-child steps or the end of the walk at a node of one or
// two children (where most walks end, one or two units into a word); a walk with outputs to report,
// an apostrophe or a scan goes on out of line (walk_on()), so that match()'s loop never holds that
// one's values (~67 k instructions per LexiconTrie::match() on a 3,000-character post, ~91 k when
// every walk was inlined whole). No I/O, no globals.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "byte_codec.h"
#include "postcheck/lexicon.h"

namespace postcheck::lexicon_detail {

// The view's alphabet (normalise.h) as dense classes: ' ' 0, 'a'..'z' 1..26, '0'..'9' 27..36,
// '\'' 37, '*' 38, '@' 39, '#' 40, '.' 41, and '\x01' 42. A byte outside the alphabet (never in a
// well-formed view) reads as '\x01': part of a word, in no term.
inline constexpr std::size_t kUnitClassCount = 43;
// The laid-out trie's rows are kRowStride wide: a class each, and the apostrophe child once more for
// the walk's row steps (kApostropheStepClass). The starts table shares the width (its last column
// unused) so that both are indexed alike.
inline constexpr std::size_t kRowStride = kUnitClassCount + 1;
inline constexpr std::uint8_t kSpaceClass = 0;
inline constexpr std::uint8_t kOtherLetterClass = 42;
inline constexpr std::uint8_t kApostropheClass = 37;
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

// kUnitClass for the walk's common steps, which compare it with a node's step_class: the same but
// for the apostrophe, which matches none, so that a walk looks for a possessive there. A full row
// has its apostrophe child at this class too (the last of the row, which no other class uses).
inline constexpr std::uint8_t kApostropheStepClass = kUnitClassCount;
inline constexpr std::array<std::uint8_t, 256> kStepClass = [] {
  std::array<std::uint8_t, 256> classes = kUnitClass;
  classes[static_cast<unsigned char>('\'')] = kApostropheStepClass;
  return classes;
}();

// Whether the '\'' at units[i] ends a word as a possessive: "'s" then ' ' ("client's"), or an s
// before it and ' ' after ("carers'"). The ' ' must be there, as for any whole-word end.
// The order matches are reported in, (end, begin, owner), and their identity.
inline bool match_before(const LexiconMatch& a, const LexiconMatch& b) {
  return std::tie(a.end, a.begin, a.owner) < std::tie(b.end, b.begin, b.owner);
}
inline bool same_match(const LexiconMatch& a, const LexiconMatch& b) {
  return a.owner == b.owner && a.begin == b.begin && a.end == b.end;
}

inline bool is_possessive_apostrophe(std::string_view units, std::size_t i) {
  const std::size_t n = units.size();
  if (i + 2 < n && units[i + 1] == 's' && units[i + 2] == ' ') return true;
  return i >= 1 && units[i - 1] == 's' && i + 1 < n && units[i + 1] == ' ';
}

class LexiconTrie {
 public:
  // Adds `term` (normalised units, no leading or trailing ' ', not empty) for `owner`; a wildcard
  // term may end inside a word. Adding the same (term, owner, wildcard) twice adds it once.
  // Invalidates an earlier compile() until compile() is called again. The term is only copied
  // here; compile() builds the trie from all of them at once, so that it is allocated once at its
  // final size instead of regrown (and copied) as terms arrive.
  void add(std::string_view term, std::uint32_t owner, bool wildcard) {
    terms_.push_back(Term{static_cast<std::uint32_t>(term_units_.size()), static_cast<std::uint32_t>(term.size()),
                          owner, wildcard});
    term_units_.append(term);
    compiled_ = false;
  }

  // Builds the trie from every term added so far and lays it out for matching: linear in their
  // units (times the few siblings passed on the way), one allocation for the nodes. The growing
  // trie is freed afterwards; only the terms are kept, for a later add() and compile().
  void compile();

  // Appends the occurrences in `units` (a view's units) to `out`, ordered by end, then begin, then
  // owner, each (owner, begin, end) once. Nothing when compile() has not been called since the last
  // add(). Linear in units.size() times at most the longest term (the loader caps terms at
  // kMaxTermBytes), plus the occurrences.
  void match(std::string_view units, std::vector<LexiconMatch>& out) const;

  // The compiled trie as bytes (appended to `out`), for load() to rebuild without the terms: the count
  // of nodes at each depth, then the nodes in preorder (which reads like the sorted terms with shared
  // prefixes left out, and so compresses as well), one byte each for most: the class of the edge
  // into the node, whether it has outputs, whether its child count differs from the usual (none
  // after an output, else one); then the count and outputs where there are. Precondition: compile()
  // was called since the last add().
  void save(std::string& out) const;
  // Replaces this trie by one save() made: compiled, matching exactly as the saved one did, with no
  // terms kept (an add() then starts a trie of the new terms only). Linear in the bytes: one pass over
  // them that lays the nodes out breadth-first, as compile() does, and one over the nodes for the
  // first classes and rows. Bytes save() did not make are refused (`in` fails, this trie is left
  // empty), never read out of bounds.
  void load(codec::ByteReader& in);

  // One more than the largest owner that has an entry (0 for an empty trie).
  std::uint32_t owner_limit() const {
    std::uint32_t limit = 0;
    for (const Output& o : outputs_) limit = std::max(limit, o.owner + 1);
    return limit;
  }
  // Marks in `used` (at least owner_limit() long) every owner with an entry.
  void mark_owners(std::vector<std::uint8_t>& used) const {
    for (const Output& o : outputs_) used[o.owner] = 1;
  }

  // Distinct (term, owner, wildcard) entries, counted as compile() puts them in the trie.
  std::size_t pattern_count() const { return pattern_count_; }
  // Nodes of the trie, the root included (0 before the first compile()).
  std::size_t state_count() const { return nodes_.size(); }
  // Bytes held: the trie laid out for matching, and the terms.
  std::size_t memory_bytes() const {
    return nodes_.capacity() * sizeof(Node) + classes_.capacity() + rows_.capacity() * sizeof(std::uint32_t) +
           outputs_.capacity() * sizeof(Output) + starts_.capacity() * sizeof(std::uint32_t) +
           terms_.capacity() * sizeof(Term) + term_units_.capacity();
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  static constexpr std::uint16_t kNoRow = 0xFFFF;
  // The step_class of a node whose steps all take the slow path (no unit has this class).
  static constexpr std::uint8_t kSlowStep = kApostropheStepClass + 1;
  // The step_class of a node whose steps are all by its full row.
  static constexpr std::uint8_t kRowStep = kApostropheStepClass + 2;
  // While inserting, a node with more children than this gets a full row (the node after the root's
  // ' ' has one per letter): sibling lists stay short.
  static constexpr std::uint8_t kMaxSiblingChildren = 6;
  // Laid out for matching, a node with more children than this gets a full row: a walk mostly ends
  // one or two units into a word, at such a node, where scanning the children's classes would cost
  // more than the row's one load.
  static constexpr std::uint8_t kMaxScannedChildren = 2;
  // save()'s node byte: the class in the low six bits, and these.
  static constexpr std::uint8_t kSavedHasOutputs = 0x40;
  static constexpr std::uint8_t kSavedChildCount = 0x80;  // a child count follows (not the usual)
  static constexpr std::uint8_t kSavedClassMask = 0x3F;

  // The trie as terms are inserted. A node with more children than kMaxSiblingChildren also gets a
  // full row in build_rows_, so that inserting stays quick near the root.
  struct BuildNode {  // 16 bytes
    std::uint32_t first_child = 0;  // 0: none (the root is nobody's child)
    std::uint32_t next_sibling = 0;
    std::uint32_t first_output = kNone;
    std::uint16_t row = kNoRow;
    std::uint8_t unit_class = 0;  // of the edge into this node
    std::uint8_t children = 0;  // counted up to kMaxSiblingChildren + 1
  };
  struct BuildOutput {
    std::uint32_t owner;
    std::uint32_t next;
    bool wildcard;
  };
  // The trie laid out for matching, breadth-first: a node's children are nodes first_child ..
  // first_child + children - 1, their classes in classes_ at the same numbers.
  struct Node {  // 16 bytes
    std::uint32_t first_child;
    std::uint32_t first_output;  // its outputs_ are [first_output, first_output + outputs)
    std::uint32_t outputs;
    std::uint16_t row;  // a full row in rows_, for a node with many children
    std::uint8_t children;
    // What a walk's step from here needs when the node has no outputs: kRowStep when it has a row
    // (and no ' ' child with outputs, for a possessive), else the class of the edge to first_child,
    // a step by which (if not by an apostrophe: kStepClass) needs nothing else. kSlowStep when it
    // has outputs, or no children.
    std::uint8_t step_class;
  };
  struct Output {
    std::uint32_t owner;
    bool wildcard;
  };
  struct Term {  // its units are term_units_[offset, offset + length)
    std::uint32_t offset;
    std::uint32_t length;
    std::uint32_t owner;
    bool wildcard;
  };

  // A child in the growing trie (0: none).
  std::uint32_t build_child(std::uint32_t node, std::uint8_t unit_class) const {
    const BuildNode& n = build_[node];
    if (n.row != kNoRow) return build_rows_[static_cast<std::size_t>(n.row) * kUnitClassCount + unit_class];
    for (std::uint32_t c = n.first_child; c != 0; c = build_[c].next_sibling) {
      if (build_[c].unit_class == unit_class) return c;
    }
    return 0;
  }
  // The child of `n` by `unit_class` in the laid-out trie (0: none), given the trie's arrays. The
  // walk's common steps (by step_class) do not come here.
  static std::uint32_t child_of(const Node& n, const std::uint8_t* classes, const std::uint32_t* rows,
                                std::uint8_t unit_class) {
    if (n.row != kNoRow) return rows[static_cast<std::size_t>(n.row) * kRowStride + unit_class];
    for (std::uint32_t c = n.first_child, end = n.first_child + n.children; c < end; ++c) {
      if (classes[c] == unit_class) return c;
    }
    return 0;
  }
  std::uint32_t child(std::uint32_t node, std::uint8_t unit_class) const {
    return child_of(nodes_[node], classes_.data(), rows_.data(), unit_class);
  }
  std::uint32_t child(const Node& n, std::uint8_t unit_class) const {
    return child_of(n, classes_.data(), rows_.data(), unit_class);
  }
  void add_child(std::uint32_t parent, std::uint32_t child);
  // Puts one term in the growing trie, or nothing when the (term, owner, wildcard) is there already.
  void insert(std::string_view term, std::uint32_t owner, bool wildcard);
  // Lays the growing trie out for matching (nodes_, classes_, rows_, outputs_).
  void lay_out();
  // Gives each node of `row_nodes` (laid out, children and classes in place) its full row, which is
  // also a row for walks' steps (the apostrophe child once more at kApostropheStepClass), and makes it
  // a kRowStep node where it can be. compile() and load() both end with this.
  void fill_rows(const std::vector<std::uint32_t>& row_nodes) {
    rows_.assign(row_nodes.size() * kRowStride, 0);
    for (std::size_t r = 0; r < row_nodes.size(); ++r) {
      Node& n = nodes_[row_nodes[r]];
      n.row = static_cast<std::uint16_t>(r);
      std::uint32_t* const row = rows_.data() + r * kRowStride;
      for (std::uint32_t c = n.first_child; c < n.first_child + n.children; ++c) row[classes_[c]] = c;
      row[kApostropheStepClass] = row[kApostropheClass];
      if (n.step_class != kSlowStep && (row[kSpaceClass] == 0 || nodes_[row[kSpaceClass]].outputs == 0)) {
        n.step_class = kRowStep;
      }
    }
  }
  // Fills starts_ (after the trie is laid out).
  void build_starts();
  // The rest of the walk from the ' ' at units[start] (every term that begins at start + 1), from
  // `node`, reached by the unit at i. Out of line: match() takes each walk's first steps itself, and
  // most walks end there; a call for the others keeps match()'s loop from holding this one's values.
  [[gnu::noinline]] inline void walk_on(std::string_view units, std::size_t start, std::uint32_t node, std::size_t i,
                                        std::vector<LexiconMatch>& out) const;
  // A walk's other steps (walk_on() only): the outputs of `here`, reached by the unit at i (none at
  // start, the root's ' ' child), a possessive at i + 1, and the child by the unit at i + 1 (0: none,
  // or the view ends at i).
  [[gnu::always_inline]] inline std::uint32_t slow_step(const Node& here, std::string_view units, std::size_t start,
                                                        std::size_t i, std::size_t& word_end,
                                                        std::vector<LexiconMatch>& out) const;

  std::vector<Term> terms_;
  std::string term_units_;
  // The growing trie, only during compile(); [0] is the root.
  std::vector<BuildNode> build_;
  std::vector<std::uint32_t> build_rows_;  // kUnitClassCount per row
  std::vector<BuildOutput> build_outputs_;
  // Not zeroed when sized: compile() and load() write every node, class and output (the nodes of
  // the default policy are ~700 KB, which zeroing first would make another pass over; its outputs'
  // zeroing was ~40 k instructions per load).
  std::vector<Node, UninitialisedAllocator<Node>> nodes_;  // [0] is the root
  std::vector<std::uint8_t, UninitialisedAllocator<std::uint8_t>> classes_;
  std::vector<std::uint32_t> rows_;  // kRowStride per row
  std::vector<Output, UninitialisedAllocator<Output>> outputs_;
  std::uint32_t space_node_ = 0;  // the root's ' ' child, where every walk starts (0: no terms)
  // The first two steps of every walk in one load: by the classes of the two units after the ' ',
  // the node they reach, 0 when none does, or kSlowStart when the walk must take them one by one
  // (terms end after the first, or an apostrophe may make a possessive).
  static constexpr std::uint32_t kSlowStart = 0xFFFFFFFFu;
  std::vector<std::uint32_t> starts_;
  std::size_t pattern_count_ = 0;
  bool compiled_ = false;
};

inline void LexiconTrie::add_child(std::uint32_t parent, std::uint32_t node) {
  BuildNode& p = build_[parent];
  build_[node].next_sibling = p.first_child;
  p.first_child = node;
  if (p.row != kNoRow) {
    build_rows_[static_cast<std::size_t>(p.row) * kUnitClassCount + build_[node].unit_class] = node;
  } else if (++p.children > kMaxSiblingChildren && build_rows_.size() / kUnitClassCount < kNoRow) {
    p.row = static_cast<std::uint16_t>(build_rows_.size() / kUnitClassCount);
    build_rows_.resize(build_rows_.size() + kUnitClassCount, 0);
    for (std::uint32_t c = p.first_child; c != 0; c = build_[c].next_sibling) {
      build_rows_[static_cast<std::size_t>(p.row) * kUnitClassCount + build_[c].unit_class] = c;
    }
  }
}

inline void LexiconTrie::insert(std::string_view term, std::uint32_t owner, bool wildcard) {
  // The trie path: ' ', the term's units, and ' ' unless a wildcard. build_ has room for it.
  std::uint32_t node = 0;
  bool fresh = false;  // once off the trie, every later unit makes a new node: no lookup
  const std::size_t path_length = term.size() + (wildcard ? 1 : 2);
  for (std::size_t k = 0; k < path_length; ++k) {
    const auto unit = static_cast<unsigned char>(k == 0 || k > term.size() ? ' ' : term[k - 1]);
    const std::uint8_t unit_class = kUnitClass[unit];
    std::uint32_t next = fresh ? 0 : build_child(node, unit_class);
    if (next == 0) {
      next = static_cast<std::uint32_t>(build_.size());
      BuildNode created;
      created.unit_class = unit_class;
      build_.push_back(created);
      add_child(node, next);
      fresh = true;
    }
    node = next;
  }
  for (std::uint32_t o = build_[node].first_output; o != kNone; o = build_outputs_[o].next) {
    if (build_outputs_[o].owner == owner) return;  // the node fixes the units and the wildcard
  }
  build_outputs_.push_back(BuildOutput{owner, build_[node].first_output, wildcard});
  build_[node].first_output = static_cast<std::uint32_t>(build_outputs_.size() - 1);
  ++pattern_count_;
}

inline void LexiconTrie::lay_out() {
  // Breadth-first: a node's children get consecutive numbers as it is taken from the queue. Raw
  // pointers in the loop: the compiler cannot tell the vectors' stores from their own members.
  const std::size_t count = build_.size();
  const std::unique_ptr<std::uint32_t[]> order(new std::uint32_t[count]);  // build node of each number
  std::size_t ordered = 1;
  order[0] = 0;
  nodes_.resize(count);
  classes_.assign(count, 0);
  outputs_.resize(build_outputs_.size());
  std::vector<std::uint32_t> row_nodes;  // the nodes of more than kMaxScannedChildren children
  const BuildNode* const build = build_.data();
  const BuildOutput* const build_outputs = build_outputs_.data();
  Node* const nodes = nodes_.data();
  std::uint8_t* const classes = classes_.data();
  Output* const outputs = outputs_.data();
  std::uint32_t output_count = 0;
  for (std::size_t number = 0; number < ordered; ++number) {
    const BuildNode& b = build[order[number]];
    Node n{static_cast<std::uint32_t>(ordered), output_count, 0, kNoRow, 0, kSlowStep};
    for (std::uint32_t o = b.first_output; o != kNone; o = build_outputs[o].next) {
      outputs[output_count++] = Output{build_outputs[o].owner, build_outputs[o].wildcard};
    }
    n.outputs = output_count - n.first_output;
    for (std::uint32_t c = b.first_child; c != 0; c = build[c].next_sibling) {
      classes[ordered] = build[c].unit_class;
      order[ordered++] = c;
    }
    n.children = static_cast<std::uint8_t>(ordered - n.first_child);  // at most one per class
    if (n.children != 0) {
      if (n.outputs == 0) n.step_class = classes[n.first_child];
      if (n.children > kMaxScannedChildren && row_nodes.size() < kNoRow) row_nodes.push_back(static_cast<std::uint32_t>(number));
    }
    nodes[number] = n;
  }
  fill_rows(row_nodes);
}

inline void LexiconTrie::compile() {
  // At most one node per unit and boundary of each term: one allocation, however many terms.
  std::size_t bound = 1;
  for (const Term& t : terms_) bound += t.length + 2;
  build_.clear();
  build_.reserve(bound);
  build_.emplace_back();
  build_rows_.clear();
  build_outputs_.clear();
  build_outputs_.reserve(terms_.size());
  pattern_count_ = 0;
  for (const Term& t : terms_) insert(std::string_view(term_units_).substr(t.offset, t.length), t.owner, t.wildcard);
  lay_out();
  std::vector<BuildNode>().swap(build_);  // released: the laid-out trie is what matching reads
  std::vector<std::uint32_t>().swap(build_rows_);
  std::vector<BuildOutput>().swap(build_outputs_);
  space_node_ = child(0, kSpaceClass);
  build_starts();
  compiled_ = true;
}

inline void LexiconTrie::save(std::string& out) const {
  codec::append_varint(out, nodes_.size());
  if (nodes_.empty()) return;
  codec::append_varint(out, outputs_.size());
  // The nodes per depth (breadth-first numbers are given depth by depth), then the nodes in preorder.
  std::vector<std::uint32_t> depth_of(nodes_.size(), 0);
  std::vector<std::uint32_t> per_depth{1};
  for (std::size_t k = 0; k < nodes_.size(); ++k) {
    const Node& n = nodes_[k];
    for (std::uint32_t c = n.first_child; c < n.first_child + n.children; ++c) {
      depth_of[c] = depth_of[k] + 1;
      if (per_depth.size() <= depth_of[c]) per_depth.push_back(0);
      ++per_depth[depth_of[c]];
    }
  }
  codec::append_varint(out, per_depth.size());
  for (std::uint32_t count : per_depth) codec::append_varint(out, count);
  std::vector<std::uint32_t> pending{0};  // a node's children are pushed last first
  while (!pending.empty()) {
    const std::uint32_t number = pending.back();
    pending.pop_back();
    const Node& n = nodes_[number];
    const std::uint32_t usual_children = n.outputs != 0 ? 0 : 1;
    auto byte = static_cast<std::uint8_t>(number == 0 ? 0 : classes_[number]);
    if (n.outputs != 0) byte |= kSavedHasOutputs;
    if (n.children != usual_children) byte |= kSavedChildCount;
    codec::append_byte(out, byte);
    if (n.children != usual_children) codec::append_varint(out, n.children);
    if (n.outputs != 0) {
      codec::append_varint(out, n.outputs);
      for (std::uint32_t o = n.first_output; o < n.first_output + n.outputs; ++o) {
        codec::append_varint(out, (static_cast<std::uint64_t>(outputs_[o].owner) << 1) | (outputs_[o].wildcard ? 1 : 0));
      }
    }
    for (std::uint32_t c = n.first_child + n.children; c > n.first_child; --c) pending.push_back(c - 1);
  }
}

inline void LexiconTrie::load(codec::ByteReader& in) {
  *this = LexiconTrie();
  const std::size_t count = in.count();  // every node takes a byte at least
  if (!in.ok() || count == 0) return;
  const std::size_t output_total = in.count();  // and every output
  const std::size_t depths = in.count();
  if (!in.ok()) return;
  if (depths == 0) return in.fail("a lexicon of no depth");
  // Breadth-first numbers are given depth by depth, and in preorder the nodes of each depth come in
  // breadth-first order: a node's number is the next free one of its depth, and its children are the
  // next ones of the depth below (the nodes that follow it there until its subtree is done).
  std::vector<std::uint32_t> next(depths + 1), limit(depths + 1);
  std::size_t total = 0;
  for (std::size_t d = 0; d < depths && in.ok(); ++d) {
    const std::uint64_t nodes = in.varint();
    if (nodes > count - total) return in.fail("more lexicon nodes by depth than in all");
    next[d] = static_cast<std::uint32_t>(total);
    total += static_cast<std::size_t>(nodes);
    limit[d] = static_cast<std::uint32_t>(total);
  }
  if (!in.ok()) return;
  if (total != count) return in.fail("fewer lexicon nodes by depth than in all");
  next[depths] = limit[depths] = static_cast<std::uint32_t>(count);

  nodes_.resize(count);
  classes_.resize(count);
  // The branches on the path from the root (nodes of two or more children) whose later children are
  // still to come: the depth of those children and how many. A node of one child needs no entry, its
  // child being the next node.
  std::vector<std::uint32_t> open_depth(depths), open_left(depths);
  const std::string_view bytes = in.rest();
  outputs_.resize(output_total);
  // Raw pointers and locals throughout: a store through the uint8_t classes may alias anything, and
  // would otherwise make the compiler reload every vector's data after it.
  Node* const nodes = nodes_.data();
  std::uint8_t* const classes = classes_.data();
  Output* const outputs = outputs_.data();
  std::uint32_t* const next_at = next.data();
  const std::uint32_t* const limit_at = limit.data();
  std::uint32_t* const branch_depth = open_depth.data();
  std::uint32_t* const branch_left = open_left.data();
  const auto* const start = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* const end = start + bytes.size();
  const auto* p = start;
  std::size_t branches = 0;  // entries in branch_depth / branch_left
  std::size_t depth = 0;     // of the next node
  bool complete = false;     // the last leaf has been read: no node may follow
  std::uint32_t output_count = 0;
  const char* why = nullptr;
  // Each node's first child is the node read right after it: its class becomes the node's
  // step_class then (`awaiting` points at the node waiting for it, or at a scratch node: a node with
  // outputs keeps kSlowStep).
  Node scratch{};
  Node* awaiting = &scratch;
  std::vector<std::uint32_t> row_nodes;  // the nodes of more than kMaxScannedChildren children
  if (p != end && (*p & kSavedClassMask) != 0) why = "a lexicon node of no class";  // the root: reached by no edge
  // next[depths] == limit[depths]: a node below the last depth is refused as one too many there.
  // `why` is written only on the way out: the slow path reads its varints with its own `error`, so
  // that nothing takes the loop's variables by address (they stay in registers).
  for (std::size_t k = 0; k < count && why == nullptr; ++k) {
    if (p == end) {
      why = "a truncated lexicon";
      break;
    }
    const unsigned char byte = *p++;
    const auto unit_class = static_cast<std::uint8_t>(byte & kSavedClassMask);
    if (unit_class >= kUnitClassCount) {
      why = "a lexicon node of no class";
      break;
    }
    if (next_at[depth] == limit_at[depth]) {
      why = "more lexicon nodes at a depth than it has";
      break;
    }
    const std::uint32_t number = next_at[depth]++;
    classes[number] = unit_class;
    awaiting->step_class = unit_class;
    if ((byte & (kSavedHasOutputs | kSavedChildCount)) == 0) {  // most nodes: one child, no outputs
      nodes[number] = Node{next_at[depth + 1], output_count, 0, kNoRow, 1, kSlowStep};
      ++depth;
      // The chain below it, in a loop of its own (its few variables stay in registers): nodes of
      // the usual kind, each the only child of the one before, a depth further down. A byte below
      // kUnitClassCount is one: no flags, and a class.
      std::uint32_t parent = number;
      const auto* const chain_start = p;
      const auto* const stop = p + std::min<std::size_t>(static_cast<std::size_t>(end - p), count - k - 1);
      constexpr Node kChainNode{0, 0, 0, kNoRow, 1, kSlowStep};
      while (p != stop && *p < kUnitClassCount && next_at[depth] != limit_at[depth]) {
        const std::uint8_t chained = *p++;
        const std::uint32_t here = next_at[depth]++;
        classes[here] = chained;
        nodes[parent].step_class = chained;
        Node node = kChainNode;
        node.first_child = next_at[depth + 1];
        node.first_output = output_count;
        nodes[here] = node;
        parent = here;
        ++depth;
      }
      k += static_cast<std::size_t>(p - chain_start);
      awaiting = &nodes[parent];
      continue;
    }
    if ((byte & (kSavedHasOutputs | kSavedChildCount)) == kSavedHasOutputs && end - p >= 2 && p[0] == 1 &&
        p[1] < 0x80 && output_count != output_total) {
      // A leaf with one output, its owner below 64 (one byte each): where most terms end, ~9 k of
      // the default policy's nodes. Nothing here can be refused; the leaf's end is the general one's.
      nodes[number] = Node{next_at[depth + 1], output_count, 1, kNoRow, 0, kSlowStep};
      outputs[output_count++] = Output{static_cast<std::uint32_t>(p[1] >> 1), (p[1] & 1) != 0};
      p += 2;
    } else {
      const char* error = nullptr;
      std::uint64_t children = (byte & kSavedHasOutputs) != 0 ? 0 : 1;
      if ((byte & kSavedChildCount) != 0) p = codec::read_varint(p, end, children, error);
      if (children > kUnitClassCount) error = "a lexicon node with more children than classes";
      if (children > 0 && depth + 1 == depths) error = "a lexicon node with children below the last depth";
      const std::uint32_t first_output = output_count;
      if ((byte & kSavedHasOutputs) != 0) {
        std::uint64_t entries = 0;
        p = codec::read_varint(p, end, entries, error);
        if (entries == 0 || entries > output_total - output_count) error = "a lexicon node with outputs that are not there";
        for (std::uint64_t o = 0; o < entries && error == nullptr; ++o) {
          std::uint64_t entry = 0;
          p = codec::read_varint(p, end, entry, error);
          if (entry >> 1 > 0xFFFFFFFEu) error = "a lexicon owner out of range";
          if (error == nullptr) outputs[output_count++] = Output{static_cast<std::uint32_t>(entry >> 1), (entry & 1) != 0};
        }
      }
      if (error != nullptr) {
        why = error;
        break;
      }
      nodes[number] = Node{next_at[depth + 1], first_output, output_count - first_output, kNoRow,
                           static_cast<std::uint8_t>(children), kSlowStep};
      if (children > 0) {
        awaiting = output_count != first_output ? &scratch : &nodes[number];
        if (children > kMaxScannedChildren && row_nodes.size() < kNoRow) row_nodes.push_back(number);
        if (children > 1) {
          branch_depth[branches] = static_cast<std::uint32_t>(depth + 1);
          branch_left[branches++] = static_cast<std::uint32_t>(children - 1);
        }
        ++depth;
        continue;
      }
    }
    awaiting = &scratch;
    if (branches > 0) {  // a leaf: the next node is the next child of the nearest open branch
      depth = branch_depth[branches - 1];
      if (--branch_left[branches - 1] == 0) --branches;
    } else {  // the last leaf: the trie is complete
      complete = true;
      if (k + 1 != count) why = "lexicon nodes after the trie is complete";
      break;
    }
  }
  if (why == nullptr) {
    if (!complete) why = "a lexicon node whose children are not there";
    for (std::size_t d = 0; d < depths; ++d) {
      if (next[d] != limit[d]) why = "fewer lexicon nodes at a depth than it has";
    }
    if (output_count != output_total) why = "fewer lexicon outputs than it has";
  }
  in.skip(static_cast<std::size_t>(p - start));
  if (why != nullptr) {
    in.fail(why);
    *this = LexiconTrie();
    return;
  }
  fill_rows(row_nodes);
  pattern_count_ = outputs_.size();
  space_node_ = child(0, kSpaceClass);
  build_starts();
  compiled_ = true;
}

inline void LexiconTrie::build_starts() {
  starts_.assign(kUnitClassCount * kRowStride, 0);
  if (space_node_ == 0) return;
  for (std::uint8_t first = 0; first < kUnitClassCount; ++first) {
    const std::uint32_t after_first = child(space_node_, first);
    if (after_first == 0) continue;
    std::uint32_t* const entries = starts_.data() + first * kRowStride;
    const Node& n = nodes_[after_first];
    // The first step's outputs, and a possessive apostrophe second, need the walk's own steps.
    if (n.outputs != 0 || first == kApostropheClass) {
      std::fill(entries, entries + kUnitClassCount, kSlowStart);
      continue;
    }
    for (std::uint32_t c = n.first_child; c < n.first_child + n.children; ++c) entries[classes_[c]] = c;
    entries[kApostropheClass] = kSlowStart;
  }
}

std::uint32_t LexiconTrie::slow_step(const Node& here, std::string_view units, std::size_t start, std::size_t i,
                                     std::size_t& word_end, std::vector<LexiconMatch>& out) const {
  const auto begin = static_cast<std::uint32_t>(start + 1);
  const std::size_t n = units.size();
  if (here.outputs != 0 && i > start) {
    for (std::uint32_t o = here.first_output; o < here.first_output + here.outputs; ++o) {
      std::size_t end = i;  // a whole word ends before the ' ' just read
      if (outputs_[o].wildcard) {
        // The word's end is found once per word however many wildcards end inside it (the walk
        // only moves on, so it stays right until the walk passes it).
        if (word_end <= i) {
          const std::size_t space = units.find(' ', i + 1);
          word_end = space == std::string_view::npos ? n : space;
        }
        end = word_end;
      }
      out.push_back(LexiconMatch{outputs_[o].owner, begin, static_cast<std::uint32_t>(end)});
    }
  }
  if (++i >= n) return 0;
  const std::uint8_t unit_class = kUnitClass[static_cast<unsigned char>(units[i])];
  // A possessive: the whole-word terms that a ' ' here would end, end before the apostrophe.
  if (unit_class == kApostropheClass && is_possessive_apostrophe(units, i)) [[unlikely]] {
    if (const std::uint32_t at_space = child(here, kSpaceClass); at_space != 0) {
      const Node& ending = nodes_[at_space];
      for (std::uint32_t o = ending.first_output; o < ending.first_output + ending.outputs; ++o) {
        if (!outputs_[o].wildcard) out.push_back(LexiconMatch{outputs_[o].owner, begin, static_cast<std::uint32_t>(i)});
      }
    }
  }
  return child(here, unit_class);
}

void LexiconTrie::walk_on(std::string_view units, std::size_t start, std::uint32_t node, std::size_t i,
                                 std::vector<LexiconMatch>& out) const {
  const auto* const u = reinterpret_cast<const unsigned char*>(units.data());
  const std::size_t n = units.size();
  std::size_t word_end = 0;  // the end of the word where a wildcard last ended on this walk
  while (true) {
    const Node& here = nodes_[node];
    // Most steps: to the first child or by a full row, with nothing to report here (step_class
    // says so).
    if (i + 1 < n) {
      const std::uint8_t step = kStepClass[u[i + 1]];
      if (step == here.step_class) {
        node = here.first_child;
        ++i;
        continue;
      }
      if (here.step_class == kRowStep) {
        node = rows_[static_cast<std::size_t>(here.row) * kRowStride + step];
        if (node == 0) return;
        ++i;
        continue;
      }
    }
    node = slow_step(here, units, start, i, word_end, out);
    if (node == 0) return;
    ++i;
  }
}

inline void LexiconTrie::match(std::string_view units, std::vector<LexiconMatch>& out) const {
  if (!compiled_ || space_node_ == 0 || units.empty()) return;
  const std::size_t first = out.size();
  // What the walks' first steps read, as locals: out.push_back() cannot change them, so the
  // compiler keeps them in registers.
  const Node* const nodes = nodes_.data();
  const std::uint8_t* const classes = classes_.data();
  const std::uint32_t* const rows = rows_.data();
  const std::uint32_t* const starts = starts_.data();
  const std::uint32_t space_node = space_node_;
  // The ' 's eight units at a time: a mask with the high bit of each byte that is ' ' (exact, no
  // carries between bytes), then its set bits in order. Word gaps are short, so this beats both a
  // loop over every unit and memchr per word; it needs no SIMD (the wasm build has none).
  const std::size_t n = units.size();
  const auto* const u = reinterpret_cast<const unsigned char*>(units.data());
  const unsigned char* const last = u + n - 1;  // below it, a unit follows p
  const unsigned char* const two_before_end = n >= 2 ? u + n - 2 : u;  // below it, two units follow p
  constexpr std::uint64_t kSpaces = 0x2020202020202020ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  for (std::size_t group = 0; group < n; group += 8) {
    std::uint64_t word = 0;
    if (n - group >= 8) {
      std::memcpy(&word, u + group, 8);
    } else {  // the last group may be short: its missing units read as 0, never ' '
      unsigned char tail[8] = {};
      std::memcpy(tail, u + group, n - group);
      std::memcpy(&word, tail, 8);  // a fixed size: `word` can stay in a register
    }
    const std::uint64_t x = word ^ kSpaces;  // a ' ' byte is now 0
    std::uint64_t zero = ~(((x & kLow7) + kLow7) | x | kLow7);
    while (zero != 0) {  // the first unit is the lowest byte on a little-endian machine, the highest on a big one
      std::size_t at = 0;
      if constexpr (std::endian::native == std::endian::little) {
        at = static_cast<std::size_t>(std::countr_zero(zero)) / 8;
        zero &= zero - 1;
      } else {
        const int bit = 63 - std::countl_zero(zero);
        at = static_cast<std::size_t>(63 - bit) / 8;
        zero &= ~(std::uint64_t{1} << bit);
      }
      // The walk from the ' ' at start: here, its steps while they are the common ones (most walks
      // end in them, one or two units into a word), then walk_on(). The node reached by the unit at
      // p (the ' ' at start: the root's ' ' child); the first two steps in one look-up when the
      // table has them. A pointer, not an index: one register less, and one compare (p < last)
      // bounds each step.
      const std::size_t start = group + at;
      std::uint32_t node = space_node;
      const unsigned char* p = u + start;
      if (p < two_before_end) {
        const std::uint32_t entry = starts[kUnitClass[p[1]] * kRowStride + kUnitClass[p[2]]];
        if (entry == 0) continue;
        if (entry != kSlowStart) node = entry, p += 2;
      }
      for (; p < last; ++p) {
        const Node& here = nodes[node];
        const std::uint8_t step = kStepClass[p[1]];
        const std::uint8_t how = here.step_class;
        if (how == kRowStep) {
          node = rows[static_cast<std::size_t>(here.row) * kRowStride + step];
          if (node == 0) break;
        } else if (step == how) {
          node = here.first_child;
        } else if (how < kUnitClassCount && step != kApostropheStepClass && here.children <= 2) {
          // No outputs (how is the first child's class), one or two children, and no apostrophe (a
          // possessive, or an apostrophe child): the second child, or the walk ends.
          if (here.children == 1 || classes[here.first_child + 1] != step) {
            node = 0;
            break;
          }
          node = here.first_child + 1;
        } else {
          break;
        }
      }
      if (node != 0) walk_on(units, start, node, static_cast<std::size_t>(p - u), out);
    }
  }
  if (out.size() - first < 2) return;
  // Walks report by begin; callers want (end, begin, owner), each once. Each walk's come by end, and
  // only a match that ends past a later walk's is out of place: an insertion sort puts those few
  // back in about one pass (for the bench text's 54, ~1.2 k instructions fewer than std::sort and
  // std::unique). Should the shifts pass four per match (many owners of overlapping terms), the
  // rest is sorted by std::sort: O(n log n) at worst.
  const auto by_end = [](const LexiconMatch& a, const LexiconMatch& b) { return match_before(a, b); };
  const auto same = [](const LexiconMatch& a, const LexiconMatch& b) { return same_match(a, b); };
  LexiconMatch* const m = out.data() + first;
  const std::size_t count = out.size() - first;
  std::size_t shifts_left = 4 * count;
  std::size_t placed = 1;  // m[0, placed) in order, each once
  std::size_t next = 1;
  for (; next < count; ++next) {
    const LexiconMatch x = m[next];
    if (!by_end(x, m[placed - 1])) {  // most: in place already
      if (!same(x, m[placed - 1])) m[placed++] = x;
      continue;
    }
    std::size_t at = placed - 1;
    while (at > 0 && by_end(x, m[at - 1]) && shifts_left > 0) --at, --shifts_left;
    if (shifts_left == 0) break;
    if (at > 0 && same(m[at - 1], x)) continue;
    std::move_backward(m + at, m + placed, m + placed + 1);
    m[at] = x;
    ++placed;
  }
  if (next < count) {  // out of shifts: the rest joins the placed ones, and all are sorted
    placed = static_cast<std::size_t>(std::move(m + next, m + count, m + placed) - m);
    std::sort(m, m + placed, by_end);
    placed = static_cast<std::size_t>(std::unique(m, m + placed, same) - m);
  }
  out.resize(first + placed);
}

}  // namespace postcheck::lexicon_detail
