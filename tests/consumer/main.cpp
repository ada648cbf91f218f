// Links the installed tierplan::tierplan, loads the built-in scenario and checks that
// the installed JSON data (tierplan_DATA_DIR) parses to the same scenario, and runs a
// small sweep (its Eigen result needs the installed package to find Eigen3).
#include <exception>
#include <filesystem>
#include <iostream>

// The umbrella header: the whole public API, as an installed package offers it.
#include "tierplan/tierplan.hpp"

int main() {
  try {
    const auto builtin = tierplan::builtin_scenario("dify-enterprise");
    std::cout << "builtin scenario: " << builtin.name << ", " << builtin.stack.components.size()
              << " components\n";

    const auto path =
        std::filesystem::path(TIERPLAN_INSTALLED_DATA_DIR) / "scenarios" / "dify-enterprise.json";
    const auto installed = tierplan::scenario_from_file(path);
    if (!(installed == builtin)) {
      std::cerr << path.string() << " differs from the built-in scenario\n";
      return 1;
    }
    std::cout << "installed data: " << path.string() << " parses and equals the built-in\n";
    tierplan::StudyOptions options;
    options.threads = 2;
    const auto table =
        tierplan::sweep(builtin, {{"workload.daily_active_users", {100, 3000}}}, options);
    if (table.values.rows() != 2 || table.values(1, 1) != 1.0) {
      std::cerr << "sweep: expected two feasible points\n";
      return 1;
    }
    std::cout << "sweep: " << table.values.rows() << " points x " << table.values.cols()
              << " columns\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
