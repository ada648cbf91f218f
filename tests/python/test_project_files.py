"""The repository stands alone: one Python version everywhere, and no test data outside it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_makefile_and_pyproject_name_the_same_oldest_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requires = project["project"]["requires-python"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^PYTHON_MIN := (\S+)$", makefile, re.MULTILINE)
    assert match is not None, "the Makefile sets PYTHON_MIN"
    assert requires == f">={match.group(1)}"
    mypy_version = project["tool"]["mypy"]["python_version"]
    ruff_target = project["tool"]["ruff"]["target-version"]
    assert mypy_version == match.group(1)
    assert ruff_target == "py" + match.group(1).replace(".", "")


def test_no_test_reads_files_from_beside_the_repository() -> None:
    # The reference figures live in tests/data (with their sources); a clone of the
    # repository alone must pass `make test`.
    outside = re.compile(r"\.\./shared|parents\[[3-9]\]")
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*")):
        if path.suffix not in {".py", ".cpp", ".txt", ".cmake"} or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if outside.search(line) and path.name != Path(__file__).name:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_reference_copy_names_its_source() -> None:
    readme = (ROOT / "tests" / "data" / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests" / "data").rglob("*.json")):
        assert path.relative_to(ROOT / "tests" / "data").as_posix() in readme
