#include <stdexcept>
#include <string>

#include "io/serialization.hpp"
#include "model/embedded_data.hpp"
#include "model/object_shapes.hpp"
#include "tierplan/scenario.hpp"

namespace tierplan {

namespace {
constexpr std::string_view kScenarioDir = "scenarios/";
constexpr std::string_view kJsonSuffix = ".json";
}  // namespace

std::string_view builtin_data_file(std::string_view relative_path) {
  for (const auto& file : detail::embedded_files()) {
    if (file.relative_path == relative_path) return file.content;
  }
  throw std::out_of_range("no built-in data file \"" + std::string(relative_path) + "\"");
}

std::vector<std::string> builtin_data_file_names() {
  std::vector<std::string> names;
  for (const auto& file : detail::embedded_files()) names.emplace_back(file.relative_path);
  return names;
}

std::vector<std::string> builtin_scenario_names() {
  std::vector<std::string> names;
  for (const auto& file : detail::embedded_files()) {
    const auto path = file.relative_path;
    if (path.starts_with(kScenarioDir) && path.ends_with(kJsonSuffix)) {
      names.emplace_back(
          path.substr(kScenarioDir.size(), path.size() - kScenarioDir.size() - kJsonSuffix.size()));
    }
  }
  return names;
}

const Catalog& builtin_catalog() {
  // Read once: every scenario that extends it is read on top of it. Immutable after the
  // (thread-safe) first read; a shipped file that does not read is a bug, reported whole.
  static const Catalog catalog = [] {
    constexpr std::string_view kPath = "catalogs/builtin.json";
    detail::IssueList issues;
    const auto document = detail::parse_document(builtin_data_file(kPath), kPath, issues);
    issues.throw_if_any();
    detail::ObjectReader reader(&*document, "catalog", issues, &detail::shapes::kCatalog);
    Catalog read = detail::read_catalog(reader);
    reader.finish();
    issues.throw_if_any();
    return read;
  }();
  return catalog;
}

Scenario builtin_scenario(std::string_view name) {
  const std::string path = std::string(kScenarioDir) + std::string(name) + std::string(kJsonSuffix);
  for (const auto& file : detail::embedded_files()) {
    if (file.relative_path == path) return scenario_from_json_string(file.content, path);
  }
  std::string known;
  for (const auto& candidate : builtin_scenario_names()) known += " " + candidate;
  throw std::out_of_range("no built-in scenario \"" + std::string(name) + "\"; known:" + known);
}

}  // namespace tierplan
