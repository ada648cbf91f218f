#pragma once
// Replicas, requests, limits and autoscaling range of one component.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/demand.hpp"
#include "tierplan/environment.hpp"
#include "tierplan/packed_texts.hpp"
#include "tierplan/stack.hpp"

namespace tierplan {

struct ComponentPlan {
  std::string name;
  std::string helm_key;
  ComponentKind kind = ComponentKind::service;
  ComponentLoad load;

  int replicas = 0;
  // The bounds that were compared (0 where a bound does not apply).
  int queueing_replicas = 0;
  int connection_replicas = 0;
  int floor_replicas = 0;
  double server_utilization = 0.0;  // offered load / servers at the planned replicas
  double wait_probability = 0.0;    // Erlang C at the planned replicas

  double request_cpu_m = 0.0;
  double request_memory_mib = 0.0;
  double limit_cpu_m = 0.0;
  double limit_memory_mib = 0.0;

  // Worker processes in one replica: Celery's concurrency (the chart's celeryWorkerAmount)
  // for queue workers, one for the others, which serve concurrently inside one process.
  int processes_per_replica = 1;

  bool autoscaled = false;
  int hpa_min_replicas = 0;
  int hpa_max_replicas = 0;
  double hpa_target_cpu_utilization_percent = 0.0;
  // On the spot node pool (policy.cost.stateless_on_spot and a stateless service), else on
  // the on-demand pool.
  bool on_spot = false;

  // Why replicas, requests and limits, processes and the HPA range are what they are,
  // in one buffer (packed_texts.hpp says why); empty when only numbers were planned. The
  // views are into this plan: copy one into a std::string to keep it past the plan.
  enum class Reason : std::uint8_t { replicas, resources, processes, hpa };
  using Texts = PackedTexts<Reason, 4>;
  Texts reasons;
  std::string_view replicas_reason() const { return reasons[Reason::replicas]; }
  std::string_view resources_reason() const { return reasons[Reason::resources]; }
  std::string_view processes_reason() const { return reasons[Reason::processes]; }
  std::string_view hpa_reason() const { return reasons[Reason::hpa]; }

  bool operator==(const ComponentPlan&) const = default;
};

// Sizes one component for its peak load under an environment's policy. growth_factor
// multiplies the load at the end of the planning horizon (for the HPA maximum).
// Throws PlanningError when the latency target cannot be met.
ComponentPlan size_component(const Component& component, const ComponentLoad& load,
                             const EnvironmentPolicy& policy, double limit_to_request_ratio,
                             double growth_factor, const std::string& environment_name);

}  // namespace tierplan
