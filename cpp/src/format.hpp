#pragma once
// Number formatting for the reasons attached to every planned value.
#include <cstdio>
#include <string>

namespace tierplan::detail {

// Fixed decimals, e.g. fixed(41.25, 1) == "41.3".
inline std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Two significant-ish decimals for small numbers, none for large ones.
inline std::string readable(double value) {
  if (value != 0.0 && value < 0.1 && value > -0.1) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2g", value);
    return buffer;
  }
  if (value >= 100.0 || value <= -100.0) return fixed(value, 0);
  if (value >= 10.0 || value <= -10.0) return fixed(value, 1);
  return fixed(value, 2);
}

}  // namespace tierplan::detail
