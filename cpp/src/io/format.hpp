#pragma once
// Number formatting for the reasons attached to every planned value.
//
// The library does the formatting: std::to_chars with a precision prints exactly what
// printf's %.*f and %.*g print in the C locale (the exact binary value, rounded to
// nearest with ties to even; C++17 [charconv.to.chars]), and std::to_chars writes
// integers. Text longer than the 63 characters the snprintf buffer held, and infinities
// and NaN, go through snprintf, so every output stays as it was. One small piece is kept
// by hand because the benchmark asked for it (benchmarks/RESULTS.md, "Number formatting:
// library against hand-written"): the rounding of fixed numbers with 0 to 3 decimals
// (small_fixed), and a per-plan cache of readable() texts (ReadableCache); without
// either, a full plan took 14-15 % longer.
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace tierplan::detail {

// "00" to "99", for writing two digits at a time.
inline constexpr char kDigitPairs[] =
    "000102030405060708091011121314151617181920212223242526272829"
    "303132333435363738394041424344454647484950515253545556575859"
    "606162636465666768697071727374757677787980818283848586878889"
    "90919293949596979899";

// The number of characters a formatted number may take: snprintf's buffer held 63 and
// the terminating NUL.
inline constexpr std::size_t kNumberRoom = 64;

// printf's %.*f for 0 to 3 decimals and |value| below 2^52: the numbers reasons print by
// the hundred per plan. libstdc++'s std::to_chars with a precision runs Ryu's general
// fixed-precision algorithm, which made the full plan 15 % slower (benchmarks/RESULTS.md,
// "Number formatting: library against hand-written"). Here |value| x 10^decimals is
// rounded as printf rounds it (to nearest, ties to even, on the exact binary value
// m x 2^-shift, m < 2^53) in 64-bit integers, and std::to_chars writes the digits. The
// sign stays on values that round to zero, as printf keeps it. nullptr for other values.
inline char* small_fixed(char* out, double value, int decimals) {
  constexpr std::uint64_t kScales[] = {1, 10, 100, 1000};
  if (decimals < 0 || decimals > 3) return nullptr;
  const auto bits = std::bit_cast<std::uint64_t>(value);
  const int biased_exponent = static_cast<int>((bits >> 52) & 0x7ff);
  const int shift = 1075 - biased_exponent;  // IEEE 754 binary64: bias 1023, 52 fraction bits
  if (biased_exponent == 0x7ff || shift <= 0) return nullptr;  // infinite, NaN or >= 2^52
  const std::uint64_t scale = kScales[decimals];
  std::uint64_t units = 0;  // below 2^-11, |value| x 10^3 < 1/2 rounds to zero
  if (shift < 64) {
    const std::uint64_t mantissa = (bits & ((std::uint64_t{1} << 52) - 1)) | std::uint64_t{1} << 52;
    const std::uint64_t scaled = mantissa * scale;  // below 2^53 x 10^3 < 2^63
    const std::uint64_t rest = scaled & ((std::uint64_t{1} << shift) - 1);
    const std::uint64_t half = std::uint64_t{1} << (shift - 1);
    units = scaled >> shift;
    if (rest > half || (rest == half && (units & 1) != 0)) ++units;
  }
  if (std::signbit(value)) *out++ = '-';
  out = std::to_chars(out, out + 20, units / scale).ptr;  // at most 19 digits: units < 2^63
  if (decimals == 0) return out;
  *out++ = '.';
  std::uint64_t fraction = units % scale;
  for (int digit = decimals - 1; digit >= 0; --digit) {
    out[digit] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  return out + decimals;
}

// The text of printf(format, precision, value) into out, which has kNumberRoom
// characters of room; its length.
inline std::size_t printf_format(char* out, double value, std::chars_format format, int precision) {
  if (format == std::chars_format::fixed) {
    if (char* end = small_fixed(out, value, precision)) return static_cast<std::size_t>(end - out);
  }
  if (std::isfinite(value)) {
    const auto result = std::to_chars(out, out + kNumberRoom - 1, value, format, precision);
    if (result.ec == std::errc()) return static_cast<std::size_t>(result.ptr - out);
  }
  std::snprintf(out, kNumberRoom, format == std::chars_format::fixed ? "%.*f" : "%.*g", precision,
                value);
  return std::strlen(out);
}

// readable() below, into out (kNumberRoom characters of room); its length.
inline std::size_t readable_uncached(char* out, double value) {
  if (value != 0.0 && value < 0.1 && value > -0.1) {
    return printf_format(out, value, std::chars_format::general, 2);
  }
  const int decimals = value >= 100.0 || value <= -100.0 ? 0
                       : value >= 10.0 || value <= -10.0 ? 1
                                                         : 2;
  return printf_format(out, value, std::chars_format::fixed, decimals);
}

// readable() texts already made in the current plan, by the number's bits. A plan
// writes each of its numbers about 3.5 times (the same policy ceilings and targets in
// every component's reasons, the same baselines in every environment). Entries of other
// plans do not count: each plan starts a new generation (ReadableScope), so the cost of
// one plan does not depend on the plans before it.
class ReadableCache {
  struct Entry;

 public:
  static ReadableCache& instance() {
    thread_local ReadableCache cache;
    return cache;
  }
  void next_generation() {
    if (++generation_ == 0) {  // wrapped: forget everything
      for (auto& entry : entries_) entry.generation = 0;
      generation_ = 1;
    }
  }
  // The hit is small enough to inline; the miss formats out of line, so that the callers
  // do not carry its registers and stack.
  std::size_t format(char* out, double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    Entry& entry = entries_[(bits * 0x9E3779B97F4A7C15ull) >> (64 - kBits)];
    if (entry.generation == generation_ && entry.bits == bits) [[likely]] {
      std::memcpy(out, entry.text, sizeof entry.text);
      return entry.size;
    }
    return format_and_keep(out, value, bits, entry);
  }

 private:
  [[gnu::noinline]] std::size_t format_and_keep(char* out, double value, std::uint64_t bits,
                                                Entry& entry) {
    const std::size_t size = readable_uncached(out, value);
    if (size <= sizeof entry.text) {
      entry.bits = bits;
      entry.generation = generation_;
      entry.size = static_cast<std::uint8_t>(size);
      std::memcpy(entry.text, out, sizeof entry.text);
    }
    return size;
  }

  static constexpr int kBits = 8;
  struct Entry {
    std::uint64_t bits = 0;
    std::uint32_t generation = 0;  // 0: empty
    std::uint8_t size = 0;
    char text[19] = {};
  };
  Entry entries_[1 << kBits];
  std::uint32_t generation_ = 1;
};

// Starts a new generation of the readable() cache for the planning it spans; nested
// scopes (plan() around plan_environment()) keep the outer one's.
class ReadableScope {
 public:
  ReadableScope() {
    if (depth()++ == 0) ReadableCache::instance().next_generation();
  }
  ~ReadableScope() { --depth(); }
  ReadableScope(const ReadableScope&) = delete;
  ReadableScope& operator=(const ReadableScope&) = delete;

 private:
  static int& depth() {
    thread_local int scopes = 0;
    return scopes;
  }
};

// readable_uncached(), through the cache.
inline std::size_t readable_format(char* out, double value) {
  return ReadableCache::instance().format(out, value);
}

// Fixed decimals, e.g. fixed(41.25, 1) == "41.3".
inline std::string fixed(double value, int decimals) {
  char buffer[kNumberRoom];
  return std::string(buffer, printf_format(buffer, value, std::chars_format::fixed, decimals));
}

// Two significant-ish decimals for small numbers, none for large ones.
inline std::string readable(double value) {
  char buffer[kNumberRoom];
  return std::string(buffer, readable_format(buffer, value));
}

// Numbers for TextBuilder to write as readable() and fixed() do.
struct Readable {
  double value;
};
struct Fixed {
  double value;
  int decimals;
};

// A reason built piece by piece: text as it is, integers as std::to_string writes them,
// Readable and Fixed numbers as readable() and fixed() do. The text grows in a buffer on
// the stack (on the heap past its size) and becomes a string once, at its final size,
// rather than through a chain of operator+ or appends that grow a string step by step.
class TextBuilder {
 public:
  TextBuilder() = default;
  TextBuilder(const TextBuilder&) = delete;
  TextBuilder& operator=(const TextBuilder&) = delete;
  ~TextBuilder() = default;

  // Room for every part is made once; the parts are then written through a local
  // pointer, which the copies cannot alias (as they could the builder's members).
  template <class... Parts>
  TextBuilder& add(const Parts&... parts) {
    room((room_for(parts) + ... + std::size_t{0}));
    char* out = data_ + size_;
    ((out = put(out, parts)), ...);
    size_ = static_cast<std::size_t>(out - data_);
    return *this;
  }
  std::string str() const { return std::string(data_, size_); }
  std::string_view view() const { return std::string_view(data_, size_); }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kLocalSize = 1024;
  static constexpr std::size_t kIntegerRoom = 24;  // 20 digits of 2^64 and a sign

  // The most characters a part may write. A string literal's length is known without
  // strlen.
  template <std::size_t N>
  static constexpr std::size_t room_for(const char (&)[N]) {
    return N - 1;
  }
  template <class Text>
  requires(std::is_same_v<Text, const char*> || std::is_same_v<Text, char*>) static std::size_t
      room_for(Text text) {
    return std::strlen(text);
  }
  static std::size_t room_for(std::string_view text) { return text.size(); }
  static std::size_t room_for(const std::string& text) { return text.size(); }
  static constexpr std::size_t room_for(char) { return 1; }
  static constexpr std::size_t room_for(Readable) { return kNumberRoom; }
  static constexpr std::size_t room_for(Fixed) { return kNumberRoom; }
  template <class Integer>
  requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, char> &&
           !std::is_same_v<Integer, bool>) static constexpr std::size_t room_for(Integer) {
    return kIntegerRoom;
  }

  // Each part written at out, which has its room_for(); the end of what it wrote.
  template <std::size_t N>
  [[gnu::always_inline]] static char* put(char* out, const char (&text)[N]) {
    std::memcpy(out, text, N - 1);
    return out + (N - 1);
  }
  template <class Text>
  requires(std::is_same_v<Text, const char*> ||
           std::is_same_v<Text, char*>) static char* put(char* out, Text text) {
    return put(out, std::string_view(text));
  }
  static char* put(char* out, std::string_view text) {
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
  }
  static char* put(char* out, const std::string& text) { return put(out, std::string_view(text)); }
  static char* put(char* out, char c) {
    *out = c;
    return out + 1;
  }
  static char* put(char* out, Readable number) { return out + readable_format(out, number.value); }
  static char* put(char* out, Fixed number) {
    return out + printf_format(out, number.value, std::chars_format::fixed, number.decimals);
  }
  template <class Integer>
  requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, char> &&
           !std::is_same_v<Integer, bool>) static char* put(char* out, Integer number) {
    // Most are small counts (replicas, nodes, connections): one or two digits directly.
    if (number >= 0 && number < 100) {
      const auto n = static_cast<unsigned>(number);
      if (n < 10) {
        *out = static_cast<char>('0' + n);
        return out + 1;
      }
      std::memcpy(out, kDigitPairs + 2 * n, 2);
      return out + 2;
    }
    return std::to_chars(out, out + kIntegerRoom, number).ptr;
  }

  void room(std::size_t size) {
    if (capacity_ - size_ < size) grow(size);
  }
  [[gnu::noinline]] void grow(std::size_t size) {
    std::size_t capacity = 2 * capacity_;
    while (capacity - size_ < size) capacity *= 2;
    auto heap = std::make_unique<char[]>(capacity);
    std::memcpy(heap.get(), data_, size_);
    heap_ = std::move(heap);
    data_ = heap_.get();
    capacity_ = capacity;
  }

  char local_[kLocalSize];
  char* data_ = local_;
  std::size_t size_ = 0;
  std::size_t capacity_ = kLocalSize;
  std::unique_ptr<char[]> heap_;
};

// The parts joined: TextBuilder().add(parts...).str().
template <class... Parts>
std::string concat(const Parts&... parts) {
  TextBuilder text;
  text.add(parts...);
  return text.str();
}

}  // namespace tierplan::detail
