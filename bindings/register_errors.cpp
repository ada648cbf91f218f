#include "bindings.hpp"
#include "tierplan/errors.hpp"

namespace py = pybind11;

namespace tierplan::bindings {

void register_errors(py::module_& /*m*/) {
  // The exception classes are plain Python (tierplan/errors.py); this only converts
  // the C++ exceptions into them, with the issues as (path, message) tuples.
  py::register_exception_translator([](std::exception_ptr pointer) {
    if (!pointer) return;
    try {
      std::rethrow_exception(pointer);
    } catch (const ValidationError& error) {
      py::list issues;
      for (const auto& issue : error.issues()) {
        issues.append(py::make_tuple(issue.path, issue.message));
      }
      py::object type = py::module_::import("tierplan.errors").attr("ValidationError");
      py::object instance = type(error.what(), issues);
      PyErr_SetObject(type.ptr(), instance.ptr());
    } catch (const PlanningError& error) {
      py::object type = py::module_::import("tierplan.errors").attr("PlanningError");
      PyErr_SetString(type.ptr(), error.what());
    }
  });
}

}  // namespace tierplan::bindings
