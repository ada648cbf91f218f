#include "tierplan/replicas.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

#include "compute/component_sizing.hpp"
#include "io/format.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/queueing.hpp"
#include "units.hpp"

namespace tierplan {

namespace {

using detail::ComponentSizing;
using detail::readable;
using detail::Readable;
using detail::ReplicaLimit;
using detail::TextBuilder;
using units::kMillicoresPerCore;
using units::kMillisecondsPerSecond;

// Requests are rounded up to these steps, as people write them in Helm values.
constexpr double kCpuStepM = 10.0;
constexpr double kMemoryStepMib = 16.0;
// Dify Enterprise chart default serverWorkerAmount: one gevent worker per api replica; the
// other services are event-driven servers too. They scale by replicas.
constexpr int kServerWorkerAmount = 1;

double round_up(double value, double step) { return std::ceil(value / step - 1e-9) * step; }

int ceil_to_int(double value) { return static_cast<int>(std::ceil(value - 1e-9)); }

bool is_interactive(const Component& component) { return component.kind == ComponentKind::service; }

// What the queue may wait: interactive services must answer within the latency
// target (wait + service); workers only bound how long a task sits in the queue.
double wait_budget_s(const Component& component, const ComponentLoad& load,
                     const EnvironmentPolicy& policy, const std::string& environment_name) {
  const double target_s = policy.latency_target_ms / kMillisecondsPerSecond;
  if (!is_interactive(component)) return target_s;
  if (target_s <= load.service_s) {
    throw PlanningError(environment_name + ": " + component.name + ": latency target " +
                        readable(policy.latency_target_ms) + " ms is not above its mean service " +
                        "time " + readable(load.service_s * kMillisecondsPerSecond) +
                        " ms; no replica count meets it (raise the target or shorten the work)");
  }
  return target_s - load.service_s;
}

struct ReplicaBounds {
  int queueing = 0;
  int connections = 0;
  ServerSizing sizing;
  // Set when no replica count up to max_replicas satisfies a bound: the first that fails.
  ReplicaLimit beyond_max_replicas = ReplicaLimit::none;
};

// Replicas for a bound that may be far beyond any int: capped at max_replicas + 1 so
// that an absurd load is reported, never wrapped round.
int replicas_for(double needed, int max_replicas) {
  if (!(needed <= static_cast<double>(max_replicas))) return max_replicas + 1;
  return ceil_to_int(needed);
}

ReplicaBounds replica_bounds(const Component& component, const ComponentLoad& load,
                             const EnvironmentPolicy& policy, const std::string& environment_name) {
  ReplicaBounds bounds;
  if (load.arrival_rate_per_s <= 0.0) return bounds;
  const int per_replica = component.concurrency_per_replica;
  const long long max_servers = static_cast<long long>(policy.max_replicas) * per_replica;
  const auto sizing = min_servers(load.offered_load_erlangs, load.service_s,
                                  wait_budget_s(component, load, policy, environment_name),
                                  policy.latency_percentile, policy.max_server_utilization,
                                  static_cast<int>(std::min<long long>(max_servers, 1 << 30)));
  if (sizing) {
    bounds.sizing = *sizing;
    bounds.queueing = ceil_to_int(static_cast<double>(sizing->servers) / per_replica);
  } else {
    bounds.queueing = policy.max_replicas + 1;
    bounds.beyond_max_replicas = ReplicaLimit::queueing;
  }
  if (component.max_connections_per_replica > 0 && load.concurrent_requests > 0.0) {
    bounds.connections =
        replicas_for(load.concurrent_requests /
                         (component.max_connections_per_replica * policy.max_server_utilization),
                     policy.max_replicas);
    if (bounds.connections > policy.max_replicas &&
        bounds.beyond_max_replicas == ReplicaLimit::none) {
      bounds.beyond_max_replicas = ReplicaLimit::connections;
    }
  }
  return bounds;
}

// Why the load is beyond max_replicas (limit is not none), appended to text.
void add_beyond_max_replicas(TextBuilder& text, ReplicaLimit limit, const ComponentLoad& load,
                             const Component& component, const EnvironmentPolicy& policy) {
  if (limit == ReplicaLimit::queueing) {
    text.add(Readable{load.arrival_rate_per_s}, " req/s (", Readable{load.offered_load_erlangs},
             " Erlangs) cannot meet the latency target within max_replicas ", policy.max_replicas,
             " (", component.concurrency_per_replica, " concurrent per replica)");
  } else if (limit == ReplicaLimit::connections) {
    text.add(Readable{load.concurrent_requests}, " connections in flight need more than ",
             "max_replicas ", policy.max_replicas, " (", component.max_connections_per_replica,
             " per replica)");
  }
}

// The load at the end of the planning horizon; the bounds need its numbers only, not the
// derivation.
ComponentLoad grown_load(const ComponentLoad& load, double growth_factor) {
  ComponentLoad grown;
  grown.arrival_rate_per_s = load.arrival_rate_per_s * growth_factor;
  grown.service_s = load.service_s;
  grown.hold_s = load.hold_s;
  grown.offered_load_erlangs = load.offered_load_erlangs * growth_factor;
  grown.concurrent_requests = load.concurrent_requests * growth_factor;
  return grown;
}

// Replicas: the largest of the queueing, connection and floor bounds. Whether the
// latency target set the queueing bound.
bool size_replicas(ComponentPlan& plan, const Component& component, const EnvironmentPolicy& policy,
                   const std::string& environment_name) {
  const ReplicaBounds bounds = replica_bounds(component, plan.load, policy, environment_name);
  if (bounds.beyond_max_replicas != ReplicaLimit::none) {
    TextBuilder why;
    why.add(environment_name, ": ", component.name, ": ");
    add_beyond_max_replicas(why, bounds.beyond_max_replicas, plan.load, component, policy);
    throw PlanningError(why.str());
  }
  plan.queueing_replicas = bounds.queueing;
  plan.connection_replicas = bounds.connections;
  plan.floor_replicas = component.scales_horizontally ? policy.min_replicas : 1;
  const int needed = std::max({plan.floor_replicas, bounds.queueing, bounds.connections});

  if (!component.scales_horizontally && needed > 1) {
    throw PlanningError(environment_name + ": " + component.name + " runs as one replica but " +
                        "its load needs " + std::to_string(needed));
  }
  if (needed > policy.max_replicas) {
    throw PlanningError(environment_name + ": " + component.name + " needs " +
                        std::to_string(needed) + " replicas, above max_replicas " +
                        std::to_string(policy.max_replicas));
  }
  plan.replicas = needed;
  const ComponentLoad& load = plan.load;
  if (load.arrival_rate_per_s > 0.0) {
    const int servers = plan.replicas * component.concurrency_per_replica;
    plan.server_utilization = load.offered_load_erlangs / servers;
    plan.wait_probability = erlang_c(load.offered_load_erlangs, servers);
  }
  return bounds.sizing.bound_by_wait;
}

// Requests and limits of one replica, for its design load (recorded in sizing).
void size_resources(ComponentPlan& plan, ComponentSizing& sizing, const Component& component,
                    const EnvironmentPolicy& policy, double limit_to_request_ratio) {
  const ComponentLoad& load = plan.load;
  // Per-replica design load: the floor's share of the peak, but never more than one
  // replica carries at the utilisation ceiling. It never falls as load grows, and is
  // never below what a replica actually carries.
  double design_rate = load.arrival_rate_per_s / plan.floor_replicas;
  if (load.service_s > 0.0) {
    design_rate = std::min(design_rate, policy.max_server_utilization *
                                            component.concurrency_per_replica / load.service_s);
  }
  double design_concurrent = design_rate * (load.service_s + load.hold_s);
  if (component.max_connections_per_replica > 0) {
    design_concurrent =
        std::min(design_concurrent, static_cast<double>(component.max_connections_per_replica));
  }
  sizing.design_rate_per_s = design_rate;
  sizing.design_concurrent = design_concurrent;
  const auto& model = component.resources;
  plan.request_cpu_m =
      round_up(model.baseline_cpu_m + model.cpu_m_per_rate_per_s * design_rate, kCpuStepM);
  plan.request_memory_mib =
      round_up(model.baseline_memory_mib + model.memory_mib_per_rate_per_s * design_rate +
                   model.memory_mib_per_concurrent * design_concurrent,
               kMemoryStepMib);
  plan.limit_cpu_m = round_up(plan.request_cpu_m * limit_to_request_ratio, kCpuStepM);
  plan.limit_memory_mib =
      round_up(plan.request_memory_mib * limit_to_request_ratio, kMemoryStepMib);
}

// The CPU limit of a replica in cores.
double limit_cores(const ComponentPlan& plan) { return plan.limit_cpu_m / kMillicoresPerCore; }

int processes_per_replica(const ComponentPlan& plan) {
  if (plan.kind != ComponentKind::worker) return kServerWorkerAmount;
  // Dify Enterprise resources checklist (3.0.x): celeryWorkerAmount is one per CPU core of
  // the worker's limit; a replica whose limit is under one core still runs one process.
  // Dify starts Celery with the gevent pool (celery worker -P gevent -c CELERY_WORKER_AMOUNT,
  // api/docker/entrypoint.sh): the amount is concurrency inside one process, so a replica
  // still holds one SQLAlchemy pool (datastores.cpp counts one pool per replica).
  return std::max(1, static_cast<int>(std::floor(limit_cores(plan) + 1e-9)));
}

// The HPA range: from the planned replicas up to what the load at the horizon needs.
// The bound max_replicas capped it on, if any.
ReplicaLimit size_autoscaling(ComponentPlan& plan, const Component& component,
                              const EnvironmentPolicy& policy, double growth_factor,
                              const std::string& environment_name) {
  plan.autoscaled = component.scales_horizontally && plan.load.arrival_rate_per_s > 0.0;
  if (!plan.autoscaled) return ReplicaLimit::none;
  const ReplicaBounds grown =
      replica_bounds(component, grown_load(plan.load, growth_factor), policy, environment_name);
  plan.hpa_min_replicas = plan.replicas;
  plan.hpa_max_replicas =
      std::min(policy.max_replicas, std::max({plan.replicas, grown.queueing, grown.connections}));
  // The HPA's averageUtilization is a whole percent (autoscaling/v2, int32): the ceiling's,
  // rounded down so that the target stays within it (0.9 is 90, not 90.00000000000001).
  plan.hpa_target_cpu_utilization_percent =
      std::floor(policy.max_server_utilization * units::kPercentPerFraction + 1e-9);
  return grown.beyond_max_replicas;
}

// The replicas reason: the binding bound first, then the others it was compared with,
// joined by "; ".
void add_replicas_reason(TextBuilder& reason, const ComponentPlan& plan,
                         const ComponentSizing& sizing, const Component& component,
                         const EnvironmentPolicy& policy, const std::string& environment_name) {
  const ComponentLoad& load = plan.load;
  const int needed = plan.replicas;
  const bool has_queueing = load.arrival_rate_per_s > 0.0;
  const bool has_connections = plan.connection_replicas > 0;
  reason.add(needed, needed == 1 ? " replica (" : " replicas (");
  bool first_part = true;
  auto next_part = [&] {
    if (!first_part) reason.add("; ");
    first_part = false;
  };
  auto queueing_text = [&] {
    next_part();
    reason.add("queueing needs ", plan.queueing_replicas, " at ", Readable{load.arrival_rate_per_s},
               " req/s (", Readable{load.offered_load_erlangs}, " Erlangs, ",
               component.concurrency_per_replica, " per replica, ");
    if (sizing.queueing_bound_by_wait) {
      reason.add("p", Readable{policy.latency_percentile * units::kPercentPerFraction},
                 " latency target ", Readable{policy.latency_target_ms}, " ms)");
    } else {
      reason.add("utilisation ceiling ",
                 Readable{policy.max_server_utilization * units::kPercentPerFraction}, "%)");
    }
  };
  auto connection_text = [&] {
    next_part();
    reason.add("held connections need ", plan.connection_replicas, " for ",
               Readable{load.concurrent_requests}, " in flight (Little's law)");
  };
  if (has_queueing && plan.queueing_replicas == needed) queueing_text();
  if (has_connections && plan.connection_replicas == needed) connection_text();
  if (plan.floor_replicas == needed) {
    next_part();
    if (component.kind == ComponentKind::singleton) {
      reason.add("singleton: exactly one replica");
    } else if (!component.scales_horizontally) {
      reason.add("does not scale horizontally: one replica");
    } else {
      reason.add(environment_name, " floor min_replicas ", policy.min_replicas);
    }
  }
  if (has_queueing && plan.queueing_replicas != needed) queueing_text();
  if (has_connections && plan.connection_replicas != needed) connection_text();
  if (load.arrival_rate_per_s <= 0.0) {
    next_part();
    reason.add("no load of its own");
  }
  reason.add(")");
}

void add_resources_reason(TextBuilder& reason, const ComponentSizing& sizing,
                          const Component& component, double limit_to_request_ratio) {
  const auto& model = component.resources;
  if (sizing.design_rate_per_s > 0.0) {
    reason.add("baseline ", Readable{model.baseline_cpu_m}, " m / ",
               Readable{model.baseline_memory_mib}, " MiB plus ",
               Readable{sizing.design_rate_per_s}, " req/s and ",
               Readable{sizing.design_concurrent}, " in flight per replica; limits ",
               Readable{limit_to_request_ratio}, "x requests");
  } else {
    reason.add("baseline ", Readable{model.baseline_cpu_m}, " m / ",
               Readable{model.baseline_memory_mib}, " MiB (no load of its own); limits ",
               Readable{limit_to_request_ratio}, "x requests");
  }
}

void add_processes_reason(TextBuilder& reason, const ComponentPlan& plan) {
  if (plan.kind == ComponentKind::worker) {
    reason.add("celeryWorkerAmount ", plan.processes_per_replica, ": one per core of its ",
               Readable{limit_cores(plan)},
               "-core CPU limit (Dify Enterprise: one Celery worker per CPU core), at least one; "
               "gevent concurrency in one process, one database pool");
  } else {
    reason.add(plan.processes_per_replica,
               " process: it serves requests concurrently inside one process and scales by "
               "replicas (Dify Enterprise chart default serverWorkerAmount ",
               kServerWorkerAmount, ", gevent)");
  }
}

void add_hpa_reason(TextBuilder& reason, const ComponentPlan& plan, const ComponentSizing& sizing,
                    const Component& component, const EnvironmentPolicy& policy,
                    double growth_factor) {
  if (!plan.autoscaled) {
    reason.add(component.scales_horizontally ? "no load to scale on" : "fixed at one replica");
    return;
  }
  reason.add("from the planned replicas up to what ", Readable{growth_factor},
             "x the peak load needs at the end of the planning horizon; target CPU ",
             Readable{plan.hpa_target_cpu_utilization_percent}, "% (the utilisation ceiling)");
  if (sizing.grown_limit != ReplicaLimit::none) {
    reason.add("; capped at max_replicas ", policy.max_replicas, ": the grown load (");
    add_beyond_max_replicas(reason, sizing.grown_limit, grown_load(plan.load, growth_factor),
                            component, policy);
    reason.add(")");
  }
}

}  // namespace

ComponentPlan size_component(const Component& component, const ComponentLoad& load,
                             const EnvironmentPolicy& policy, double limit_to_request_ratio,
                             double growth_factor, const std::string& environment_name) {
  ComponentPlan plan;
  const ComponentSizing sizing =
      detail::size_component_into(plan, component, ComponentLoad(load), policy,
                                  limit_to_request_ratio, growth_factor, environment_name);
  detail::explain_component(plan, sizing, component, policy, limit_to_request_ratio, growth_factor,
                            environment_name);
  return plan;
}

ComponentSizing detail::size_component_into(ComponentPlan& plan, const Component& component,
                                            ComponentLoad&& load, const EnvironmentPolicy& policy,
                                            double limit_to_request_ratio, double growth_factor,
                                            const std::string& environment_name) {
  plan.name = component.name;
  plan.helm_key = component.helm_key;
  plan.kind = component.kind;
  plan.load = std::move(load);
  ComponentSizing sizing;
  sizing.queueing_bound_by_wait = size_replicas(plan, component, policy, environment_name);
  size_resources(plan, sizing, component, policy, limit_to_request_ratio);
  plan.processes_per_replica = processes_per_replica(plan);
  sizing.grown_limit = size_autoscaling(plan, component, policy, growth_factor, environment_name);
  return sizing;
}

void detail::explain_component(ComponentPlan& plan, const ComponentSizing& sizing,
                               const Component& component, const EnvironmentPolicy& policy,
                               double limit_to_request_ratio, double growth_factor,
                               const std::string& environment_name) {
  // The four reasons, written end to end into one buffer (ComponentPlan::reasons).
  TextBuilder reason;
  std::array<std::uint32_t, 4> ends{};
  auto text_end = [&reason] { return static_cast<std::uint32_t>(reason.size()); };
  add_replicas_reason(reason, plan, sizing, component, policy, environment_name);
  ends[0] = text_end();
  add_resources_reason(reason, sizing, component, limit_to_request_ratio);
  ends[1] = text_end();
  add_processes_reason(reason, plan);
  ends[2] = text_end();
  add_hpa_reason(reason, plan, sizing, component, policy, growth_factor);
  ends[3] = text_end();
  plan.reasons = ComponentPlan::Texts(reason.view(), ends);
}

int detail::replicas_at_growth(ComponentPlan& scratch, const Component& component,
                               const EnvironmentPolicy& policy, double growth_factor,
                               const std::string& environment_name) {
  if (!scratch.autoscaled) return scratch.replicas;
  size_autoscaling(scratch, component, policy, growth_factor, environment_name);
  return scratch.hpa_max_replicas;
}

}  // namespace tierplan
