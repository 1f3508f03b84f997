// fuzz_check.cpp — libFuzzer target: Checker::check() under the default (embedded) policy.
// The first byte picks the context (account, authorised); the rest is the post. It is checked as UTF-8
// and as the same code points in UTF-16: every finding's excerpt must equal the original bytes at its
// byte offsets, its three spans must agree with the Text, findings must be sorted with no two of one
// category overlapping, and both encodings must report the same findings at the same code points.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "default_policy.h"
#include "invariants.h"
#include "postcheck/checker.h"
#include "postcheck/policy.h"

namespace {

const postcheck::Checker& default_checker() {
  static const postcheck::Checker checker = [] {
    postcheck::PolicyLoadResult loaded = postcheck::parse_policy(postcheck::default_policy_json());
    if (!loaded.policy) {
      for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
      std::abort();
    }
    return postcheck::Checker(std::move(*loaded.policy));
  }();
  return checker;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  postcheck::Context context;
  context.account = (data[0] & 1) ? postcheck::Account::charity : postcheck::Account::personal;
  context.authorised = (data[0] & 2) != 0;
  const std::string_view post(reinterpret_cast<const char*>(data + 1), size - 1);
  const postcheck::Checker& checker = default_checker();

  const postcheck::Text text = postcheck::Text::from_utf8(post);
  const std::vector<postcheck::Finding> findings = checker.check(post, context);
  fuzz::check_findings(findings, text);
  for (const auto& f : findings) {
    // Against the input itself, not just the Text: the excerpt is what the user typed.
    FUZZ_CHECK(f.byte_end <= post.size() && f.excerpt == post.substr(f.byte_start, f.byte_end - f.byte_start),
               "excerpt of %s is not the input's bytes [%u, %u)", f.rule.c_str(), f.byte_start, f.byte_end);
  }

  // The same code points through the UTF-16 entry point (what the extension calls).
  const std::u16string units = fuzz::encode_utf16(text.chars());
  const postcheck::Text text16 = postcheck::Text::from_utf16(units);
  const std::vector<postcheck::Finding> findings16 = checker.check(std::u16string_view(units), context);
  fuzz::check_findings(findings16, text16);
  fuzz::check_u16_boundaries(findings16, units);
  FUZZ_CHECK(findings.size() == findings16.size(), "UTF-8 gives %zu findings, UTF-16 %zu", findings.size(),
             findings16.size());
  for (std::size_t k = 0; k < findings.size(); ++k) {
    const auto& a = findings[k];
    const auto& b = findings16[k];
    FUZZ_CHECK(a.rule == b.rule && a.cp_start == b.cp_start && a.cp_end == b.cp_end && a.u16_start == b.u16_start &&
                   a.u16_end == b.u16_end && a.suggestion.has_value() == b.suggestion.has_value(),
               "finding %zu differs: %s [%u, %u) in UTF-8, %s [%u, %u) in UTF-16", k, a.rule.c_str(), a.cp_start,
               a.cp_end, b.rule.c_str(), b.cp_start, b.cp_end);
  }
  return 0;
}
