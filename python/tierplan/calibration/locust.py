"""Locust's ``--csv`` history (``<prefix>_stats_history.csv``): user count, throughput and
latency of a load test, as one measurement series of the component under test."""

from __future__ import annotations

import os

from tierplan._core import MeasurementSeries, validate_measurements
from tierplan.calibration._issues import Issues, read_csv

# Columns of Locust's stats history (locust/stats.py, stats_history_csv header).
_TIMESTAMP = "Timestamp"
_USERS = "User Count"
_NAME = "Name"
_RATE = "Requests/s"


def read_locust(
    path: str | os.PathLike[str],
    *,
    component: str = "api",
    name: str = "Aggregated",
    latency_column: str = "50%",
) -> MeasurementSeries:
    """The rows of ``name`` (default: Locust's ``Aggregated`` row) as the series of
    ``component``: users from ``User Count``, rate_per_s from ``Requests/s``, latency_s from
    ``latency_column`` in milliseconds. Locust writes no windowed mean response time (its
    ``Total Average Response Time`` is cumulative since the start), so latency is the window's
    median by default, which understates the mean of a right-skewed distribution.

    Rows at which no request completed in the window (``Requests/s`` 0 and the latency
    ``N/A``), such as the first seconds of a ramp, measure nothing and are skipped. Raises
    ValidationError naming the file, line and column of every problem (a missing column, a
    value that is not a number, no rows for ``name``), and SourceError when the file cannot be
    read.
    """
    file, reader = read_csv(path)
    issues = Issues()
    header = reader.fieldnames or []
    for column in (_TIMESTAMP, _USERS, _NAME, _RATE, latency_column):
        if column not in header:
            issues.add(file, f"has no column {column!r} (a Locust *_stats_history.csv has it)")
    issues.raise_if_any()
    timestamps: list[float] = []
    users: list[float] = []
    rates: list[float] = []
    latencies: list[float] = []
    for line, row in enumerate(reader, start=2):
        if row.get(_NAME) != name:
            continue
        latency = (row.get(latency_column) or "").strip()
        if latency == "N/A" and (row.get(_RATE) or "").strip() in {"0", "0.0", "0.000000"}:
            continue
        where = f"{file}:{line}"
        timestamps.append(issues.number(row[_TIMESTAMP], f"{where}: {_TIMESTAMP}"))
        users.append(issues.number(row[_USERS], f"{where}: {_USERS}"))
        rates.append(issues.number(row[_RATE], f"{where}: {_RATE}"))
        latencies.append(issues.number(latency, f"{where}: {latency_column}") / 1000.0)
    if not timestamps:
        issues.add(file, f"has no rows named {name!r} with requests: the series is empty")
    issues.raise_if_any()
    series = MeasurementSeries(
        component,
        f"{file} ({name})",
        timestamps,
        rate_per_s=rates,
        users=users,
        latency_s=latencies,
    )
    validate_measurements([series])
    return series
