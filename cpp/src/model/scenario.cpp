#include "tierplan/scenario.hpp"

#include <fstream>
#include <sstream>

#include "io/serialization.hpp"
#include "model/field_rules.hpp"
#include "model/object_shapes.hpp"
#include "tierplan/json.hpp"

namespace tierplan {

const Environment* Scenario::find_environment(std::string_view env_name) const {
  for (const auto& environment : environments) {
    if (environment.name == env_name) return &environment;
  }
  return nullptr;
}

Workload Scenario::workload_of(const Environment& environment) const {
  if (environment.workload) return *environment.workload;
  return workload.scaled(environment.workload_share.value_or(1.0));
}

namespace {

// Follows a path such as "environments[2].policy.min_replicas" through document.
bool path_exists(const detail::json& document, std::string_view path) {
  constexpr std::size_t kMaxIndexDigits = 9;
  const detail::json* node = &document;
  std::size_t pos = 0;
  if (path.empty()) return false;
  while (pos < path.size()) {
    if (path[pos] == '[') {
      const auto close = path.find(']', pos);
      if (close == std::string_view::npos || close == pos + 1 ||
          close - pos - 1 > kMaxIndexDigits || !node->is_array()) {
        return false;
      }
      std::size_t index = 0;
      for (std::size_t i = pos + 1; i < close; ++i) {
        if (path[i] < '0' || path[i] > '9') return false;
        index = index * 10 + static_cast<std::size_t>(path[i] - '0');
      }
      if (index >= node->size()) return false;
      node = &(*node)[index];
      pos = close + 1;
      // After an index comes the end, another index, or '.' and a key.
      if (pos < path.size() && path[pos] != '[' && path[pos] != '.') return false;
      if (pos < path.size() && path[pos] == '.' && ++pos >= path.size()) return false;
      continue;
    }
    const auto end = path.find_first_of(".[", pos);
    const auto key =
        path.substr(pos, end == std::string_view::npos ? path.size() - pos : end - pos);
    if (key.empty() || !node->is_object()) return false;
    const auto it = node->find(key);
    if (it == node->end()) return false;
    node = &*it;
    pos = end == std::string_view::npos ? path.size() : end;
    if (pos < path.size() && path[pos] == '.') {
      ++pos;
      if (pos >= path.size()) return false;  // a trailing '.'
    }
  }
  return true;
}

// Notes are checked where they are read, in document order, except those about catalog
// entries the document does not list: a scenario that extends the built-in catalog may note
// where the built-in entries it plans with come from, so those are checked against the catalog
// as read (check_catalog_sources).
std::vector<std::pair<std::string, std::string>> read_sources(
    detail::ObjectReader& r, const detail::json& document,
    std::map<std::string, std::string>& sources) {
  std::vector<std::pair<std::string, std::string>> about_the_catalog;
  const detail::json* object = r.object("sources");
  if (object == nullptr) return about_the_catalog;
  for (const auto& [path, note] : object->items()) {
    const std::string where = detail::join_path("sources", path);
    if (!note.is_string() || note.get_ref<const std::string&>().empty()) {
      r.issues().add(where, "must be a non-empty string, got " + detail::describe_value(note));
    } else if (path_exists(document, path)) {
      sources[path] = note.get<std::string>();
    } else if (path.starts_with("catalog")) {
      about_the_catalog.emplace_back(path, note.get<std::string>());
    } else {
      r.issues().add(where, "names no field of this scenario, got \"" + path + "\"");
    }
  }
  return about_the_catalog;
}

void check_catalog_sources(const std::vector<std::pair<std::string, std::string>>& notes,
                           const Catalog& catalog, std::map<std::string, std::string>& sources,
                           detail::IssueList& issues) {
  if (notes.empty()) return;
  const detail::json written = {{"catalog", detail::write_catalog(catalog)}};
  for (const auto& [path, note] : notes) {
    if (path_exists(written, path)) {
      sources[path] = note;
    } else {
      issues.add(detail::join_path("sources", path),
                 "names no field of this scenario, got \"" + path + "\"");
    }
  }
}

Scenario read_scenario(const detail::json& document, detail::IssueList& issues) {
  using detail::ObjectReader;
  Scenario s;
  ObjectReader r(&document, "", issues, &detail::shapes::kScenario);
  r.identifier("name", s.name);
  r.text("description", s.description);
  const auto catalog_notes = read_sources(r, document, s.sources);
  {
    ObjectReader w(r, "workload");
    if (w.ok()) s.workload = detail::read_workload(w);
    w.finish();
  }
  {
    ObjectReader st(r, "stack");
    if (st.ok()) s.stack = detail::read_stack(st);
    st.finish();
  }
  s.environments =
      detail::read_object_list<Environment>(r, "environments", detail::read_environment);
  detail::check_unique_names(s.environments, "environments", issues);
  {
    ObjectReader c(r, "catalog");
    if (c.ok()) s.catalog = detail::read_catalog(c);
    c.finish();
  }
  check_catalog_sources(catalog_notes, s.catalog, s.sources, issues);
  s.tiers = detail::read_object_list<TierPreset>(r, "tiers", detail::read_tier);
  detail::check_unique_names(s.tiers, "tiers", issues);
  for (std::size_t i = 0; i < s.environments.size(); ++i) {
    std::vector<FieldIssue> deployment;
    detail::add_deployment_issues(s.environments[i], s.catalog,
                                  detail::index_path("environments", i), deployment);
    issues.add(std::move(deployment));
  }
  // Log levels of single components name components of the stack.
  for (std::size_t i = 0; i < s.environments.size(); ++i) {
    for (const auto& [name, level] : s.environments[i].policy.logs.component_levels) {
      bool known = false;
      for (const auto& component : s.stack.components) known = known || component.name == name;
      if (!known && !s.stack.components.empty()) {
        issues.add(detail::index_path("environments", i) + ".policy.logs.component_levels." + name,
                   "must name a component of the stack, got \"" + name + "\"");
      }
    }
  }
  r.finish();
  return s;
}

}  // namespace

Scenario scenario_from_json(const nlohmann::ordered_json& document) {
  detail::IssueList issues;
  if (const auto path = detail::too_deep_path(document)) {
    issues.add(*path, json_nesting_message());
    issues.throw_if_any();
  }
  Scenario scenario = read_scenario(document, issues);
  issues.throw_if_any();
  return scenario;
}

namespace {

// Text input keeps the parser's IssueList, which knows the text of overflowing numbers.
Scenario scenario_from_text(std::string_view text, std::string_view source_name) {
  detail::IssueList issues;
  auto document = detail::parse_document(text, source_name, issues);
  issues.throw_if_any();
  Scenario scenario = read_scenario(*document, issues);
  issues.throw_if_any();
  return scenario;
}

}  // namespace

nlohmann::ordered_json scenario_to_json(const Scenario& s) {
  detail::json environments = detail::json::array();
  for (const auto& e : s.environments) environments.push_back(detail::write_environment(e));
  detail::json tiers = detail::json::array();
  for (const auto& t : s.tiers) tiers.push_back(detail::write_tier(t));
  return {{"name", s.name},
          {"description", s.description},
          {"sources", s.sources},
          {"workload", detail::write_workload(s.workload)},
          {"stack", detail::write_stack(s.stack)},
          {"environments", environments},
          {"catalog", detail::write_catalog(s.catalog)},
          {"tiers", tiers}};
}

Scenario scenario_from_json_string(std::string_view text, std::string_view source_name) {
  return scenario_from_text(text, source_name);
}

Scenario scenario_from_file(const std::filesystem::path& path) {
  std::error_code error;
  std::ifstream in(path, std::ios::binary);
  if (!std::filesystem::is_regular_file(path, error) || !in) {
    throw ValidationError({{path.string(), "cannot read file"}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return scenario_from_json_string(text.str(), path.string());
}

std::string scenario_to_json_string(const Scenario& scenario, int indent) {
  return scenario_to_json(scenario).dump(indent) + "\n";
}

}  // namespace tierplan
