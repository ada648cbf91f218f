"""Every report opens with a summary a manager reads: per environment the monthly and yearly
cost, the cluster, each datastore in one line, the tier, the most serious warnings and the
assumptions, all of them the plan's own figures (issue 16)."""

from __future__ import annotations

import json

import pytest

import tierplan
from test_reports_content import md_rows
from test_reports_html import TableReader, keyed_rows
from tierplan.reports.comparison import compare, comparison_to_dict, gib, usd
from tierplan.reports.html import render_html
from tierplan.reports.markdown import render_md
from tierplan.reports.text import render_text


def careless() -> tierplan.Scenario:
    """The built-in scenario with production's policy raising several warnings."""
    scenario = tierplan.Scenario.builtin()
    production = scenario.environments[2]
    production.policy.datastores.redis_maxmemory_configured = False
    production.policy.logs.level = tierplan.LogLevel.debug
    production.policy.backups.object_storage.versioning = False
    production.policy.backups.helm_values_in_version_control = False
    return scenario


@pytest.fixture(scope="module")
def plan() -> tierplan.Plan:
    return tierplan.plan(careless())


def expected_summary(plan: tierplan.Plan) -> dict[tuple[str, str], list[str]]:
    envs = list(plan.environments)
    return {
        ("Summary", "cost per month"): [usd(e.cost.total_usd_month) for e in envs],
        ("Summary", "cost per year"): [usd(e.cost.total_usd_year) for e in envs],
        ("Summary", "cluster"): [
            f"{e.nodes.count} x {e.nodes.node_type.name} ({e.nodes.node_type.vcpu} vCPU /"
            f" {e.nodes.node_type.memory_gib:g} GiB each)"
            for e in envs
        ],
        ("Summary", "tier"): [e.tier.name for e in envs],
        ("Summary", "warnings"): [str(len(e.warnings)) for e in envs],
        ("Assumptions", "prices as of"): [e.cost.prices_as_of for e in envs],
        ("Assumptions", "daily active users"): [
            f"{e.daily_active_users:,.0f}, growth x{e.growth_factor:.2f}" for e in envs
        ],
    }


def test_the_summary_holds_the_plans_figures(plan: tierplan.Plan) -> None:
    comparison = compare(plan)
    rows = {
        (section.title, row.label): [cell.value for cell in row.cells]
        for section in comparison.summary
        for row in section.rows
    }
    for key, cells in expected_summary(plan).items():
        assert rows[key] == cells, key
    for index, env in enumerate(plan.environments):
        pg = env.data.postgres
        assert rows["Summary", "PostgreSQL"][index].startswith(
            f"{pg.shape.name} ({pg.shape.vcpu} vCPU / {pg.shape.memory_gib:g} GiB),"
            f" {gib(pg.storage_gib)}, {pg.topology}"
        )
        assert env.data.redis.topology in rows["Summary", "Redis"][index]
        assert f"{env.data.qdrant.points:,.0f} vectors" in rows["Summary", "Qdrant"][index]
        assert rows["Summary", "object storage"][index].startswith(
            gib(env.data.object_storage.total_gib)
        )


def test_the_summary_shows_the_three_most_serious_warnings_the_core_ranks(
    plan: tierplan.Plan,
) -> None:
    production = plan.environment("production")
    assert len(production.warnings) > 3
    key = production.key_warnings()
    assert len(key) == 3
    # The planner writes the DEBUG logs warning before the Helm one; the ranking puts what
    # loses data (Helm values, versioning) before what grows (logs).
    assert all("DEBUG logs" not in w for w in key)
    risks = [tierplan.warning_risk(w).value for w in key]
    assert risks == sorted(risks)
    comparison = compare(plan)
    assert comparison.key_warnings[2] == tuple(key)
    text = render_text(comparison)
    summary_part = text[: text.index("\nDetail\n")]
    for warning in key:
        assert f"  - {warning}" in summary_part
    assert "[production] 3 of" in summary_part


def test_the_summary_comes_first_in_every_format(plan: tierplan.Plan) -> None:
    comparison = compare(plan)
    text = render_text(comparison)
    assert text.index("cost per month") < text.index("Kubernetes workers")
    md = render_md(comparison)
    assert md.index("## Summary") < md.index("## Assumptions") < md.index("## Load")
    assert md.index("## Most serious warnings") < md.index("## Load")
    rows = md_rows(md)
    for key, cells in expected_summary(plan).items():
        assert rows[key] == cells, key
    html = render_html(comparison)
    assert html.index('id="summary"') < html.index('id="cost"') < html.index('id="comparison"')


def test_the_html_summary_table_holds_the_same_figures(plan: tierplan.Plan) -> None:
    html = render_html(compare(plan))

    class SummaryReader(TableReader):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "table" and ("id", "summary") in attrs:
                self.inside = True
            else:
                super().handle_starttag(tag, attrs)

    reader = SummaryReader()
    reader.feed(html)
    rows = keyed_rows(reader.rows)
    for key, cells in expected_summary(plan).items():
        assert rows[key] == cells, key
    production = plan.environment("production")
    warnings_row = rows["Summary", "most serious warnings"]
    for index, env in enumerate(plan.environments):
        for warning in env.key_warnings():
            assert warning in warnings_row[index]
    assert "more under Warnings" in warnings_row[2]
    assert len(production.warnings) > len(production.key_warnings())


def test_the_runs_on_and_price_date_rows_are_in_the_assumptions_only(plan: tierplan.Plan) -> None:
    document = json.loads(json.dumps(comparison_to_dict(compare(plan))))
    assumptions = {row["label"] for row in document["summary"][1]["rows"]}
    assert {"runs on", "prices as of", "daily active users"} <= assumptions
    detail_labels = {row["label"] for section in document["sections"] for row in section["rows"]}
    assert "runs on" not in detail_labels and "prices as of" not in detail_labels
    assert document["key_warnings"]["production"] == plan.environment("production").key_warnings()
