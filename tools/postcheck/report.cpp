// report.cpp — prints findings as text lines or JSON.
#include "report.h"

namespace postcheck::cli {
namespace {

struct Position {
  std::size_t line;
  std::size_t column;
};

Position position_of(const Text& text, std::uint32_t cp) {
  Position p{1, 1};
  for (std::uint32_t i = 0; i < cp && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return out;
}

}  // namespace

std::string format_finding(const std::string& file, const Text& text, const Finding& f, bool colour) {
  const Position p = position_of(text, f.cp_start);
  const char* on = "";
  const char* off = colour ? "\x1b[0m" : "";
  if (colour) {
    on = f.severity == Severity::block ? "\x1b[1;31m" : f.severity == Severity::warn ? "\x1b[1;33m" : "\x1b[1;36m";
  }
  std::string line = file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ";
  line += on;
  line += severity_name(f.severity);
  line += off;
  line += " " + f.category + " [" + f.rule + "] " + one_line(f.excerpt) + " \xE2\x80\x94 " + f.message + " (" +
          f.clause + ")";
  return line;
}

nlohmann::json finding_json(const Finding& f, const Text* text) {
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
  if (text) {
    const Position p = position_of(*text, f.cp_start);
    j["line"] = p.line;
    j["column"] = p.column;
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
