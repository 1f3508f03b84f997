// report.h — how findings are printed: the text line format, and findings as JSON objects.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "postcheck/finding.h"
#include "postcheck/text.h"

namespace postcheck::cli {

// Line starts of a text, so each finding's line and column cost O(log lines).
class LineIndex {
 public:
  explicit LineIndex(const Text& text);
  // 1-based line and column (in code points) of code point `cp`.
  std::pair<std::size_t, std::size_t> position(std::uint32_t cp) const;

 private:
  std::vector<std::uint32_t> starts_;
};

// "file:line:col: severity category [rule] excerpt — message (clause)"; line and column are 1-based,
// the column counted in characters (code points). ANSI colours when `colour`.
std::string format_finding(const std::string& file, const LineIndex& lines, const Finding& f, bool colour);

// The full finding: rule, category, severity, clause, start, end (UTF-16), excerpt, message, advice,
// suggestion (null or {action, text}). With `lines`, also line and column (1-based) and byte offsets.
nlohmann::json finding_json(const Finding& f, const LineIndex* lines = nullptr);

// The exit status for a set of findings: 0 none, 1 only warn/info, 2 any block.
int exit_status(const std::vector<Finding>& findings);

}  // namespace postcheck::cli
