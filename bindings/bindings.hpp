#pragma once
// Shared declarations of the binding files. The bindings convert and document; every
// computation lives in the C++ library.
#include <pybind11/pybind11.h>

#include <vector>

#include "tierplan/calibration.hpp"
#include "tierplan/scenario.hpp"

// Lists of value types are bound as opaque vectors so that
// scenario.stack.components[0].resources.baseline_cpu_m = 300 changes the scenario.
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::RequestClass>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::Component>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::Environment>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::NodeType>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::TierPreset>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::TableModel>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::SizeSegment>)
PYBIND11_MAKE_OPAQUE(std::vector<tierplan::MachineShape>)

namespace tierplan::bindings {

// Value semantics shared by every bound struct: copy, ==, and a pickle-free copy.
template <class T, class... Extra>
pybind11::class_<T, Extra...> value_class(pybind11::module_& m, const char* name, const char* doc) {
  pybind11::class_<T, Extra...> cls(m, name, doc);
  cls.def(pybind11::init<>())
      .def(
          "__eq__", [](const T& a, const T& b) { return a == b; }, pybind11::is_operator())
      .def("__copy__", [](const T& self) { return T(self); })
      .def(
          "__deepcopy__", [](const T& self, pybind11::dict) { return T(self); },
          pybind11::arg("memo"));
  return cls;
}

void register_errors(pybind11::module_& m);
void register_scenario(pybind11::module_& m);
void register_plan(pybind11::module_& m);
void register_study(pybind11::module_& m);
void register_calibration(pybind11::module_& m);

}  // namespace tierplan::bindings
