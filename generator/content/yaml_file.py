"""Reads one YAML file into plain Python values, remembering where every key and value stood.

It uses libyaml's event parser (fast) and composes the values itself, which lets it refuse what YAML
would otherwise accept silently: duplicate keys, anchors and aliases, tags, tabs, and values that
do not mean what they show (yaml_scalars: `no` turning into false, `1:30` into 90). Before libyaml
reads a file, its size and nesting are checked on the bytes and the text (yaml_limits).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.yaml_limits import DEPTH_HINT, DEPTH_MESSAGE, MAX_DEPTH, limit_problem
from generator.content.yaml_scalars import QUOTED, Refused, plain_scalar, tag_shown
from generator.errors import ContentError, ContentErrors, FieldPath
from generator.text import shortened

MAX_FILE_BYTES = 256 * 1024
MAX_ERRORS = 100
"""Errors listed for one file: a file with more is not an edit gone wrong."""

Location = tuple[int, int]

# libyaml's C parser; the pure-Python one only where PyYAML was built without it.
_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


@dataclass(frozen=True)
class LoadedFile:
    """A file's values plus the 1-based (line, column) of each value and each mapping key."""

    path: str
    data: Any
    value_at: dict[FieldPath, Location] = field(repr=False)
    key_at: dict[FieldPath, Location] = field(repr=False)
    first_line: str = ""

    def locate(self, where: FieldPath) -> Location:
        """The closest known position: the value itself, else its key, else its nearest parent."""
        for end in range(len(where), -1, -1):
            prefix = where[:end]
            if prefix in self.value_at:
                return self.value_at[prefix]
            if prefix in self.key_at:
                return self.key_at[prefix]
        return (1, 1)


def load_file(path: Path, shown_as: str) -> LoadedFile:
    """Load one file; raise ContentErrors with every problem found in it."""
    raw = read_regular_file(path, shown_as)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _line_column(raw, error.start)
        raise _one(
            shown_as, line, column, "file is not UTF-8 text", "save the file as UTF-8"
        ) from None
    tab = _TAB_INDENT.search(text)
    if tab:
        line, column = _line_column(text.encode(), tab.end() - 1)
        raise _one(shown_as, line, column, "tab used for indenting", "indent with spaces only")
    # Before libyaml: its time grows with the square of the nesting.
    too_much = limit_problem(text)
    if too_much:
        raise _one(shown_as, too_much.line, too_much.column, too_much.message, too_much.hint)
    return _Composer(shown_as, text).compose()


def read_regular_file(path: Path, shown_as: str) -> bytes:
    """The bytes of a regular file no larger than the limit. A link, a folder, a pipe or a device
    is refused before anything is read, so nothing outside content/ is read or echoed."""
    try:
        # O_NONBLOCK: opening a pipe must not wait for a writer; O_NOFOLLOW: a link is refused.
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        link = error.errno == errno.ELOOP
        message = "is a link" if link else f"cannot be read ({error.strerror})"
        raise _one(shown_as, 1, 1, f"file {message}", _REAL_FILES) from None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
            raise _one(shown_as, 1, 1, f"this is {kind}, not a content file", _REAL_FILES)
        if status.st_size > MAX_FILE_BYTES:
            raise _too_big(shown_as, status.st_size)
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(shown_as, len(raw))
    return raw


_REAL_FILES = "content files must be plain files inside content/, not links, folders or devices"


def _too_big(shown_as: str, size: int) -> ContentErrors:
    return _one(
        shown_as,
        1,
        1,
        f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}",
        "split it into smaller items",
    )


def _one(path: str, line: int, column: int, message: str, hint: str = "") -> ContentErrors:
    return ContentErrors([ContentError(path, line, column, "", message, hint)])


def _line_column(raw: bytes, offset: int) -> Location:
    before = raw[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def _where(mark: Any) -> Location:
    return mark.line + 1, mark.column + 1


class _Composer:
    def __init__(self, shown_as: str, text: str) -> None:
        self.shown_as = shown_as
        self.text = text
        self.errors: list[ContentError] = []
        self.value_at: dict[FieldPath, Location] = {}
        self.key_at: dict[FieldPath, Location] = {}

    def compose(self) -> LoadedFile:
        self._events: Iterator[yaml.Event] = yaml.parse(self.text, Loader=_LOADER)
        try:
            data = self._document()
        except _TooManyErrors:
            data = None
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = _where(mark) if mark else (1, 1)
            message = f"not valid YAML: {error.problem or error.context}"
            self.errors.append(ContentError(self.shown_as, line, column, "", message))
        if self.errors:
            raise ContentErrors(self.errors)
        first_line = self.text.split("\n", 1)[0]
        return LoadedFile(self.shown_as, data, self.value_at, self.key_at, first_line)

    def _document(self) -> Any:
        events = self._events
        next(events)  # StreamStart
        first = next(events)
        if isinstance(first, yaml.StreamEndEvent):
            self._error((1, 1), "file is empty", "start from a file of the same kind")
            return None
        data = self._node(next(events), ())
        next(events)  # DocumentEnd
        extra = next(events)
        if not isinstance(extra, yaml.StreamEndEvent):
            self._error(_where(extra.start_mark), "only one YAML document per file", "remove '---'")
        return data

    def _node(self, event: yaml.Event, path: FieldPath) -> Any:
        self.value_at[path] = _where(event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:  # on a list or a group of fields as on a value
            message = f"YAML tags ({shortened(tag_shown(tag), QUOTED)}) are not used here"
            self._error(_where(event.start_mark), message, "remove the tag", dotted(path))
            if isinstance(event, yaml.ScalarEvent):
                return event.value
        if isinstance(event, yaml.AliasEvent):
            self._error(_where(event.start_mark), "aliases (*name) are not allowed", _WRITE_OUT)
            return None
        if getattr(event, "anchor", None):
            self._error(_where(event.start_mark), "anchors (&name) are not allowed", _WRITE_OUT)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if len(path) >= MAX_DEPTH:
            return self._too_deep(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(path)
        return self._mapping(path)

    def _too_deep(self, start: yaml.Event, path: FieldPath) -> Any:
        """A collection whose values would stand too deep: empty, or its first value reported and
        the rest passed over (without recursion)."""
        event = next(self._events)
        if isinstance(event, yaml.CollectionEndEvent):
            return [] if isinstance(start, yaml.SequenceStartEvent) else {}
        where, field = _where(event.start_mark), dotted(path) + "..."
        self._error(where, DEPTH_MESSAGE.format(depth=MAX_DEPTH), DEPTH_HINT, field)
        depth = 1
        while depth:
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            if depth:
                event = next(self._events)
        return None

    def _sequence(self, path: FieldPath) -> list[Any]:
        items: list[Any] = []
        for event in self._events:
            if isinstance(event, yaml.SequenceEndEvent):
                break
            items.append(self._node(event, (*path, len(items))))
        return items

    def _mapping(self, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while True:
            key_event = next(self._events)
            if isinstance(key_event, yaml.MappingEndEvent):
                return result
            key_location = _where(key_event.start_mark)
            if not isinstance(key_event, yaml.ScalarEvent):
                self._error(key_location, "a key must be a plain name", "write `name: value`")
                self._node(key_event, (*path, "?"))
                self._node(next(self._events), (*path, "?"))
                continue
            key = key_event.value
            if key in result:
                first_line = self.key_at[(*path, key)][0]
                self._error(
                    key_location,
                    f"duplicate key '{shortened(key, QUOTED)}' (first on line {first_line})",
                    "keep one of them",
                    dotted((*path, key)),
                )
                self._node(next(self._events), (*path, "?"))
                continue
            self.key_at[(*path, key)] = key_location
            result[key] = self._node(next(self._events), (*path, key))

    def _scalar(self, event: yaml.ScalarEvent, path: FieldPath) -> Any:
        if event.style or not event.value:
            return event.value if event.style else None
        result = plain_scalar(event.value)
        if isinstance(result, Refused):
            self._error(_where(event.start_mark), result.message, result.hint, dotted(path))
            return None
        return result

    def _error(self, where: Location, message: str, hint: str = "", field: str = "") -> None:
        if len(self.errors) == MAX_ERRORS:
            message = f"more than {MAX_ERRORS} errors in this file: the rest are not listed"
            self.errors.append(ContentError(self.shown_as, *where, "", message, "fix these first"))
            raise _TooManyErrors
        self.errors.append(ContentError(self.shown_as, where[0], where[1], field, message, hint))


class _TooManyErrors(Exception):
    """A file that far from content is reported by its first errors; the rest would only bury
    them (and a file of 50,000 errors would take seconds to list)."""


_WRITE_OUT = "write the value out in full where it is needed"


def dotted(path: FieldPath) -> str:
    """('steps', 2, 'text') -> 'steps[2].text', the way editors see fields in error messages."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
