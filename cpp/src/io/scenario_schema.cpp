// The JSON Schema (draft 2020-12) of a scenario document, generated from the shapes of
// model/object_shapes.hpp, whose numeric keys are the field table's (model/field_table.hpp):
// the schema and the reader share one declaration of every key, bound, unit and choice.
// data/schema/scenario.schema.json is this function's output (make schema; a test compares).
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/object_shapes.hpp"
#include "tierplan/validation.hpp"

namespace tierplan {

namespace {

using detail::json;
using detail::KeyField;
using detail::KeyKind;
using detail::Need;
using detail::ObjectShape;

// What is_identifier (model/field_rules.cpp) accepts.
constexpr std::string_view kIdentifierPattern = "^[a-z0-9_-]+$";
// Whole numbers below 2^53 are exact in a double; they are written without a fraction.
constexpr double kMaxExactWhole = 9007199254740992.0;

json number_value(double value) {
  if (std::trunc(value) == value && std::fabs(value) < kMaxExactWhole) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

std::string ref_to(const ObjectShape& shape) { return "#/$defs/" + std::string(shape.name); }

json value_schema(KeyKind kind, std::span<const std::string_view> options) {
  switch (kind) {
    case KeyKind::boolean:
      return {{"type", "boolean"}};
    case KeyKind::text:
      return {{"type", "string"}};
    case KeyKind::nonempty_text:
      return {{"type", "string"}, {"minLength", 1}};
    case KeyKind::identifier:
      return {{"type", "string"}, {"pattern", kIdentifierPattern}};
    case KeyKind::choice: {
      json names = json::array();
      for (const std::string_view name : options) names.push_back(name);
      return {{"enum", names}};
    }
    default:
      throw std::logic_error("value_schema: not a value kind");
  }
}

json number_schema(const KeyField& field) {
  const auto& bounds = field.bounds;
  json out = {{"type", bounds.integer ? "integer" : "number"}};
  if (std::isfinite(bounds.min)) {
    out[bounds.min_exclusive ? "exclusiveMinimum" : "minimum"] = number_value(bounds.min);
  }
  if (std::isfinite(bounds.max)) out["maximum"] = number_value(bounds.max);
  out["description"] = "unit: " + std::string(field.unit);
  return out;
}

json object_reference(const ObjectShape* shape) {
  if (shape == nullptr) return {{"type", "object"}};
  return {{"$ref", ref_to(*shape)}};
}

json key_schema(const KeyField& field) {
  json out;
  switch (field.kind) {
    case KeyKind::number:
      return number_schema(field);
    case KeyKind::object:
      out = object_reference(field.shape);
      break;
    case KeyKind::list:
      out = {{"type", "array"}, {"items", object_reference(field.shape)}};
      if (!field.item_noun.empty()) out["minItems"] = 1;
      break;
    case KeyKind::map:
      out = {{"type", "object"},
             {"additionalProperties", value_schema(field.value_kind, field.options)}};
      break;
    default:
      out = value_schema(field.kind, field.options);
  }
  if (!field.description.empty()) out["description"] = field.description;
  return out;
}

json shape_schema(const ObjectShape& shape) {
  json properties = json::object();
  json required = json::array();
  for (const KeyField& field : shape.keys) {
    properties[std::string(field.key)] = key_schema(field);
    if (field.need == Need::required) required.push_back(field.key);
  }
  json out = {{"type", "object"}, {"description", shape.description}};
  out["properties"] = std::move(properties);
  if (!required.empty()) out["required"] = std::move(required);
  out["additionalProperties"] = false;
  if (!shape.exactly_one_of.empty()) {
    json one_of = json::array();
    for (const std::string_view key : shape.exactly_one_of) {
      one_of.push_back({{"required", {key}}});
    }
    out["oneOf"] = std::move(one_of);
  }
  return out;
}

// Every shape reachable from root but root, each once, in the order first met.
void collect_shapes(const ObjectShape& shape, std::vector<const ObjectShape*>& found) {
  for (const KeyField& field : shape.keys) {
    const ObjectShape* child = field.shape;
    if (child == nullptr) continue;
    bool seen = false;
    for (const ObjectShape* known : found) {
      if (known == child) seen = true;
      if (known != child && known->name == child->name) {
        throw std::logic_error("two shapes are named " + std::string(child->name));
      }
    }
    if (seen) continue;
    found.push_back(child);
    collect_shapes(*child, found);
  }
}

}  // namespace

std::string scenario_json_schema() {
  const ObjectShape& root = detail::shapes::kScenario;
  json schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                 {"$id", "urn:tierplan:schema:scenario:1"},
                 {"title", "tierplan scenario"}};
  json body = shape_schema(root);
  for (auto& [key, value] : body.items()) schema[key] = std::move(value);
  std::vector<const ObjectShape*> shapes;
  collect_shapes(root, shapes);
  json defs = json::object();
  for (const ObjectShape* shape : shapes) defs[std::string(shape->name)] = shape_schema(*shape);
  schema["$defs"] = std::move(defs);
  return schema.dump(2) + "\n";
}

}  // namespace tierplan
