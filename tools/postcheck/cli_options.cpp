// cli_options.cpp — parses the `postcheck` command line.
#include "cli_options.h"

namespace postcheck::cli {

const char* const kUsage =
    "usage: postcheck [--policy FILE] [--account personal|charity] [--authorised]\n"
    "                 [--json | --jsonl] [--colour auto|always|never] [FILE...]\n"
    "       postcheck lint-policy FILE\n"
    "\n"
    "Checks posts (the files, or standard input) against the social media policy.\n"
    "  --policy FILE     use this policy instead of the built-in default\n"
    "  --account A       the account the post is written on: personal (default) or charity\n"
    "  --authorised      the poster is an authorised user of the charity's accounts\n"
    "  --json            print one JSON report\n"
    "  --jsonl           batch mode: each input line is {\"id\",\"text\",\"account\",\"authorised\"},\n"
    "                    each output line {\"id\",\"findings\":[...]} (offsets in UTF-16 code units)\n"
    "Exit status: 0 clean, 1 only warn/info findings, 2 any block finding, 3 usage or policy error.\n";

ParseResult parse_options(const std::vector<std::string>& args) {
  Options o;
  std::size_t i = 0;
  if (!args.empty() && args[0] == "lint-policy") {
    if (args.size() != 2) return {std::nullopt, "lint-policy takes exactly one FILE"};
    o.mode = Mode::lint_policy;
    o.policy_file = args[1];
    return {o, {}};
  }
  auto value = [&](const std::string& flag, std::string& out) -> bool {
    if (i + 1 >= args.size()) return false;
    out = args[++i];
    (void)flag;
    return true;
  };
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "-h" || a == "--help") {
      o.mode = Mode::help;
    } else if (a == "--version") {
      o.mode = Mode::version;
    } else if (a == "--policy") {
      if (!value(a, v)) return {std::nullopt, "--policy needs a FILE"};
      o.policy_file = v;
    } else if (a == "--account" || a.rfind("--account=", 0) == 0) {
      if (a == "--account") {
        if (!value(a, v)) return {std::nullopt, "--account needs personal or charity"};
      } else {
        v = a.substr(10);
      }
      if (v == "personal") o.context.account = Account::personal;
      else if (v == "charity") o.context.account = Account::charity;
      else return {std::nullopt, "--account must be personal or charity, not '" + v + "'"};
    } else if (a == "--authorised" || a == "--authorized") {
      o.context.authorised = true;
    } else if (a == "--json") {
      o.output = Output::json;
    } else if (a == "--jsonl") {
      o.output = Output::jsonl;
    } else if (a == "--colour" || a == "--color" || a.rfind("--colour=", 0) == 0 || a.rfind("--color=", 0) == 0) {
      if (a == "--colour" || a == "--color") {
        if (!value(a, v)) return {std::nullopt, "--colour needs auto, always or never"};
      } else {
        v = a.substr(a.find('=') + 1);
      }
      if (v == "auto") o.colour = Colour::automatic;
      else if (v == "always") o.colour = Colour::always;
      else if (v == "never") o.colour = Colour::never;
      else return {std::nullopt, "--colour must be auto, always or never"};
    } else if (a == "-") {
      o.files.push_back(a);
    } else if (!a.empty() && a[0] == '-') {
      return {std::nullopt, "unknown option '" + a + "'"};
    } else {
      o.files.push_back(a);
    }
  }
  if (o.output == Output::jsonl && !o.files.empty()) return {std::nullopt, "--jsonl reads standard input only"};
  return {o, {}};
}

}  // namespace postcheck::cli
