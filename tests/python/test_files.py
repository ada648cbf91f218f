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


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomically(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


# A child that writes through the CLI's signal handling and is sent SIGTERM while the
# temporary file exists (from inside os.fsync, so the moment is certain).
TERMINATED_WRITER = """
import os, signal, sys
from tierplan import cli
from tierplan._files import write_atomically
cli.handle_termination_signals()
os.fsync = lambda descriptor: os.kill(os.getpid(), signal.SIGTERM)
write_atomically(sys.argv[1], "never whole\\n")
"""


def test_a_terminated_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    target = tmp_path / "plan.json"
    result = subprocess.run(
        [sys.executable, "-c", TERMINATED_WRITER, str(target)], capture_output=True, check=False
    )
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert list(tmp_path.iterdir()) == []
