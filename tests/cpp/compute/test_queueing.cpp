// Erlang B and C against an independent closed form, textbook values and large loads;
// the smallest replica count meeting a latency target.
#include <gtest/gtest.h>

#include "support/plan_test_support.hpp"

namespace {

using namespace tierplan_test;  // NOLINT(google-build-using-namespace): test helpers

// ---------------------------------------------------------------------------------------
// Erlang B and C

// Independent Erlang B/C: the textbook closed form, with the terms A^k/k! computed in
// log space (lgamma) and summed after scaling by the largest, in long double.
struct ClosedForm {
  long double b;
  long double c;
};

ClosedForm erlang_closed_form(double a, int servers) {
  const long double la = std::log(static_cast<long double>(a));
  std::vector<long double> log_terms;
  for (int k = 0; k <= servers; ++k) {
    log_terms.push_back(k * la - std::lgamma(static_cast<long double>(k) + 1.0L));
  }
  const long double top = *std::max_element(log_terms.begin(), log_terms.end());
  long double below = 0.0L;  // sum over k < c
  for (int k = 0; k < servers; ++k) below += std::exp(log_terms[k] - top);
  const long double last = std::exp(log_terms[servers] - top);
  const long double n = servers;
  const long double waiting = last * n / (n - a);
  return {last / (below + last), waiting / (below + waiting)};
}

TEST(Queueing, erlang_b_textbook_values) {
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(1.0, 1), 0.5);
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(2.0, 2), 0.4);           // (4/2) / (1 + 2 + 2)
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(1.0, 2), 0.2);           // (1/2) / (1 + 1 + 1/2)
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(3.0, 0), 1.0);           // no servers: everything is lost
  EXPECT_DOUBLE_EQ(tierplan::erlang_b(0.0, 3), 0.0);           // no load: nothing is lost
  EXPECT_NEAR(tierplan::erlang_b(10.0, 10), 0.2145823, 1e-7);  // classic table value
}

TEST(Queueing, erlang_c_textbook_values) {
  EXPECT_NEAR(tierplan::erlang_c(2.0, 3), 4.0 / 9.0, 1e-15);
  EXPECT_NEAR(tierplan::erlang_c(1.0, 2), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(tierplan::erlang_c(0.5, 1), 0.5, 1e-15);  // M/M/1: C = rho
  EXPECT_DOUBLE_EQ(tierplan::erlang_c(0.0, 1), 0.0);
  EXPECT_THROW(tierplan::erlang_c(3.0, 3), std::invalid_argument);
  EXPECT_THROW(tierplan::erlang_c(3.5, 3), std::invalid_argument);
  EXPECT_THROW(tierplan::erlang_b(-1.0, 3), std::invalid_argument);
  EXPECT_THROW(tierplan::erlang_b(std::numeric_limits<double>::quiet_NaN(), 3),
               std::invalid_argument);
}

TEST(Queueing, erlang_b_and_c_agree_with_the_closed_form_to_1e_9_relative) {
  int checked = 0;
  for (const double a : {0.1, 0.5, 1.0, 2.5, 7.3, 10.0, 33.3, 64.0, 120.0, 200.0}) {
    const int first = static_cast<int>(std::ceil(a)) + 1;
    for (int servers = first; servers <= first + 40; ++servers) {
      const ClosedForm expected = erlang_closed_form(a, servers);
      const double b = tierplan::erlang_b(a, servers);
      const double c = tierplan::erlang_c(a, servers);
      EXPECT_LE(std::abs(b - static_cast<double>(expected.b)),
                1e-9 * static_cast<double>(expected.b))
          << "B(" << a << ", " << servers << ") = " << b << ", closed form " << expected.b;
      EXPECT_LE(std::abs(c - static_cast<double>(expected.c)),
                1e-9 * static_cast<double>(expected.c))
          << "C(" << a << ", " << servers << ") = " << c << ", closed form " << expected.c;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 410);
}

TEST(Queueing, erlang_b_and_c_stay_finite_up_to_50000_erlangs) {
  for (const double a : {100.0, 1000.0, 9999.5, 25000.0, 50000.0}) {
    const int first = static_cast<int>(std::floor(a)) + 1;
    const int root = static_cast<int>(std::sqrt(a));
    for (const int servers : {first, first + 1, first + root / 2, first + root, first + 3 * root}) {
      SCOPED_TRACE("A " + std::to_string(a) + ", c " + std::to_string(servers));
      const double b = tierplan::erlang_b(a, servers);
      const double c = tierplan::erlang_c(a, servers);
      EXPECT_TRUE(std::isfinite(b));
      EXPECT_TRUE(std::isfinite(c));
      EXPECT_GE(b, 0.0);
      EXPECT_LE(b, 1.0);
      EXPECT_GE(c, b);  // waiting is at least as likely as blocking
      EXPECT_LE(c, 1.0);
      const double wait = tierplan::mean_wait_s(a, servers, 1.0);
      EXPECT_TRUE(std::isfinite(wait));
      EXPECT_GE(wait, 0.0);
    }
    // Far fewer servers than the load (Erlang B only): still a probability.
    const double overloaded = tierplan::erlang_b(a, static_cast<int>(a / 2));
    EXPECT_TRUE(std::isfinite(overloaded));
    EXPECT_GT(overloaded, 0.0);
    EXPECT_LE(overloaded, 1.0);
  }
  // Just above the load, C is close to 1; with a square-root safety margin, well below.
  EXPECT_GT(tierplan::erlang_c(50000.0, 50001), 0.9);
  EXPECT_LT(tierplan::erlang_c(50000.0, 50000 + 3 * 224), 0.01);
}

TEST(Queueing, wait_tail_and_mean_wait_follow_erlang_c) {
  const double c = tierplan::erlang_c(2.0, 3);
  EXPECT_NEAR(tierplan::probability_wait_exceeds(2.0, 3, 0.5, 0.0), c, 1e-15);
  EXPECT_NEAR(tierplan::probability_wait_exceeds(2.0, 3, 0.5, 0.25), c * std::exp(-0.5), 1e-15);
  // Wq = C * service / (c - A) = 4/9 * 0.5 / 1.
  EXPECT_NEAR(tierplan::mean_wait_s(2.0, 3, 0.5), 2.0 / 9.0, 1e-15);
}

TEST(Queueing, min_servers_returns_the_smallest_count_meeting_the_target) {
  int checked = 0;
  for (const double a : {0.01, 0.4, 1.0, 3.3, 12.0, 80.0, 450.0, 3000.0}) {
    for (const double service_s : {0.05, 0.25, 2.0}) {
      for (const double wait_s : {0.0, 0.1, 1.0}) {
        for (const double percentile : {0.5, 0.95, 0.999}) {
          for (const double max_utilization : {0.5, 0.85, 0.99}) {
            SCOPED_TRACE("A " + std::to_string(a) + ", service " + std::to_string(service_s) +
                         " s, wait " + std::to_string(wait_s) + " s, p" +
                         std::to_string(percentile) + ", ceiling " +
                         std::to_string(max_utilization));
            const auto meets = [&](int servers) {
              if (servers <= a) return false;
              if (a / servers > max_utilization) return false;
              return tierplan::probability_wait_exceeds(a, servers, service_s, wait_s) <=
                     1.0 - percentile;
            };
            const auto sizing =
                tierplan::min_servers(a, service_s, wait_s, percentile, max_utilization, 100000);
            ASSERT_TRUE(sizing.has_value());
            EXPECT_TRUE(meets(sizing->servers)) << sizing->servers << " servers";
            if (sizing->servers > 1) {
              EXPECT_FALSE(meets(sizing->servers - 1)) << sizing->servers - 1 << " servers";
            }
            EXPECT_DOUBLE_EQ(sizing->utilization, a / sizing->servers);
            EXPECT_NEAR(sizing->wait_probability, tierplan::erlang_c(a, sizing->servers), 1e-12);
            // One server fewer than the answer is not enough.
            EXPECT_FALSE(tierplan::min_servers(a, service_s, wait_s, percentile, max_utilization,
                                               sizing->servers - 1)
                             .has_value());
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 8 * 3 * 3 * 3 * 3);
}

}  // namespace
