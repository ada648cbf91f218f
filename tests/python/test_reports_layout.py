"""The HTML report as a reader sees it, in headless Chromium: the summary and the cost chart on
the first screen of a 1,400 px wide window, and a clean document when printed to PDF (issue 16).

Chromium is Debian's package (APT_PACKAGES in the Makefile); pypdf reads the printed PDF.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest
from pypdf import PdfReader

import tierplan
from test_reports_html import chromium
from tierplan.reports.comparison import compare
from tierplan.reports.html import render_html
from tierplan.reports.svg import PALETTE, _cost_items

WIDTH, FIRST_SCREEN = 1400, 1000

# Added to a copy of the page, so that Chromium writes where the parts of the report are
# laid out into the DOM it dumps. The report itself has no script.
MEASURE = """<script>
const box = (id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return {top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, right: r.right};
};
document.body.setAttribute("data-layout", JSON.stringify({
  summary: box("summary"), cost: box("cost"), capacity: box("capacity"),
  page_width: document.documentElement.scrollWidth}));
</script>"""


def run_chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    command = [chromium(), "--headless", "--disable-gpu", f"--user-data-dir={profile}"]
    if os.geteuid() == 0:
        command.append("--no-sandbox")
    result = subprocess.run(
        [*command, *arguments], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def plan() -> tierplan.Plan:
    return tierplan.plan(tierplan.Scenario.builtin())


@pytest.fixture(scope="module")
def page(plan: tierplan.Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(compare(plan)), encoding="utf-8")
    return path


def test_the_summary_and_the_cost_chart_are_on_the_first_screen(page: Path, tmp_path: Path) -> None:
    measured = tmp_path / "measured.html"
    measured.write_text(
        page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"), encoding="utf-8"
    )
    dom = run_chromium(
        tmp_path / "profile",
        f"--window-size={WIDTH},{FIRST_SCREEN}",
        "--dump-dom",
        measured.as_uri(),
    ).stdout
    found = re.search(r'data-layout="([^"]*)"', dom)
    assert found is not None, "the measuring script did not run"
    layout = json.loads(found.group(1).replace("&quot;", '"'))
    assert layout["summary"]["top"] < layout["cost"]["top"]
    assert layout["cost"]["bottom"] <= FIRST_SCREEN, layout
    assert layout["page_width"] <= WIDTH, "the page scrolls sideways"
    assert layout["capacity"]["right"] <= WIDTH


def test_the_screenshot_of_the_first_screen_shows_the_whole_cost_chart(
    plan: tierplan.Plan, page: Path, tmp_path: Path
) -> None:
    screenshot = tmp_path / "first-screen.png"
    run_chromium(
        tmp_path / "profile",
        f"--window-size={WIDTH},{FIRST_SCREEN}",
        "--hide-scrollbars",
        f"--screenshot={screenshot}",
        page.as_uri(),
    )
    pixels = matplotlib.image.imread(screenshot)[:, :, :3]
    assert pixels.shape[:2] == (FIRST_SCREEN, WIDTH)
    # The legend's last swatch is the lowest part of the cost chart: its colour on the
    # screenshot means the whole chart is on the first screen.
    items = _cost_items(list(plan.environments))
    colour = PALETTE[(len(items) - 1) % len(PALETTE)]
    rgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    assert np.any(np.all(np.abs(pixels - rgb) < 0.02, axis=2)), f"no {colour} on the first screen"


def _text_positions(pdf: PdfReader) -> list[tuple[int, float, str]]:
    """(page, x, text) of every piece of text drawn, x in PDF points from the left edge."""
    found: list[tuple[int, float, str]] = []
    for number, pdf_page in enumerate(pdf.pages):

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                found.append((number, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], text))  # noqa: B023

        pdf_page.extract_text(visitor_text=visit)
    return found


def test_printing_gives_a_few_clean_pages_with_every_column_on_the_page(
    plan: tierplan.Plan, page: Path, tmp_path: Path
) -> None:
    pdf_path = tmp_path / "report.pdf"
    run_chromium(
        tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", page.as_uri()
    )
    pdf = PdfReader(pdf_path)
    # The detail, the reasons and the glossary each start a page; the built-in plan printed
    # on 16 A4 pages when this was written, most of them the reasons.
    assert 4 <= len(pdf.pages) <= 20, len(pdf.pages)
    first_page = re.sub(r"\s+", "", pdf.pages[0].extract_text())
    assert "costpermonth" in first_page and "pricesasof" in first_page
    assert f"${plan.environment('production').cost.total_usd_month:,.0f}/month" in first_page
    width = float(pdf.pages[0].mediabox.width)
    positions = _text_positions(pdf)
    assert positions
    beyond = [(p, x, t) for p, x, t in positions if not 0 <= x < width]
    assert not beyond, beyond[:5]
    text = "\n".join(p.extract_text() for p in pdf.pages)
    compact = re.sub(r"\s+", "", text)
    # The last column of the widest tables is printed, not cut off at the page's edge.
    production = plan.environment("production")
    for value in (
        f"{production.nodes.count}x{production.nodes.node_type.name}",
        f"${production.cost.total_usd_year:,.0f}",
        production.data.postgres.topology.replace(" ", ""),
    ):
        assert value in compact, value
    # The reasons, folded on screen, are printed.
    assert re.sub(r"\s+", "", production.nodes.count_reason)[:60] in compact
