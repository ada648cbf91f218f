#include "json_convert.hpp"

#include <string>

#include "tierplan/errors.hpp"
#include "tierplan/json.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

namespace {

// repr of a value as a message shows it: cut to the length describe_value() keeps.
std::string short_repr(py::handle object) {
  std::string text = py::repr(object).cast<std::string>();
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown - 3) + "...";
  return text;
}

}  // namespace

std::string utf8_text(py::handle text, const std::string& path) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();
    throw ValidationError(
        {{path.empty() ? "$" : path,
          "must be text that UTF-8 can hold (a lone surrogate cannot), got " + short_repr(text)}});
  }
  return {data, static_cast<std::size_t>(size)};
}

nlohmann::ordered_json to_json(py::handle object, const std::string& path, std::size_t depth) {
  const std::string where = path.empty() ? "$" : path;
  if (object.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(object)) return object.cast<bool>();
  if (py::isinstance<py::int_>(object)) {
    try {
      return object.cast<long long>();
    } catch (const py::cast_error&) {
      return object.cast<double>();  // beyond 64 bits: validation reports it as too large
    }
  }
  if (py::isinstance<py::float_>(object)) return object.cast<double>();
  // numpy and other numeric types (np.int64, np.float32) register with numbers.
  const py::module_ numbers = py::module_::import("numbers");
  if (py::isinstance(object, numbers.attr("Integral"))) {
    return to_json(py::reinterpret_steal<py::object>(PyNumber_Index(object.ptr())), path);
  }
  if (py::isinstance(object, numbers.attr("Real"))) return object.cast<double>();
  if (py::isinstance<py::str>(object)) return utf8_text(object, where);
  const bool is_list = py::isinstance<py::list>(object) || py::isinstance<py::tuple>(object);
  if ((is_list || py::isinstance<py::dict>(object)) && depth > kMaxJsonNestingDepth) {
    throw ValidationError({{where, json_nesting_message()}});
  }
  if (py::isinstance<py::dict>(object)) {
    nlohmann::ordered_json result = nlohmann::ordered_json::object();
    for (const auto& [key, value] : object.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key)) {
        throw py::type_error(where + ": keys must be strings, got " + short_repr(key));
      }
      const std::string name = utf8_text(key, where);
      result[name] = to_json(value, path.empty() ? name : path + "." + name, depth + 1);
    }
    return result;
  }
  if (is_list) {
    nlohmann::ordered_json result = nlohmann::ordered_json::array();
    std::size_t index = 0;
    for (const auto& item : object) {
      result.push_back(to_json(item, path + "[" + std::to_string(index++) + "]", depth + 1));
    }
    return result;
  }
  throw py::type_error(where + ": cannot be converted to JSON, got " + short_repr(object));
}

py::object from_json(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::null:
      return py::none();
    case nlohmann::ordered_json::value_t::boolean:
      return py::bool_(value.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return py::int_(value.get<long long>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return py::int_(value.get<unsigned long long>());
    case nlohmann::ordered_json::value_t::number_float:
      return py::float_(value.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return py::str(value.get_ref<const std::string&>());
    case nlohmann::ordered_json::value_t::array: {
      py::list result;
      for (const auto& item : value) result.append(from_json(item));
      return result;
    }
    case nlohmann::ordered_json::value_t::object: {
      py::dict result;
      for (const auto& [key, item] : value.items()) result[py::str(key)] = from_json(item);
      return result;
    }
    default:
      throw py::type_error("unsupported JSON value");
  }
}

}  // namespace tierplan::bindings
