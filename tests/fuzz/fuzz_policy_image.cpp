// fuzz_policy_image.cpp — libFuzzer target: read_policy_image() on arbitrary bytes (image-shaped ones
// come from the seeds in corpus/policy_image, images of small policies). It must never crash or
// throw, and must either return a policy and no errors or exactly one policy.image error. A policy it
// returns must write back to an image that reads as the same policy, and compile into a Checker whose
// findings on a few posts are consistent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.h"
#include "postcheck/checker.h"
#include "postcheck/policy_image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  postcheck::PolicyLoadResult read = postcheck::read_policy_image(bytes);
  FUZZ_CHECK(read.policy.has_value() == read.errors.empty(), "policy %s with %zu errors",
             read.policy ? "set" : "unset", read.errors.size());
  if (!read.policy) {
    FUZZ_CHECK(read.errors.size() == 1 && read.errors[0].code == "policy.image" && !read.errors[0].message.empty(),
               "%zu errors, the first '%s'", read.errors.size(), read.errors[0].code.c_str());
    return 0;
  }
  const std::string again = postcheck::write_policy_image(*read.policy);
  const postcheck::PolicyLoadResult back = postcheck::read_policy_image(again);
  FUZZ_CHECK(back.policy && *back.policy == *read.policy, "a policy read from an image does not round-trip");
  fuzz::check_sample_posts(postcheck::Checker(std::move(*read.policy)));
  return 0;
}
