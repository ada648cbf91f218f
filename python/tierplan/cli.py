"""The ``tierplan`` command: ``example``, ``validate`` and ``demo``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tierplan._core import Scenario, ValidationError

EXIT_INVALID = 2


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
            for where, message in error.issues:
                print(f"{path}: {where}: {message}", file=sys.stderr)
        else:
            print(f"{path}: valid")
    return EXIT_INVALID if failed else 0


def _demo(args: argparse.Namespace) -> int:
    from tierplan.report import scenario_summary

    print(scenario_summary(Scenario.builtin(args.name)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tierplan",
        description="Capacity planning for self-hosted LLM platforms on Kubernetes.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    example = commands.add_parser("example", help="print the built-in scenario as JSON")
    example.add_argument("--name", default="dify-enterprise", help="built-in scenario name")
    example.set_defaults(run=_example)

    validate = commands.add_parser(
        "validate", help="check scenario files; exit 2 listing every error"
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="scenario JSON files")
    validate.set_defaults(run=_validate)

    demo = commands.add_parser("demo", help="summarise the built-in scenario")
    demo.add_argument("--name", default="dify-enterprise", help="built-in scenario name")
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.run(args)
    return result
