#pragma once
// A Scenario: load assumptions, the stack, the environment policies and the node
// catalog. Loaded from JSON with every field validated, saved back losslessly.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tierplan/catalog.hpp"
#include "tierplan/environment.hpp"
#include "tierplan/stack.hpp"
#include "tierplan/tiers.hpp"
#include "tierplan/workload.hpp"

namespace tierplan {

struct Scenario {
  std::string name;
  std::string description;
  // Where each assumption comes from: a JSON path of this scenario -> its source
  // or reasoning. Every path must exist in the scenario.
  std::map<std::string, std::string> sources;
  Workload workload;
  Stack stack;
  std::vector<Environment> environments;
  Catalog catalog;
  // Published specifications to recommend from, smallest first after sorting by size.
  std::vector<TierPreset> tiers;
  bool operator==(const Scenario&) const = default;

  const Environment* find_environment(std::string_view env_name) const;
  // The workload an environment serves: its own, or its share of the scenario's.
  Workload workload_of(const Environment& environment) const;
};

// Parse and validate. Throws ValidationError listing every problem; malformed JSON
// is reported with its line and column. source_name prefixes messages about syntax.
Scenario scenario_from_json_string(std::string_view text, std::string_view source_name = "");
Scenario scenario_from_file(const std::filesystem::path& path);
std::string scenario_to_json_string(const Scenario& scenario, int indent = 2);

// Built-in scenarios shipped with tierplan (data/scenarios/*.json).
std::vector<std::string> builtin_scenario_names();
Scenario builtin_scenario(std::string_view name);

// The text of a shipped data file, by its path relative to data/ (e.g.
// "schema/plan.schema.json"); throws std::out_of_range for an unknown path.
std::string_view builtin_data_file(std::string_view relative_path);
std::vector<std::string> builtin_data_file_names();

}  // namespace tierplan
