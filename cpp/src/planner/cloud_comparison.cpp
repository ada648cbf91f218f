#include "model/choices.hpp"
#include "tierplan/deployment.hpp"
#include "tierplan/errors.hpp"
#include "tierplan/sweep.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

// What validation says of the environment on the other cloud, one issue per line.
std::string issues_text(const std::vector<FieldIssue>& issues) {
  std::string text;
  for (const FieldIssue& issue : issues) {
    if (!text.empty()) text += "; ";
    text += issue.path + ": " + issue.message;
  }
  return text;
}

// The moved scenario's environment at index: its plan, or why there is none.
template <class Option>
void plan_option(const Scenario& moved, std::size_t index, Option& option) {
  const std::vector<FieldIssue> issues = scenario_issues(moved);
  if (!issues.empty()) {
    option.why_not = issues_text(issues);
    return;
  }
  try {
    option.plan = plan_environment(moved, moved.environments[index]);
  } catch (const PlanningError& error) {
    option.why_not = error.what();
  }
}

}  // namespace

std::vector<DatastoreModeOption> plan_with_each_datastore_mode(const Scenario& scenario,
                                                               const std::string& environment) {
  validate(scenario);
  const std::size_t index = environment_index(scenario, environment);
  std::vector<DatastoreModeOption> options;
  for (const auto& [name, mode] : detail::kDatastoreModes) {
    DatastoreModeOption& option = options.emplace_back();
    option.mode = mode;
    Scenario moved = scenario;
    DatastorePolicy& ds = moved.environments[index].policy.datastores;
    ds.postgres_mode = mode;
    ds.redis_mode = mode;
    ds.vector_store_mode = mode == DatastoreMode::in_cluster ? mode : DatastoreMode::self_managed;
    ds.object_storage_mode = mode == DatastoreMode::in_cluster ? mode : DatastoreMode::managed;
    plan_option(moved, index, option);
  }
  return options;
}

std::vector<CloudOption> plan_on_each_cloud(const Scenario& scenario,
                                            const std::string& environment) {
  validate(scenario);
  const std::size_t index = environment_index(scenario, environment);
  std::vector<CloudOption> options;
  for (const auto& [name, cloud] : detail::kClouds) {
    CloudOption& option = options.emplace_back();
    option.cloud = cloud;
    Scenario moved = scenario;
    Environment& target = moved.environments[index];
    target.policy.cloud = cloud;
    target.policy.region.clear();  // the region the cloud's prices are listed for
    // A node type fixed for one cloud does not exist on another: the cheapest of that cloud.
    const NodeType* fixed = moved.catalog.find(target.policy.node_type);
    if (fixed != nullptr && fixed->cloud != name) target.policy.node_type.clear();
    if (const Prices* prices = moved.catalog.prices_for(name)) option.region = prices->region;
    plan_option(moved, index, option);
  }
  return options;
}

}  // namespace tierplan
