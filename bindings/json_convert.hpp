#pragma once
// Python objects <-> nlohmann::ordered_json, so that dicts reach the same validation as
// JSON text (a float('nan') keeps its path instead of failing as a syntax error).
#include <pybind11/pybind11.h>

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace tierplan::bindings {

// depth: the nesting level of object (the document is level 1). Nesting deeper than
// kMaxJsonNestingDepth (tierplan/json.hpp), a list that contains itself included, is a
// ValidationError naming the path, as it is for JSON text.
nlohmann::ordered_json to_json(pybind11::handle object, const std::string& path = "",
                               std::size_t depth = 1);
pybind11::object from_json(const nlohmann::ordered_json& value);

// The UTF-8 of a Python str; a str that has none (a lone surrogate such as "\ud800") is a
// ValidationError at path, not a RuntimeError or a TypeError.
std::string utf8_text(pybind11::handle text, const std::string& path);

// A str argument read through utf8_text: a bad path or document text is reported as
// invalid input, like every other problem with it.
struct Utf8Text {
  std::string value;
};

}  // namespace tierplan::bindings

namespace pybind11::detail {

template <>
struct type_caster<tierplan::bindings::Utf8Text> {
  PYBIND11_TYPE_CASTER(tierplan::bindings::Utf8Text, const_name("str"));
  bool load(handle source, bool /*convert*/) {
    if (!PyUnicode_Check(source.ptr())) return false;
    value.value = tierplan::bindings::utf8_text(source, "$");
    return true;
  }
  static handle cast(const tierplan::bindings::Utf8Text& text, return_value_policy, handle) {
    return PyUnicode_DecodeUTF8(text.value.data(), static_cast<Py_ssize_t>(text.value.size()),
                                nullptr);
  }
};

}  // namespace pybind11::detail
