"""Every term of the reports a manager may not know is explained once, in the report's
glossary (issue 16)."""

from __future__ import annotations

import re
from html import unescape

import pytest

import tierplan
from tierplan.reports.comparison import compare, detail
from tierplan.reports.glossary import TERMS, terms_used
from tierplan.reports.html import render_html
from tierplan.reports.markdown import render_md
from tierplan.reports.text import render_text

# The words of the reports a reader outside the platform team may not know. A report that
# uses one of them must explain it.
MANAGER_TERMS = (
    "tier", "vCPU", "GiB", "allocatable", "DaemonSets", "HPA", "N+1", "PgBouncer",
    "max_connections", "maxmemory", "maxclients", "Multi-AZ", "Sentinel", "standby",
    "failover", "PITR", "WAL", "RPO", "RTO", "Qdrant", "replication factor", "shard",
    "snapshot", "versioning", "on-demand", "Celery", "SQLAlchemy", "Helm", "kubelet",
)  # fmt: skip


def uses(term: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(term)}s?(?![\w-])", text) is not None


def with_sentinels() -> tierplan.Scenario:
    """Production's Redis self-managed: a primary, a replica and three Sentinels."""
    scenario = tierplan.Scenario.builtin()
    scenario.environments[2].policy.datastores.redis_mode = tierplan.DatastoreMode.self_managed
    return scenario


def split(text: str, marker: str) -> tuple[str, str]:
    body, _, glossary = text.partition(marker)
    assert glossary, f"no {marker!r} in the report"
    return body, glossary


def reports() -> list[tuple[str, str, str]]:
    """(name, body, glossary) of each report format of plans that use every kind of term."""
    out = []
    for scenario in (tierplan.Scenario.builtin(), with_sentinels()):
        plan = tierplan.plan(scenario)
        for comparison in (compare(plan), detail(plan, "production")):
            out.append(
                (
                    f"text {comparison.environments}",
                    *split(render_text(comparison), "\nGlossary:\n"),
                )
            )
            out.append(
                (f"md {comparison.environments}", *split(render_md(comparison), "\n## Glossary\n"))
            )
            html = render_html(comparison)
            body, glossary = split(html, '<section id="glossary">')
            out.append(
                (
                    f"html {comparison.environments}",
                    unescape(re.sub(r"<[^>]+>", " ", body)),
                    unescape(re.sub(r"<[^>]+>", " ", glossary)),
                )
            )
    return out


@pytest.fixture(scope="module")
def every_report() -> list[tuple[str, str, str]]:
    return reports()


def test_every_manager_term_is_in_the_glossary() -> None:
    known = {term.term for term in TERMS}
    assert [t for t in MANAGER_TERMS if t not in known] == []
    assert len(known) == len(TERMS), "a term is explained twice"


def test_each_term_a_report_uses_is_explained_in_its_glossary(
    every_report: list[tuple[str, str, str]],
) -> None:
    explained = {term.term: term.explanation for term in TERMS}
    seen = set()
    for name, body, glossary in every_report:
        for term in MANAGER_TERMS:
            if uses(term, body):
                seen.add(term)
                assert explained[term] in re.sub(r"\s+", " ", glossary), (name, term)
    # The reports of these plans use nearly every term: the check above ran on them.
    assert {"tier", "HPA", "N+1", "PgBouncer", "PITR", "Multi-AZ", "Sentinel", "maxmemory"} <= seen


def test_a_glossary_lists_only_the_terms_its_report_uses() -> None:
    assert [t.term for t in terms_used("3 x m5.2xlarge, HPA 3-4")] == ["HPA"]
    assert terms_used("nothing to explain here") == []
    # "N+1" is found as written, "tier" as a word (not inside "tierplan").
    assert [t.term for t in terms_used("tierplan: survives (N+1)")] == ["N+1"]
