// oracle_random.h — the oracles' deterministic random source: SplitMix64, so the same seed gives
// the same candidates on every compiler and standard library (std:: distributions are not portable).
#pragma once

#include <cstdint>
#include <string>

namespace postcheck::oracles {

class OracleRandom {
 public:
  explicit OracleRandom(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for the small n used here (modulo bias below 1e-15).
  unsigned below(unsigned n) { return static_cast<unsigned>(next() % n); }
  // Uniform in [lo, hi].
  unsigned between(unsigned lo, unsigned hi) { return lo + below(hi - lo + 1); }
  // True with probability percent / 100.
  bool percent(unsigned percent) { return below(100) < percent; }
  char digit() { return static_cast<char>('0' + below(10)); }
  std::string digits(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out.push_back(digit());
    return out;
  }

 private:
  std::uint64_t state_;
};

}  // namespace postcheck::oracles
