#pragma once
// Queueing formulas for sizing replicas.
//
// Erlang B by the stable recursion inv_k = 1 + inv_{k-1} * k / A (B = 1 / inv_c),
// then Erlang C = c*B / (c - A*(1 - B)) for an M/M/c queue with offered load
// A = lambda * service time (pyworkforce queuing/erlang.py; textbook M/M/c). No
// factorial or power of A appears, so the result stays finite for A in the tens of
// thousands of Erlangs. Above a million servers Erlang B sums the same series term by term
// from the top instead (about sqrt(A) terms), so that no call takes longer than milliseconds
// (erlang_b(1e308, 2^31 - 1) took 5.7 s).
#include <optional>

namespace tierplan {

// Probability that an arriving request finds all c servers busy and is lost (M/M/c/c).
double erlang_b(double offered_load_erlangs, int servers);
// Probability that an arriving request waits (M/M/c). Requires servers > offered load.
double erlang_c(double offered_load_erlangs, int servers);
// P(wait > wait_s) = C * exp(-(c - A) * wait_s / service_s).
double probability_wait_exceeds(double offered_load_erlangs, int servers, double service_s,
                                double wait_s);
// Mean wait in queue Wq = C * service_s / (c - A).
double mean_wait_s(double offered_load_erlangs, int servers, double service_s);

struct ServerSizing {
  int servers = 0;
  double utilization = 0.0;
  double wait_probability = 0.0;  // Erlang C at that server count
  double wait_exceeds_target_probability = 0.0;
  bool bound_by_wait = false;  // false: the utilisation ceiling bound it
  bool operator==(const ServerSizing&) const = default;
};

// The fewest servers with utilisation A/c <= max_utilization and
// P(wait > wait_target_s) <= 1 - percentile, searching up to max_servers; nullopt
// when max_servers is not enough. One pass of the recursion: O(result).
std::optional<ServerSizing> min_servers(double offered_load_erlangs, double service_s,
                                        double wait_target_s, double percentile,
                                        double max_utilization, int max_servers);

}  // namespace tierplan
