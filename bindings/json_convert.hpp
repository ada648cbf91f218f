#pragma once
// Python objects <-> nlohmann::ordered_json, so that dicts reach the same validation as
// JSON text (a float('nan') keeps its path instead of failing as a syntax error).
#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

namespace tierplan::bindings {

nlohmann::ordered_json to_json(pybind11::handle object, const std::string& path = "");
pybind11::object from_json(const nlohmann::ordered_json& value);

}  // namespace tierplan::bindings
