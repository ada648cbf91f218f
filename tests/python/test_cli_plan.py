"""`tierplan plan` and `tierplan demo`: tables, JSON, environment choice, whole files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import tierplan


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tierplan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_plan_defaults_to_the_builtin_scenario_as_a_table_of_every_environment() -> None:
    result = run("plan")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[2]
    assert header.split() == ["test", "staging", "production"]
    assert "replicas (production floor min_replicas 3" in result.stdout


def test_plan_json_of_one_environment_equals_the_library_plan(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = run("plan", "--env", "production", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    written = json.loads(out.read_text())
    expected = tierplan.plan(tierplan.Scenario.builtin()).to_dict()
    assert [e["name"] for e in written["environments"]] == ["production"]
    assert written["environments"][0] == expected["environments"][2]


def test_plan_of_an_unknown_environment_exits_2_naming_the_known_ones() -> None:
    result = run("plan", "--env", "prod")
    assert result.returncode == 2
    assert "no environment 'prod'; known: test, staging, production" in result.stderr


def test_an_infeasible_scenario_writes_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["environments"][2]["policy"]["latency_target_ms"] = 1  # below every service time
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(document))
    out = tmp_path / "plan.txt"
    out.write_text("previous report\n")
    result = run("plan", str(scenario), "-o", str(out))
    assert result.returncode == 1
    assert "cannot plan: production: api: latency target 1.00 ms is not above" in result.stderr
    assert out.read_text() == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "scenario.json"]


def test_an_invalid_scenario_file_exits_2_with_every_error(tmp_path: Path) -> None:
    document = tierplan.Scenario.builtin().to_dict()
    document["workload"]["daily_active_users"] = -5
    document["workload"]["peak_hour_fraction"] = 0
    scenario = tmp_path / "bad.json"
    scenario.write_text(json.dumps(document))
    result = run("plan", str(scenario))
    assert result.returncode == 2
    assert "workload.daily_active_users: must be >= 0, got -5" in result.stderr
    assert "workload.peak_hour_fraction: must be > 0, got 0" in result.stderr


def test_demo_shows_test_and_production_side_by_side() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[2].split() == ["test", "production"]
    worker_nodes = next(line for line in lines if line.startswith("worker nodes"))
    assert "1 x" in worker_nodes and "7 x" in worker_nodes


def test_every_subcommand_has_help() -> None:
    for command in ([], ["plan"], ["example"], ["validate"], ["demo"]):
        result = run(*command, "--help")
        assert result.returncode == 0
        assert "usage: tierplan" in result.stdout
