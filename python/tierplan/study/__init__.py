"""Sizing studies in notebooks: the C++ sweeps, uncertainty and sensitivity results as tidy
pandas DataFrames, with a tqdm progress bar on long runs.

The numbers come from the C++ core (tierplan.sweep, tierplan.uncertainty,
tierplan.sensitivity); this module names columns and draws progress. Beside it:
``tierplan.study.frames`` (plans as DataFrames, behind ``Plan.to_frame``) and
``tierplan.study.plots`` (matplotlib figures of plans and studies). pandas, matplotlib and
tqdm are the ``study`` extra (``pip install tierplan[study]``), imported only when used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from tierplan import _core
from tierplan._core import Scenario, SensitivityResult, StudyTable, UncertaintyResult

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[int, int], None]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - exercised only without pandas
        raise ImportError("tierplan studies need pandas: pip install 'tierplan[study]'") from error
    return pandas


def _tqdm() -> Any:
    # tqdm.auto draws a widget in Jupyter, which needs ipywidgets (and warns without it);
    # the text bar works everywhere.
    from importlib.util import find_spec

    if find_spec("ipywidgets") is None:
        from tqdm.std import tqdm
    else:
        from tqdm.auto import tqdm
    return tqdm


def _interactive() -> bool:
    """Whether someone watches the output: stderr is a terminal, or a Jupyter kernel runs
    this (its stderr is a pipe to the notebook)."""
    import sys

    if sys.stderr is not None and sys.stderr.isatty():
        return True
    shell = sys.modules.get("IPython")
    get_ipython = getattr(shell, "get_ipython", None)
    return get_ipython is not None and type(get_ipython()).__name__ == "ZMQInteractiveShell"


@contextmanager
def progress_bar(description: str, enabled: bool = True) -> Iterator[Progress | None]:
    """A progress callback for the study functions that drives a tqdm bar (None when
    disabled, or when nobody watches: stderr is not a terminal and no notebook runs this).
    The bar is drawn at the first report of work done, so a study that finishes before its
    first report draws nothing. The C++ side calls it on the calling thread about ten times
    a second."""
    if not enabled or not _interactive():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if done == 0:
                return
            bar = _tqdm()(desc=description, unit="plan", leave=False, total=total)
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()


def table_to_frame(table: StudyTable) -> pd.DataFrame:
    """A study table as a tidy DataFrame: a row per point, the input fields (named by their
    paths), then every output; ``node_type`` holds the instance type's name (in place of the
    table's node_type_index) and ``error`` the PlanningError of an infeasible point (empty
    when it was planned)."""
    pandas = _pandas()
    frame: pd.DataFrame = pandas.DataFrame(table.values, columns=table.columns)
    frame["feasible"] = frame["feasible"].astype(bool)
    # The instance type by its name, where the table's column holds its index in
    # table.node_types (NaN where the point could not be planned).
    names = list(table.node_types)
    frame.insert(
        list(frame.columns).index("node_type_index"),
        "node_type",
        [names[int(i)] if i == i else "" for i in frame["node_type_index"]],
    )
    frame = frame.drop(columns="node_type_index")
    frame["error"] = list(table.errors)
    frame.attrs["environment"] = table.environment
    frame.attrs["input_columns"] = list(table.columns[: table.input_columns])
    return frame


def sweep_frame(
    scenario: Scenario,
    axes: Sequence[tuple[str, Sequence[float]]],
    *,
    environment: str = "production",
    threads: int = 0,
    progress: bool = True,
) -> pd.DataFrame:
    """tierplan.sweep over a grid of one or more fields, as a tidy DataFrame."""
    with progress_bar(f"sweep {environment}", progress) as update:
        table = _core.sweep(
            scenario, list(axes), environment=environment, threads=threads, progress=update
        )
    return table_to_frame(table)


def percentiles_frame(result: UncertaintyResult) -> pd.DataFrame:
    """The percentiles of every input and output of an uncertainty study: a row per
    percentile level."""
    pandas = _pandas()
    frame: pd.DataFrame = pandas.DataFrame(
        result.percentiles,
        columns=result.samples.columns,
        index=pandas.Index(result.percentile_levels, name="percentile"),
    )
    return frame


def tornado_frame(result: SensitivityResult, output: str | None = None) -> pd.DataFrame:
    """A sensitivity study as a tidy DataFrame for one output (default: the one it was
    ranked by): a row per field (``field`` its canonical path, ``name`` as the study was
    given it), its low and high values, the output at each and the swing, largest swing
    first; ``attrs["change_fraction"]`` is the move of each field."""
    pandas = _pandas()
    name = output or result.rank_by
    column = list(result.columns).index(name)
    frame: pd.DataFrame = pandas.DataFrame(
        {
            "field": list(result.fields),
            "name": list(result.given_fields),
            "base_value": list(result.base_values),
            "low_value": list(result.low_values),
            "high_value": list(result.high_values),
            f"{name}_base": [float(result.base[0, column])] * len(result.fields),
            f"{name}_low": result.low[:, column],
            f"{name}_high": result.high[:, column],
            f"{name}_swing": result.swing[:, column],
        }
    )
    ranked: pd.DataFrame = frame.sort_values(
        f"{name}_swing", ascending=False, kind="stable", ignore_index=True
    )
    ranked.attrs["change_fraction"] = result.change_fraction
    return ranked
