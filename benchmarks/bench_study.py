#!/usr/bin/env python3
"""Plans per second through the sweep API, against Python baselines measured in one run.

1. ``tierplan.sweep`` over the "spec" grid of bench_study.cpp, 10 to 10,000 daily active
   users x 5 to 24.8 chat messages per user (the
   production environment), on 1 and 2 threads;
2. a Python loop over ``tierplan.plan_environment`` (the same work per point) and over
   ``tierplan.plan`` (every environment), changing the scenario in place;
3. a plain Python implementation of the replica sizing (Erlang C by the stable recursion
   and the replica search of replicas.cpp, written here), on the per-component loads of
   each point (the loads scale linearly with daily active users); its replicas are
   compared with the sweep's;
4. ``tierplan.erlang_c`` against pyworkforce's ``ErlangC`` on the same (load, servers)
   grid as tests/python/test_planner.py.

Every figure is a ratio against the sweep measured in the same run. With ``--cpp-bench``
the Google Benchmark program benchmarks/bench_study.cpp runs first and its figures (and
compiler and build type) are added.

    python benchmarks/bench_study.py --cpp-bench build-bench/benchmarks/bench_study \\
        --markdown-out /tmp/bench_study.md
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from pyworkforce.queuing import ErlangC

import tierplan

USERS = "workload.daily_active_users"
CHAT = "workload.requests[chat_message].per_user_per_day"
ENVIRONMENT = "production"
# Issue targets: 100,000 scenarios in under 2 s; the sweep at least 10x a Python loop.
SWEEP_POINTS_TARGET = 100_000
SWEEP_SECONDS_TARGET = 2.0
LOOP_RATIO_TARGET = 10.0


def best_of(repeats: int, run: Callable[[], object]) -> tuple[float, float]:
    """(min, median) wall seconds of repeats runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def interleaved(
    repeats: int, runs: dict[str, Callable[[], object]]
) -> dict[str, tuple[float, float]]:
    """(min, median) wall seconds of each run over repeats rounds, each round running every
    run once in turn: a slower spell of a shared machine then falls on all of them alike
    rather than on whichever ran during it."""
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeats):
        for label, run in runs.items():
            start = time.perf_counter()
            run()
            times[label].append(time.perf_counter() - start)
    return {label: (min(t), statistics.median(t)) for label, t in times.items()}


def grid(points: int) -> tuple[list[float], list[float]]:
    """The "spec" grid of bench_study.cpp: 10 to 10,000 users x 5 to 24.8 messages."""
    chat = [5.0 + 0.2 * i for i in range(100)]
    users_n = max(1, points // len(chat))
    users = [10.0 + 10.0 * i for i in range(users_n)]
    return users, chat


# --- plain Python replica sizing (the algorithm of replicas.cpp / queueing.cpp) ---------


def min_servers_py(
    load: float, service_s: float, wait_s: float, percentile: float, ceiling: float, cap: int
) -> int | None:
    if load == 0.0:
        return 1
    allowed_tail = 1.0 - percentile
    inverse_blocking = 1.0
    for k in range(1, cap + 1):
        inverse_blocking = 1.0 + inverse_blocking * k / load
        if k <= load or load / k > ceiling:
            continue
        blocking = 1.0 / inverse_blocking
        wait_probability = k * blocking / (k - load * (1.0 - blocking))
        if wait_probability * math.exp(-(k - load) * wait_s / service_s) <= allowed_tail:
            return k
    return None


def replicas_py(component: Any, load: Any, policy: Any) -> int:
    """Replicas of one component at its load: floor, queueing and connection bounds."""
    floor = policy.min_replicas if component.scales_horizontally else 1
    queueing = 0
    connections = 0
    if load.arrival_rate_per_s > 0.0:
        target_s = policy.latency_target_ms / 1000.0
        interactive = component.kind == tierplan.ComponentKind.service
        wait_s = target_s - load.service_s if interactive else target_s
        servers = min_servers_py(
            load.offered_load_erlangs,
            load.service_s,
            wait_s,
            policy.latency_percentile,
            policy.max_server_utilization,
            policy.max_replicas * component.concurrency_per_replica,
        )
        if servers is None:
            raise ValueError("beyond max_replicas")
        queueing = math.ceil(servers / component.concurrency_per_replica - 1e-9)
        if component.max_connections_per_replica > 0 and load.concurrent_requests > 0.0:
            per_replica = component.max_connections_per_replica * policy.max_server_utilization
            connections = math.ceil(load.concurrent_requests / per_replica - 1e-9)
    return max(floor, queueing, connections)


class ScaledLoad:
    """A component's load at another number of daily active users (rates are linear)."""

    def __init__(self, base: Any, factor: float) -> None:
        self.arrival_rate_per_s = base.arrival_rate_per_s * factor
        self.service_s = base.service_s
        self.offered_load_erlangs = base.offered_load_erlangs * factor
        self.concurrent_requests = base.concurrent_requests * factor


# --- the measurements ---------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run_cpp(binary: str) -> dict[str, Any]:
    out = subprocess.run(
        [binary, "--benchmark_format=json", "--benchmark_repetitions=3"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data: dict[str, Any] = json.loads(out)
    return data


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=SWEEP_POINTS_TARGET)
    parser.add_argument("--loop-points", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cpp-bench", help="path of the bench_study Google Benchmark program")
    parser.add_argument("--markdown-out", help="write the results table here")
    args = parser.parse_args(argv)

    scenario = tierplan.Scenario.builtin()
    env_index = [e.name for e in scenario.environments].index(ENVIRONMENT)
    users, chat = grid(args.points)
    axes = [(USERS, users), (CHAT, chat)]
    points = len(users) * len(chat)
    rows: list[tuple[str, float, str]] = []  # (what, plans per second, note)

    # Python loops: the same grid points, the scenario changed in place.
    loop_users = list(np.linspace(10.0, 10_000.0, args.loop_points))
    s = tierplan.Scenario.builtin()
    production = s.environments[env_index]

    def loop_environment() -> None:
        for i, u in enumerate(loop_users):
            s.workload.daily_active_users = u
            s.workload.requests[0].per_user_per_day = chat[i % len(chat)]
            with contextlib.suppress(tierplan.PlanningError):
                tierplan.plan_environment(s, production)

    def loop_plan() -> None:
        for i, u in enumerate(loop_users):
            s.workload.daily_active_users = u
            s.workload.requests[0].per_user_per_day = chat[i % len(chat)]
            with contextlib.suppress(tierplan.PlanningError):
                tierplan.plan(s)

    # The loops a notebook user writes instead of a sweep: plan each point and keep the
    # sweep's outputs (node count and type, cost, totals, replicas per component, datastore
    # sizes) as a row.
    def outputs(e: Any) -> list[float]:
        d = e.data
        return [
            e.nodes.count,
            e.cost.total_usd_month,
            e.nodes.cost_usd_month,
            e.totals.pods,
            e.totals.request_cpu_m,
            e.totals.request_memory_mib,
            e.totals.limit_cpu_m,
            e.totals.limit_memory_mib,
            *[c.replicas for c in e.components],
            d.postgres.storage_gib,
            d.postgres.max_connections,
            d.postgres.shape.vcpu,
            d.postgres.shape.memory_gib,
            d.redis.instance_memory_gib,
            d.qdrant.nodes,
            d.qdrant.ram_per_node_gib,
            d.qdrant.ram_total_gib,
            d.object_storage.total_gib,
        ]

    def loop_keeping_outputs(plan_point: Callable[[], Any]) -> Callable[[], None]:
        def loop() -> None:
            rows_out = []
            for i, u in enumerate(loop_users):
                s.workload.daily_active_users = u
                s.workload.requests[0].per_user_per_day = chat[i % len(chat)]
                with contextlib.suppress(tierplan.PlanningError):
                    rows_out.append(outputs(plan_point()))
            np.array(rows_out)

        return loop

    loop_environment_rows = loop_keeping_outputs(lambda: tierplan.plan_environment(s, production))
    loop_plan_rows = loop_keeping_outputs(lambda: tierplan.plan(s).environment(ENVIRONMENT))

    def loop_with_value() -> None:
        for i, u in enumerate(loop_users):
            point = scenario.with_value(USERS, u).with_value(CHAT, chat[i % len(chat)])
            with contextlib.suppress(tierplan.PlanningError):
                tierplan.plan_environment(point, point.environments[env_index])

    # The sweeps and the loops, interleaved round by round.
    sweep_labels = {
        threads: f"tierplan.sweep, {points:,} points, {threads} thread{'s' * (threads > 1)}"
        for threads in (1, 2)
    }
    loop_labels = {
        "plan": "Python loop over tierplan.plan (3 environments)",
        "plan_rows": "Python loop over tierplan.plan, keeping the sweep's outputs per point",
        "env": "Python loop over tierplan.plan_environment (production)",
        "env_rows": "Python loop over tierplan.plan_environment, keeping the sweep's outputs "
        "per point",
        "with_value": "Python loop: Scenario.with_value per point, then plan_environment",
    }
    loops: dict[str, Callable[[], object]] = {
        "plan": loop_plan,
        "plan_rows": loop_plan_rows,
        "env": loop_environment,
        "env_rows": loop_environment_rows,
        "with_value": loop_with_value,
    }
    runs: dict[str, Callable[[], object]] = {
        sweep_labels[1]: lambda: tierplan.sweep(scenario, axes, threads=1),
        sweep_labels[2]: lambda: tierplan.sweep(scenario, axes, threads=2),
    }
    runs.update({loop_labels[key]: loop for key, loop in loops.items()})
    timed = interleaved(args.repeats, runs)
    sweep_s = {threads: timed[label][0] for threads, label in sweep_labels.items()}
    for label in sweep_labels.values():
        best, median = timed[label]
        rows.append((label, points / best, f"{best:.3f} s (median {median:.3f} s)"))
    sweep_rate = points / sweep_s[2]
    loop_rate: dict[str, float] = {}
    for key, label in loop_labels.items():
        best, median = timed[label]
        loop_rate[key] = len(loop_users) / best
        rows.append(
            (
                label,
                loop_rate[key],
                f"{len(loop_users):,} points in {best:.3f} s (median {median:.3f} s)",
            )
        )

    # Plain Python replica sizing on each point's loads (daily active users axis).
    base = tierplan.plan_environment(scenario, scenario.environments[env_index])
    components = {c.name: c for c in scenario.stack.components}
    policy = scenario.environments[env_index].policy
    base_users = scenario.workload.daily_active_users
    py_users = list(np.linspace(10.0, 10_000.0, args.loop_points))

    def python_sizing() -> list[list[int]]:
        out = []
        for u in py_users:
            factor = u / base_users
            out.append(
                [
                    replicas_py(components[c.name], ScaledLoad(c.load, factor), policy)
                    for c in base.components
                ]
            )
        return out

    best, median = best_of(args.repeats, python_sizing)
    py_rate = len(py_users) / best
    check = tierplan.sweep(scenario, [(USERS, py_users)], threads=2)
    replica_columns = [check.column(f"replicas_{c.name}") for c in base.components]
    cpp_replicas = check.values[:, replica_columns]
    feasible = check.values[:, check.column("feasible")] == 1.0
    python_replicas = np.array(python_sizing(), dtype=float)
    agree = int(np.sum(np.all(cpp_replicas[feasible] == python_replicas[feasible], axis=1)))
    rows.append(
        (
            "plain Python replica sizing (Erlang C + replica search, replicas only)",
            py_rate,
            f"{len(py_users):,} points in {best:.3f} s; replicas equal the sweep's at "
            f"{agree} of {int(feasible.sum())} feasible points",
        )
    )

    # Erlang C: tierplan against pyworkforce on the same inputs.
    loads = [0.1, 0.5, 1.0, 2.5, 7.3, 10.0, 33.3, 64.0, 120.0, 200.0]
    erlang_grid = [(a, c) for a in loads for c in range(math.ceil(a) + 1, math.ceil(a) + 41)]

    def ours() -> list[float]:
        return [tierplan.erlang_c(a, c) for a, c in erlang_grid]

    def theirs() -> list[float]:
        out = []
        for a, c in erlang_grid:
            queue = ErlangC(transactions=a * 30 / 3.0, aht=3.0, asa=20 / 60, interval=30)
            out.append(float(queue.waiting_probability(c)))
        return out

    ours_s, _ = best_of(args.repeats, ours)
    theirs_s, _ = best_of(args.repeats, theirs)
    worst = max(abs(x - y) / y for x, y in zip(ours(), theirs(), strict=True) if y > 0)

    met_time = "met" if sweep_s[2] < SWEEP_SECONDS_TARGET else "NOT met"
    # The issue (sizing studies) asks for "plans per second through the sweep API on this
    # machine's 2 cores, against a Python loop over tierplan.plan", with the target "the
    # sweep API at least 10 times a Python loop of single plans": the ratio is judged
    # against the bare loop over tierplan.plan (no outputs kept, the faster of the two).
    # tierplan.plan plans every environment and a sweep point one, so the ratios to the
    # loops over plan_environment (the same work per point) are printed beside it.
    met_ratio = "met" if sweep_rate / loop_rate["plan"] >= LOOP_RATIO_TARGET else "NOT met"
    lines = [
        f"Machine: {machine()['cpu']}, {machine()['cores']} cores; Python "
        f"{machine()['python']}; {machine()['platform']}.",
        "",
        "| what | plans per second | sweep (2 threads) / this | notes |",
        "| --- | ---: | ---: | --- |",
    ]
    for what, rate, note in rows:
        lines.append(f"| {what} | {rate:,.0f} | {sweep_rate / rate:.2f} | {note} |")
    lines += [
        "",
        f"Sweep of {points:,} points on 2 threads: {sweep_s[2]:.3f} s "
        f"(target < {SWEEP_SECONDS_TARGET} s: {met_time}); "
        f"2 threads / 1 thread speed-up {sweep_s[1] / sweep_s[2]:.2f}x.",
        f"Sweep against a Python loop over tierplan.plan: {sweep_rate / loop_rate['plan']:.1f}x "
        f"(target >= {LOOP_RATIO_TARGET}x: {met_ratio}); keeping the sweep's outputs "
        f"{sweep_rate / loop_rate['plan_rows']:.1f}x. Against a loop over plan_environment "
        f"(one environment per point, the work of a sweep point): "
        f"{sweep_rate / loop_rate['env']:.1f}x, keeping the outputs "
        f"{sweep_rate / loop_rate['env_rows']:.1f}x.",
        "",
        f"Erlang C on {len(erlang_grid)} (load, servers) pairs: tierplan.erlang_c "
        f"{ours_s / len(erlang_grid) * 1e6:.2f} us per call, pyworkforce ErlangC "
        f"{theirs_s / len(erlang_grid) * 1e6:.2f} us per call (ratio "
        f"{theirs_s / ours_s:.1f}x); largest relative difference {worst:.2e}.",
    ]
    if args.cpp_bench:
        data = run_cpp(args.cpp_bench)
        ctx = data["context"]
        lines += [
            "",
            f"C++ (bench_study, {ctx.get('tierplan_compiler')}, "
            f"{ctx.get('tierplan_build_type')}, {ctx.get('tierplan_cxx_flags')}):",
            "",
            "| case | real time (median of 3) | items per second |",
            "| --- | ---: | ---: |",
        ]
        for b in data["benchmarks"]:
            if b.get("aggregate_name") == "median":
                lines.append(
                    f"| {b['run_name']} | {b['real_time']:.3f} {b['time_unit']} | "
                    f"{b.get('items_per_second', 0):,.0f} |"
                )
    text = "\n".join(lines)
    print(text)
    if args.markdown_out:
        Path(args.markdown_out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
