#pragma once
// Deterministic noise and rounding for the calibration tests.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>

namespace tierplan_test {

// Standard normal draws by Box-Muller from mt19937_64, whose sequence the standard fixes
// (std::normal_distribution's is implementation-defined): the same on every platform.
class Noise {
 public:
  explicit Noise(std::uint64_t seed) : engine_(seed) {}
  double uniform() {
    return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53;  // in (0, 1)
  }
  double normal() {
    const double radius = std::sqrt(-2.0 * std::log(uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * uniform());
  }

 private:
  std::mt19937_64 engine_;
};

// x rounded to `digits` significant figures.
inline double significant(double x, int digits) {
  if (x == 0.0) return 0.0;
  const double magnitude = std::pow(10.0, digits - 1 - std::floor(std::log10(std::abs(x))));
  return std::round(x * magnitude) / magnitude;
}

}  // namespace tierplan_test
