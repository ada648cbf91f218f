#include "tierplan/catalog.hpp"

#include "io/serialization.hpp"
#include "model/object_shapes.hpp"

namespace tierplan {

const NodeType* Catalog::find(const std::string& name) const {
  for (const auto& node_type : node_types) {
    if (node_type.name == name) return &node_type;
  }
  return nullptr;
}

}  // namespace tierplan

namespace tierplan::detail {

namespace {

NodeType read_node_type(ObjectReader& r) {
  NodeType t;
  r.text("name", t.name);
  r.text("cloud", t.cloud);
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
  read_fields(r, m, kShapeFields);
  r.text("source", m.source);
  r.text("as_of", m.as_of);
  return m;
}

json write_shape(const MachineShape& m) {
  return {{"name", m.name},
          {"vcpu", m.vcpu},
          {"memory_gib", m.memory_gib},
          {"price_usd_per_hour", m.price_usd_per_hour},
          {"source", m.source},
          {"as_of", m.as_of}};
}

namespace {

void read_prices(ObjectReader& r, Prices& prices) {
  for (const auto& price : kPriceKeys) {
    ObjectReader p(r, price.key);
    UnitPrice& out = prices.*price.member;
    p.number(price.amount_key, out.usd, kPriceBounds);
    p.text("source", out.source);
    p.text("as_of", out.as_of);
    p.finish();
  }
}

json write_prices(const Prices& prices) {
  json out = json::object();
  for (const auto& price : kPriceKeys) {
    const UnitPrice& p = prices.*price.member;
    out[std::string(price.key)] = {
        {std::string(price.amount_key), p.usd}, {"source", p.source}, {"as_of", p.as_of}};
  }
  return out;
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
  {
    ObjectReader prices(r, "prices");
    if (prices.ok()) read_prices(prices, c.prices);
    prices.finish();
  }
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
          {"prices", write_prices(c.prices)}};
}

}  // namespace tierplan::detail
