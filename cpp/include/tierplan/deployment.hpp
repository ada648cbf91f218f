#pragma once
// One environment of a scenario planned on each cloud, side by side: choosing a cloud is an
// explicit comparison, never a silent cheapest pick inside one plan.
#include <optional>
#include <string>
#include <vector>

#include "tierplan/environment.hpp"
#include "tierplan/plan.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan {

// The environment on one cloud, in the region that cloud's catalog prices are listed for:
// its plan, or why there is none (what validation refused, or why planning failed).
struct CloudOption {
  Cloud cloud = Cloud::aws;
  std::string region;
  std::optional<EnvironmentPlan> plan;
  std::string why_not;  // empty when plan is set
  bool operator==(const CloudOption&) const = default;
};

// The named environment planned on aws, gcp and azure (in that order), every other field of
// the scenario as it is. Validates the scenario as given first; an unknown environment name
// is a ValidationError too, listing the names.
std::vector<CloudOption> plan_on_each_cloud(const Scenario& scenario,
                                            const std::string& environment);

// The environment with its datastores run one way: its plan, or why there is none.
struct DatastoreModeOption {
  // managed: the cloud's PostgreSQL and Redis services and object store, the vector store on
  // VMs (no managed offering is priced); in_cluster: all four as pods on the nodes;
  // self_managed: PostgreSQL, Redis and the vector store on VMs, objects in the object store
  // (it has no VM form).
  DatastoreMode mode = DatastoreMode::managed;
  std::optional<EnvironmentPlan> plan;
  std::string why_not;  // empty when plan is set
  bool operator==(const DatastoreModeOption&) const = default;
};

// The named environment planned with its datastores managed, in the cluster and self-managed
// (in that order), every other field as it is. Validates the scenario as given first.
std::vector<DatastoreModeOption> plan_with_each_datastore_mode(const Scenario& scenario,
                                                               const std::string& environment);

}  // namespace tierplan
