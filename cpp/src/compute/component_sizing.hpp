#pragma once
// Component sizing in two steps: size_component_into computes a ComponentPlan's numbers
// and records what bound them (ComponentSizing); explain_component writes the reasons
// from the plan and that record, computing nothing again. A full plan runs both; a study
// point only the first. The public face is size_component in tierplan/replicas.hpp.
#include <cstdint>
#include <string>

#include "tierplan/replicas.hpp"

namespace tierplan::detail {

// Which bound no replica count up to max_replicas satisfies.
enum class ReplicaLimit : std::uint8_t {
  none,
  queueing,     // the latency target (or the utilisation ceiling) at the offered load
  connections,  // the connections held in flight
};

// What bound the numbers of one ComponentPlan, beyond the bounds the plan itself keeps.
struct ComponentSizing {
  // The queueing bound was set by the latency target, not by the utilisation ceiling.
  bool queueing_bound_by_wait = false;
  // The per-replica design load the requests are sized for.
  double design_rate_per_s = 0.0;
  double design_concurrent = 0.0;
  // The bound max_replicas capped the HPA maximum on, at the load of the horizon.
  ReplicaLimit grown_limit = ReplicaLimit::none;
};

// The numbers of plan (a default-constructed ComponentPlan, where it is kept), every
// reason left empty. Throws PlanningError when no replica count meets the bounds.
ComponentSizing size_component_into(ComponentPlan& plan, const Component& component,
                                    ComponentLoad&& load, const EnvironmentPolicy& policy,
                                    double limit_to_request_ratio, double growth_factor,
                                    const std::string& environment_name);

// The four reasons of plan, sized by size_component_into with the same arguments.
void explain_component(ComponentPlan& plan, const ComponentSizing& sizing,
                       const Component& component, const EnvironmentPolicy& policy,
                       double limit_to_request_ratio, double growth_factor,
                       const std::string& environment_name);

// The replicas the autoscaler runs at growth_factor times the planned load (the HPA
// maximum sized for that load, within max_replicas); a component that is not autoscaled
// keeps its replicas. scratch is a copy of the component's plan with its planned replicas:
// its autoscaling range is sized again in place (no copy per call; its texts are not read).
int replicas_at_growth(ComponentPlan& scratch, const Component& component,
                       const EnvironmentPolicy& policy, double growth_factor,
                       const std::string& environment_name);

}  // namespace tierplan::detail
