"""A plain tidy CSV, one row per sample, for measurements from anywhere else:

    timestamp_s,component,rate_per_s,cpu_cores,memory_mib,latency_s,in_flight
    1700000000,api,12.5,0.41,812,0.094,1.2

``timestamp_s`` and ``component`` are required; every other column is optional, and one that
is present needs a value in every row. A ``series`` column names the replica (pod) a row is
of; without it each component is one series.
"""

from __future__ import annotations

import difflib
import os

from tierplan._core import MeasurementSeries, validate_measurements
from tierplan.calibration._issues import Issues, read_csv

REQUIRED = ("timestamp_s", "component")
MEASURED = ("rate_per_s", "users", "in_flight", "cpu_cores", "memory_mib", "latency_s")
KNOWN = (*REQUIRED, "series", *MEASURED)


def _check_header(file: str, header: list[str], issues: Issues) -> None:
    for column in REQUIRED:
        if column not in header:
            issues.add(file, f"has no column {column!r}")
    for column in header:
        if column not in KNOWN:
            near = difflib.get_close_matches(column, KNOWN, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            issues.add(file, f"has an unknown column {column!r}{hint}")


def read_tidy_csv(path: str | os.PathLike[str]) -> list[MeasurementSeries]:
    """One series per (component, series) in order of first appearance.

    Raises ValidationError naming the file, line and column of every problem (a missing or
    unknown column, an empty cell, a value that is not a finite number), then those of the
    series (negative values, timestamps out of order within a series), and SourceError when
    the file cannot be read.
    """
    file, reader = read_csv(path)
    header = list(reader.fieldnames or [])
    issues = Issues()
    _check_header(file, header, issues)
    issues.raise_if_any()
    measured = [c for c in MEASURED if c in header]
    columns: dict[tuple[str, str], dict[str, list[float]]] = {}
    for line, row in enumerate(reader, start=2):
        component = (row.get("component") or "").strip()
        if not component:
            issues.add(f"{file}:{line}: component", "is empty")
            continue
        key = (component, (row.get("series") or "").strip())
        values = columns.setdefault(key, {c: [] for c in ("timestamp_s", *measured)})
        for column in ("timestamp_s", *measured):
            cell = (row.get(column) or "").strip()
            if not cell:
                issues.add(f"{file}:{line}: {column}", "is empty")
            values[column].append(issues.number(cell, f"{file}:{line}: {column}") if cell else 0)
    if not columns and not issues.items:
        issues.add(file, "has no rows: the series is empty")
    issues.raise_if_any()
    result = []
    for (component, name), values in columns.items():
        source = f"{file} ({component}{', ' + name if name else ''})"
        series = MeasurementSeries(component, source, values["timestamp_s"])
        for column in measured:
            setattr(series, column, values[column])
        result.append(series)
    validate_measurements(result)
    return result
