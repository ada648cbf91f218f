"""Studies from several Python threads at once give what they give one after another (issue 15).

The bindings release the GIL for the whole of plan, sweep and evaluate_points
(bindings/register_plan.cpp, register_study.cpp), so these threads really plan at the same
time; tests/cpp/studies/test_concurrent_studies.cpp runs the same under ASan and UBSan.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

import tierplan

SCENARIO = tierplan.Scenario.builtin()


@dataclass(frozen=True)
class Sweep:
    environment: str
    axes: list[tuple[str, list[float]]]


SWEEPS = [
    Sweep(
        environment,
        [
            ("workload.daily_active_users", [100.0 * (i + 1) * (k + 1) for k in range(8)]),
            ("workload.requests[chat_message].per_user_per_day", [2.0, 20.0]),
        ],
    )
    for i, environment in enumerate(["test", "staging", "production"] * 2)
] + [
    # A point no node holds: infeasible rows (NaN, with the message) compare too.
    Sweep("production", [("stack.components[api].resources.baseline_memory_mib", [1024.0, 4e6])])
]


def run(sweep: Sweep) -> tierplan.StudyTable:
    return tierplan.sweep(SCENARIO, sweep.axes, environment=sweep.environment, threads=2)


def same(a: tierplan.StudyTable, b: tierplan.StudyTable) -> bool:
    return (
        a.columns == b.columns
        and a.errors == b.errors
        and np.array_equal(a.values, b.values, equal_nan=True)
    )


def test_sweeps_from_several_threads_at_once_equal_sweeps_one_after_another() -> None:
    sequential = [run(sweep) for sweep in SWEEPS]
    work = SWEEPS * 3
    with ThreadPoolExecutor(max_workers=6) as pool:
        concurrent = list(pool.map(run, work))
    for i, table in enumerate(concurrent):
        assert same(table, sequential[i % len(SWEEPS)]), work[i]
    assert sequential[-1].errors[1] != ""


def test_plans_from_several_threads_at_once_equal_plans_one_after_another() -> None:
    scenarios = [
        tierplan.with_value(SCENARIO, "workload.daily_active_users", users)
        for users in (10.0, 300.0, 3000.0, 30000.0)
    ]
    sequential = [tierplan.plan(s).to_json() for s in scenarios]
    with ThreadPoolExecutor(max_workers=4) as pool:
        concurrent = list(pool.map(lambda s: tierplan.plan(s).to_json(), scenarios * 4))
    assert concurrent == sequential * 4
