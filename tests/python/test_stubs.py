"""The checked-in type stub must match the compiled module (regenerate: make stubs)."""

from __future__ import annotations

import ast
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import tierplan

CHECKED_IN = Path(__file__).resolve().parents[2] / "python" / "tierplan" / "_core.pyi"


def test_core_stub_matches_the_compiled_module(tmp_path: Path) -> None:
    stubgen = shutil.which("pybind11-stubgen") or str(
        Path(sys.executable).parent / "pybind11-stubgen"
    )
    subprocess.run(
        [stubgen, "tierplan._core", "-o", str(tmp_path)], check=True, capture_output=True
    )
    generated = (tmp_path / "tierplan" / "_core.pyi").read_text(encoding="utf-8")
    assert generated == CHECKED_IN.read_text(encoding="utf-8"), (
        "python/tierplan/_core.pyi drifted from the module: run `make stubs` and review the diff"
    )


def _stub_methods(class_name: str) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(CHECKED_IN.read_text(encoding="utf-8"))
    (cls,) = (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name)
    return {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}


def test_typed_users_see_the_methods_attached_in_python() -> None:
    # to_frame and _repr_html_ are Python functions set onto the compiled classes
    # (tierplan._presentation); the stub declares them with their Python annotations.
    for class_name, method, returns in [
        ("Plan", "to_frame", "pandas.DataFrame"),
        ("EnvironmentPlan", "to_frame", "pandas.DataFrame"),
        ("StudyTable", "to_frame", "pandas.DataFrame"),
        ("Plan", "_repr_html_", "str"),
        ("EnvironmentPlan", "_repr_html_", "str"),
    ]:
        function = _stub_methods(class_name)[method]
        assert function.returns is not None
        assert ast.unparse(function.returns) == returns, (class_name, method)
        assert inspect.isfunction(getattr(getattr(tierplan, class_name), method))
