"""Measure how much disk Dify's tables take per row, and fit the row model's constants.

For each table of dify_schema.sql and each payload size of its fit grid
(dify_rows.TABLES[...].fit_sizes): create the table with its indexes, COPY rows generated
to that payload size, VACUUM ANALYZE, and read pg_total_relation_size (with the heap,
TOAST and index parts). The constants are fitted from bytes per row against payload
bytes per row (model_fit.py) and written, with every raw measurement, as JSON:

    .venv/bin/python tests/integration/measure_row_model.py \
        [--out tests/integration/measurements/postgres_row_model.json] [--tables a,b]

It starts its own throwaway PostgreSQL server (servers.py). About 3 minutes on 2 cores.
The JSON it writes is the documented measurement that the integration test
(test_postgres_row_model.py) and tierplan's row model use.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dify_rows
import model_fit
import servers

# Rows per measured point: enough for the b-trees and the page packing to reach their
# steady state (at least 5,000 rows, about 24 MB), few enough to keep the run short.
TARGET_BYTES_PER_POINT = 24 * 2**20


def measure_point(conn: Any, table: str, payload: int, rows: int, seed: int) -> dict[str, Any]:
    dify_rows.create_table(conn, table)
    t0 = time.monotonic()
    loaded = dify_rows.load_rows(conn, table, rows, payload, seed=seed)
    dify_rows.vacuum_analyze(conn, table)
    elapsed = time.monotonic() - t0
    sizes = dify_rows.relation_sizes(conn, table)
    compression = dify_rows.column_compression(conn, table)
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE {table}")
    conn.commit()
    return {
        "payload_nominal": payload,
        "rows": rows,
        "payload_bytes_per_row": round(loaded.payload_bytes_per_row, 1),
        # Per row: without the indexes' recycled free pages (a per-table constant).
        "bytes_per_row": round((sizes.total - sizes.index_free) / rows, 1),
        "sizes": sizes.as_dict(),
        "stored_over_raw_per_payload_column": compression,
        "load_seconds": round(elapsed, 2),
    }


def fit_table(table: str, points: list[dict[str, Any]]) -> dict[str, Any]:
    spec = dify_rows.TABLES[table]
    xy = [(p["payload_bytes_per_row"], p["bytes_per_row"]) for p in points]
    lo, hi = spec.typical_payload
    in_range = [(x, y) for x, y in xy if lo * 0.75 <= x <= hi * 1.25] or xy
    fixed, factor = model_fit.least_squares_line([x for x, _ in in_range], [y for _, y in in_range])
    residuals = [(fixed + factor * x - y) / y for x, y in in_range]
    return {
        # Per table, whatever the rows: the GIN pending list's recycled pages (documents).
        "fixed_bytes_per_table": max(p["sizes"]["index_free"] for p in points),
        "payload_columns": {
            p.name: {"kind": p.kind, "share": p.share, "max_len": p.max_len} for p in spec.payload
        },
        "typical_payload_bytes": [lo, hi],
        "segments": model_fit.segments_through(xy),
        "single_line": {
            "fixed_bytes_per_row": round(fixed, 1),
            "payload_factor": round(factor, 4),
            "fitted_on_payload_bytes": [x for x, _ in in_range],
            "max_abs_relative_residual": round(max(abs(r) for r in residuals), 4),
        },
        "measurements": points,
    }


def compressibility_check(conn: Any, seed: int) -> dict[str, Any]:
    """pglz stored/raw of the generated text against real English text at equal sizes.

    Real text: Python's pydoc topics (reference documentation) and the GPL-3 licence.
    toast_tuple_target=128 makes every value above the 2 kB tuple threshold a candidate."""
    import pydoc_data.topics as topics

    corpora = {"real_pydoc": re.sub(r"\s+", " ", " ".join(topics.topics.values()))}
    gpl = Path("/usr/share/common-licenses/GPL-3")
    if gpl.is_file():
        corpora["real_gpl3"] = re.sub(r"\s+", " ", gpl.read_text())
    rng = random.Random(seed)
    sizes = [2500, 4000, 8000, 16000]
    conn.execute(
        "CREATE TABLE compress_check (kind text, size int, v text) WITH (toast_tuple_target = 128)"
    )
    with conn.cursor() as cur:
        for size in sizes:
            for _ in range(40):
                for name, text in corpora.items():
                    o = rng.randrange(len(text) - size)
                    cur.execute(
                        "INSERT INTO compress_check VALUES (%s, %s, %s)",
                        (name, size, text[o : o + size]),
                    )
                cur.execute(
                    "INSERT INTO compress_check VALUES ('generated_prose', %s, %s)",
                    (size, dify_rows.prose(rng, size)),
                )
                cur.execute(
                    "INSERT INTO compress_check VALUES ('generated_json', %s, %s)",
                    (size, dify_rows.json_text(rng, size)),
                )
    conn.commit()
    rows = conn.execute(
        "SELECT kind, size, avg(pg_column_size(v)::float8 / octet_length(v)) FROM compress_check "
        "GROUP BY 1, 2 ORDER BY 1, 2"
    ).fetchall()
    conn.execute("DROP TABLE compress_check")
    conn.commit()
    out: dict[str, dict[str, float]] = {}
    for kind, size, ratio in rows:
        out.setdefault(kind, {})[str(size)] = round(float(ratio), 3)
    return {"pglz_stored_over_raw_by_value_size": out}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=model_fit.POSTGRES_MEASUREMENTS)
    ap.add_argument("--tables", default=",".join(dify_rows.TABLES))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    import psycopg

    tables = [t for t in args.tables.split(",") if t]
    started = time.monotonic()
    result: dict[str, Any] = {}
    with servers.postgres_server() as pg, psycopg.connect(pg.conninfo) as conn:
        settings = dict(
            conn.execute(
                "SELECT name, setting FROM pg_settings WHERE name IN ('block_size', "
                "'default_toast_compression', 'server_version', 'lc_collate', 'server_encoding')"
            ).fetchall()
        )
        tables_out: dict[str, Any] = {}
        for table in tables:
            spec = dify_rows.TABLES[table]
            points = []
            for payload in spec.fit_sizes:
                p = measure_point(
                    conn,
                    table,
                    payload,
                    dify_rows.rows_for(table, payload, TARGET_BYTES_PER_POINT),
                    args.seed,
                )
                points.append(p)
                n, sz = p["rows"], p["sizes"]
                print(
                    f"{table:26s} payload {p['payload_bytes_per_row']:8.0f} B  rows {n:6d}  "
                    f"{p['bytes_per_row']:8.0f} B/row  (heap {sz['heap'] / n:6.0f}, "
                    f"toast {sz['toast'] / n:6.0f}, indexes {sz['indexes'] / n:5.0f})  "
                    f"{p['load_seconds']:.1f}s",
                    file=sys.stderr,
                    flush=True,
                )
            tables_out[table] = fit_table(table, points)
        result = {
            "what": (
                "Disk bytes per row of Dify's growing tables (pg_total_relation_size after "
                "VACUUM ANALYZE: heap, TOAST, indexes, FSM/VM) against payload bytes per row. "
                "Model: bytes = fixed_bytes_per_table + rows * (fixed_bytes_per_row + "
                "payload_factor * payload_bytes), with the segment whose payload range holds the "
                "payload size (first/last segments extrapolate). Payload sizes vary log-normally "
                "(sigma 0.6) around the mean. fixed_bytes_per_table is the GIN pending list's "
                "free pages (0 without a GIN index)."
            ),
            "how": "tests/integration/measure_row_model.py (dify_schema.sql, dify_rows.py)",
            "measured_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "seed": args.seed,
            "server": {"version": pg.version, **settings},
            "machine": {"python": platform.python_version(), "platform": platform.platform()},
            "tables": tables_out,
            "compressibility": compressibility_check(conn, args.seed),
            "runtime_seconds": round(time.monotonic() - started, 1),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out} in {result['runtime_seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
