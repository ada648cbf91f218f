#include <pybind11/stl.h>

#include "bindings.hpp"
#include "tierplan/errors.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

void register_errors(py::module_& m) {
  // Created here as plain Python exception classes; the translator below raises
  // them with the C++ issues attached as (path, message) tuples.
  py::object validation_error = py::reinterpret_steal<py::object>(
      PyErr_NewExceptionWithDoc("tierplan.ValidationError",
                                "Invalid input. `issues` lists every (path, message) found.",
                                PyExc_ValueError, nullptr));
  py::object planning_error = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "tierplan.PlanningError", "A valid scenario that no plan can satisfy.", PyExc_RuntimeError,
      nullptr));
  m.attr("ValidationError") = validation_error;
  m.attr("PlanningError") = planning_error;

  py::register_exception_translator([](std::exception_ptr pointer) {
    if (!pointer) return;
    try {
      std::rethrow_exception(pointer);
    } catch (const ValidationError& error) {
      py::object type = py::module_::import("tierplan._core").attr("ValidationError");
      py::list issues;
      for (const auto& issue : error.issues()) issues.append(py::make_tuple(issue.path, issue.message));
      py::object instance = type(error.what());
      instance.attr("issues") = issues;
      PyErr_SetObject(type.ptr(), instance.ptr());
    } catch (const PlanningError& error) {
      py::object type = py::module_::import("tierplan._core").attr("PlanningError");
      PyErr_SetString(type.ptr(), error.what());
    }
  });
}

}  // namespace tierplan::bindings
