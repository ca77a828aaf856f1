"""One error type for everything an editor can get wrong, and the two ways of printing it."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from generator.text import counted

FieldPath = tuple[str | int, ...]
"""Where a value stands within a file: ('steps', 2, 'text') is steps[2].text."""


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem in one place of one content file.

    Fields are ordered so that sorting a list of errors sorts by file, then line, then column.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def located(self) -> str:
        where = f"{printable(self.path)}:{self.line}:{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: error: {printable(what)}"


class HintedError(ValueError):
    """What a content type's check raises (pydantic passes it on, in the error's context), with
    a hint the editor's message carries."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ContentErrors(Exception):
    """Raised once, after every file has been checked, with every error found."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors: list[ContentError] = sorted(set(errors))
        super().__init__(f"{len(self.errors)} content errors")


def format_terminal(errors: Sequence[ContentError]) -> str:
    lines: list[str] = []
    for error in errors:
        lines.append(error.located())
        if error.hint:
            lines.append(f"  hint: {printable(error.hint)}")
    files = len({error.path for error in errors})
    lines.append(f"{counted(len(errors), 'error')} in {counted(files, 'file')}")
    return "\n".join(lines)


def format_github(errors: Sequence[ContentError]) -> str:
    """GitHub Actions workflow commands, so each error shows on the pull request's diff."""
    lines = []
    for error in errors:
        text = error.located().split(": error: ", 1)[1]
        if error.hint:
            text += f" (hint: {printable(error.hint)})"
        where = (
            f"file={_escape_property(printable(error.path))},line={error.line},col={error.column}"
        )
        lines.append(f"::error {where}::{_escape_data(text)}")
    return "\n".join(lines)


def printable(text: str) -> str:
    """text with every character that is not printable (line breaks, escape sequences, format
    and bidi controls, invisible spaces) written as its Python escape: a file name or value
    holding a line break cannot start a line of its own in a log, where a CI runner would read a
    line beginning '::' as a command, nor move or hide the text around it."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def say(text: str, stream: TextIO | None = None) -> None:
    """Print one message to stdout, or stream, made printable whole: whatever a name or a value
    in it holds, it stays one line, and no CI runner reads a command of its own in it. Every
    message the commands print goes through here or say_lines."""
    print(printable(text), file=stream or sys.stdout, flush=True)


def say_lines(report: str, stream: TextIO | None = None, end: str = "\n") -> None:
    """Print a report of many lines whose every name and value was made printable already
    (format_terminal, format_github, the changes report): its own line breaks are kept."""
    text = "\n".join(printable(line) for line in report.split("\n"))
    print(text, file=stream or sys.stdout, end=end, flush=True)


def _escape_data(text: str) -> str:
    # GitHub's workflow command syntax: a message may not hold a raw %, CR or LF, or a file name
    # or message could start a workflow command of its own on a new line.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # A property value also ends at ',' and ':'.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
