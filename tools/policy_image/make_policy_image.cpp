// make_policy_image.cpp — a build tool: reads a policy JSON file with the core's own loader, compiles
// it, and writes its image (policy_image.h), which the WebAssembly build embeds instead of the JSON.
//   make_policy_image IN.json OUT.image
// Exit 0 written, 3 the policy does not load (its errors on stderr, as `postcheck lint-policy` prints
// them), 2 usage or I/O error.
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "postcheck/checker.h"
#include "postcheck/policy.h"
#include "postcheck/policy_image.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_policy_image IN.json OUT.image\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "make_policy_image: cannot read " << argv[1] << "\n";
    return 2;
  }
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto loaded = postcheck::parse_policy(json);
  if (!loaded.errors.empty()) {
    for (const auto& e : loaded.errors) std::cerr << argv[1] << ":" << e.to_string() << "\n";
    return 3;
  }
  const postcheck::Checker checker(*loaded.policy);
  const std::string image = postcheck::write_policy_image(checker);
  // The image must read back as the same policy, or the module would start with another one.
  const auto back = postcheck::read_policy_image(image);
  if (!back.checker || !(back.checker->policy() == postcheck::without_term_lists(*loaded.policy)) ||
      postcheck::write_policy_image(*back.checker) != image) {
    std::cerr << "make_policy_image: the image does not read back as the policy\n";
    return 2;
  }
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  out.close();
  if (!out) {
    std::cerr << "make_policy_image: cannot write " << argv[2] << "\n";
    return 2;
  }
  return 0;
}
