"""Presentation methods of the compiled result classes (and of ``Comparison``), attached
from Python.

The C++ core computes plans and study tables and knows nothing of pandas or HTML; the
methods a notebook user calls on them (``Plan.to_frame``, ``_repr_html_``,
``StudyTable.to_frame``) are plain functions of this module, set onto the pybind11 classes
when the package is imported (``tierplan/__init__.py`` calls ``attach``). Importing
``tierplan._core`` always imports the package first, so they are there however the classes
are reached.

Typed users see them in ``_core.pyi``: pybind11-stubgen imports ``tierplan._core`` through
the package, finds these functions on the classes and writes their signatures and
docstrings from the annotations here, so the checked-in stub stays a generated file. The
docstrings are one line each: a stub must not change with the Python version, and 3.13
strips the indentation of docstring lines that earlier versions keep.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tierplan._core import EnvironmentPlan, Plan, StudyTable
from tierplan._names import attach as attach_names
from tierplan._reprs import DESCRIBE, repr_of
from tierplan.reports.comparison import Comparison
from tierplan.reports.html import plan_html, render_html_fragment
from tierplan.study import table_to_frame
from tierplan.study.frames import plan_to_frame

if TYPE_CHECKING:
    import pandas


def plan_frame(self: Plan, table: str = "components") -> pandas.DataFrame:
    """One table of the plan as a tidy pandas DataFrame: "components", "nodes" or "datastores" (tierplan.study.frames.plan_to_frame)."""  # noqa: E501
    return plan_to_frame(self, table)


def environment_plan_frame(self: EnvironmentPlan, table: str = "components") -> pandas.DataFrame:
    """One table of the plan as a tidy pandas DataFrame: "components", "nodes" or "datastores" (tierplan.study.frames.plan_to_frame)."""  # noqa: E501
    return plan_to_frame(self, table)


def plan_repr_html(self: Plan) -> str:
    """Rich display in Jupyter: the environments side by side (tierplan.reports.html)."""
    return plan_html(self)


def environment_plan_repr_html(self: EnvironmentPlan) -> str:
    """Rich display in Jupyter: the environments side by side (tierplan.reports.html)."""
    return plan_html(self)


def study_table_frame(self: StudyTable) -> pandas.DataFrame:
    """The table as a tidy pandas DataFrame (tierplan.study.table_to_frame)."""
    return table_to_frame(self)


METHODS: tuple[tuple[type, str, Callable[..., Any]], ...] = (
    (Plan, "to_frame", plan_frame),
    (Plan, "_repr_html_", plan_repr_html),
    (EnvironmentPlan, "to_frame", environment_plan_frame),
    (EnvironmentPlan, "_repr_html_", environment_plan_repr_html),
    (StudyTable, "to_frame", study_table_frame),
    # The comparison is the model the renderers draw from: it cannot import the HTML
    # renderer that imports it, so its notebook display is attached here as well.
    (Comparison, "_repr_html_", render_html_fragment),
)


def attach() -> None:
    """Set each function of ``METHODS`` onto its class, as a method of that name, the
    ``__repr__`` of each plan and price type (tierplan._reprs), and the plan JSON's names
    with the old ones as deprecated aliases (tierplan._names)."""
    for cls, name, function in METHODS:
        setattr(cls, name, function)
    for cls, describe in DESCRIBE:
        cls.__repr__ = repr_of(cls, describe)  # type: ignore[method-assign, assignment]
    attach_names()
