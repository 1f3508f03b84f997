// cli_options.h — the `postcheck` command line, parsed into plain values (no I/O here).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "postcheck/finding.h"

namespace postcheck::cli {

enum class Mode { check, lint_policy, help, version };
enum class Output { text, json, jsonl };
enum class Colour { automatic, always, never };

struct Options {
  Mode mode = Mode::check;
  Output output = Output::text;
  Colour colour = Colour::automatic;
  std::optional<std::string> policy_file;
  Context context;
  std::vector<std::string> files;  // empty: standard input
};

struct ParseResult {
  std::optional<Options> options;
  std::string error;  // set when options is empty
};

ParseResult parse_options(const std::vector<std::string>& args);

extern const char* const kUsage;

}  // namespace postcheck::cli
