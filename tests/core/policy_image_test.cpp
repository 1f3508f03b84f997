// policy_image_test.cpp — write_policy_image() / read_policy_image(): every field survives the round
// trip, the bytes are deterministic, a checker compiled from the default policy's image finds exactly
// what one compiled from its JSON finds on every dev-corpus post, and truncated, corrupt or foreign
// bytes give one policy.image error (never a crash, never a partial policy).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../support/full_policy.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"
#include "postcheck/policy_image.h"

using namespace postcheck;
using namespace std::string_literals;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Policy loaded(const std::string& json) {
  PolicyLoadResult r = parse_policy(json);
  REQUIRE(r.errors.empty());
  return std::move(*r.policy);
}

Policy default_policy() {
  return loaded(read_file(std::filesystem::path(POSTCHECK_SOURCE_DIR) / "core" / "policies" / "carers-in-bedfordshire.json"));
}

void expect_refused(std::string_view bytes, const std::string& why) {
  const PolicyLoadResult r = read_policy_image(bytes);
  INFO(why);
  CHECK_FALSE(r.policy.has_value());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "policy.image");
  CHECK(r.errors[0].line == 0);
  CHECK(r.errors[0].message.find(why) != std::string::npos);
}

}  // namespace

TEST_CASE("every field of the format survives the round trip, and the bytes are deterministic") {
  const Policy policy = loaded(test::kFullPolicy);
  const std::string image = write_policy_image(policy);
  const PolicyLoadResult back = read_policy_image(image);
  REQUIRE(back.errors.empty());
  REQUIRE(back.policy.has_value());
  CHECK(*back.policy == policy);
  CHECK(write_policy_image(*back.policy) == image);

  // The comparison is not vacuous: a change to any nested field is seen.
  Policy changed = policy;
  changed.rules[1].require.terms[0] = "ring";
  CHECK_FALSE(changed == policy);
  CHECK(write_policy_image(changed) != image);
  changed = policy;
  changed.rules[2].when.authorised.reset();
  CHECK_FALSE(*read_policy_image(write_policy_image(changed)).policy == policy);
}

TEST_CASE("the default policy's image reads back equal and checks exactly like its JSON") {
  const Policy policy = default_policy();
  const std::string image = write_policy_image(policy);
  const PolicyLoadResult back = read_policy_image(image);
  REQUIRE(back.errors.empty());
  CHECK(*back.policy == policy);

  const Checker from_json(policy);
  const Checker from_image(std::move(*back.policy));
  std::ifstream corpus(std::filesystem::path(POSTCHECK_SHARED_DIR) / "corpus" / "dev.jsonl");
  REQUIRE(corpus.good());
  std::size_t posts = 0, findings = 0;
  for (std::string line; std::getline(corpus, line);) {
    if (line.empty()) continue;
    const auto post = nlohmann::json::parse(line);
    const std::string text = post.at("text").get<std::string>();
    for (const Context context : {Context{Account::personal, false}, Context{Account::charity, false},
                                  Context{Account::charity, true}}) {
      const auto a = from_json.check(std::string_view(text), context);
      const auto b = from_image.check(std::string_view(text), context);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].rule == b[i].rule);
        CHECK(a[i].u16_start == b[i].u16_start);
        CHECK(a[i].u16_end == b[i].u16_end);
        CHECK(a[i].message == b[i].message);
      }
      findings += a.size();
    }
    ++posts;
  }
  CHECK(posts > 100);
  CHECK(findings > 100);
}

TEST_CASE("truncated images are refused at every length") {
  const std::string image = write_policy_image(loaded(test::kFullPolicy));
  for (std::size_t n = 0; n < image.size(); ++n) {
    const PolicyLoadResult r = read_policy_image(std::string_view(image).substr(0, n));
    CHECK_FALSE(r.policy.has_value());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == "policy.image");
  }
}

TEST_CASE("foreign, corrupt and inconsistent bytes are refused with the reason") {
  const Policy policy = loaded(test::kFullPolicy);
  const std::string image = write_policy_image(policy);

  expect_refused("", "not a policy image");
  expect_refused(R"({"format": 1})", "not a policy image");
  std::string other = image;
  other[8] = static_cast<char>(kPolicyImageVersion + 1);  // the version follows the 8-byte magic
  expect_refused(other, "image format " + std::to_string(kPolicyImageVersion + 1));
  expect_refused(image + "x", "bytes after the policy");

  // Lengths and counts far beyond the bytes: refused before anything is allocated for them. After
  // the magic and the version: the structure's length, then the structure (format, name's length …).
  const std::string header = image.substr(0, 9);
  expect_refused(header + "\xff\xff\xff\x0f"s, "a structure longer than the image");
  expect_refused(header + "\x06\x01\xff\xff\xff\xff\x0f"s, "a string longer than the image");  // a 4 GiB name
  expect_refused(header + "\x09\x01\x00\x00\x00\xff\xff\xff\xff\x0f"s, "a count larger than the image");  // 4 G names

  Policy bad = policy;
  bad.rules[0].severity = static_cast<Severity>(7);
  expect_refused(write_policy_image(bad), "an unknown severity");
  bad = policy;
  bad.rules[0].match.recognizers.push_back(static_cast<RecognizerKind>(kRecognizerCount));
  expect_refused(write_policy_image(bad), "an unknown recognizer");
  bad = policy;
  bad.rules[0].category = "gossip";
  expect_refused(write_policy_image(bad), "an unknown category in rule swearing");
  bad = policy;
  bad.rules[1].window = 0;
  expect_refused(write_policy_image(bad), "a window out of range in rule phone");
  bad = policy;
  bad.rules[1].recognizer.reset();
  expect_refused(write_policy_image(bad), "no recognizer named in rule phone");
  bad = policy;
  bad.vocabularies.begin()->second.terms.push_back(std::string(kMaxTermBytes + 1, 'a'));
  expect_refused(write_policy_image(bad), "a term over 256 bytes");
  bad = policy;
  bad.rules[2].near.vocabularies = {"nowhere"};
  expect_refused(write_policy_image(bad), "a reference to no vocabulary: nowhere");
}
