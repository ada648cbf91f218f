"""The checked-in type stub must match the compiled module (regenerate: make stubs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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
