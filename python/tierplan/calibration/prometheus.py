"""Prometheus HTTP API range-query results (``/api/v1/query_range``, resultType matrix), from
saved files or fetched from a URL, into measurement series: one per pod, its metrics joined
on their timestamps."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from tierplan._core import MeasurementSeries, validate_measurements
from tierplan.calibration._issues import Issues
from tierplan.calibration.components import (
    ComponentMatch,
    component_of,
    describe_labels,
    dify_enterprise_matches,
)
from tierplan.errors import SourceError

# The columns a query can fill, and the factor from the unit the query returns to the
# column's: container_memory_working_set_bytes is in bytes, the column in MiB (2^20 bytes).
COLUMNS: Mapping[str, float] = {
    "rate_per_s": 1.0,
    "users": 1.0,
    "in_flight": 1.0,
    "cpu_cores": 1.0,
    "memory_mib": 1.0 / 2**20,
    "latency_s": 1.0,
}

Source = str | os.PathLike[str]


def query_range_url(base_url: str, query: str, start_s: float, end_s: float, step_s: float) -> str:
    """The URL of a range query against a Prometheus server at base_url."""
    parameters = urllib.parse.urlencode(
        {"query": query, "start": repr(start_s), "end": repr(end_s), "step": repr(step_s)}
    )
    return f"{base_url.rstrip('/')}/api/v1/query_range?{parameters}"


def _is_url(source: Source) -> bool:
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def _fetch(url: str, timeout_s: float) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        # Prometheus answers a bad query with 400 and its JSON error document: report that.
        body = error.read().decode("utf-8", errors="replace")
        if body.lstrip().startswith("{"):
            return body
        raise SourceError(f"{url}: HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(f"{url}: cannot reach Prometheus: {reason}") from error


def _load(source: Source, timeout_s: float) -> tuple[str, Any]:
    """The source's name (for errors) and its parsed JSON."""
    if _is_url(source):
        name, text = str(source), _fetch(str(source), timeout_s)
    else:
        name = os.fspath(source)
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as error:
            raise SourceError(f"{name}: cannot read: {error.strerror or error}") from error
    try:
        return name, json.loads(text)
    except json.JSONDecodeError as error:
        issues = Issues()
        issues.add(name, f"is not JSON: {error.msg} at line {error.lineno}")
        issues.raise_if_any()
        raise AssertionError("unreachable") from error


def _matrix(name: str, document: Any, issues: Issues) -> list[Any]:
    """The result list of a range query's answer, or [] after recording what is wrong."""
    if not isinstance(document, dict):
        issues.add(name, "is not a Prometheus API answer (a JSON object with status and data)")
        return []
    if document.get("status") == "error":
        kind = document.get("errorType", "error")
        issues.add(name, f"Prometheus answered with an error ({kind}): {document.get('error')}")
        return []
    data = document.get("data")
    if document.get("status") != "success" or not isinstance(data, dict):
        issues.add(name, "is not a Prometheus API answer (a JSON object with status and data)")
        return []
    if data.get("resultType") != "matrix":
        issues.add(
            f"{name}: data.resultType",
            f"must be 'matrix' (a range query), got {data.get('resultType')!r}",
        )
        return []
    result = data.get("result")
    if not isinstance(result, list) or not result:
        issues.add(f"{name}: data.result", "has no series: the query matched nothing")
        return []
    return result


Key = tuple[str, str, str]  # component, namespace, pod
Samples = dict[float, float]


def _series_samples(path: str, values: Any, factor: float, issues: Issues) -> Samples:
    if not isinstance(values, list) or not values:
        issues.add(path, "is empty: it has no samples")
        return {}
    samples: Samples = {}
    previous = None
    for index, pair in enumerate(values):
        if not (isinstance(pair, list) and len(pair) == 2):
            issues.add(f"{path}.values[{index}]", "must be a [timestamp, value] pair")
            continue
        t = issues.number(str(pair[0]), f"{path}.values[{index}][0]")
        v = issues.number(str(pair[1]), f"{path}.values[{index}][1]")
        if v < 0:
            issues.add(f"{path}.values[{index}][1]", f"must be >= 0, got {pair[1]!r}")
        if previous is not None and t <= previous:
            issues.add(
                f"{path}.values[{index}][0]",
                f"timestamps must increase: got {pair[0]} after {previous:g}",
            )
        previous = t
        samples[t] = v * factor
    return samples


def _read_query(
    column: str,
    source: Source,
    matches: Sequence[ComponentMatch],
    unmatched: str,
    timeout_s: float,
    found: dict[Key, dict[str, Samples]],
    issues: Issues,
) -> str:
    name, document = _load(source, timeout_s)
    for series in _matrix(name, document, issues):
        labels = series.get("metric", {}) if isinstance(series, dict) else {}
        path = f"{name}: {describe_labels(labels)}"
        components = component_of(labels, matches)
        if len(components) != 1:
            if components:
                issues.add(path, f"matches more than one component: {', '.join(components)}")
            elif unmatched == "error":
                issues.add(path, "matches no component; give a match for it, or unmatched='ignore'")
            continue
        key = (components[0], labels.get("namespace", ""), labels.get("pod", ""))
        per_column = found.setdefault(key, {})
        if column in per_column:
            issues.add(
                path,
                f"is a second {column} series of pod {key[2]!r}: aggregate the query "
                "by (namespace, pod), e.g. sum by (namespace, pod) (...)",
            )
            continue
        values = series.get("values") if isinstance(series, dict) else None
        per_column[column] = _series_samples(path, values, COLUMNS[column], issues)
    return name


def _joined(key: Key, columns: dict[str, Samples], names: Mapping[str, str]) -> MeasurementSeries:
    """One pod's metrics at the timestamps every one of them has."""
    common = sorted(set.intersection(*(set(s) for s in columns.values())))
    component, namespace, pod = key
    where = ", ".join(names[c] for c in columns)
    source = f'{{namespace="{namespace}", pod="{pod}"}} in {where}'
    series = MeasurementSeries(component, source, common)
    for column, samples in columns.items():
        setattr(series, column, [samples[t] for t in common])
    return series


def read_prometheus(
    queries: Mapping[str, Source],
    *,
    matches: Sequence[ComponentMatch] | None = None,
    unmatched: Literal["error", "ignore"] = "error",
    timeout_s: float = 30.0,
) -> list[MeasurementSeries]:
    """Series per pod from range-query results, one per column.

    ``queries`` maps a column (``rate_per_s``, ``users``, ``in_flight``, ``cpu_cores``,
    ``memory_mib``, ``latency_s``) to a saved answer of ``/api/v1/query_range`` or its URL,
    e.g. ``{"cpu_cores": "cpu.json"}`` for
    ``sum by (namespace, pod) (rate(container_cpu_usage_seconds_total[5m]))``. Memory is read
    in bytes (``container_memory_working_set_bytes``) and converted to MiB; latency is the mean
    in seconds (``rate(..._sum[5m]) / rate(..._count[5m])``). ``matches`` maps series to
    components (default: the Dify Enterprise pods, ``dify_enterprise_matches()``). A pod's
    samples are the timestamps at which all its queried columns have a value.

    Raises ValidationError naming the file (or URL) and series for every problem: a
    Prometheus error answer, no series, empty series, NaN or negative values, timestamps out of
    order, a series that matches no component (unless ``unmatched="ignore"``) or several; and
    SourceError for a file that cannot be read or a URL that cannot be reached.
    """
    issues = Issues()
    for column in queries:
        if column not in COLUMNS:
            issues.add(str(column), f"is not a column; the columns are {', '.join(COLUMNS)}")
    issues.raise_if_any()
    chosen = list(matches) if matches is not None else dify_enterprise_matches()
    found: dict[Key, dict[str, Samples]] = {}
    names: dict[str, str] = {}
    for column, source in queries.items():
        names[column] = _read_query(column, source, chosen, unmatched, timeout_s, found, issues)
    issues.raise_if_any()
    result = [_joined(key, columns, names) for key, columns in found.items()]
    for series in result:
        if len(series) == 0:
            issues.add(
                series.source, "its metrics share no timestamp: query the same range and step"
            )
    issues.raise_if_any()
    validate_measurements(result)
    return result
