#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tierplan/errors.hpp"
#include "tierplan/scenario.hpp"

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Scenario, every_shipped_scenario_survives_load_save_load) {
  for (const auto& name : tierplan::builtin_scenario_names()) {
    SCOPED_TRACE(name);
    const auto first = tierplan::builtin_scenario(name);
    const auto saved = tierplan::scenario_to_json_string(first);
    const auto second = tierplan::scenario_from_json_string(saved);
    EXPECT_EQ(first, second);
    EXPECT_EQ(saved, tierplan::scenario_to_json_string(second));
  }
}

TEST(Scenario, embedded_data_equals_the_shipped_files) {
  for (const auto& name : tierplan::builtin_data_file_names()) {
    SCOPED_TRACE(name);
    EXPECT_EQ(tierplan::builtin_data_file(name),
              read_text(std::filesystem::path(TIERPLAN_SOURCE_DATA_DIR) / name));
  }
}

}  // namespace
