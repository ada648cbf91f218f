"""The exceptions tierplan raises. The C++ core's errors are translated to these."""

from __future__ import annotations

from collections.abc import Iterable


class ValidationError(ValueError):
    """Invalid input: ``issues`` lists every ``(path, message)`` found, in document order.

    ``str(error)`` is one ``path: message`` line per issue.
    """

    def __init__(self, message: str, issues: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.issues: list[tuple[str, str]] = list(issues)


class PlanningError(RuntimeError):
    """A valid scenario that no plan can satisfy; the message says what and why."""


class SourceError(OSError):
    """A measurement source that cannot be read: a missing file, an unreachable URL, an HTTP
    error. The message names the source and the cause."""


class OutputError(OSError):
    """An output file that cannot be written: its directory is missing or not writable, or the
    disk is full. The message names the file the user gave and the cause, never the temporary
    file beside it."""
