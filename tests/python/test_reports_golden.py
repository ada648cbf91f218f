"""Golden reports of the built-in scenario, compared byte for byte.

The files in tests/python/golden/ are reviewed like code. After an intended change, run
``make golden`` (``pytest tests/python/test_reports_golden.py --update-golden``) and read
the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tierplan
from tierplan.cli import render

GOLDEN = Path(__file__).parent / "golden"
EVERY = ["test", "staging", "production"]

# golden file -> (format, environments)
CASES = {
    "plan.txt": ("text", EVERY),
    "plan.md": ("md", EVERY),
    "plan.html": ("html", EVERY),
    "comparison.json": ("comparison-json", EVERY),
    "production.txt": ("text", ["production"]),
    "values-test.yaml": ("helm", ["test"]),
    "values-production.yaml": ("helm", ["production"]),
    "postgresql-production.conf": ("pgconf", ["production"]),
}


@pytest.fixture(scope="module")
def builtin() -> tuple[tierplan.Plan, tierplan.Scenario]:
    scenario = tierplan.Scenario.builtin("dify-enterprise")
    return tierplan.plan(scenario), scenario


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_matches_its_golden_file(
    name: str, builtin: tuple[tierplan.Plan, tierplan.Scenario], update_golden: bool
) -> None:
    output_format, environments = CASES[name]
    text = render(*builtin, output_format, environments)
    path = GOLDEN / name
    if update_golden:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run make golden and review it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file: if the change is intended, run make golden "
        "and review the diff"
    )


def test_reports_are_the_same_bytes_on_every_run(
    builtin: tuple[tierplan.Plan, tierplan.Scenario],
) -> None:
    for output_format, environments in CASES.values():
        first = render(*builtin, output_format, environments)
        again = tierplan.Scenario.builtin("dify-enterprise")
        assert render(tierplan.plan(again), again, output_format, environments) == first


def test_every_golden_file_is_a_case() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(CASES)
