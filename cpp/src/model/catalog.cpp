#include "tierplan/catalog.hpp"

#include "io/serialization.hpp"
#include "model/choices.hpp"
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

namespace {

// The key an entry is replaced by: its name; the cloud of a prices entry; cloud and name of a
// region.
const std::string& entry_key(const NodeType& t) { return t.name; }
const std::string& entry_key(const MachineShape& m) { return m.name; }
const std::string& entry_key(const Prices& p) { return p.cloud; }
std::string entry_key(const Region& r) { return r.cloud + "/" + r.name; }

template <class T>
void extend_list(std::vector<T>& list, const std::vector<T>& additions) {
  const std::size_t base_size = list.size();
  for (const T& entry : additions) {
    const auto key = entry_key(entry);
    bool replaced = false;
    for (std::size_t i = 0; i < base_size && !replaced; ++i) {
      if (entry_key(list[i]) != key) continue;
      list[i] = entry;
      replaced = true;
    }
    if (!replaced) list.push_back(entry);
  }
}

template <class T>
void add_changes(std::string_view list_name, const std::vector<T>& list,
                 const std::vector<T>& builtin, std::vector<CatalogChange>& changes) {
  const auto find = [](const std::vector<T>& in, const auto& key) -> const T* {
    for (const T& entry : in) {
      if (entry_key(entry) == key) return &entry;
    }
    return nullptr;
  };
  for (const T& entry : list) {
    const T* original = find(builtin, entry_key(entry));
    if (original != nullptr && *original == entry) continue;
    changes.push_back({std::string(list_name), std::string(entry_key(entry)),
                       original != nullptr ? "overridden" : "added"});
  }
  for (const T& entry : builtin) {
    if (find(list, entry_key(entry)) == nullptr) {
      changes.push_back({std::string(list_name), std::string(entry_key(entry)), "removed"});
    }
  }
}

}  // namespace

Catalog extend_catalog(const Catalog& base, const Catalog& additions) {
  Catalog out = base;
  extend_list(out.node_types, additions.node_types);
  extend_list(out.database_shapes, additions.database_shapes);
  extend_list(out.vector_store_shapes, additions.vector_store_shapes);
  extend_list(out.cache_shapes, additions.cache_shapes);
  if (!additions.datastore_source.empty()) out.datastore_source = additions.datastore_source;
  extend_list(out.prices, additions.prices);
  extend_list(out.regions, additions.regions);
  return out;
}

std::vector<CatalogChange> catalog_changes(const Catalog& catalog) {
  const Catalog& builtin = builtin_catalog();
  std::vector<CatalogChange> changes;
  add_changes("node_types", catalog.node_types, builtin.node_types, changes);
  add_changes("database_shapes", catalog.database_shapes, builtin.database_shapes, changes);
  add_changes("vector_store_shapes", catalog.vector_store_shapes, builtin.vector_store_shapes,
              changes);
  add_changes("cache_shapes", catalog.cache_shapes, builtin.cache_shapes, changes);
  add_changes("prices", catalog.prices, builtin.prices, changes);
  add_changes("regions", catalog.regions, builtin.regions, changes);
  return changes;
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
  r.boolean("burstable", m.burstable);
  r.text("source", m.source);
  r.text("as_of", m.as_of);
  return m;
}

json write_shape(const MachineShape& m) {
  json shape = {{"name", m.name},
                {"cloud", m.cloud},
                {"vcpu", m.vcpu},
                {"memory_gib", m.memory_gib},
                {"price_usd_per_hour", m.price_usd_per_hour}};
  // Written only when set, as the catalog files mark only the burstable classes and the
  // services whose replicated offering is priced on its own.
  if (m.replicated_price_usd_per_hour != 0.0) {
    shape["replicated_price_usd_per_hour"] = m.replicated_price_usd_per_hour;
  }
  if (m.burstable) shape["burstable"] = true;
  shape["source"] = m.source;
  shape["as_of"] = m.as_of;
  return shape;
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
  for (const auto& figure : kSourcedValueKeys) {
    ObjectReader p(r, figure.key);
    SourcedValue& out = prices.*figure.member;
    p.number(figure.amount_key, out.value, figure.bounds);
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
  for (const auto& figure : kSourcedValueKeys) {
    const SourcedValue& v = prices.*figure.member;
    out[std::string(figure.key)] = {
        {std::string(figure.amount_key), v.value}, {"source", v.source}, {"as_of", v.as_of}};
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

// A catalog's own entries, as written, checked list by list.
Catalog read_catalog_entries(ObjectReader& r) {
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

// Whatever it extends, a catalog ends up with node types and prices to plan with; which
// environment lacks what of its cloud is said per environment (add_deployment_issues).
void check_not_empty(ObjectReader& r, const Catalog& merged) {
  const std::pair<bool, const char*> needed[] = {{merged.node_types.empty(), "node_types"},
                                                 {merged.prices.empty(), "prices"}};
  for (const auto& [empty, key] : needed) {
    if (!empty) continue;
    const std::string noun = std::string_view(key) == "prices" ? "cloud's prices" : "node type";
    r.issues().add(join_path(r.path(), key),
                   r.has(key) ? "must list at least one " + noun + ", got []"
                              : "required key is missing (\"extends\": \"none\", so nothing "
                                "comes from the built-in catalog)");
  }
}

}  // namespace

Catalog read_catalog(ObjectReader& r) {
  CatalogBase base = CatalogBase::builtin;
  r.choice("extends", base, kCatalogBases);
  Catalog own = read_catalog_entries(r);
  if (base == CatalogBase::none) {
    check_not_empty(r, own);
    return own;
  }
  return extend_catalog(builtin_catalog(), own);
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
  // The whole catalog, extending nothing: a saved scenario plans the same wherever it is read,
  // whatever built-in catalog that tierplan ships, and reads back to an equal Scenario.
  return {{"extends", choice_name(CatalogBase::none, kCatalogBases)},
          {"node_types", node_types},
          {"database_shapes", database_shapes},
          {"vector_store_shapes", vector_store_shapes},
          {"cache_shapes", cache_shapes},
          {"datastore_source", c.datastore_source},
          {"prices", prices},
          {"regions", regions}};
}

}  // namespace tierplan::detail
