#pragma once
// A planned item's reasons, end to end in one string.
//
// A plan of the built-in scenario holds about 500 texts, nearly all of them longer than
// std::string keeps inline, and glibc's allocator placing and freeing them took about a
// quarter of the plan's time (benchmarks/RESULTS.md). An item whose reasons share one
// buffer costs one allocation instead of one per reason, and copies as a value as before.
// ComponentPlan uses it: it repeats per component and environment and holds four
// reasons. The plans made once per environment (nodes, data stores, backups, logs) keep
// plain string fields; packing their few reasons would save little.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tierplan {

// N texts named by the enumerators of Key (0 to N - 1), kept end to end in one string.
template <class Key, std::size_t N>
class PackedTexts {
 public:
  PackedTexts() = default;
  // The texts written end to end in joined, text i ending at ends[i]; the last one ends
  // where joined does (so that equal texts are equal objects).
  PackedTexts(std::string_view joined, const std::array<std::uint32_t, N>& ends)
      : joined_(joined), ends_(ends) {
    std::uint32_t start = 0;
    for (const std::uint32_t end : ends_) {
      if (end < start || end > joined_.size()) {
        throw std::invalid_argument("PackedTexts: text ends out of order or past the text");
      }
      start = end;
    }
    if (start != joined_.size()) {
      throw std::invalid_argument("PackedTexts: text past the last end");
    }
  }

  std::string_view operator[](Key key) const {
    const auto i = static_cast<std::size_t>(key);
    const std::uint32_t start = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(joined_).substr(start, ends_[i] - start);
  }

  // Replaces one text; the others stay as they were.
  void set(Key key, std::string_view text) {
    const auto i = static_cast<std::size_t>(key);
    const std::uint32_t start = i == 0 ? 0 : ends_[i - 1];
    const std::uint32_t old_size = ends_[i] - start;
    if (text.size() > kMaxSize - (joined_.size() - old_size)) {
      throw std::length_error("PackedTexts: texts longer than 4 GiB together");
    }
    joined_.replace(start, old_size, text);
    const auto new_size = static_cast<std::uint32_t>(text.size());
    for (std::size_t j = i; j < N; ++j) ends_[j] = ends_[j] - old_size + new_size;
  }

  bool operator==(const PackedTexts&) const = default;

 private:
  static constexpr std::size_t kMaxSize = 0xFFFFFFFFu;  // the ends are 32-bit
  std::string joined_;
  std::array<std::uint32_t, N> ends_{};
};

}  // namespace tierplan
