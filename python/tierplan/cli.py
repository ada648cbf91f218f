"""The ``tierplan`` command: ``plan``, ``compare``, ``example``, ``validate``, ``demo`` and
``calibrate``."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from tierplan._core import (
    Plan,
    Scenario,
    builtin_data_file,
    builtin_scenario_names,
    plan,
    unknown_environment_message,
)
from tierplan._files import write_atomically
from tierplan.calibration import command as calibrate_command
from tierplan.errors import OutputError, PlanningError, ValidationError
from tierplan.reports.comparison import (
    Comparison,
    compare,
    compare_clouds,
    compare_datastore_modes,
    compare_plans,
    comparison_to_dict,
    detail,
    with_calibration,
)
from tierplan.reports.helm import helm_values
from tierplan.reports.html import render_html
from tierplan.reports.markdown import render_md
from tierplan.reports.text import plan_text, render_text

EXIT_INVALID = 2
EXIT_PLANNING_FAILED = 1
FORMATS = ("text", "md", "html", "json", "comparison-json", "helm", "pgconf")
# Formats written for exactly one environment.
SINGLE_ENVIRONMENT_FORMATS = ("helm", "pgconf")
# What --compare sets side by side, and the formats a comparison is written in.
COMPARISONS = ("clouds", "modes")
COMPARISON_FORMATS = ("text", "md", "html", "comparison-json")


def _load(path: str | None) -> Scenario:
    return Scenario.builtin() if path is None else Scenario.from_file(path)


def _report_errors(source: str, error: ValidationError) -> None:
    for where, message in error.issues:
        print(f"{source}: {where}: {message}", file=sys.stderr)


def _plan_json(result: Plan, chosen: list[str], every: bool) -> str:
    if every:
        return result.to_json()
    document = result.to_dict()
    document["environments"] = [e for e in document["environments"] if e["name"] in chosen]
    return json.dumps(document, indent=2) + "\n"


def render(result: Plan, scenario: Scenario, output_format: str, chosen: list[str]) -> str:
    """The report of the chosen environments in one of FORMATS.

    text, md and html compare several environments side by side and show one environment
    in detail; helm and pgconf are written for exactly one environment.
    """
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}; known: {', '.join(FORMATS)}")
    every = [e.name for e in result.environments] == chosen
    if output_format in SINGLE_ENVIRONMENT_FORMATS and len(chosen) != 1:
        raise ValueError(f"--format {output_format} needs one environment (--env NAME)")
    if output_format == "pgconf":
        return result.environment(chosen[0]).data.postgres.settings_text()
    if output_format == "helm":
        return helm_values(result, chosen[0], scenario.stack)
    if output_format == "json":
        return _plan_json(result, chosen, every)
    comparison = detail(result, chosen[0]) if len(chosen) == 1 else compare(result, chosen)
    return render_comparison(with_calibration(comparison, scenario), output_format)


def render_comparison(comparison: Comparison, output_format: str) -> str:
    """A comparison in one of COMPARISON_FORMATS."""
    if output_format not in COMPARISON_FORMATS:
        raise ValueError(
            f"a comparison is written as {', '.join(COMPARISON_FORMATS)}, not {output_format!r}"
        )
    if output_format == "comparison-json":
        return json.dumps(comparison_to_dict(comparison), indent=2) + "\n"
    if output_format == "md":
        return render_md(comparison)
    if output_format == "html":
        return render_html(comparison)
    return render_text(comparison)


def _write(args: argparse.Namespace, text: str) -> int:
    """Writes text to -o FILE (whole or not at all) or stdout; 0, or EXIT_INVALID when the
    file cannot be written, with why (the temporary file is never named)."""
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(args.output, text)
    except OutputError as error:
        print(f"tierplan: {error}", file=sys.stderr)  # it names the file
        return EXIT_INVALID
    return 0


def _compare(args: argparse.Namespace, scenario: Scenario, source: str, names: list[str]) -> int:
    """--compare clouds or modes: one environment (--env, default production) on every cloud,
    or with its datastores run each way."""
    if args.format not in COMPARISON_FORMATS:
        print(
            f"{source}: --compare writes {', '.join(COMPARISON_FORMATS)}, not --format "
            f"{args.format}",
            file=sys.stderr,
        )
        return EXIT_INVALID
    named = list(dict.fromkeys(name for name in args.env or [] if name != "all"))
    if len(named) > 1:
        print(f"{source}: --compare plans one environment: give one --env", file=sys.stderr)
        return EXIT_INVALID
    environment = named[0] if named else "production"
    if environment not in names:
        print(
            f"{source}: --compare {args.compare} plans one environment: add --env NAME"
            f" ({', '.join(names)})",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if args.compare == "clouds":
        comparison = compare_clouds(scenario, environment)
    else:
        comparison = compare_datastore_modes(scenario, environment)
    if not comparison.environments:
        way = "on any cloud" if args.compare == "clouds" else "with its datastores run any way"
        print(f"{source}: cannot plan {environment} {way}:", file=sys.stderr)
        for note in comparison.not_compared:
            print(f"  {note}", file=sys.stderr)
        return EXIT_PLANNING_FAILED
    return _write(args, render_comparison(comparison, args.format))


def _chosen_environments(asked: list[str] | None, names: list[str]) -> list[str] | None:
    """The environments --env named (repeated --env: each of them, in the scenario's order),
    every one for none or "all"; None when one is not of the scenario (said on stderr)."""
    if not asked or "all" in asked:
        return names
    unknown = [name for name in asked if name not in names]
    for name in unknown:
        print(f"--env: {unknown_environment_message(name, names)}", file=sys.stderr)
    return None if unknown else [name for name in names if name in asked]


def _plan(args: argparse.Namespace) -> int:
    source = args.file or "built-in scenario"
    try:
        scenario = _load(args.file)
    except ValidationError as error:
        _report_errors(source, error)
        return EXIT_INVALID
    names = [e.name for e in scenario.environments]
    chosen = _chosen_environments(args.env, names)
    if chosen is None:
        return EXIT_INVALID
    if args.compare:
        return _compare(args, scenario, source, names)
    if args.format in SINGLE_ENVIRONMENT_FORMATS and len(chosen) != 1:
        print(
            f"{source}: --format {args.format} needs one environment: add --env NAME"
            f" ({', '.join(names)})",
            file=sys.stderr,
        )
        return EXIT_INVALID
    try:
        # Only what was asked: an environment not shown cannot fail the plan.
        result = plan(scenario, chosen)
    except PlanningError as error:
        print(f"{source}: cannot plan: {error}", file=sys.stderr)
        return EXIT_PLANNING_FAILED
    return _write(args, render(result, scenario, args.format, chosen))


def _read_plan(path: str) -> Plan:
    with open(path, encoding="utf-8") as file:
        return Plan.from_json(file.read())


def _compare_files(args: argparse.Namespace) -> int:
    """Plan JSON files (``tierplan plan --format json``) side by side, each column headed by
    its file's stem or its --name."""
    if args.name and len(args.name) != len(args.files):
        print(
            f"compare: {len(args.name)} --name for {len(args.files)} files: give one per file",
            file=sys.stderr,
        )
        return EXIT_INVALID
    names = args.name or [Path(path).stem for path in args.files]
    if len(set(names)) != len(names):
        print(f"compare: the names must differ (--name): {', '.join(names)}", file=sys.stderr)
        return EXIT_INVALID
    plans = {}
    for name, path in zip(names, args.files, strict=True):
        try:
            plans[name] = _read_plan(path)
        except OSError as error:
            print(f"{path}: cannot read: {error.strerror}", file=sys.stderr)
            return EXIT_INVALID
        except ValidationError as error:
            _report_errors(path, error)
            return EXIT_INVALID
    environment = None if args.env == "all" else args.env
    try:
        comparison = compare_plans(plans, environment)
    except KeyError as error:
        print(f"compare: {error.args[0]}", file=sys.stderr)
        return EXIT_INVALID
    return _write(args, render_comparison(comparison, args.format))


def _add_compare_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    compare_cmd = commands.add_parser(
        "compare", help="plan JSON files (tierplan plan --format json) side by side"
    )
    compare_cmd.add_argument("files", nargs="+", metavar="FILE", help="plan JSON files")
    compare_cmd.add_argument(
        "--name",
        action="append",
        metavar="NAME",
        help="the heading of each file's column, once per file in order (default: the file's "
        "name without .json)",
    )
    compare_cmd.add_argument(
        "--env",
        default="production",
        help="the environment of each plan to compare (default production), or all",
    )
    compare_cmd.add_argument("--format", choices=COMPARISON_FORMATS, default="text")
    compare_cmd.add_argument("-o", "--output", metavar="FILE", help="write here, not stdout")
    compare_cmd.set_defaults(run=_compare_files)


def _example(args: argparse.Namespace) -> int:
    # The shipped file, not to_json(): its catalog extends the built-in one, so the file to
    # edit is short and names only what it changes.
    sys.stdout.write(builtin_data_file(f"scenarios/{args.name}.json"))
    return 0


def catalog_notes(scenario: Scenario) -> list[str]:
    """What a scenario's catalog changes of the built-in one, a line per overridden or added
    entry; the built-in entries it leaves out ("extends": "none") are counted by list."""
    notes: list[str] = []
    left_out: dict[str, int] = {}
    for change in scenario.catalog.changes():
        if change.change == "removed":
            left_out[change.list] = left_out.get(change.list, 0) + 1
        elif change.change == "overridden":
            notes.append(f"catalog.{change.list}: overrides the built-in {change.name!r}")
        else:
            notes.append(f"catalog.{change.list}: adds {change.name!r}")
    if left_out:
        counts = ", ".join(f"{count} of {name}" for name, count in left_out.items())
        notes.append(f"catalog: leaves out built-in entries: {counts}")
    return notes


def _validate(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        try:
            scenario = Scenario.from_file(path)
        except ValidationError as error:
            failed += 1
            _report_errors(path, error)
        else:
            print(f"{path}: valid")
            for note in catalog_notes(scenario):
                print(f"{path}: {note}")
    return EXIT_INVALID if failed else 0


def _demo(args: argparse.Namespace) -> int:
    scenario = Scenario.builtin(args.name)
    names = [e.name for e in scenario.environments]
    shown = [n for n in ("test", "production") if n in names] or names
    sys.stdout.write(plan_text(plan(scenario), shown))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tierplan",
        description="Capacity planning for self-hosted LLM platforms on Kubernetes.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    plan_cmd = commands.add_parser(
        "plan", help="plan replicas, nodes and tier for each environment"
    )
    plan_cmd.add_argument(
        "file", nargs="?", metavar="FILE", help="scenario JSON (default: the built-in scenario)"
    )
    plan_cmd.add_argument(
        "--env",
        action="append",
        metavar="NAME",
        help="environment to plan and show (test, staging, production, ...; default all); "
        "repeat it for several; only those are planned",
    )
    plan_cmd.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text, md or html: the environments side by side (one environment: its detail); "
        "json: the plan (data/schema/plan.schema.json); comparison-json: the report's table as "
        "data; helm: a values overlay for the Dify Enterprise chart; pgconf: a managed "
        "instance's parameter group or a postgresql.conf fragment (helm and pgconf need one --env)",
    )
    plan_cmd.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write here (whole or not at all: a temporary file renamed) instead of stdout; "
        "a symbolic link is written through to its target",
    )
    plan_cmd.add_argument(
        "--compare",
        choices=COMPARISONS,
        help="clouds: one environment (--env, default production) planned on aws, gcp and "
        "azure side by side, each in the region its catalog prices are listed for; a cloud "
        "the catalog cannot price is named with the reason; modes: the environment with its "
        "datastores managed, in the cluster and self-managed, side by side",
    )
    plan_cmd.set_defaults(run=_plan)

    example = commands.add_parser(
        "example", help="print the built-in scenario file (its catalog extends the built-in one)"
    )
    example.add_argument(
        "--name",
        default="dify-enterprise",
        choices=builtin_scenario_names(),
        help="built-in scenario",
    )
    example.set_defaults(run=_example)

    validate = commands.add_parser(
        "validate", help="check scenario files; exit 2 listing every error"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="scenario JSON files")
    validate.set_defaults(run=_validate)

    demo = commands.add_parser(
        "demo", help="plan the built-in scenario: test and production side by side"
    )
    demo.add_argument(
        "--name",
        default="dify-enterprise",
        choices=builtin_scenario_names(),
        help="built-in scenario",
    )
    demo.set_defaults(run=_demo)

    _add_compare_parser(commands)
    calibrate_command.add_parser(commands)
    return parser


def _exit_on_signal(signum: int, frame: object) -> None:
    # SystemExit unwinds like an exception, so write_atomically removes its temporary file.
    raise SystemExit(128 + signum)


def handle_termination_signals() -> None:
    """Turn SIGTERM and SIGHUP into SystemExit (exit 128 + the signal), as Ctrl-C already is
    turned into KeyboardInterrupt, so that a killed ``-o`` write leaves no temporary file."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set handlers (main() called from a worker thread)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on_signal)


def main(argv: Sequence[str] | None = None) -> int:
    handle_termination_signals()
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result
