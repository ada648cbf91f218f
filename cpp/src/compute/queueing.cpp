#include "tierplan/queueing.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace tierplan {

namespace {

void require_valid(double offered_load_erlangs, int servers) {
  if (!(offered_load_erlangs >= 0.0) || !std::isfinite(offered_load_erlangs)) {
    throw std::invalid_argument("offered load must be finite and >= 0");
  }
  if (servers < 0) throw std::invalid_argument("servers must be >= 0");
}

// inv_k = 1 + inv_{k-1} * k / A is 1/B(k); advancing it one server at a time. k / A is
// taken as k x (1 / A), off the chain of steps: a division on the chain would make each
// step wait for it (several times a multiplication's latency), and the recursion runs
// through every server count up to the answer. Each step still rounds a few times, so
// the result stays within a few ulps per step of the exact recursion.
double next_inverse_blocking(double inverse_blocking, int k, double inverse_load) {
  return 1.0 + inverse_blocking * (static_cast<double>(k) * inverse_load);
}

// The recursion where min_servers left it: the same load's Erlang B at more servers (the
// planned replicas' wait probability) continues from there instead of from one server.
// The steps are the same, so the result is too.
struct RecursionPoint {
  double offered_load_erlangs = -1.0;
  int servers = 0;
  double inverse_blocking = 1.0;
};
thread_local RecursionPoint last_point;

bool same_load(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

double erlang_c_from_b(double offered_load_erlangs, int servers, double blocking) {
  const double c = static_cast<double>(servers);
  return c * blocking / (c - offered_load_erlangs * (1.0 - blocking));
}

// Above this many servers erlang_b sums the terms of 1 / B instead of stepping the
// recursion through every count, which is O(servers): 5.7 s at 2^31 - 1 servers (issue 17).
// Up to it the recursion's results, which plans are made of, stay as they were.
constexpr int kRecursionMaxServers = 1'000'000;

// 1 / B(c) = sum_{j=0..c} c! / ((c - j)! A^j) = sum_j prod_{i<j} (c - i) / A: the recursion
// unrolled from the top. The terms grow while c - j > A, then shrink faster than a geometric
// series of ratio (c - j - 1) / A, so the sum stops when that tail is below an ulp of it, or
// at infinity (B under 1e-308 rounds to 0 anyway). About sqrt(A) terms around the peak plus
// the rise to it: a few million at most for c < 2^31, each rounding once or twice.
double inverse_blocking_by_terms(double offered_load_erlangs, int servers) {
  constexpr double kUlp = std::numeric_limits<double>::epsilon();
  double term = 1.0;
  double sum = 1.0;
  for (int j = 0; j < servers; ++j) {
    term *= static_cast<double>(servers - j) / offered_load_erlangs;
    sum += term;
    if (!std::isfinite(sum)) return std::numeric_limits<double>::infinity();
    const double ratio = static_cast<double>(servers - j - 1) / offered_load_erlangs;
    if (ratio < 1.0 && term * ratio <= (1.0 - ratio) * sum * kUlp) break;
  }
  return sum;
}

}  // namespace

double erlang_b(double offered_load_erlangs, int servers) {
  require_valid(offered_load_erlangs, servers);
  if (offered_load_erlangs == 0.0) return servers == 0 ? 1.0 : 0.0;
  if (servers > kRecursionMaxServers) {
    return 1.0 / inverse_blocking_by_terms(offered_load_erlangs, servers);
  }
  double inverse_blocking = 1.0;
  int k = 1;
  const double inverse_load = 1.0 / offered_load_erlangs;
  if (same_load(last_point.offered_load_erlangs, offered_load_erlangs) &&
      last_point.servers <= servers) {
    inverse_blocking = last_point.inverse_blocking;
    k = last_point.servers + 1;
  }
  for (; k <= servers; ++k) {
    inverse_blocking = next_inverse_blocking(inverse_blocking, k, inverse_load);
  }
  return 1.0 / inverse_blocking;
}

double erlang_c(double offered_load_erlangs, int servers) {
  require_valid(offered_load_erlangs, servers);
  if (static_cast<double>(servers) <= offered_load_erlangs) {
    throw std::invalid_argument("Erlang C needs more servers than the offered load");
  }
  if (offered_load_erlangs == 0.0) return 0.0;
  return erlang_c_from_b(offered_load_erlangs, servers, erlang_b(offered_load_erlangs, servers));
}

double probability_wait_exceeds(double offered_load_erlangs, int servers, double service_s,
                                double wait_s) {
  const double c = static_cast<double>(servers);
  return erlang_c(offered_load_erlangs, servers) *
         std::exp(-(c - offered_load_erlangs) * wait_s / service_s);
}

double mean_wait_s(double offered_load_erlangs, int servers, double service_s) {
  const double c = static_cast<double>(servers);
  return erlang_c(offered_load_erlangs, servers) * service_s / (c - offered_load_erlangs);
}

std::optional<ServerSizing> min_servers(double offered_load_erlangs, double service_s,
                                        double wait_target_s, double percentile,
                                        double max_utilization, int max_servers) {
  require_valid(offered_load_erlangs, 0);
  if (offered_load_erlangs == 0.0) return ServerSizing{1, 0.0, 0.0, 0.0, false};
  const double allowed_tail = 1.0 - percentile;
  const double inverse_load = 1.0 / offered_load_erlangs;
  double inverse_blocking = 1.0;
  for (int k = 1; k <= max_servers; ++k) {
    inverse_blocking = next_inverse_blocking(inverse_blocking, k, inverse_load);
    const double c = static_cast<double>(k);
    if (c <= offered_load_erlangs) continue;
    const double utilization = offered_load_erlangs / c;
    // Above the utilisation ceiling no count qualifies: the recursion advances, but the
    // wait need not be computed.
    if (!(utilization <= max_utilization)) continue;
    const double wait_probability =
        erlang_c_from_b(offered_load_erlangs, k, 1.0 / inverse_blocking);
    const double tail =
        wait_probability * std::exp(-(c - offered_load_erlangs) * wait_target_s / service_s);
    if (tail <= allowed_tail) {
      // Bound by the wait when the utilisation ceiling alone would have allowed fewer.
      const bool fewer_allowed_by_utilization =
          k > 1 && offered_load_erlangs / (c - 1.0) <= max_utilization;
      last_point = {offered_load_erlangs, k, inverse_blocking};
      return ServerSizing{k, utilization, wait_probability, tail, fewer_allowed_by_utilization};
    }
  }
  return std::nullopt;
}

}  // namespace tierplan
