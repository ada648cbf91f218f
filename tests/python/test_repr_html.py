"""Plans and comparisons display as an HTML table in Jupyter: a fragment that carries the
plan's numbers and brings no stylesheet or script into the notebook."""

from __future__ import annotations

from html.parser import HTMLParser

import tierplan
from tierplan.reports.comparison import compare


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells: dict[str, list[str]] = {}
        self._env: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._env = dict(attrs).get("data-env") if tag == "td" else None

    def handle_data(self, data: str) -> None:
        if self._env is not None:
            self.cells.setdefault(self._env, []).append(data)
            self._env = None


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_plan_displays_its_environments_side_by_side() -> None:
    plan = tierplan.plan(tierplan.Scenario.builtin())
    parsed = parse(plan._repr_html_())
    assert parsed.tags.count("table") == 1
    assert not {"html", "style", "script", "link", "img"} & set(parsed.tags)
    assert set(parsed.cells) == {e.name for e in plan.environments}
    production = plan.environment("production")
    assert any(
        f"{production.nodes.count} x {production.nodes.node_type.name}" in cell
        for cell in parsed.cells["production"]
    )


def test_environment_plan_displays_only_itself() -> None:
    test = tierplan.plan(tierplan.Scenario.builtin()).environment("test")
    assert set(parse(test._repr_html_()).cells) == {"test"}


def test_comparison_displays_the_same_table_as_the_plan() -> None:
    plan = tierplan.plan(tierplan.Scenario.builtin())
    assert compare(plan)._repr_html_() == plan._repr_html_()
