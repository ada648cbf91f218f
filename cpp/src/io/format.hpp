#pragma once
// Number formatting for the reasons attached to every planned value.
//
// std::to_chars with a precision prints exactly what printf's %.*f and %.*g print in the
// C locale (the exact binary value, rounded to nearest with ties to even), without
// vfprintf's cost. Text longer than the 63 characters the snprintf buffer held, and
// infinities and NaN, still go through snprintf, so every output stays as it was.
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

__extension__ using Uint128 = unsigned __int128;

// "00" to "99", for writing two digits at a time.
inline constexpr char kDigitPairs[] =
    "000102030405060708091011121314151617181920212223242526272829"
    "303132333435363738394041424344454647484950515253545556575859"
    "606162636465666768697071727374757677787980818283848586878889"
    "90919293949596979899";

inline constexpr std::uint64_t kPowersOf10[] = {1ull,
                                                10ull,
                                                100ull,
                                                1000ull,
                                                10000ull,
                                                100000ull,
                                                1000000ull,
                                                10000000ull,
                                                100000000ull,
                                                1000000000ull,
                                                10000000000ull,
                                                100000000000ull,
                                                1000000000000ull,
                                                10000000000000ull,
                                                100000000000000ull,
                                                1000000000000000ull,
                                                10000000000000000ull,
                                                100000000000000000ull,
                                                1000000000000000000ull,
                                                10000000000000000000ull};

// The exact binary value of a finite double below 2^52 in magnitude as m x 2^-shift
// (m < 2^53, shift > 0). False for larger values, infinities and NaN.
inline bool split_double(double value, std::uint64_t& mantissa, int& shift) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const auto biased_exponent = static_cast<int>((bits >> 52) & 0x7ff);
  mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  shift = 1074;  // subnormal: fraction x 2^-1074
  if (biased_exponent != 0) {
    mantissa |= std::uint64_t{1} << 52;
    shift = 1075 - biased_exponent;
  }
  return biased_exponent != 0x7ff && shift > 0;
}

// |value| x 10^decimals rounded to the nearest integer, ties to even, as printf rounds,
// and truncated: by integer arithmetic on the exact binary value m x 2^-s (m < 2^53),
// for 0 to 5 decimals and |value| x 10^decimals < 2^63. False when value is out of that
// range (or not finite).
inline bool scaled_round(double value, int decimals, std::uint64_t& rounded,
                         std::uint64_t& truncated) {
  if (decimals < 0 || decimals > 5) return false;
  std::uint64_t mantissa = 0;
  int shift = 0;
  if (!split_double(value, mantissa, shift)) return false;
  if (decimals <= 3) {
    // In 64 bits: m x 10^3 is below 2^63.
    const std::uint64_t scaled = mantissa * kPowersOf10[decimals];
    if (shift >= 64) {
      rounded = truncated = 0;  // below 2^63 <= half of 2^shift
      return true;
    }
    const std::uint64_t rest = scaled & ((std::uint64_t{1} << shift) - 1);
    const std::uint64_t half = std::uint64_t{1} << (shift - 1);
    truncated = rounded = scaled >> shift;
    if (rest > half || (rest == half && (rounded & 1) != 0)) ++rounded;
    return true;
  }
  const Uint128 scaled = Uint128{mantissa} * kPowersOf10[decimals];  // below 2^70
  if (shift >= 128) {
    rounded = truncated = 0;  // below 2^70 <= half of 2^shift
    return true;
  }
  const Uint128 whole = scaled >> shift;
  if ((whole >> 63) != 0) return false;
  const Uint128 rest = scaled & ((Uint128{1} << shift) - 1);
  const Uint128 half = Uint128{1} << (shift - 1);
  truncated = rounded = static_cast<std::uint64_t>(whole);
  if (rest > half || (rest == half && (rounded & 1) != 0)) ++rounded;
  return true;
}

// The number of decimal digits of value (1 for 0), from its bit length.
inline int decimal_digits(std::uint64_t value) {
  const int log2 = 63 - __builtin_clzll(value | 1);
  const int log10 = ((log2 + 1) * 1233 >> 12);  // floor(log10(2^(log2 + 1))) or one more
  return log10 - (value < kPowersOf10[log10] ? 1 : 0) + 1;
}

// Writes the last two digits of value before p, and drops them from value.
inline void write_pair_before(char*& p, std::uint64_t& value) {
  const std::uint64_t pair = value % 100;
  value /= 100;
  p -= 2;
  std::memcpy(p, kDigitPairs + 2 * pair, 2);
}

// Writes a whole number of units of 10^-decimals: "-" when negative, the digits, and
// the point before the last decimals digits (at least one digit before it). Written
// from the end, two digits at a time, once the length is known.
inline char* write_scaled(char* out, bool negative, std::uint64_t rounded, int decimals) {
  const int digits = decimal_digits(rounded);
  const int width = digits > decimals + 1 ? digits : decimals + 1;
  if (negative) *out++ = '-';
  char* const end = out + width + (decimals > 0 ? 1 : 0);
  char* p = end;
  int fraction = decimals;
  for (; fraction >= 2; fraction -= 2) write_pair_before(p, rounded);
  if (fraction == 1) {
    *--p = static_cast<char>('0' + rounded % 10);
    rounded /= 10;
  }
  if (decimals > 0) *--p = '.';
  while (rounded >= 100) write_pair_before(p, rounded);
  if (rounded >= 10) {
    write_pair_before(p, rounded);
  } else {
    *--p = static_cast<char>('0' + rounded);
  }
  return end;
}

// printf's %.*f for 0 to 5 decimals and |value| x 10^decimals < 2^63 (the sign kept on
// values that round to zero, as printf keeps it). Returns the end of the text, or nullptr
// when the value is out of that range.
inline char* small_fixed(char* out, double value, int decimals) {
  std::uint64_t rounded = 0;
  std::uint64_t truncated = 0;
  if (!scaled_round(value, decimals, rounded, truncated)) return nullptr;
  return write_scaled(out, std::signbit(value), rounded, decimals);
}

// printf's %.2g for 1e-5 <= |value| < 0.1 where it prints in fixed notation. With E the
// decimal exponent of |value| (10^E <= |value| < 10^(E + 1)) and d = 1 - E decimals,
// |value| x 10^d is in [10, 100) and rounds to q in 10..100: two significant digits.
// %.2g prints those as %.(d)f would (q = 100 shifts the exponent by one, which only
// adds a zero), without trailing zeros. Returns the end of the text, or nullptr for
// other values (exponent notation, E below -4).
inline char* small_general2(char* out, double value) {
  if (!(value > -0.1 && value < 0.1) || value == 0.0) return nullptr;
  // A first guess at d; the loop corrects it where a bound is off by a rounding.
  const double magnitude = std::fabs(value);
  int decimals = magnitude >= 0.01 ? 3 : magnitude >= 0.001 ? 4 : 5;
  for (;;) {
    std::uint64_t rounded = 0;
    std::uint64_t truncated = 0;
    if (!scaled_round(value, decimals, rounded, truncated)) return nullptr;
    if (truncated < 10) {
      if (decimals == 5) return nullptr;  // E below -4
      ++decimals;
      continue;
    }
    if (truncated >= 100) {  // |value| < 0.1: only after a guess one too high
      --decimals;
      continue;
    }
    char* end = write_scaled(out, std::signbit(value), rounded, decimals);
    while (end[-1] == '0') --end;
    if (end[-1] == '.') --end;
    return end;
  }
}

// The number of characters a formatted number may take: snprintf's buffer held 63 and
// the terminating NUL.
inline constexpr std::size_t kNumberRoom = 64;

// The text of printf(format, precision, value) into out, which has kNumberRoom
// characters of room; its length.
inline std::size_t printf_format(char* out, double value, std::chars_format format, int precision) {
  if (format == std::chars_format::fixed) {
    if (char* end = small_fixed(out, value, precision)) return static_cast<std::size_t>(end - out);
  } else if (precision == 2) {
    if (char* end = small_general2(out, value)) return static_cast<std::size_t>(end - out);
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
