#pragma once
// Replicas, requests, limits and autoscaling range of one component.
#include <string>
#include <vector>

#include "tierplan/demand.hpp"
#include "tierplan/environment.hpp"
#include "tierplan/stack.hpp"

namespace tierplan {

struct ComponentPlan {
  std::string name;
  std::string helm_key;
  ComponentKind kind = ComponentKind::service;
  ComponentLoad load;

  int replicas = 0;
  std::string replicas_reason;
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
  std::string resources_reason;

  // Worker processes in one replica: Celery's concurrency (the chart's celeryWorkerAmount)
  // for queue workers, one for the others, which serve concurrently inside one process.
  int processes_per_replica = 1;
  std::string processes_reason;

  bool autoscaled = false;
  int hpa_min_replicas = 0;
  int hpa_max_replicas = 0;
  double hpa_target_cpu_utilization_percent = 0.0;
  std::string hpa_reason;
  bool operator==(const ComponentPlan&) const = default;
};

// Sizes one component for its peak load under an environment's policy. growth_factor
// multiplies the load at the end of the planning horizon (for the HPA maximum).
// Throws PlanningError when the latency target cannot be met.
ComponentPlan size_component(const Component& component, const ComponentLoad& load,
                             const EnvironmentPolicy& policy, double limit_to_request_ratio,
                             double growth_factor, const std::string& environment_name);

}  // namespace tierplan
