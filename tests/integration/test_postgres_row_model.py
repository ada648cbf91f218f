"""The row model against a real PostgreSQL: disk bytes per table within 15%.

A mix of Dify's tables (dify_schema.sql) is loaded with rows generated to payload sizes
that the fit did not use (dify_rows.TABLES[...].check_sizes, never fit_sizes), more than
200 MB in all, then VACUUM ANALYZE; pg_total_relation_size of each table, and the sum,
must be within 15% of the prediction. Then every other check size of every table is
loaded on its own and compared the same way.

The prediction comes from one function, predict_table_bytes: today the constants fitted
by measure_row_model.py (measurements/postgres_row_model.json); swapping in tierplan's
plan output changes that function only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import dify_rows
import model_fit
import pytest
import servers

import tierplan

TOLERANCE = 0.15
MIN_TOTAL_BYTES = 200 * 10**6
MB = 10**6

# table: (mean payload bytes per row, megabytes to load). Sizes are check sizes, not fit
# sizes; the volumes are roughly a Dify deployment's proportions (node executions first).
MIX: dict[str, tuple[int, float]] = {
    "workflow_node_executions": (3600, 62),
    "messages": (6000, 40),
    "document_segments": (2400, 30),
    "embeddings": (dify_rows.pickled_vector_size(2560), 30),
    "workflow_runs": (12000, 25),
    "conversations": (500, 10),
    "audit_logs": (1200, 10),
    "documents": (1100, 8),  # at least min_rows (40,000): about 70 MB
    "workflow_app_logs": (0, 6),
    "upload_files": (200, 6),
}
# Other check sizes, each loaded alone into an empty table: about 12 MB and at least 2,000
# rows per point.
SWEEP_BYTES_PER_POINT = 12 * MB
SWEEP = [
    (table, size)
    for table, spec in dify_rows.TABLES.items()
    for size in spec.check_sizes
    if size != MIX[table][0]
]
SEED = 2  # the fit used seed 1: other rows, other payloads


# The model under test: the row model of the built-in Dify Enterprise stack, as the
# planner uses it (data/scenarios/dify-enterprise.json, stack.datastores.database).
MODEL_TABLES = {
    table.name: table for table in tierplan.Scenario.builtin().stack.datastores.database.tables
}


def predict_table_bytes(table: str, rows: int, payload_bytes_per_row: float) -> float:
    """tierplan's prediction of pg_total_relation_size for `rows` rows of that mean payload."""
    return tierplan.table_bytes(MODEL_TABLES[table], rows, payload_bytes_per_row)


def test_mix_and_check_sizes_differ_from_fit_sizes() -> None:
    for table, spec in dify_rows.TABLES.items():
        assert MIX[table][0] in spec.check_sizes, table
        if spec.payload:
            assert not set(spec.check_sizes) & set(spec.fit_sizes), table
    constants = model_fit.load_json(model_fit.POSTGRES_MEASUREMENTS)
    assert set(constants["tables"]) == set(dify_rows.TABLES)


@dataclass(frozen=True)
class Loaded:
    rows: int
    payload_nominal: int
    payload_actual: float
    sizes: dify_rows.RelationSizes


@pytest.fixture(scope="module")
def conn(postgres_server: servers.PostgresInfo) -> Iterator[Any]:
    import psycopg

    with psycopg.connect(postgres_server.conninfo) as c:
        yield c


@pytest.fixture(scope="module")
def sweep_conn(postgres_server: servers.PostgresInfo) -> Iterator[Any]:
    """A connection to database `sweep`, apart from the mix's tables."""
    import psycopg

    with psycopg.connect(postgres_server.conninfo, autocommit=True) as c:
        c.execute("CREATE DATABASE sweep")
    with psycopg.connect(postgres_server.conninfo.replace("dbname=postgres", "dbname=sweep")) as c:
        yield c


@pytest.fixture(scope="module")
def loaded_mix(conn: Any) -> dict[str, Loaded]:
    """Every table of MIX loaded (rows generated to reach its megabytes), then VACUUM ANALYZE."""
    loads = {}
    for table, (payload, megabytes) in MIX.items():
        per_row = predict_table_bytes(table, 1001, payload) - predict_table_bytes(
            table, 1000, payload
        )
        rows = max(dify_rows.TABLES[table].min_rows, round(megabytes * MB / per_row))
        dify_rows.create_table(conn, table)
        loads[table] = dify_rows.load_rows(conn, table, rows, payload, seed=SEED)
    for table in MIX:
        dify_rows.vacuum_analyze(conn, table)
    return {
        t: Loaded(r.rows, MIX[t][0], r.payload_bytes_per_row, dify_rows.relation_sizes(conn, t))
        for t, r in loads.items()
    }


def _report(table: str, measured: float, predicted: float, extra: str = "") -> str:
    return (
        f"{table}: measured {measured / MB:.2f} MB, predicted {predicted / MB:.2f} MB "
        f"({(predicted - measured) / measured:+.1%}){extra}"
    )


@pytest.mark.parametrize("table", list(MIX))
def test_table_size_within_15_percent(loaded_mix: dict[str, Loaded], table: str) -> None:
    got = loaded_mix[table]
    measured = got.sizes.total
    predicted = predict_table_bytes(table, got.rows, got.payload_nominal)
    detail = (
        f"; {got.rows} rows, payload {got.payload_actual:.0f} B/row; "
        f"heap {got.sizes.heap / MB:.1f} MB, toast {got.sizes.toast / MB:.1f} MB, "
        f"indexes {got.sizes.indexes / MB:.1f} MB"
    )
    print(_report(table, measured, predicted, detail))
    assert abs(predicted - measured) <= TOLERANCE * measured, _report(
        table, measured, predicted, detail
    )


def test_total_size_at_least_200_mb_and_within_15_percent(loaded_mix: dict[str, Loaded]) -> None:
    measured = sum(v.sizes.total for v in loaded_mix.values())
    predicted = sum(
        predict_table_bytes(t, v.rows, v.payload_nominal) for t, v in loaded_mix.items()
    )
    print(_report("all tables", measured, predicted))
    assert measured >= MIN_TOTAL_BYTES, f"loaded only {measured / MB:.0f} MB"
    assert abs(predicted - measured) <= TOLERANCE * measured, _report(
        "all tables", measured, predicted
    )


@pytest.mark.parametrize(("table", "payload"), SWEEP, ids=[f"{t}-{s}" for t, s in SWEEP])
def test_other_check_sizes_within_15_percent(sweep_conn: Any, table: str, payload: int) -> None:
    conn = sweep_conn
    rows = dify_rows.rows_for(table, payload, SWEEP_BYTES_PER_POINT, floor=2_000)
    dify_rows.create_table(conn, table)
    try:
        dify_rows.load_rows(conn, table, rows, payload, seed=SEED)
        dify_rows.vacuum_analyze(conn, table)
        measured = dify_rows.relation_sizes(conn, table).total
    finally:
        conn.rollback()
        with conn.cursor() as cur:
            cur.execute(f"DROP TABLE IF EXISTS {table}")
        conn.commit()
    predicted = predict_table_bytes(table, rows, payload)
    what = f"{table} @ {payload} B/row, {rows} rows"
    print(_report(what, measured, predicted))
    assert abs(predicted - measured) <= TOLERANCE * measured, _report(what, measured, predicted)
