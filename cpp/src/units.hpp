#pragma once
// Unit conversions shared by every model: one place, so that a number and the reason
// that states it use the same factor.
namespace tierplan::units {

// Binary units, as Kubernetes quantities (Mi, Gi) and cloud memory sizes are stated.
inline constexpr double kMibPerGib = 1024.0;
inline constexpr double kBytesPerMib = 1024.0 * 1024.0;
inline constexpr double kBytesPerGib = kBytesPerMib * kMibPerGib;
inline constexpr double kKibPerMib = 1024.0;
// KiB in a GiB: PostgreSQL states sizes such as max_wal_size in kB (KiB).
inline constexpr double kKibPerGib = kKibPerMib * kMibPerGib;
// Bytes in a KiB: file and document sizes are given in KiB.
inline constexpr double kBytesPerKib = 1024.0;

// Shares stated as percentages in reasons ("60% CPU" from a 0.6 ceiling).
inline constexpr double kPercentPerFraction = 100.0;

// Kubernetes CPU: 1000 millicores to a core.
inline constexpr double kMillicoresPerCore = 1000.0;

inline constexpr double kMillisecondsPerSecond = 1000.0;
inline constexpr double kSecondsPerMinute = 60.0;
inline constexpr double kMinutesPerHour = 60.0;
inline constexpr double kSecondsPerHour = kSecondsPerMinute * kMinutesPerHour;
inline constexpr double kHoursPerDay = 24.0;
inline constexpr double kMinutesPerDay = kMinutesPerHour * kHoursPerDay;
inline constexpr double kMonthsPerYear = 12.0;
// The mean Julian year (365.25 days): growth rates are per year of it.
inline constexpr double kDaysPerYear = 365.25;
// The mean month of that year: 365.25 days / 12.
inline constexpr double kDaysPerMonth = kDaysPerYear / kMonthsPerYear;

}  // namespace tierplan::units
