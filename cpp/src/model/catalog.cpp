#include "tierplan/catalog.hpp"

#include "io/serialization.hpp"
#include "model/field_rules.hpp"
#include "model/object_shapes.hpp"

namespace tierplan {

const NodeType* Catalog::find(const std::string& name) const {
  for (const auto& node_type : node_types) {
    if (node_type.name == name) return &node_type;
  }
  return nullptr;
}

const Prices* Catalog::prices_for(std::string_view cloud) const {
  for (const auto& entry : prices) {
    if (entry.cloud == cloud) return &entry;
  }
  return nullptr;
}

const Region* Catalog::find_region(std::string_view cloud, std::string_view name) const {
  for (const auto& region : regions) {
    if (region.cloud == cloud && region.name == name) return &region;
  }
  return nullptr;
}

double Catalog::price_factor(std::string_view cloud, std::string_view region) const {
  if (region.empty()) return 1.0;
  const Region* found = find_region(cloud, region);
  return found != nullptr ? found->price_factor : 1.0;
}

}  // namespace tierplan

namespace tierplan::detail {

namespace {

// A cloud name of a catalog entry: one of the environments' clouds (model/choices.hpp).
void read_cloud(ObjectReader& r, std::string& cloud) {
  r.text("cloud", cloud);
  if (cloud.empty()) return;  // the reader said it is empty
  if (auto why = cloud_name_issue(cloud)) r.issues().add(join_path(r.path(), "cloud"), *why);
}

NodeType read_node_type(ObjectReader& r) {
  NodeType t;
  r.text("name", t.name);
  read_cloud(r, t.cloud);
  read_fields(r, t, kNodeTypeFields);
  r.text("source", t.source);
  r.text("as_of", t.as_of);
  return t;
}

json write_node_type(const NodeType& t) {
  return {{"name", t.name},         {"cloud", t.cloud},
          {"vcpu", t.vcpu},         {"memory_gib", t.memory_gib},
          {"max_pods", t.max_pods}, {"price_usd_per_hour", t.price_usd_per_hour},
          {"source", t.source},     {"as_of", t.as_of}};
}

}  // namespace

MachineShape read_shape(ObjectReader& r) {
  MachineShape m;
  r.text("name", m.name);
  read_cloud(r, m.cloud);
  read_fields(r, m, kShapeFields);
  r.text("source", m.source);
  r.text("as_of", m.as_of);
  return m;
}

json write_shape(const MachineShape& m) {
  return {{"name", m.name},
          {"cloud", m.cloud},
          {"vcpu", m.vcpu},
          {"memory_gib", m.memory_gib},
          {"price_usd_per_hour", m.price_usd_per_hour},
          {"source", m.source},
          {"as_of", m.as_of}};
}

namespace {

Prices read_prices(ObjectReader& r) {
  Prices prices;
  read_cloud(r, prices.cloud);
  r.text("region", prices.region);
  for (const auto& price : kPriceKeys) {
    ObjectReader p(r, price.key);
    UnitPrice& out = prices.*price.member;
    p.number(price.amount_key, out.usd, kPriceBounds);
    p.text("source", out.source);
    p.text("as_of", out.as_of);
    p.finish();
  }
  return prices;
}

json write_prices(const Prices& prices) {
  json out = {{"cloud", prices.cloud}, {"region", prices.region}};
  for (const auto& price : kPriceKeys) {
    const UnitPrice& p = prices.*price.member;
    out[std::string(price.key)] = {
        {std::string(price.amount_key), p.usd}, {"source", p.source}, {"as_of", p.as_of}};
  }
  return out;
}

Region read_region(ObjectReader& r) {
  Region region;
  read_cloud(r, region.cloud);
  r.text("name", region.name);
  read_fields(r, region, kRegionFields);
  r.text("source", region.source);
  r.text("as_of", region.as_of);
  return region;
}

// One prices entry per cloud.
void check_unique_clouds(const std::vector<Prices>& prices, const std::string& path,
                         IssueList& issues) {
  for (std::size_t i = 0; i < prices.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (prices[i].cloud.empty() || prices[i].cloud != prices[j].cloud) continue;
      issues.add(index_path(path, i) + ".cloud", "duplicate cloud, also listed at " +
                                                     index_path(path, j) + ", got \"" +
                                                     prices[i].cloud + "\"");
    }
  }
}

}  // namespace

Catalog read_catalog(ObjectReader& r) {
  Catalog c;
  c.node_types = read_object_list<NodeType>(r, "node_types", read_node_type);
  check_unique_names(c.node_types, join_path(r.path(), "node_types"), r.issues());
  for (const auto* key : {"database_shapes", "vector_store_shapes", "cache_shapes"}) {
    auto shapes = read_object_list<MachineShape>(r, key, read_shape);
    check_unique_names(shapes, join_path(r.path(), key), r.issues());
    const std::string_view name(key);
    (name == "database_shapes"       ? c.database_shapes
     : name == "vector_store_shapes" ? c.vector_store_shapes
                                     : c.cache_shapes) = std::move(shapes);
  }
  r.text("datastore_source", c.datastore_source);
  c.prices = read_object_list<Prices>(r, "prices", read_prices);
  check_unique_clouds(c.prices, join_path(r.path(), "prices"), r.issues());
  c.regions = read_object_list<Region>(r, "regions", read_region);
  return c;
}

TierPreset read_tier(ObjectReader& r) {
  TierPreset t;
  r.identifier("name", t.name);
  r.text("description", t.description);
  read_fields(r, t, kTierFields);
  r.text("source", t.source);
  return t;
}

json write_tier(const TierPreset& t) {
  return {{"name", t.name},
          {"description", t.description},
          {"node_vcpu", t.node_vcpu},
          {"node_memory_gib", t.node_memory_gib},
          {"node_count", t.node_count},
          {"source", t.source}};
}

json write_catalog(const Catalog& c) {
  json prices = json::array();
  for (const auto& p : c.prices) prices.push_back(write_prices(p));
  json regions = json::array();
  for (const auto& region : c.regions) {
    regions.push_back({{"cloud", region.cloud},
                       {"name", region.name},
                       {"price_factor", region.price_factor},
                       {"source", region.source},
                       {"as_of", region.as_of}});
  }
  json node_types = json::array();
  for (const auto& t : c.node_types) node_types.push_back(write_node_type(t));
  json database_shapes = json::array();
  for (const auto& m : c.database_shapes) database_shapes.push_back(write_shape(m));
  json vector_store_shapes = json::array();
  for (const auto& m : c.vector_store_shapes) vector_store_shapes.push_back(write_shape(m));
  json cache_shapes = json::array();
  for (const auto& m : c.cache_shapes) cache_shapes.push_back(write_shape(m));
  return {{"node_types", node_types},
          {"database_shapes", database_shapes},
          {"vector_store_shapes", vector_store_shapes},
          {"cache_shapes", cache_shapes},
          {"datastore_source", c.datastore_source},
          {"prices", prices},
          {"regions", regions}};
}

}  // namespace tierplan::detail
