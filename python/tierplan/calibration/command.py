"""``tierplan calibrate SCENARIO MEASUREMENTS... -o calibrated.json``: the scenario with the
resource models fitted from measurements. Presentation and file handling only; the fits are
the C++ core's ``calibrate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tierplan._core import MeasurementSeries, Scenario, builtin_scenario_names, calibrate
from tierplan._files import write_atomically
from tierplan.calibration.components import dify_enterprise_matches
from tierplan.calibration.locust import read_locust
from tierplan.calibration.prometheus import COLUMNS, read_prometheus
from tierplan.calibration.summary import calibration_text
from tierplan.calibration.tidy import read_tidy_csv
from tierplan.errors import OutputError, SourceError, ValidationError

EXIT_INVALID = 2


def _scenario(name: str) -> Scenario:
    if not Path(name).exists() and name in builtin_scenario_names():
        return Scenario.builtin(name)
    return Scenario.from_file(name)


def _is_locust(path: str) -> bool:
    """A Locust history has Locust's columns in its header line."""
    try:
        with open(path, encoding="utf-8") as handle:
            header = handle.readline()
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from error
    return "User Count" in header and "Requests/s" in header


def _prometheus_queries(pairs: list[str]) -> dict[str, str]:
    queries: dict[str, str] = {}
    for pair in pairs:
        column, separator, source = pair.partition("=")
        if not separator or not source:
            issues = [(pair, "must be COLUMN=FILE_OR_URL, e.g. cpu_cores=cpu.json")]
            raise ValidationError(f"{pair}: {issues[0][1]}", issues)
        queries[column] = source
    return queries


def read_measurements(args: argparse.Namespace) -> list[MeasurementSeries]:
    series: list[MeasurementSeries] = []
    for path in args.measurements:
        if _is_locust(path):
            series.append(read_locust(path, component=args.locust_component))
        else:
            series.extend(read_tidy_csv(path))
    if args.prometheus:
        matches = dify_enterprise_matches(namespace=args.namespace)
        series.extend(read_prometheus(_prometheus_queries(args.prometheus), matches=matches))
    return series


def run(args: argparse.Namespace) -> int:
    if not args.measurements and not args.prometheus:
        print("tierplan calibrate: give measurement files or --prometheus", file=sys.stderr)
        return EXIT_INVALID
    try:
        calibration = calibrate(
            _scenario(args.scenario),
            read_measurements(args),
            warn_beyond_multiple=args.warn_beyond_multiple,
        )
    except ValidationError as error:
        for where, message in error.issues:
            print(f"{where}: {message}", file=sys.stderr)
        return EXIT_INVALID
    except SourceError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    summary = calibration_text(calibration)
    if args.output:
        try:
            write_atomically(args.output, calibration.scenario.to_json())
        except OutputError as error:
            print(f"tierplan calibrate: {error}", file=sys.stderr)  # it names the file
            return EXIT_INVALID
        sys.stdout.write(summary)
    else:
        sys.stdout.write(calibration.scenario.to_json())
        sys.stderr.write(summary)
    return 0


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "calibrate",
        help="fit the stack's resource models from measurements and write the scenario",
    )
    command.add_argument(
        "scenario", metavar="SCENARIO", help="scenario JSON, or a built-in scenario's name"
    )
    command.add_argument(
        "measurements",
        nargs="*",
        metavar="MEASUREMENTS",
        help="CSV files: Locust --csv histories (*_stats_history.csv) or tidy CSVs "
        "(timestamp_s, component, rate_per_s, cpu_cores, memory_mib, latency_s, in_flight)",
    )
    command.add_argument(
        "--prometheus",
        action="append",
        default=[],
        metavar="COLUMN=SOURCE",
        help="a saved /api/v1/query_range answer or its URL, for one of the columns "
        f"{', '.join(COLUMNS)}; repeat for each",
    )
    command.add_argument(
        "--namespace", help="only Prometheus series of this namespace (default: any)"
    )
    command.add_argument(
        "--locust-component", default="api", help="the component a Locust test loads (api)"
    )
    command.add_argument(
        "--warn-beyond-multiple",
        type=float,
        default=2.0,
        metavar="X",
        help="a plan from the calibrated scenario warns where it sizes a replica for more than "
        "X times the highest rate measured (default 2, at least 1)",
    )
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the calibrated scenario here (whole or not at all) and the fits to stdout; "
        "without it the scenario goes to stdout and the fits to stderr",
    )
    command.set_defaults(run=run)
