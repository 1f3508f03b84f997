// measure.h — time and heap use of one piece of work, for the hostile-input suite's bounds and figures.
// Heap figures come from this suite's own replacement of the global operator new/delete (measure.cpp):
// the peak of live C++ heap bytes while the work ran, above what was live when it started. Every
// allocation in the core goes through operator new (strings, vectors, nlohmann/json), so this is the
// core's peak working memory, per case, which getrusage's process-wide maximum cannot give.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace hostile {

// Live and peak bytes allocated through operator new since the program started.
std::size_t heap_live_bytes();
std::size_t heap_peak_bytes();
void heap_reset_peak();  // peak := live

// The process's peak resident set size so far (getrusage), in bytes.
std::size_t process_peak_rss_bytes();

struct Measured {
  double seconds = 0;
  std::size_t heap_peak = 0;  // bytes above the live heap at the start
};

template <typename Work>
Measured measure(Work&& work) {
  heap_reset_peak();
  const std::size_t base = heap_live_bytes();
  const auto start = std::chrono::steady_clock::now();
  work();
  const auto stop = std::chrono::steady_clock::now();
  return {std::chrono::duration<double>(stop - start).count(), heap_peak_bytes() - base};
}

// Prints "hostile: <what>  0.123 s  heap peak 12.3 MB  process max RSS so far 45.6 MB" to the test log.
void report(const std::string& what, const Measured& m);

inline constexpr std::size_t kMB = 1024 * 1024;

// Sanitizer and unoptimised builds run 5-15 times slower: their time bounds are scaled by
// kSlowFactor, and the secondary variants (marked doctest::skip(kSlowBuild)) run only in optimised
// builds, to keep the suite under ~20 s under ASan. The cases themselves run in every build.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
inline constexpr bool kSlowBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSlowBuild = true;
#else
inline constexpr bool kSlowBuild = false;
#endif
#else
inline constexpr bool kSlowBuild = false;
#endif
inline constexpr double kSlowFactor = kSlowBuild ? 4.0 : 1.0;

}  // namespace hostile
