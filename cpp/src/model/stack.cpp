#include "tierplan/stack.hpp"

#include "io/serialization.hpp"
#include "model/object_shapes.hpp"

namespace tierplan {

namespace {
using detail::kDatastoreKinds;
using detail::kDrivers;
using detail::kKinds;
}  // namespace

std::string to_string(DatastoreKind kind) {
  return std::string(detail::choice_name(kind, detail::kDatastoreKinds));
}
std::string to_string(ComponentKind kind) { return std::string(detail::choice_name(kind, kKinds)); }
std::string to_string(LoadDriver driver) {
  return std::string(detail::choice_name(driver, kDrivers));
}

std::vector<const Component*> Stack::deployed_components() const {
  std::vector<const Component*> deployed;
  deployed.reserve(components.size());
  for (const auto& component : components) {
    if (component.since_chart_version <= chart_version) deployed.push_back(&component);
  }
  return deployed;
}

}  // namespace tierplan

namespace tierplan::detail {

namespace {

void read_lines(ObjectReader& r, LinesByLevel& lines) { read_fields(r, lines, kLinesFields); }

json write_lines(const LinesByLevel& lines) {
  return {{"debug", lines.debug},
          {"info", lines.info},
          {"warning", lines.warning},
          {"error", lines.error}};
}

void read_logging(ObjectReader& r, ComponentLogging& l) {
  for (const auto* key : {"lines_per_unit", "lines_per_replica_per_hour"}) {
    ObjectReader lines(r, key);
    read_lines(lines, std::string_view(key) == "lines_per_unit" ? l.lines_per_unit
                                                                : l.lines_per_replica_per_hour);
    lines.finish();
  }
  read_fields(r, l, kLoggingFields);
}

json write_logging(const ComponentLogging& l) {
  return {{"lines_per_unit", write_lines(l.lines_per_unit)},
          {"lines_per_replica_per_hour", write_lines(l.lines_per_replica_per_hour)},
          {"bytes_per_line", l.bytes_per_line},
          {"access_lines_per_unit", l.access_lines_per_unit},
          {"access_bytes_per_line", l.access_bytes_per_line},
          {"audit_lines_per_unit", l.audit_lines_per_unit},
          {"audit_bytes_per_line", l.audit_bytes_per_line}};
}

Component read_component(ObjectReader& r) {
  Component c;
  r.identifier("name", c.name);
  r.text("helm_key", c.helm_key);
  r.choice("kind", c.kind, kKinds);
  r.choice("load_driver", c.load_driver, kDrivers);
  read_fields(r, c, kComponentFields);
  {
    ObjectReader res(r, "resources");
    auto& m = c.resources;
    read_fields(res, m, kResourceFields);
    res.finish();
  }
  {
    ObjectReader measured(r, "measured_load");
    if (measured.ok()) read_fields(measured, c.measured_load.emplace(), kMeasuredLoadFields);
    measured.finish();
  }
  r.boolean("scales_horizontally", c.scales_horizontally);
  {
    ObjectReader logging(r, "logging");
    if (logging.ok()) read_logging(logging, c.logging);
    logging.finish();
  }
  r.text("source", c.source);
  r.choice("in_cluster_for", c.in_cluster_for, detail::kDatastoreKinds);
  if (c.kind == ComponentKind::singleton && c.scales_horizontally && r.has("scales_horizontally")) {
    r.issues().add(join_path(r.path(), "scales_horizontally"),
                   "must be false for a singleton, got true");
  }
  if (c.kind == ComponentKind::singleton) c.scales_horizontally = false;
  return c;
}

json write_component(const Component& c) {
  const auto& m = c.resources;
  json out = {{"name", c.name},
              {"helm_key", c.helm_key},
              {"kind", choice_name(c.kind, kKinds)},
              {"load_driver", choice_name(c.load_driver, kDrivers)},
              {"concurrency_per_replica", c.concurrency_per_replica},
              {"max_connections_per_replica", c.max_connections_per_replica},
              {"service_time_ms", c.service_time_ms},
              {"resources",
               {{"baseline_cpu_m", m.baseline_cpu_m},
                {"baseline_memory_mib", m.baseline_memory_mib},
                {"cpu_m_per_rate_per_s", m.cpu_m_per_rate_per_s},
                {"memory_mib_per_rate_per_s", m.memory_mib_per_rate_per_s},
                {"memory_mib_per_concurrent", m.memory_mib_per_concurrent}}},
              {"scales_horizontally", c.scales_horizontally},
              {"db_pool_size", c.db_pool_size},
              {"db_max_overflow", c.db_max_overflow},
              {"since_chart_version", c.since_chart_version},
              {"logging", write_logging(c.logging)},
              {"source", c.source},
              {"in_cluster_for", choice_name(c.in_cluster_for, kDatastoreKinds)}};
  if (c.measured_load) {
    out["measured_load"] = {{"max_rate_per_s", c.measured_load->max_rate_per_s},
                            {"warn_beyond_multiple", c.measured_load->warn_beyond_multiple}};
  }
  return out;
}

}  // namespace

Stack read_stack(ObjectReader& r) {
  Stack s;
  r.identifier("name", s.name);
  read_fields(r, s, kStackFields);
  s.components = read_object_list<Component>(r, "components", read_component);
  check_unique_names(s.components, join_path(r.path(), "components"), r.issues());
  {
    ObjectReader datastores(r, "datastores");
    if (datastores.ok()) s.datastores = read_datastore_model(datastores);
    datastores.finish();
  }
  return s;
}

json write_stack(const Stack& s) {
  json components = json::array();
  for (const auto& c : s.components) components.push_back(write_component(c));
  return {{"name", s.name},
          {"chart_version", s.chart_version},
          {"limit_to_request_ratio", s.limit_to_request_ratio},
          {"components", components},
          {"datastores", write_datastore_model(s.datastores)}};
}

}  // namespace tierplan::detail
