"""The HTML report opened in headless Chromium: the rendered page holds the comparison.

Chromium is Debian's package, installed by ``make deps`` (APT_PACKAGES). Without it this
test fails, on purpose: the HTML report is only checked when a browser renders it.
"""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
from pathlib import Path

import tierplan
from tierplan.reports.comparison import compare
from tierplan.reports.html import render_html


def chromium() -> str:
    path = shutil.which("chromium")
    assert path is not None, (
        "chromium is not installed: run `make deps` (it installs Debian's chromium package)"
    )
    return path


def dump_dom(page: Path, profile: Path) -> str:
    command = [chromium(), "--headless", "--disable-gpu", f"--user-data-dir={profile}"]
    if os.geteuid() == 0:
        command.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    command += ["--dump-dom", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


class TableReader(html.parser.HTMLParser):
    """The rows of <table id="comparison"> as lists of cell texts, from the rendered DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("id", "comparison") in attrs:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def keyed_rows(rows: list[list[str]]) -> dict[tuple[str, str], list[str]]:
    """(section, label) -> cells, from the table's rows (a one-cell row opens a section)."""
    keyed = {}
    section = ""
    for row in rows[1:]:
        if len(row) == 1:
            section = row[0]
        else:
            keyed[section, row[0]] = row[1:]
    return keyed


def test_chromium_renders_the_comparison_table_with_every_environment_and_node_count(
    tmp_path: Path,
) -> None:
    plan = tierplan.plan(tierplan.Scenario.builtin())
    page = tmp_path / "report.html"
    page.write_text(render_html(compare(plan)), encoding="utf-8")
    dom = dump_dom(page, tmp_path / "profile")

    reader = TableReader()
    reader.feed(dom)
    assert reader.rows, "the rendered page has no <table id=comparison>"
    names = [e.name for e in plan.environments]
    assert reader.rows[0] == ["", *names]
    rows = keyed_rows(reader.rows)
    assert rows["Kubernetes workers", "worker nodes"] == [
        f"{e.nodes.count} x {e.nodes.node_type.name}" for e in plan.environments
    ]
    assert rows["Replicas", "worker_beat"] == ["1", "1", "1"]
    assert rows["High availability", "survives the loss of a node (N+1)"] == [
        "yes" if e.nodes.survives_node_loss else "no" for e in plan.environments
    ]
    for section in ("Kubernetes workers", "PostgreSQL", "Redis", "Qdrant", "High availability"):
        assert [section] in reader.rows


def test_the_html_report_loads_nothing_from_outside() -> None:
    text = render_html(compare(tierplan.plan(tierplan.Scenario.builtin())))
    assert "<script" not in text
    assert "<link" not in text
    assert "@import" not in text and "@font-face" not in text
    assert not re.search(r"\b(src|href)\s*=", text)
    assert not re.search(r"url\(", text)
    assert "http://" not in text and "https://" not in text


def test_the_html_report_escapes_every_string() -> None:
    # Scenario names are identifiers (validated); node type names are free text, and the
    # report shows the chosen one in every environment.
    scenario = tierplan.Scenario.builtin()
    renamed = {}
    for i, node_type in enumerate(scenario.catalog.node_types):
        renamed[node_type.name] = f'<script>alert("x")</script> & co {i}'
        node_type.name = renamed[node_type.name]
    for environment in scenario.environments:
        if environment.policy.node_type:
            environment.policy.node_type = renamed[environment.policy.node_type]
    text = render_html(compare(tierplan.plan(scenario)))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in text
