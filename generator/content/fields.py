"""What a single value in content may be: ids, text, dates, host names. Each type carries its
checks, so every model that uses it gets them, and the JSON Schemas describe them to editors."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
)

from generator.errors import HintedError
from generator.text import Link, link_problems, parts, problems_in_text, shortened

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""Ids and source keys: lower-case letters, digits and single hyphens. File names are ids."""
ID_MAX_LENGTH = 60
RESERVED_IDS = frozenset({"index"})
"""Names the generator uses for pages of its own: an item with one would take over that page."""
MAX_TEXT = 600
"""Characters in one text value; the longest today is under 400. Keeps every page build fast."""
MAX_ENTRIES = 40
"""Entries in one list."""
EARLIEST_DATE = date(2020, 1, 1)
LATEST_DATE = date(2099, 12, 31)
"""Review and access dates outside these are typing mistakes (and would not fit a build's
timestamp)."""


def id_problem(name: str) -> str | None:
    """Why a name cannot be an id, or None."""
    shown = shortened(name)
    if len(name) > ID_MAX_LENGTH:
        return f"'{shown}' is {len(name)} characters long; an id has at most {ID_MAX_LENGTH}"
    if not re.fullmatch(ID_PATTERN, name):  # fullmatch: $ alone lets a final line break through
        return f"'{shown}' is not a valid id"
    if name in RESERVED_IDS:
        return f"'{name}' is reserved for the section's own page"
    return None


def _checked_id(name: str) -> str:
    problem = id_problem(name)
    if problem:
        raise ValueError(problem)
    return name


PLACEHOLDER = "FILL IN: "
"""What `gluteguide new` writes where an editor must write something."""


def _checked_text(value: str, info: ValidationInfo) -> str:
    if value.startswith(PLACEHOLDER):
        raise ValueError(f"still to fill in ({value.removeprefix(PLACEHOLDER)})")
    found = problems_in_text(value)
    problems = [problem.message for problem in found]
    hosts: frozenset[str] = (info.context or {}).get("link_hosts", frozenset())
    for part in parts(value):
        if isinstance(part, Link):
            problems += link_problems(part.address, hosts)
    if problems:
        hints = dict.fromkeys(problem.hint for problem in found)
        raise HintedError("; ".join(problems), "; ".join(hints))
    return value


def _checked_address(address: str, info: ValidationInfo) -> str:
    problems = link_problems(address, (info.context or {}).get("link_hosts", frozenset()))
    if problems:
        raise ValueError("; ".join(problems))
    return address


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _written_as_a_day(value: object) -> object:
    """A date as YAML reads 2026-11-21, or that text in quotes; never a number (which pydantic
    would read as seconds since 1970) or a date with a time."""
    if type(value) is date or (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
        return value
    shown = f"'{shortened(value)}'" if isinstance(value, str) else shortened(str(value))
    raise HintedError(
        f"expected a date written YYYY-MM-DD, got {shown}",
        "write dates as YYYY-MM-DD, for example 2026-11-21",
    )


def _plausible(day: date) -> date:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(
            f"{day.isoformat()} is not a plausible date: expected {EARLIEST_DATE.year}"
            f" to {LATEST_DATE.year}"
        )
    return day


Text = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_checked_text)
]
Title = Annotated[
    str, StringConstraints(min_length=1, max_length=80), AfterValidator(_checked_text)
]
Phrase = Annotated[
    str, StringConstraints(min_length=1, max_length=60), AfterValidator(_checked_text)
]
"""One of the other names a page goes by."""
HistoryLine = Annotated[
    str, StringConstraints(min_length=1, max_length=160), AfterValidator(_checked_text)
]
"""One line, in plain words, for a clinician following the site's changes."""
Texts = Annotated[list[Text], Field(max_length=MAX_ENTRIES)]
# The pattern also goes into the JSON Schemas, for editors; _checked_id adds the reserved names.
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    AfterValidator(_checked_id),
]
Ids = Annotated[list[Id], Field(max_length=MAX_ENTRIES)]
SourceKey = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)]
Day = Annotated[date, BeforeValidator(_written_as_a_day), AfterValidator(_plausible)]
Address = Annotated[
    str, StringConstraints(pattern=r"^https://[^\s<>\"]+$"), AfterValidator(_checked_address)
]
"""A web address content may link to: https, on a host in content/link-hosts.yml."""


def _not_punycode(host: str) -> str:
    if "xn--" in host:
        raise ValueError(f"'{host}' is an encoded international name, which can imitate another")
    return host


HostName = Annotated[
    str,
    StringConstraints(
        pattern=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
        max_length=253,
    ),
    AfterValidator(_not_punycode),
]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo never silently drops content."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, use_attribute_docstrings=True
    )
