// fuzz_policy_image.cpp — libFuzzer target: read_policy_image() on arbitrary bytes (image-shaped ones
// come from the seeds in corpus/policy_image, images of small policies). It must never crash or
// throw, and must either return a checker and no errors or exactly one policy.image error. A checker
// it returns must write back to the same image bytes, and its findings on a few posts must be
// consistent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.h"
#include "postcheck/checker.h"
#include "postcheck/policy_image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  postcheck::PolicyImageLoadResult read = postcheck::read_policy_image(bytes);
  FUZZ_CHECK(read.checker.has_value() == read.errors.empty(), "checker %s with %zu errors",
             read.checker ? "set" : "unset", read.errors.size());
  if (!read.checker) {
    FUZZ_CHECK(read.errors.size() == 1 && read.errors[0].code == "policy.image" && !read.errors[0].message.empty(),
               "%zu errors, the first '%s'", read.errors.size(), read.errors[0].code.c_str());
    return 0;
  }
  const std::string again = postcheck::write_policy_image(*read.checker);
  const postcheck::PolicyImageLoadResult back = postcheck::read_policy_image(again);
  FUZZ_CHECK(back.checker && back.checker->policy() == read.checker->policy() &&
                 postcheck::write_policy_image(*back.checker) == again,
             "a checker read from an image does not round-trip");
  fuzz::check_sample_posts(*read.checker);
  return 0;
}
