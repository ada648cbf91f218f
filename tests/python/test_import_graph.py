"""No import cycles in the tierplan package: the layers import downwards only.

The graph is read from the source with ``ast``, not by importing, so that an import inside a
function (a lazy import that hides a cycle from the interpreter) counts like any other, and
so do imports under ``if TYPE_CHECKING``. An edge goes to the module an import statement
names: ``from tierplan.reports import html`` is an edge to ``tierplan.reports.html`` when
that is a module, to ``tierplan.reports`` otherwise. The implicit import of a module's parent
packages is not an edge (every module would otherwise depend on ``tierplan/__init__.py``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2] / "python" / "tierplan"
PACKAGE = "tierplan"


def _module_name(path: Path) -> str:
    parts = [PACKAGE, *path.relative_to(PACKAGE_ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    """Every module of the package, by dotted name: the Python sources, and the compiled
    extension through its stub (``_core.pyi``)."""
    found = {_module_name(p): p for p in sorted(PACKAGE_ROOT.rglob("*.py"))}
    for stub in sorted(PACKAGE_ROOT.rglob("*.pyi")):
        found.setdefault(_module_name(stub), stub)
    return found


def _is_package(path: Path) -> bool:
    return path.stem == "__init__"


def _imported(name: str, path: Path, tree: ast.AST, modules: set[str]) -> Iterator[str]:
    """The tierplan modules that one module's import statements name, anywhere in it."""
    package = name if _is_package(path) else name.rpartition(".")[0]

    def known(dotted: str) -> str | None:
        # The longest prefix that is a module: `import tierplan.study.frames` names it,
        # `from tierplan._core import Plan` names tierplan._core.
        parts = dotted.split(".")
        for end in range(len(parts), 0, -1):
            candidate = ".".join(parts[:end])
            if candidate in modules:
                return candidate
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if (target := known(alias.name)) is not None:
                    yield target
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                target = known(f"{source}.{alias.name}") or known(source)
                if target is not None:
                    yield target


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        graph[name] = {t for t in _imported(name, path, tree, set(modules)) if t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected component that has one (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_cycle_in(component, graph) for component in components]


def _cycle_in(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A closed path through the component's first module, for the failure message."""
    members = set(component)
    start = component[0]
    path = [start]
    seen = {start}
    while True:
        following = sorted(graph[path[-1]] & members)
        if start in following:
            return [*path, start]
        step = next((m for m in following if m not in seen), following[0])
        if step in seen:
            return [*path[path.index(step) :], step]
        path.append(step)
        seen.add(step)


def test_the_graph_sees_imports_at_every_level() -> None:
    graph = import_graph()
    assert "tierplan.cli" in graph
    assert "tierplan._core" in graph["tierplan.cli"]
    assert "tierplan._core" in graph[PACKAGE]


def test_a_lazy_import_inside_a_function_is_an_edge() -> None:
    tree = ast.parse("def f():\n    from tierplan.b import g\n    return g\n")
    edges = set(_imported("tierplan.a", Path("a.py"), tree, {"tierplan.a", "tierplan.b"}))
    assert edges == {"tierplan.b"}
    assert cycles({"tierplan.a": {"tierplan.b"}, "tierplan.b": {"tierplan.a"}}) == [
        ["tierplan.a", "tierplan.b", "tierplan.a"]
    ]


def test_the_package_has_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles in python/tierplan: " + "; ".join(
        " -> ".join(cycle) for cycle in found
    )


def test_the_optional_study_libraries_are_imported_only_when_used() -> None:
    # tierplan imports its presentation modules (tierplan._presentation attaches to_frame
    # and _repr_html_); pandas, matplotlib and tqdm must still wait until a frame, a plot or
    # a progress bar is asked for.
    code = (
        "import sys, tierplan, tierplan.study, tierplan.study.frames, tierplan.study.plots,"
        " tierplan.reports.html, tierplan.cli\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'tqdm') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    assert result.stdout.decode().strip() == "[]"
