#!/usr/bin/env python3
"""Time tierplan through Python against the same calls in C++, measured in one run.

Python timings use timeit (auto-ranged loop count, several repeats; min and median per
call). With ``--cpp-bench PATH`` the Google Benchmark program (benchmarks/bench_plan.cpp)
runs first, with repetitions, and its JSON output gives the pure C++ time of the same
calls, so that

    Python overhead = python_time - cpp_time,   ratio = overhead / cpp_time (target < 1)

Every figure is also a ratio against a baseline of its own run: parsing and validating
the built-in scenario's JSON text (``Scenario.from_json`` / ``BM_ScenarioFromJson``).

    python benchmarks/bench_plan.py --cpp-bench build-bench/benchmarks/bench_plan \\
        --markdown-out /tmp/bench.md
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pickle
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tierplan

# The C++ plan of the whole built-in scenario should take less than this.
CPP_PLAN_TARGET_S = 50e-6
# Python may add less than the C++ time itself: overhead / cpp_time < 1.
OVERHEAD_RATIO_TARGET = 1.0

# The built-in scenario bench_plan.cpp plans too.
SCENARIO = "dify-enterprise"
CPP_BASELINE = "BM_ScenarioFromJson"
CPP_PLAN = "BM_PlanBuiltinScenario"
CPP_PRODUCTION = "BM_PlanProductionOnly"
PY_BASELINE = "Scenario.from_json(text)"
PY_PLAN = "tierplan.plan(scenario)"
PY_PRODUCTION = "tierplan.plan_environment(scenario, production)"
# A call with plain numbers in and out: the fixed cost of crossing into C++.
PY_ERLANG_SMALL = "tierplan.erlang_c(10, 14)"
PY_ERLANG_LARGE = "tierplan.erlang_c(1000, 1032)"

# Python call -> the Google Benchmark case timing the same C++ call.
PAIRS: tuple[tuple[str, str], ...] = (
    (PY_PLAN, CPP_PLAN),
    (PY_PRODUCTION, CPP_PRODUCTION),
    (PY_BASELINE, CPP_BASELINE),
    (PY_ERLANG_SMALL, "BM_ErlangC/10"),
    (PY_ERLANG_LARGE, "BM_ErlangC/1000"),
)

_TIME_UNIT_S = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


@dataclass(frozen=True)
class Timing:
    """Seconds per call over several repeats of one measurement."""

    name: str
    samples_s: tuple[float, ...]
    calls_per_sample: int
    order: tuple[int, ...] = ()

    @property
    def min_s(self) -> float:
        return min(self.samples_s)

    @property
    def median_s(self) -> float:
        return statistics.median(self.samples_s)


@dataclass(frozen=True)
class PyResult:
    """One Python call timed by wall clock and by process CPU time."""

    name: str
    wall: Timing
    cpu: Timing


@dataclass(frozen=True)
class CppRun:
    """The Google Benchmark program's output: context and per-case timings."""

    context: dict[str, Any]
    real: dict[str, Timing]
    cpu: dict[str, Timing]
    counters: dict[str, dict[str, float]] = field(default_factory=dict)


# ---------------------------------------------------------------------------- machine


def cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else (platform.processor() or "unknown")


def memory_total() -> str:
    try:
        text = Path("/proc/meminfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    match = re.search(r"^MemTotal:\s*(\d+)\s*kB", text, re.MULTILINE)
    return f"{int(match.group(1)) / 1024**2:.1f} GiB" if match else "unknown"


def load_average() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def extension_compiler(path: str) -> str:
    """The compiler recorded in the extension module's ELF .comment section."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return "unknown"
    found = re.findall(rb"(GCC: \([^)\x00]*\) [0-9][0-9.]*|clang version [0-9][0-9.]*)", data)
    names = sorted({item.decode("ascii", errors="replace") for item in found})
    return "; ".join(names) if names else "unknown"


def extension_build_type() -> str:
    """The wheel's CMake build type: cmake.build-type in the repository's pyproject.toml."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    match = re.search(r'^\s*cmake\.build-type\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return f"{match.group(1)} (pyproject.toml)" if match else "unknown"


# ------------------------------------------------------------------------------ Python


def time_python(name: str, call: Callable[[], object], repeat: int, min_time_s: float) -> PyResult:
    """Per-call seconds over `repeat` timeit samples, by wall clock and by CPU time.

    The CPU time (time.process_time, the clock Google Benchmark's cpu_time uses) is
    what the comparison with C++ rests on: it does not count time the process spends
    waiting for a core on a loaded machine.
    """
    wall_timer = timeit.Timer(call, timer=time.perf_counter)
    number = 1
    while True:  # like Timer.autorange, but up to min_time_s
        elapsed = wall_timer.timeit(number)
        if elapsed >= min_time_s:
            break
        number = max(number * 2, int(number * min_time_s / max(elapsed, 1e-9) * 1.1))
    cpu_timer = timeit.Timer(call, timer=time.process_time)
    wall = wall_timer.repeat(repeat=repeat, number=number)
    cpu = cpu_timer.repeat(repeat=repeat, number=number)
    return PyResult(
        name,
        Timing(name, tuple(sample / number for sample in wall), number),
        Timing(name, tuple(sample / number for sample in cpu), number),
    )


def python_timings(scenario_name: str, repeat: int, min_time_s: float) -> list[PyResult]:
    text = tierplan.builtin_data_file(f"scenarios/{scenario_name}.json")
    scenario = tierplan.Scenario.from_json(text)
    production = next(e for e in scenario.environments if e.name == "production")
    pickled = pickle.dumps(scenario)
    calls: list[tuple[str, Callable[[], object]]] = [
        (PY_BASELINE, lambda: tierplan.Scenario.from_json(text)),
        (PY_PLAN, lambda: tierplan.plan(scenario)),
        (PY_PRODUCTION, lambda: tierplan.plan_environment(scenario, production)),
        ("pickle.dumps(scenario)", lambda: pickle.dumps(scenario)),
        ("pickle.loads(pickled scenario)", lambda: pickle.loads(pickled)),
        (PY_ERLANG_SMALL, lambda: tierplan.erlang_c(10.0, 14)),
        (PY_ERLANG_LARGE, lambda: tierplan.erlang_c(1000.0, 1032)),
    ]
    return [time_python(name, call, repeat, min_time_s) for name, call in calls]


# --------------------------------------------------------------------------------- C++


def run_cpp_benchmark(path: str, repetitions: int, min_time_s: float) -> CppRun:
    command = [
        path,
        "--benchmark_format=json",
        f"--benchmark_repetitions={repetitions}",
        f"--benchmark_min_time={min_time_s}",
        "--benchmark_enable_random_interleaving=true",
    ]
    print(f"running {' '.join(command)}", file=sys.stderr)
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    return parse_cpp_json(json.loads(completed.stdout))


def parse_cpp_json(document: dict[str, Any]) -> CppRun:
    real: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    iterations: dict[str, int] = {}
    order: dict[str, tuple[int, ...]] = {}
    counters: dict[str, dict[str, float]] = {}
    known = {
        "name",
        "family_index",
        "per_family_instance_index",
        "run_name",
        "run_type",
        "repetitions",
        "repetition_index",
        "threads",
        "iterations",
        "real_time",
        "cpu_time",
        "time_unit",
        "bytes_per_second",
        "items_per_second",
        "label",
    }
    for entry in document.get("benchmarks", []):
        if entry.get("run_type", "iteration") != "iteration" or entry.get("error_occurred"):
            continue
        name = str(entry.get("run_name", entry["name"]))
        unit = _TIME_UNIT_S[str(entry.get("time_unit", "ns"))]
        real.setdefault(name, []).append(float(entry["real_time"]) * unit)
        cpu.setdefault(name, []).append(float(entry["cpu_time"]) * unit)
        order[name] = (
            int(entry.get("family_index", 0)),
            int(entry.get("per_family_instance_index", 0)),
        )
        iterations[name] = min(iterations.get(name, 1 << 62), int(entry["iterations"]))
        for key, value in entry.items():
            if key not in known and isinstance(value, (int, float)):
                counters.setdefault(name, {})[key] = float(value)
    return CppRun(
        context=dict(document.get("context", {})),
        real={n: Timing(n, tuple(v), iterations[n], order[n]) for n, v in real.items()},
        cpu={n: Timing(n, tuple(v), iterations[n], order[n]) for n, v in cpu.items()},
        counters=counters,
    )


# ---------------------------------------------------------------------------- Markdown


def fmt_time(seconds: float) -> str:
    magnitude = abs(seconds)
    if magnitude >= 1e-3:
        return f"{seconds * 1e3:.3f} ms"
    if magnitude >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.1f} ns"


def fmt_counter(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    right = ["---:" if i else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(right) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def machine_section(cpp: CppRun | None, load_before: str, load_after: str) -> list[str]:
    context = cpp.context if cpp else {}
    extension = getattr(tierplan, "_core", None)
    extension_path = str(getattr(extension, "__file__", "unknown"))
    uname = platform.uname()
    lines = [
        "## Machine and build",
        "",
        f"- Date: {datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds')}",
        f"- Platform: {platform.platform()} ({uname.machine})",
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical CPUs"
        + (f", {context['mhz_per_cpu']} MHz" if "mhz_per_cpu" in context else ""),
        f"- Memory: {memory_total()}",
        f"- Load average (1/5/15 min) before / after: {load_before} -> {load_after}",
        f"- Python: {platform.python_implementation()} {platform.python_version()} "
        f"({sys.executable}); tierplan {tierplan.__version__}",
        f"- Extension module: {extension_path}",
        f"  - compiler: {extension_compiler(extension_path)}; build type: {extension_build_type()}",
    ]
    if cpp:
        lines += [
            f"- C++ benchmark: {context.get('executable', 'unknown')}",
            f"  - compiler: {context.get('tierplan_compiler', 'unknown')}; build type: "
            f"{context.get('tierplan_build_type', 'unknown')}; flags: "
            f"`{context.get('tierplan_cxx_flags', '') or '(none)'}`",
            f"  - Google Benchmark library build type: "
            f"{context.get('library_build_type', 'unknown')}",
        ]
    return lines


def ratio_text(value: float) -> str:
    return f"{value:.3g}"


def cpp_section(cpp: CppRun) -> list[str]:
    baseline = cpp.cpu.get(CPP_BASELINE)
    rows = []
    for name in sorted(cpp.real, key=lambda n: cpp.real[n].order):
        wall = cpp.real[name]
        cpu = cpp.cpu[name]
        ratio = ratio_text(cpu.median_s / baseline.median_s) if baseline else "n/a"
        extra = ", ".join(f"{k}={fmt_counter(v)}" for k, v in cpp.counters.get(name, {}).items())
        rows.append(
            [
                f"`{name}`",
                fmt_time(cpu.min_s),
                fmt_time(cpu.median_s),
                fmt_time(wall.median_s),
                ratio,
                f"{len(cpu.samples_s)} x {cpu.calls_per_sample}",
                extra,
            ]
        )
    header = [
        "case",
        "CPU min",
        "CPU median",
        "wall median",
        f"CPU median / {CPP_BASELINE}",
        "repetitions x iterations",
        "counters",
    ]
    return ["## C++ (Google Benchmark)", "", *table(header, rows)]


def python_section(results: Sequence[PyResult]) -> list[str]:
    baseline = next((r for r in results if r.name == PY_BASELINE), None)
    rows = []
    for result in results:
        ratio = ratio_text(result.cpu.median_s / baseline.cpu.median_s) if baseline else "n/a"
        rows.append(
            [
                f"`{result.name}`",
                fmt_time(result.cpu.min_s),
                fmt_time(result.cpu.median_s),
                fmt_time(result.wall.median_s),
                ratio,
                f"{len(result.cpu.samples_s)} x {result.cpu.calls_per_sample}",
            ]
        )
    header = [
        "call",
        "CPU min",
        "CPU median",
        "wall median",
        f"CPU median / {PY_BASELINE}",
        "repeats x calls",
    ]
    return ["## Python (timeit)", "", *table(header, rows)]


def overhead_section(results: Sequence[PyResult], cpp: CppRun) -> tuple[list[str], list[str]]:
    by_name = {r.name: r for r in results}
    rows = []
    verdicts = []
    for py_name, cpp_name in PAIRS:
        py = by_name.get(py_name)
        if py is None or cpp_name not in cpp.cpu:
            continue
        native = cpp.cpu[cpp_name]
        native_wall = cpp.real[cpp_name]
        overhead_min = py.cpu.min_s - native.min_s
        overhead_median = py.cpu.median_s - native.median_s
        overhead_wall = py.wall.median_s - native_wall.median_s
        ratio_min = overhead_min / native.min_s
        rows.append(
            [
                f"`{py_name}` vs `{cpp_name}`",
                fmt_time(native.min_s),
                fmt_time(py.cpu.min_s),
                f"{fmt_time(overhead_min)} ({ratio_text(ratio_min)})",
                f"{fmt_time(overhead_median)} ({ratio_text(overhead_median / native.median_s)})",
                f"{fmt_time(overhead_wall)} ({ratio_text(overhead_wall / native_wall.median_s)})",
            ]
        )
        if py_name == PY_PLAN:
            met = ratio_min < OVERHEAD_RATIO_TARGET
            verdicts.append(
                f"- Python overhead on the full plan (CPU, min - min): {fmt_time(overhead_min)} = "
                f"{ratio_text(ratio_min)} x the C++ time; target < {OVERHEAD_RATIO_TARGET:g}: "
                f"{'met' if met else 'NOT met'}"
            )
    header = [
        "call",
        "C++ CPU min",
        "Python CPU min",
        "overhead, CPU min - min (/ C++)",
        "CPU median - median (/ C++)",
        "wall median - median (/ C++)",
    ]
    plan_cpu = cpp.cpu.get(CPP_PLAN)
    plan_wall = cpp.real.get(CPP_PLAN)
    if plan_cpu is not None and plan_wall is not None:
        met = plan_cpu.median_s < CPP_PLAN_TARGET_S
        verdicts.insert(
            0,
            f"- C++ full plan: CPU median {fmt_time(plan_cpu.median_s)} (min "
            f"{fmt_time(plan_cpu.min_s)}; wall median {fmt_time(plan_wall.median_s)}) against "
            f"the {fmt_time(CPP_PLAN_TARGET_S)} target: {'met' if met else 'NOT met'} "
            f"({ratio_text(plan_cpu.median_s / CPP_PLAN_TARGET_S)} x the target)",
        )
    note = (
        "Overhead = Python time - C++ time of the same call, each the min (or median) of its "
        "repetitions. Noise on a loaded machine is additive, so min - min is the steadiest "
        "figure; a negative overhead means the difference is below the noise."
    )
    return ["## Python overhead over C++ (same run)", "", *table(header, rows), "", note], verdicts


def report(
    results: Sequence[PyResult], cpp: CppRun | None, load_before: str, load_after: str
) -> str:
    lines = ["# tierplan benchmark", ""]
    lines += machine_section(cpp, load_before, load_after)
    if cpp:
        lines += ["", *cpp_section(cpp)]
    lines += ["", *python_section(results)]
    verdicts: list[str] = []
    if cpp:
        overhead, verdicts = overhead_section(results, cpp)
        lines += ["", *overhead]
    else:
        verdicts.append("- No --cpp-bench given: the C++ time and the overhead were not measured")
    lines += ["", "## Targets", "", *verdicts, ""]
    return "\n".join(lines)


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
        temporary = Path(handle.name)
    try:
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)  # NamedTemporaryFile creates it 0600
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


# -------------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cpp-bench", metavar="PATH", help="the bench_plan program to run")
    parser.add_argument("--cpp-repetitions", type=int, default=5, metavar="N")
    parser.add_argument("--cpp-min-time", type=float, default=0.3, metavar="SECONDS")
    parser.add_argument("--repeat", type=int, default=7, metavar="N", help="timeit repeats")
    parser.add_argument(
        "--min-time", type=float, default=0.2, metavar="SECONDS", help="per timeit repeat"
    )
    parser.add_argument("--markdown-out", metavar="FILE", type=Path, help="also write here")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.cpp_repetitions < 1:
        parser.error("--repeat and --cpp-repetitions must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    load_before = load_average()
    cpp = None
    if args.cpp_bench:
        cpp = run_cpp_benchmark(args.cpp_bench, args.cpp_repetitions, args.cpp_min_time)
    results = python_timings(SCENARIO, args.repeat, args.min_time)
    text = report(results, cpp, load_before, load_average())
    print(text, end="")
    if args.markdown_out:
        write_atomically(args.markdown_out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
