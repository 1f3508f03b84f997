// cli_test.cpp — the `postcheck` command's contract, by running the built binary: the text line format,
// --json, --jsonl (with a bad line in the batch), lint-policy, and the exit codes 0/1/2/3.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Run {
  int status;
  std::string out;
};

// Runs the CLI with `args`, feeding `input` on stdin; stderr goes to the test log.
Run run(const std::string& args, const std::string& input = "") {
  const fs::path in = fs::temp_directory_path() / ("postcheck-cli-in-" + std::to_string(::getpid()));
  {
    std::ofstream f(in, std::ios::binary);
    f << input;
  }
  const std::string cmd = std::string(POSTCHECK_CLI) + " " + args + " < " + in.string();
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int raw = ::pclose(pipe);
  fs::remove(in);
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

fs::path write_temp(const std::string& name, const std::string& content) {
  const fs::path p = fs::temp_directory_path() / (std::to_string(::getpid()) + "-" + name);
  std::ofstream f(p, std::ios::binary);
  f << content;
  return p;
}

// A small policy so these tests pin the CLI, not the default policy's content.
const char* kPolicy = R"({
  "format": 1, "name": "CLI test policy", "version": "0.0.1",
  "organisation": {"names": ["Carers in Bedfordshire"]},
  "contacts": {"communications_officer": {"role": "Communications Officer", "email": "comms@example.org"}},
  "rules": [
    {"id": "mild", "kind": "lexicon", "category": "disrepute", "severity": "warn", "clause": "4c",
     "message": "Mild profanity.", "advice": "Leave it out.", "terms": ["bloody"]},
    {"id": "phone", "kind": "recognizer", "category": "personal-data", "severity": "block", "clause": "4c",
     "message": "A phone number.", "advice": "Remove it.", "recognizer": "uk-phone", "allow": ["01234 567890"]}
  ]
})";

}  // namespace

TEST_CASE("text output: file:line:col: severity category [rule] excerpt — message (clause)") {
  const fs::path policy = write_temp("policy.json", kPolicy);
  const fs::path post = write_temp("post.txt", "Hello\nring me on 07700 900283 \xF0\x9F\x98\x80 bloody hell\n");
  const Run r = run("--colour never --policy " + policy.string() + " " + post.string());
  CHECK(r.status == 2);
  std::istringstream lines(r.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  CHECK(first == post.string() + ":2:12: block personal-data [phone] 07700 900283 \xE2\x80\x94 A phone number. (4c)");
  CHECK(second == post.string() + ":2:27: warn disrepute [mild] bloody \xE2\x80\x94 Mild profanity. (4c)");
  fs::remove(policy);
  fs::remove(post);
}

TEST_CASE("exit codes: 0 clean, 1 warn only, 2 block, 3 usage or policy error") {
  const fs::path policy = write_temp("policy.json", kPolicy);
  const std::string p = "--policy " + policy.string();
  CHECK(run(p, "A lovely day at the carers' cafe").status == 0);
  CHECK(run(p, "bloody freezing").status == 1);
  CHECK(run(p, "call 07700 900283").status == 2);
  CHECK(run(p, "call our helpline on 01234 567 890").status == 0);
  CHECK(run("--no-such-flag").status == 3);
  CHECK(run("--account nobody").status == 3);
  const fs::path broken = write_temp("broken.json", "{\"format\": 1,\n  \"name\": }");
  CHECK(run("--policy " + broken.string(), "hi").status == 3);
  CHECK(run("--policy /nonexistent/policy.json", "hi").status == 3);
  fs::remove(policy);
  fs::remove(broken);
}

TEST_CASE("--json: one report with every finding's fields") {
  const fs::path policy = write_temp("policy.json", kPolicy);
  const Run r = run("--json --policy " + policy.string(), "\xF0\x9F\x98\x80 bloody");
  CHECK(r.status == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["policy"]["name"] == "CLI test policy");
  const auto& f = j["results"][0]["findings"][0];
  CHECK(f["rule"] == "mild");
  CHECK(f["start"] == 3);  // UTF-16: the emoji is two units
  CHECK(f["end"] == 9);
  CHECK(f["byte_start"] == 5);
  CHECK(f["line"] == 1);
  CHECK(f["column"] == 3);
  CHECK(f["excerpt"] == "bloody");
  CHECK(f["advice"] == "Leave it out.");
  CHECK(f["suggestion"].is_null());
  fs::remove(policy);
}

TEST_CASE("--jsonl: one line out per line in; a bad line yields an error and the batch goes on") {
  const fs::path policy = write_temp("policy.json", kPolicy);
  const std::string input =
      "{\"id\":\"a\",\"text\":\"bloody \xE2\x80\x9Chell\xE2\x80\x9D\",\"account\":\"personal\",\"authorised\":false}\n"
      "this is not json\n"
      "{\"id\":\"c\",\"text\":42}\n"
      "{\"id\":\"d\",\"text\":\"ring 07700 900283\",\"account\":\"charity\",\"authorised\":true}\n";
  const Run r = run("--jsonl --policy " + policy.string(), input);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
  REQUIRE(out.size() == 4);
  CHECK(out[0]["id"] == "a");
  CHECK(out[0]["findings"][0]["category"] == "disrepute");
  CHECK(out[0]["findings"][0]["start"] == 0);
  CHECK(out[1]["line"] == 2);
  CHECK(out[1].contains("error"));
  CHECK(out[2]["id"] == "c");
  CHECK(out[2].contains("error"));
  CHECK(out[3]["findings"][0]["rule"] == "phone");
  CHECK(out[3]["findings"][0]["severity"] == "block");
  fs::remove(policy);
}

TEST_CASE("lint-policy: ok, and errors with line:column") {
  const fs::path good = write_temp("good.json", kPolicy);
  const Run ok = run("lint-policy " + good.string());
  CHECK(ok.status == 0);
  CHECK(ok.out.find("2 rules") != std::string::npos);
  const fs::path bad = write_temp("bad.json", std::string(kPolicy).replace(std::string(kPolicy).find("\"warn\""), 6, "\"loud\""));
  CHECK(run("lint-policy " + bad.string()).status == 3);
  fs::remove(good);
  fs::remove(bad);
}

TEST_CASE("the built-in default policy loads and checks") {
  CHECK(run("--colour never", "A lovely coffee morning in Bedford today").status == 0);
}
