// main.cpp — the `postcheck` command: checks posts from files or standard input against a policy,
// in text, JSON or JSON Lines (the batch contract ../shared/corpus/score.py drives), and lints policies.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli_options.h"
#include "default_policy.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"
#include "report.h"

namespace {

using namespace postcheck;
using nlohmann::json;

constexpr int kExitError = 3;

bool read_file(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

void print_policy_errors(const std::string& name, const std::vector<PolicyError>& errors) {
  for (const auto& e : errors) std::cerr << name << ":" << e.to_string() << "\n";
}

int lint_policy(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) {
    std::cerr << "postcheck: cannot read policy file '" << path << "'\n";
    return kExitError;
  }
  const auto result = parse_policy(text);
  if (!result.errors.empty()) {
    print_policy_errors(path, result.errors);
    std::cerr << path << ": " << result.errors.size() << " error" << (result.errors.size() == 1 ? "" : "s") << "\n";
    return kExitError;
  }
  std::cout << path << ": ok — " << result.policy->name << " " << result.policy->version << ", "
            << result.policy->rules.size() << " rules\n";
  return 0;
}

int run_jsonl(const Checker& checker, const Context& defaults) {
  std::string line;
  std::size_t line_number = 0;
  int status = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    json in = json::parse(line, nullptr, /*allow_exceptions=*/false);
    json out;
    auto fail = [&](const std::string& why) {
      if (in.is_object() && in.contains("id") && in["id"].is_string()) out["id"] = in["id"];
      else out["line"] = line_number;
      out["error"] = why;
      std::cout << dump(out) << "\n";
    };
    if (in.is_discarded()) { fail("not valid JSON"); continue; }
    if (!in.is_object()) { fail("each line must be a JSON object"); continue; }
    if (!in.contains("id") || !in["id"].is_string()) { fail("\"id\" must be a string"); continue; }
    if (!in.contains("text") || !in["text"].is_string()) { fail("\"text\" must be a string"); continue; }
    Context context = defaults;
    if (in.contains("account")) {
      const json& a = in["account"];
      if (a == "personal") context.account = Account::personal;
      else if (a == "charity") context.account = Account::charity;
      else { fail("\"account\" must be \"personal\" or \"charity\""); continue; }
    }
    if (in.contains("authorised")) {
      if (!in["authorised"].is_boolean()) { fail("\"authorised\" must be true or false"); continue; }
      context.authorised = in["authorised"].get<bool>();
    }
    const auto findings = checker.check(in["text"].get_ref<const std::string&>(), context);
    status = std::max(status, cli::exit_status(findings));
    out["id"] = in["id"];
    out["findings"] = json::array();
    for (const auto& f : findings) out["findings"].push_back(cli::finding_json(f));
    std::cout << dump(out) << "\n";
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const auto parsed = cli::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!parsed.options) {
    std::cerr << "postcheck: " << parsed.error << "\n" << cli::kUsage;
    return kExitError;
  }
  const cli::Options& options = *parsed.options;
  switch (options.mode) {
    case cli::Mode::help: std::cout << cli::kUsage; return 0;
    case cli::Mode::version: std::cout << "postcheck 0.1.0\n"; return 0;
    case cli::Mode::lint_policy: return lint_policy(*options.policy_file);
    case cli::Mode::check: break;
  }

  std::string policy_text;
  std::string policy_name = "(built-in policy)";
  if (options.policy_file) {
    policy_name = *options.policy_file;
    if (!read_file(*options.policy_file, policy_text)) {
      std::cerr << "postcheck: cannot read policy file '" << *options.policy_file << "'\n";
      return kExitError;
    }
  } else {
    policy_text = std::string(default_policy_json());
  }
  auto loaded = parse_policy(policy_text);
  if (!loaded.errors.empty()) {
    print_policy_errors(policy_name, loaded.errors);
    return kExitError;
  }
  const Checker checker(std::move(*loaded.policy));

  if (options.output == cli::Output::jsonl) return run_jsonl(checker, options.context);

  const bool colour = options.colour == cli::Colour::always ||
                      (options.colour == cli::Colour::automatic && isatty(STDOUT_FILENO));
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  int status = 0;
  json report = {{"policy", {{"name", checker.policy().name}, {"version", checker.policy().version}}},
                 {"results", json::array()}};
  for (const auto& file : files) {
    std::string content;
    if (!read_file(file, content)) {
      std::cerr << "postcheck: cannot read '" << file << "'\n";
      return kExitError;
    }
    const Text text = Text::from_utf8(content);
    const auto findings = checker.check(text, options.context);
    status = std::max(status, cli::exit_status(findings));
    const std::string shown = file == "-" ? "<stdin>" : file;
    const cli::LineIndex lines(text);
    if (options.output == cli::Output::json) {
      json entry = {{"file", shown}, {"findings", json::array()}};
      for (const auto& f : findings) entry["findings"].push_back(cli::finding_json(f, &lines));
      report["results"].push_back(std::move(entry));
    } else {
      for (const auto& f : findings) std::cout << cli::format_finding(shown, lines, f, colour) << "\n";
    }
  }
  if (options.output == cli::Output::json) std::cout << dump(report) << "\n";
  return status;
}
