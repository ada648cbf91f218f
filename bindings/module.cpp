// tierplan._core: the C++ library seen from Python. One register_* call per domain.
#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "tierplan C++ core: scenario model, planner and sizing studies.";
  m.attr("__version__") = TIERPLAN_VERSION;
  tierplan::bindings::register_errors(m);
  tierplan::bindings::register_scenario(m);
  tierplan::bindings::register_plan(m);
  tierplan::bindings::register_study(m);
  tierplan::bindings::register_calibration(m);
}
