"""Output files are written whole or not at all (python/tierplan/_files.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tierplan._files import write_atomically


def test_a_new_file_appears_whole_with_no_temporary_left(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_atomically(target, "<p>whole</p>\n")
    assert target.read_text(encoding="utf-8") == "<p>whole</p>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "values.yaml"
    target.write_text("old: 1\n")
    write_atomically(target, "new: 2\n")
    assert target.read_text() == "new: 2\n"


def test_a_failure_before_the_rename_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("previous report\n")

    def fail(source: str, destination: str) -> None:
        assert Path(source).parent == tmp_path  # the temporary sits beside the target
        assert Path(source).read_text() == "# new report\n"  # written in full first
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, "# new report\n")
    assert target.read_text() == "previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_a_failure_while_writing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "postgresql.conf"

    def fail(descriptor: int) -> None:
        raise OSError("I/O error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="I/O error"):
        write_atomically(target, "max_connections = 240\n")
    assert list(tmp_path.iterdir()) == []
