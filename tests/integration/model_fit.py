"""Fitting and evaluating the linear size models from measurements.

Both data-plane models have the form  bytes = count * (fixed + factor * payload_bytes):
- PostgreSQL, per table: bytes per row = fixed_bytes_per_row + payload_factor * payload;
- Redis: bytes per message = envelope_overhead + body_factor * body, and bytes per
  cache key = per_key_overhead + key_bytes + value_factor * value.

On disk, bytes per row is not one straight line from 20 bytes to 60 KB of payload (page
packing of inline rows, then out-of-line TOAST without compression, then pglz compression
that gets better as values grow), so the row model is stored as segments: each segment
is the same linear form on a payload range, fitted through two neighbouring measured
points (piecewise-linear interpolation; the first and last segments extrapolate). A
single least-squares line over each table's typical range is stored too, with its worst
residual, for a model that wants one pair of constants per table.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MEASUREMENTS = Path(__file__).with_name("measurements")
POSTGRES_MEASUREMENTS = MEASUREMENTS / "postgres_row_model.json"
REDIS_MEASUREMENTS = MEASUREMENTS / "redis_broker_model.json"


def least_squares_line(
    xs: Sequence[float], ys: Sequence[float], relative: bool = True
) -> tuple[float, float]:
    """(intercept, slope) of y = a + b*x; relative=True minimizes relative errors."""
    if len(xs) != len(ys) or not xs:
        raise ValueError("need as many y as x, and at least one point")
    if len(set(xs)) == 1:
        return sum(ys) / len(ys), 0.0
    w = [1.0 / (y * y) if relative and y else 1.0 for y in ys]
    sw = sum(w)
    sx = sum(wi * x for wi, x in zip(w, xs, strict=True))
    sy = sum(wi * y for wi, y in zip(w, ys, strict=True))
    sxx = sum(wi * x * x for wi, x in zip(w, xs, strict=True))
    sxy = sum(wi * x * y for wi, x, y in zip(w, xs, ys, strict=True))
    slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx)
    return (sy - slope * sx) / sw, slope


def segments_through(
    points: Sequence[tuple[float, float]],
    x: str = "payload",
    fixed: str = "fixed_bytes_per_row",
    factor: str = "payload_factor",
) -> list[dict[str, float]]:
    """Two-point segments {x_from, x_to, fixed, factor} through consecutive (x, y) points."""
    pts = sorted(points)
    if len(pts) == 1:
        return [{f"{x}_from": pts[0][0], f"{x}_to": pts[0][0], fixed: pts[0][1], factor: 0.0}]
    out = []
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        slope = (y1 - y0) / (x1 - x0)
        out.append(
            {
                f"{x}_from": round(x0, 1),
                f"{x}_to": round(x1, 1),
                fixed: round(y0 - slope * x0, 1),
                factor: round(slope, 4),
            }
        )
    return out


def segment_for(
    segments: Sequence[dict[str, Any]], value: float, x: str = "payload"
) -> dict[str, Any]:
    """The segment whose range holds `value` (the first or last one outside the ranges)."""
    for seg in segments:
        if value <= seg[f"{x}_to"]:
            return seg
    return segments[-1]


def load_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def table_bytes_per_row(constants: dict[str, Any], table: str, payload: float) -> float:
    """Bytes per row of `table` at `payload` payload bytes, from the stored segments."""
    seg = segment_for(constants["tables"][table]["segments"], payload)
    return float(seg["fixed_bytes_per_row"] + seg["payload_factor"] * payload)


def message_bytes(constants: dict[str, Any], body: float) -> float:
    """Redis bytes per queued Celery message of `body` body bytes."""
    seg = segment_for(constants["messages"]["segments"], body, x="body")
    return float(seg["envelope_overhead"] + seg["body_factor"] * body)


def cache_key_bytes(constants: dict[str, Any], key: float, value: float) -> float:
    """Redis bytes per cache key (with TTL) of `key` key bytes and `value` value bytes."""
    seg = segment_for(constants["cache_keys"]["segments"], value, x="value")
    return float(seg["per_key_overhead"] + key + seg["value_factor"] * value)


def table_bytes(constants: dict[str, Any], table: str, rows: int, payload: float) -> float:
    """Bytes of `table` with `rows` rows of mean payload `payload`: per table + per row."""
    fixed = float(constants["tables"][table].get("fixed_bytes_per_table", 0))
    return fixed + rows * table_bytes_per_row(constants, table, payload)
