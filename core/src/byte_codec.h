// byte_codec.h — the little binary codec the compiled forms (policy images, saved lexicons) are
// written in: LEB128 varints and single bytes appended to a string, and a reader that checks every
// read against what is left, so that truncated or corrupt bytes give an error, never a read out of
// bounds. The first failure sticks; later reads return 0 and fail nothing more. No I/O, no globals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace postcheck::codec {

inline void append_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

inline void append_byte(std::string& out, std::uint8_t b) { out.push_back(static_cast<char>(b)); }

// Reads a varint at `p` (before `end`) into `v` and returns the position after it; sets `why` (and
// returns `end`) when it is cut short or longer than 64 bits. For decoders that walk bytes by pointer.
inline const unsigned char* read_varint(const unsigned char* p, const unsigned char* end, std::uint64_t& v,
                                        const char*& why) {
  if (p != end && *p < 0x80) {  // most numbers in a compiled form are small
    v = *p;
    return p + 1;
  }
  std::uint64_t value = 0;
  for (unsigned shift = 0; shift < 64 && p != end; shift += 7) {
    const unsigned char b = *p++;
    value |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) {
      v = value;
      return p;
    }
  }
  why = "a number cut short or longer than 64 bits";
  v = 0;
  return end;
}

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t left() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }

  // Records why the bytes are refused (the first reason only), with where the reading stood.
  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why) + " (at byte " + std::to_string(pos_) + ")";
  }

  std::uint8_t byte() {
    if (pos_ >= bytes_.size()) {
      fail("truncated");
      return 0;
    }
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }

  std::uint64_t varint() {
    const auto* const begin = reinterpret_cast<const unsigned char*>(bytes_.data());
    const char* why = nullptr;
    std::uint64_t v = 0;
    const unsigned char* const after = read_varint(begin + pos_, begin + bytes_.size(), v, why);
    if (why != nullptr) {
      fail(why);
      return 0;
    }
    pos_ = static_cast<std::size_t>(after - begin);
    return v;
  }

  // A count of items that each take at least `min_bytes` of what is left: never more than fit.
  std::size_t count(std::size_t min_bytes = 1) {
    const std::uint64_t n = varint();
    if (min_bytes != 0 && n > left() / min_bytes) {
      fail("a count larger than the bytes");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }

  // What is left, for a decoder that walks it with its own pointer and then skip()s what it read.
  std::string_view rest() const { return bytes_.substr(pos_); }
  void skip(std::size_t n) { pos_ += n <= left() ? n : left(); }

  // The next `n` bytes as they are.
  std::string_view bytes(std::uint64_t n) {
    if (n > left()) {
      fail("a length longer than the bytes");
      return {};
    }
    const std::string_view out = bytes_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return out;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace postcheck::codec
