"""The Markdown, HTML and JSON comparisons show the plan's numbers, and only those."""

from __future__ import annotations

import json

import pytest

import tierplan
from test_reports_html import TableReader, keyed_rows
from tierplan.reports.comparison import SECTIONS, Cell, compare, comparison_to_dict, detail, usd
from tierplan.reports.html import render_html
from tierplan.reports.markdown import render_md


@pytest.fixture(scope="module")
def plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


def md_rows(text: str) -> dict[tuple[str, str], list[str]]:
    """(section, first cell) -> the other cells of every Markdown table row."""
    rows = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:]
        elif line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[section, cells[0]] = cells[1:]
    return rows


def expected_cells(plan: tierplan.Plan) -> dict[tuple[str, str], list[str]]:
    envs = list(plan.environments)
    return {
        ("Kubernetes workers", "worker nodes"): [
            f"{e.nodes.count} x {e.nodes.node_type.name}" for e in envs
        ],
        ("Kubernetes workers", "node cost (USD/month)"): [
            f"${e.nodes.cost_usd_month:,.0f}" for e in envs
        ],
        ("Kubernetes workers", "tier"): [e.tier.name for e in envs],
        ("PostgreSQL", "max_connections"): [f"{e.data.postgres.max_connections:,}" for e in envs],
        ("Redis", "instance memory"): [
            f"{e.data.redis.instance_memory_gib:g} GiB"
            f" (maxmemory {e.data.redis.maxmemory_mib:,.0f} MiB)"
            for e in envs
        ],
        ("Qdrant", "nodes"): [
            f"{e.data.qdrant.nodes} x {e.data.qdrant.shape.vcpu} vCPU /"
            f" {e.data.qdrant.shape.memory_gib:g} GiB"
            for e in envs
        ],
        ("Replicas", "worker_beat"): [str(e.component("worker_beat").replicas) for e in envs],
        ("Requests / limits per replica", "worker"): [
            f"{c.request_cpu_m / 1000:.2f} / {c.limit_cpu_m / 1000:.2f} CPU,"
            f" {c.request_memory_mib / 1024:.1f} / {c.limit_memory_mib / 1024:.1f} GiB"
            for c in (e.component("worker") for e in envs)
        ],
        ("High availability", "survives the loss of a node (N+1)"): [
            "yes" if e.nodes.survives_node_loss else "no" for e in envs
        ],
    }


def test_markdown_shows_the_plans_numbers(plan: tierplan.Plan) -> None:
    text = render_md(compare(plan))
    rows = md_rows(text)
    assert rows["Load", ""] == [e.name for e in plan.environments]
    for key, cells in expected_cells(plan).items():
        assert rows[key] == cells, key
    api = plan.environment("production").component("api")
    assert rows["Replicas", "api"][2] == (
        f"{api.replicas} (HPA {api.autoscaling.min_replicas}-{api.autoscaling.max_replicas})"
    )


def test_html_shows_the_same_numbers_as_markdown(plan: tierplan.Plan) -> None:
    comparison = compare(plan)
    reader = TableReader()
    reader.feed(render_html(comparison))
    html_rows = keyed_rows(reader.rows)
    # The detail's tables (the summary's are <table id="summary">, tests/test_reports_summary.py).
    summary = {section.title for section in comparison.summary}
    md = {
        key: cells
        for key, cells in md_rows(render_md(comparison)).items()
        if key[1] and key[0] not in summary
    }
    assert html_rows == md
    for key, cells in expected_cells(plan).items():
        assert html_rows[key] == cells, key


def test_every_reason_of_the_plan_is_in_the_reports(plan: tierplan.Plan) -> None:
    md = render_md(compare(plan))
    html = render_html(compare(plan))
    for env in plan.environments:
        for reason in (env.nodes.count_reason, env.tier.reason, env.data.postgres.shape_reason):
            assert reason.replace("|", "\\|").replace("<", "&lt;") in md
        for component in env.components:
            assert component.replicas_reason in md
        for warning in env.warnings:
            assert warning in md
    assert "title=" in html and "<details>" in html


def test_the_comparison_json_is_the_reports_table(plan: tierplan.Plan) -> None:
    comparison = compare(plan)
    document = json.loads(json.dumps(comparison_to_dict(comparison)))
    assert document["format"] == "tierplan-comparison"
    assert document["environments"] == ["test", "staging", "production"]
    assert [s["title"] for s in document["sections"]][:3] == [
        "Load",
        "Kubernetes workers",
        "PostgreSQL",
    ]
    rows = {
        (section["title"], row["label"]): row["cells"]
        for section in document["sections"]
        for row in section["rows"]
    }
    production = plan.environment("production")
    assert rows["Kubernetes workers", "worker nodes"]["production"] == {
        "value": f"{production.nodes.count} x {production.nodes.node_type.name}",
        "reason": production.nodes.count_reason,
    }
    assert document["warnings"]["production"] == list(production.warnings)


def test_sections_follow_the_official_checklist_then_components_and_availability(
    plan: tierplan.Plan,
) -> None:
    titles = [section.title for section in compare(plan).sections]
    assert titles == [
        "Load",
        "Kubernetes workers",
        "PostgreSQL",
        "Redis",
        "Qdrant",
        "Object storage",
        "Replicas",
        "Requests / limits per replica",
        "High availability",
        "Logs",
        "Backups",
        "Cost per month (USD)",
    ]
    assert len(SECTIONS) == len(titles)


def test_logs_backups_and_cost_rows_show_the_plans_figures(plan: tierplan.Plan) -> None:
    rows = {
        (section.title, row.label): dict(zip(plan_names(plan), row.cells, strict=True))
        for section in compare(plan).sections
        for row in section.rows
    }
    for env in plan.environments:
        assert rows["Logs", "volume"][env.name] == Cell(
            f"{env.logs.gib_per_day:,.2f} GiB/day", env.logs.volume_reason
        )
        assert rows["Backups", "PostgreSQL RTO"][env.name].reason == env.backups.postgres.rto_reason
        assert rows["Cost per month (USD)", "total"][env.name] == Cell(
            usd(env.cost.total_usd_month), env.cost.total_reason
        )
        for item in env.cost.items:
            cell = rows["Cost per month (USD)", item.item.replace("_", " ")][env.name]
            assert cell == Cell(usd(item.cost_usd_month), item.reason)
    assert rows["Logs", "level"]["test"].value == "DEBUG"
    assert rows["Logs", "level"]["production"].value.startswith("INFO")


def plan_names(plan: tierplan.Plan) -> list[str]:
    return [e.name for e in plan.environments]


def test_one_environment_in_detail_lists_its_nodes_connections_and_tables(
    plan: tierplan.Plan,
) -> None:
    production = plan.environment("production")
    comparison = detail(plan, "production")
    assert comparison.environments == ("production",)
    sections = {section.title: section for section in comparison.sections}
    assert len(sections["Nodes"].rows) == production.nodes.count
    connection_rows = sections["PostgreSQL connections (replicas at the HPA maximum x pool)"].rows
    assert [row.label for row in connection_rows][:-1] == [
        use.component for use in production.data.postgres.connections
    ]
    assert len(sections["PostgreSQL tables at the horizon"].rows) == len(
        production.data.postgres.tables
    )


def test_component_rows_follow_the_plans_order(plan: tierplan.Plan) -> None:
    comparison = compare(plan, ["test", "production"])
    assert comparison.environments == ("test", "production")
    for title in ("Replicas", "Requests / limits per replica"):
        section = next(s for s in comparison.sections if s.title == title)
        assert [row.label for row in section.rows] == [
            c.name for c in plan.environment("test").components
        ]
