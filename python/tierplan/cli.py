"""The ``tierplan`` command: ``plan``, ``example``, ``validate`` and ``demo``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tierplan._core import Scenario, plan
from tierplan._files import write_atomically
from tierplan.errors import PlanningError, ValidationError
from tierplan.report import plan_text

EXIT_INVALID = 2
FORMATS = ("text", "json", "pgconf")


def _load(path: str | None) -> Scenario:
    return Scenario.builtin() if path is None else Scenario.from_file(path)


def _report_errors(source: str, error: ValidationError) -> None:
    for where, message in error.issues:
        print(f"{source}: {where}: {message}", file=sys.stderr)


def _plan(args: argparse.Namespace) -> int:
    source = args.file or "built-in scenario"
    try:
        scenario = _load(args.file)
    except ValidationError as error:
        _report_errors(source, error)
        return EXIT_INVALID
    names = [e.name for e in scenario.environments]
    if args.env != "all" and args.env not in names:
        print(
            f"{source}: --env: no environment {args.env!r}; known: {', '.join(names)}",
            file=sys.stderr,
        )
        return EXIT_INVALID
    chosen = names if args.env == "all" else [args.env]
    if args.format == "pgconf" and len(chosen) > 1:
        if "production" not in names:
            print(f"{source}: --format pgconf needs one environment (--env)", file=sys.stderr)
            return EXIT_INVALID
        chosen = ["production"]
    try:
        result = plan(scenario)
    except PlanningError as error:
        print(f"{source}: cannot plan: {error}", file=sys.stderr)
        return 1
    if args.format == "pgconf":
        text = result.environment(chosen[0]).data.postgres.postgresql_conf()
    elif args.format == "json":
        if args.env == "all":
            text = result.to_json()
        else:
            import json

            document = result.to_dict()
            document["environments"] = [e for e in document["environments"] if e["name"] in chosen]
            text = json.dumps(document, indent=2) + "\n"
    else:
        text = plan_text(result, chosen)
    if args.output:
        write_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _example(args: argparse.Namespace) -> int:
    sys.stdout.write(Scenario.builtin(args.name).to_json())
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.files:
        try:
            Scenario.from_file(path)
        except ValidationError as error:
            failed += 1
            _report_errors(path, error)
        else:
            print(f"{path}: valid")
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
        "--env", default="all", help="environment to show (test, staging, production, ...) or all"
    )
    plan_cmd.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text table, JSON (data/schema/plan.schema.json), or a postgresql.conf fragment "
        "(pgconf: one environment, production by default)",
    )
    plan_cmd.add_argument(
        "-o", "--output", metavar="FILE", help="write here (whole or not at all) instead of stdout"
    )
    plan_cmd.set_defaults(run=_plan)

    example = commands.add_parser("example", help="print the built-in scenario as JSON")
    example.add_argument("--name", default="dify-enterprise", help="built-in scenario name")
    example.set_defaults(run=_example)

    validate = commands.add_parser(
        "validate", help="check scenario files; exit 2 listing every error"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="scenario JSON files")
    validate.set_defaults(run=_validate)

    demo = commands.add_parser(
        "demo", help="plan the built-in scenario: test and production side by side"
    )
    demo.add_argument("--name", default="dify-enterprise", help="built-in scenario name")
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result
