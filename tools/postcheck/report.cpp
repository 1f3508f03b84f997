// report.cpp — prints findings as text lines or JSON.
#include "report.h"

#include <algorithm>

namespace postcheck::cli {
namespace {

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return out;
}

}  // namespace

LineIndex::LineIndex(const Text& text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::pair<std::size_t, std::size_t> LineIndex::position(std::uint32_t cp) const {
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), cp);
  const auto line = static_cast<std::size_t>(after - starts_.begin());
  return {line, cp - starts_[line - 1] + 1};
}

std::string format_finding(const std::string& file, const LineIndex& lines, const Finding& f, bool colour) {
  const auto [line_number, column] = lines.position(f.cp_start);
  const char* on = "";
  const char* off = colour ? "\x1b[0m" : "";
  if (colour) {
    on = f.severity == Severity::block ? "\x1b[1;31m" : f.severity == Severity::warn ? "\x1b[1;33m" : "\x1b[1;36m";
  }
  std::string line = file + ":" + std::to_string(line_number) + ":" + std::to_string(column) + ": ";
  line += on;
  line += severity_name(f.severity);
  line += off;
  line += " " + f.category + " [" + f.rule + "] " + one_line(f.excerpt) + " \xE2\x80\x94 " + f.message + " (" +
          f.clause + ")";
  return line;
}

nlohmann::json finding_json(const Finding& f, const LineIndex* lines) {
  nlohmann::json j = {
      {"rule", f.rule},
      {"category", f.category},
      {"severity", std::string(severity_name(f.severity))},
      {"clause", f.clause},
      {"start", f.u16_start},
      {"end", f.u16_end},
      {"excerpt", f.excerpt},
      {"message", f.message},
      {"advice", f.advice},
  };
  if (f.suggestion) {
    j["suggestion"] = {{"action", std::string(suggestion_action_name(f.suggestion->action))},
                       {"text", f.suggestion->text}};
  } else {
    j["suggestion"] = nullptr;
  }
  if (lines) {
    const auto [line_number, column] = lines->position(f.cp_start);
    j["line"] = line_number;
    j["column"] = column;
    j["byte_start"] = f.byte_start;
    j["byte_end"] = f.byte_end;
  }
  return j;
}

int exit_status(const std::vector<Finding>& findings) {
  int status = 0;
  for (const auto& f : findings) status = std::max(status, f.severity == Severity::block ? 2 : 1);
  return status;
}

}  // namespace postcheck::cli
