#!/usr/bin/env python3
"""Calibration fits (issue 14) against scipy's least_squares, measured in one run.

1. With ``--cpp-bench``, the Google Benchmark program benchmarks/bench_calibration.cpp:
   every fit of 100,000 samples over all components (target: under 50 ms), and the USL
   fit alone on two 100,000-point data sets;
2. the same two data sets (built here with the same integer noise, so the numbers are the
   C++ program's) fitted by ``tierplan.fit_usl`` (C++ through the binding) and by
   ``scipy.optimize.least_squares`` (trust-region reflective within the same bounds, the
   analytic Jacobian, default tolerances); the estimates of the two are compared.

Every figure is a ratio against scipy's time on the same data in the same run.

    python benchmarks/bench_calibration.py --cpp-bench build-bench/benchmarks/bench_calibration
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

# One BLAS thread: both fits run on one thread, and process CPU time (the clock used here)
# would otherwise count OpenBLAS's idle-spinning threads against whichever fit ran next.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402
from scipy.optimize import least_squares  # noqa: E402

import tierplan  # noqa: E402

SAMPLES = 100_000


def noise(i: np.ndarray[Any, np.dtype[np.uint64]], salt: int) -> np.ndarray[Any, Any]:
    """bench_calibration.cpp's noise(): the SplitMix64 finaliser of i + salt * golden gamma."""
    with np.errstate(over="ignore"):
        z = i + np.uint64(salt) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53 - 0.5


def usl(n: np.ndarray[Any, Any], alpha: float, beta: float, gamma: float) -> np.ndarray[Any, Any]:
    return gamma * n / (1.0 + alpha * (n - 1.0) + beta * n * (n - 1.0))


def usl_data(samples: int, continuous: bool) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """bench_calibration.cpp's usl_data()."""
    i = np.arange(samples, dtype=np.uint64)
    jitter = 0.5 * noise(i, 6) if continuous else 0.0
    load = 1.0 + ((np.uint64(7) * i) % np.uint64(64)).astype(np.float64) + jitter
    return load, usl(load, 0.03, 0.0002, 20.0) * (1.0 + 0.04 * noise(i, 0))


def scipy_fit(load: np.ndarray[Any, Any], x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The USL by least_squares, started and bounded as tierplan (and the R package usl)."""

    def residuals(p: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return usl(load, p[0], p[1], p[2]) - x

    def jacobian(p: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        d = 1.0 + p[0] * (load - 1.0) + p[1] * load * (load - 1.0)
        f = p[2] * load / d
        return np.column_stack((-f * (load - 1.0) / d, -f * load * (load - 1.0) / d, load / d))

    start = np.array([0.01, 0.0001, float(np.max(x / load))])
    result = least_squares(
        residuals, start, jac=jacobian, bounds=([0.0, 0.0, 0.0], [1.0, 1.0, np.inf])
    )
    fitted: np.ndarray[Any, Any] = result.x
    return fitted


def interleaved(repeats: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Median process CPU seconds of each run over repeats rounds, the runs taking turns."""
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeats):
        for label, run in runs.items():
            start = time.process_time()
            run()
            times[label].append(time.process_time() - start)
    return {label: statistics.median(t) for label, t in times.items()}


def run_cpp(binary: str) -> dict[str, Any]:
    out = subprocess.run(
        [
            binary,
            "--benchmark_format=json",
            "--benchmark_repetitions=5",
            "--benchmark_report_aggregates_only=true",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data: dict[str, Any] = json.loads(out)
    return data


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--cpp-bench", help="path of the bench_calibration program")
    args = parser.parse_args(argv)

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}; Python {platform.python_version()}, "
        f"numpy {np.__version__}, scipy {__import__('scipy').__version__}"
    )
    cpp_ms: dict[str, float] = {}
    if args.cpp_bench:
        data = run_cpp(args.cpp_bench)
        context = data["context"]
        print(
            f"C++: {context.get('tierplan_compiler')} {context.get('tierplan_build_type')} "
            f"{context.get('tierplan_cxx_flags')}"
        )
        for b in data["benchmarks"]:
            if b.get("aggregate_name") == "median":
                cpp_ms[b["run_name"]] = b["cpu_time"]  # in ms (Unit kMillisecond)
        print("| Google Benchmark case | CPU median |")
        print("| --- | ---: |")
        for name, ms in cpp_ms.items():
            print(f"| `{name}` | {ms:.2f} ms |")

    print()
    print(
        "| data (100,000 points) | scipy least_squares | tierplan.fit_usl (Python) | ratio "
        "| C++ (Google Benchmark) | ratio | estimates, largest relative difference |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for continuous, case in ((False, "BM_FitUsl100k"), (True, "BM_FitUsl100kContinuous")):
        load, x = usl_data(SAMPLES, continuous)
        ours = tierplan.fit_usl(load, x)
        theirs = scipy_fit(load, x)
        mine = np.array([ours.alpha.value, ours.beta.value, ours.gamma.value])
        difference = float(np.max(np.abs(mine - theirs) / np.abs(theirs)))
        seconds = interleaved(
            args.repeats,
            {
                "scipy": lambda load=load, x=x: scipy_fit(load, x),
                "tierplan": lambda load=load, x=x: tierplan.fit_usl(load, x),
            },
        )
        scipy_ms = 1000 * seconds["scipy"]
        ours_ms = 1000 * seconds["tierplan"]
        cpp = cpp_ms.get(case)
        cpp_text = f"{cpp:.2f} ms | {scipy_ms / cpp:.1f}x" if cpp else "| "
        label = "N jittered, all distinct" if continuous else "64 load levels"
        print(
            f"| {label} | {scipy_ms:.1f} ms | {ours_ms:.2f} ms | {scipy_ms / ours_ms:.1f}x "
            f"| {cpp_text} | {difference:.1e} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
