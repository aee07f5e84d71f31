// Eight bytes of text checked at once: the importers' text loops (cleaning a field, escaping it
// for JSON) spend most of their time on runs of plain letters that need nothing done.
#pragma once

#include <cstdint>
#include <cstring>

namespace eric::server {

inline constexpr uint64_t kEachByte = 0x0101010101010101ull;

// The bytes of `x` that are zero, as their high bit (exact, no borrow between bytes).
constexpr uint64_t zero_bytes(uint64_t x) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// The bytes of `x` equal to `c`, as their high bit.
constexpr uint64_t bytes_equal(uint64_t x, unsigned char c) { return zero_bytes(x ^ (kEachByte * c)); }

// The bytes of `x` below 0x20 (the C0 controls), as their high bit.
constexpr uint64_t control_bytes(uint64_t x) { return zero_bytes(x & (kEachByte * 0xE0)); }

inline uint64_t load_word(const char* at) {
  uint64_t w = 0;
  std::memcpy(&w, at, 8);
  return w;
}

}  // namespace eric::server
