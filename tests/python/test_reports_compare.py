"""Any plans side by side, each column headed by the name it is given: tierplan.compare in
Python, ``tierplan compare a.json b.json`` on plan JSON files (issue 16)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import tierplan
from tierplan.cli import main
from tierplan.reports.comparison import compare_environments, comparison_to_dict

USERS = "workload.daily_active_users"


def at_users(users: float) -> tierplan.Plan:
    return tierplan.plan(tierplan.with_value(tierplan.Scenario.builtin(), USERS, users))


@pytest.fixture(scope="module")
def plans() -> dict[str, tierplan.Plan]:
    return {"3k users": at_users(3000), "10k users": at_users(10000)}


def same_document(a: object, b: object, path: str = "") -> None:
    """Equal JSON documents, numbers equal to the last few bits (a unit written as ms or
    GiB is read back to s or bytes)."""
    if isinstance(a, dict) and isinstance(b, dict):
        assert list(a) == list(b), path
        for key in a:
            same_document(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same_document(x, y, f"{path}[{i}]")
    elif isinstance(a, float) or isinstance(b, float):
        assert math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12), path  # type: ignore[arg-type]
    else:
        assert a == b, path


def test_the_plan_json_reads_back_to_the_same_plan_json(plans: dict[str, tierplan.Plan]) -> None:
    for plan in plans.values():
        document = json.loads(plan.to_json())
        again = json.loads(tierplan.Plan.from_json(plan.to_json()).to_json())
        # The PGTune input the settings' reason names is not in the JSON (Plan.from_json).
        for environment in (*document["environments"], *again["environments"]):
            environment["data"]["postgres"].pop("settings_reason")
        same_document(document, again)


def test_a_plan_json_with_missing_members_names_each(tmp_path: Path) -> None:
    document = json.loads(at_users(3000).to_json())
    del document["environments"][0]["cost"]["total_usd_month"]
    document["environments"][1]["nodes"]["count"] = "seven"
    with pytest.raises(tierplan.ValidationError) as error:
        tierplan.Plan.from_json(json.dumps(document))
    assert error.value.issues == [
        ("environments[0].cost.total_usd_month", "missing"),
        ("environments[1].nodes.count", 'has the wrong type, got "seven"'),
    ]


def test_compare_heads_each_column_by_its_name(plans: dict[str, tierplan.Plan]) -> None:
    comparison = tierplan.compare(plans)
    assert comparison.environments == ("3k users", "10k users")
    rows = {
        (s.title, r.label): [c.value for c in r.cells] for s in comparison.summary for r in s.rows
    }
    nodes = [plans[name].environment("production").nodes for name in plans]
    assert rows["Summary", "cluster"][0].startswith(f"{nodes[0].count} x ")
    assert rows["Summary", "cluster"][1].startswith(f"{nodes[1].count} x ")
    assert rows["Assumptions", "daily active users"][1].startswith("10,000,")
    every = tierplan.compare(plans, environment=None)
    assert every.environments[:2] == ("3k users: test", "3k users: staging")
    assert len(every.environments) == 6
    with pytest.raises(KeyError, match="no environment 'qa'"):
        tierplan.compare(plans, environment="qa")


def test_compare_environments_tells_apart_environments_of_one_name(
    plans: dict[str, tierplan.Plan],
) -> None:
    envs = [plan.environment("production") for plan in plans.values()]
    comparison = compare_environments("load levels", envs)
    assert comparison.environments == ("production, 3,000 users", "production, 10,000 users")


def test_the_cli_compares_plan_files_in_every_format(
    plans: dict[str, tierplan.Plan], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The plan files as `tierplan plan --format json` writes them.
    files = []
    for name, users in (("small", 3000), ("large", 10000)):
        scenario = tmp_path / f"scenario-{name}.json"
        changed = tierplan.with_value(tierplan.Scenario.builtin(), USERS, users)
        scenario.write_text(json.dumps(changed.to_dict()), encoding="utf-8")
        path = tmp_path / f"{name}.json"
        assert main(["plan", str(scenario), "--format", "json", "-o", str(path)]) == 0
        files.append(str(path))
    assert main(["compare", *files, "--format", "comparison-json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["environments"] == ["small", "large"]
    assert document == comparison_to_dict(
        tierplan.compare(dict(zip(("small", "large"), plans.values(), strict=True)))
    )
    for output_format, heading in (("text", "small"), ("md", "| small |"), ("html", ">small<")):
        assert main(["compare", *files, "--format", output_format]) == 0
        out = capsys.readouterr().out
        assert heading in out and "large" in out
    assert main(["compare", *files, "--name", "3k", "--name", "10k", "--format", "md"]) == 0
    assert "| 3k | 10k |" in capsys.readouterr().out


def test_the_cli_names_what_is_wrong_with_a_compare(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(at_users(3000).to_json(), encoding="utf-8")
    assert main(["compare", str(path), str(path), "--name", "one"]) == 2
    assert "1 --name for 2 files" in capsys.readouterr().err
    assert main(["compare", str(path), str(path)]) == 2
    assert "the names must differ" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1, "scenario": "x"}', encoding="utf-8")
    assert main(["compare", str(broken)]) == 2
    assert "broken.json: environments: missing" in capsys.readouterr().err
    assert main(["compare", str(path), "--env", "qa"]) == 2
    assert "no environment 'qa'" in capsys.readouterr().err
