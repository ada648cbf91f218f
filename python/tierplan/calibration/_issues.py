"""Collecting every problem of a measurement file before raising, as the C++ core does."""

from __future__ import annotations

import csv
import math
import os
from pathlib import Path

from tierplan.errors import SourceError, ValidationError

# Past this many problems in one file, the rest are counted rather than listed.
_MAX_LISTED = 20


class Issues:
    """Problems as ``(path, message)``; ``raise_if_any`` raises one ValidationError for all."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.unlisted = 0

    def add(self, path: str, message: str) -> None:
        if len(self.items) < _MAX_LISTED:
            self.items.append((path, message))
        else:
            self.unlisted += 1

    def number(self, text: str, path: str) -> float:
        """``text`` as a finite float, or 0.0 after recording why it is not one."""
        try:
            value = float(text)
        except ValueError:
            self.add(path, f"must be a number, got {text!r}")
            return 0.0
        if not math.isfinite(value):
            self.add(path, f"must be a finite number, got {text!r}")
            return 0.0
        return value

    def raise_if_any(self) -> None:
        if not self.items:
            return
        issues = list(self.items)
        if self.unlisted:
            issues.append(("...", f"and {self.unlisted} more problems"))
        raise ValidationError("\n".join(f"{p}: {m}" for p, m in issues), issues)


def read_csv(path: str | os.PathLike[str]) -> tuple[str, csv.DictReader[str]]:
    """The file's name as errors give it, and a reader of its rows; SourceError when it
    cannot be read."""
    file = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{file}: cannot read: {error.strerror or error}") from error
    return file, csv.DictReader(text.splitlines())
