#pragma once
// Shared declarations of the binding files. The bindings convert and document; every
// computation lives in the C++ library.
#include <pybind11/pybind11.h>

#include <vector>

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

void register_errors(pybind11::module_& m);
void register_scenario(pybind11::module_& m);
void register_plan(pybind11::module_& m);
void register_study(pybind11::module_& m);

}  // namespace tierplan::bindings
