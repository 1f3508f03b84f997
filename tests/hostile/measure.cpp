// measure.cpp — heap accounting for the hostile-input suite: replaces the global operator new/delete
// (all their forms) with malloc/free plus a count of live and peak bytes, and reads getrusage.
// Counting uses malloc_usable_size, so no header is added to blocks and sized/unsized deletes agree.
#include "measure.h"

#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace hostile {
namespace {

std::atomic<std::size_t> live{0};
std::atomic<std::size_t> peak{0};

void* counted(void* p) {
  if (p == nullptr) return nullptr;
  const std::size_t now = live.fetch_add(malloc_usable_size(p)) + malloc_usable_size(p);
  std::size_t seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
  return p;
}

void uncounted(void* p) {
  if (p == nullptr) return;
  live.fetch_sub(malloc_usable_size(p));
  std::free(p);
}

void* allocate(std::size_t size) {
  if (void* p = counted(std::malloc(size == 0 ? 1 : size))) return p;
  throw std::bad_alloc();
}

void* allocate_aligned(std::size_t size, std::align_val_t align) {
  const std::size_t a = static_cast<std::size_t>(align);
  const std::size_t rounded = (size + a - 1) / a * a;
  if (void* p = counted(std::aligned_alloc(a, rounded == 0 ? a : rounded))) return p;
  throw std::bad_alloc();
}

}  // namespace

std::size_t heap_live_bytes() { return live.load(); }
std::size_t heap_peak_bytes() { return peak.load(); }
void heap_reset_peak() { peak.store(live.load()); }

std::size_t process_peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // ru_maxrss is in KiB on Linux
}

void report(const std::string& what, const Measured& m) {
  std::printf("hostile: %-52s %7.3f s   heap peak %6.1f MB   process max RSS so far %6.1f MB\n", what.c_str(),
              m.seconds, static_cast<double>(m.heap_peak) / static_cast<double>(kMB),
              static_cast<double>(process_peak_rss_bytes()) / static_cast<double>(kMB));
  std::fflush(stdout);
}

}  // namespace hostile

void* operator new(std::size_t size) { return hostile::allocate(size); }
void* operator new[](std::size_t size) { return hostile::allocate(size); }
void* operator new(std::size_t size, std::align_val_t a) { return hostile::allocate_aligned(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return hostile::allocate_aligned(size, a); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return hostile::counted(std::malloc(size == 0 ? 1 : size));
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return hostile::counted(std::malloc(size == 0 ? 1 : size));
}
void operator delete(void* p) noexcept { hostile::uncounted(p); }
void operator delete[](void* p) noexcept { hostile::uncounted(p); }
void operator delete(void* p, std::size_t) noexcept { hostile::uncounted(p); }
void operator delete[](void* p, std::size_t) noexcept { hostile::uncounted(p); }
void operator delete(void* p, std::align_val_t) noexcept { hostile::uncounted(p); }
void operator delete[](void* p, std::align_val_t) noexcept { hostile::uncounted(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { hostile::uncounted(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { hostile::uncounted(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { hostile::uncounted(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { hostile::uncounted(p); }
