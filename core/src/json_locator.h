// json_locator.h — where a value (or a member's key) sits in JSON text, found by RFC 6901 pointer, so
// that policy errors can carry a 1-based line:column. nlohmann/json keeps no positions, so this re-reads
// the text. Contract: no allocation beyond the results and the paths it descends; linear in the text
// for any number of requests; never reads out of bounds, even on text that is not valid JSON (a pointer
// it cannot follow yields std::nullopt). No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck::json_locator {

// What to point at: the value itself, or (for a member of an object) the opening quote of its key —
// an unknown field is reported at its key, everything else at its value.
enum class Anchor { value, key };

struct Request {
  std::string pointer;  // "" for the document, "/rules/3/severity"; '~' and '/' escaped as ~0 and ~1
  Anchor anchor = Anchor::value;
};

// Byte offsets of each request, in request order; std::nullopt when the pointer is not in the text.
// One pass over the text, descending only into values that some request lies under.
std::vector<std::optional<std::size_t>> locate_all(std::string_view json, const std::vector<Request>& requests);

// One request; for many, locate_all is linear where repeated calls are not.
std::optional<std::size_t> locate(std::string_view json, std::string_view pointer, Anchor anchor = Anchor::value);

// Appends `key` to `pointer` as one reference token, escaping '~' and '/'.
std::string append_token(std::string_view pointer, std::string_view key);
std::string append_index(std::string_view pointer, std::size_t index);

// 1-based line and byte column of `offset` in `text` (lines end at '\n'; an offset past the end is
// placed just after the last byte).
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

// Line starts computed once, for many look-ups in one text: each look-up is a binary search.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn at(std::size_t offset) const;

 private:
  std::size_t size_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace postcheck::json_locator
