// native_bench.cpp — times the native core on text files with the full default policy: for each file,
// the median and p99 of check() over many runs and the throughput. Prints one JSON object per file
// (tools/bench/bench.mjs puts it beside the wasm and JavaScript figures). A tool, not a test.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "default_policy.h"
#include "postcheck/checker.h"

int main(int argc, char** argv) {
  using clock = std::chrono::steady_clock;
  if (argc < 2) {
    std::cerr << "usage: postcheck_bench FILE...  (times check() on each file with the default policy)\n"
                 "       POSTCHECK_BENCH_DEFAULT_MALLOC=1 keeps glibc's default mmap/trim thresholds\n";
    return 2;
  }
#if defined(__GLIBC__)
  // Steady state, as in a long-lived process: by default glibc serves each block over 128 KB (a 63k
  // post's code points and view) with a fresh mmap and returns freed heap tops over 128 KB to the
  // system, so every check of a long post pays its page faults again (on this VM they cost ~5x
  // the check). Keeping them, as the wasm build's allocator always does, measures the core itself.
  if (std::getenv("POSTCHECK_BENCH_DEFAULT_MALLOC") == nullptr) {
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
  }
#endif
  const auto t0 = clock::now();
  auto loaded = postcheck::parse_policy(postcheck::default_policy_json());
  if (!loaded.errors.empty()) {
    std::cerr << "default policy: " << loaded.errors.front().to_string() << "\n";
    return 3;
  }
  const postcheck::Checker checker(std::move(*loaded.policy));
  const double compile_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();

  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Enough runs for a stable p99, bounded to about a second per file.
    const postcheck::Context context{};
    std::size_t findings = checker.check(std::string_view(text), context).size();  // warm-up
    std::vector<double> us;
    const auto budget = std::chrono::milliseconds(1000);
    const auto start = clock::now();
    while ((us.size() < 200 || clock::now() - start < budget) && us.size() < 200000) {
      const auto a = clock::now();
      findings = checker.check(std::string_view(text), context).size();
      us.push_back(std::chrono::duration<double, std::micro>(clock::now() - a).count());
    }
    std::sort(us.begin(), us.end());
    const double median = us[us.size() / 2];
    const double p99 = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    double total = 0;
    for (double x : us) total += x;
    const double mbps = (static_cast<double>(text.size()) * us.size() / 1e6) / (total / 1e6);
    std::cout << "{\"file\":\"" << argv[i] << "\",\"bytes\":" << text.size() << ",\"runs\":" << us.size()
              << ",\"median_us\":" << median << ",\"p99_us\":" << p99 << ",\"mb_per_s\":" << mbps
              << ",\"findings\":" << findings << ",\"policy_compile_ms\":" << compile_ms << "}\n";
  }
  return 0;
}
