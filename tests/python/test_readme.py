"""Every example in README.md runs: the Python blocks as code, the tierplan commands."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def _blocks(language: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_readme_python_examples_run(tmp_path: Path) -> None:
    blocks = _blocks("python")
    assert blocks, "README.md has no Python example"
    for block in blocks:
        result = subprocess.run(
            [sys.executable, "-c", block], cwd=tmp_path, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr


def test_readme_tierplan_commands_run(tmp_path: Path) -> None:
    commands = [
        line.split("#")[0].strip()
        for block in _blocks("sh")
        for line in block.splitlines()
        if line.startswith("tierplan ")
    ]
    assert commands, "README.md shows no tierplan command"
    for command in commands:
        words = shlex.split(command.replace(">", " > "))
        output = None
        if ">" in words:
            output = tmp_path / words[words.index(">") + 1]
            words = words[: words.index(">")]
        result = subprocess.run(
            [sys.executable, "-m", "tierplan", *words[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"{command}: {result.stderr}"
        if output is not None:
            output.write_text(result.stdout, encoding="utf-8")
