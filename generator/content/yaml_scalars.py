"""What an unquoted value means, kept to the forms that mean what they show.

YAML 1.1 reads `no` as false, `010` as 8, `1:30` as 90, `1:30.0` and `0_3.0` as numbers, `2.` as
2.0, `2026-01-01 10:00` as a moment, and `<<` and `=` as keys of its own. Content has whole
numbers in digits, decimals like 12.5, dates as YYYY-MM-DD, and true or false: anything else that
YAML would not read as text is refused here, where it stands, with the way to write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from generator.text import shortened

QUOTED = 20
"""How much of a key or value a message about the YAML itself quotes (a duplicate key, a number
or a date that YAML cannot read)."""

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_PLAIN_INTEGER = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})")
_PLAIN_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})\.[0-9]{1,17}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_IN_QUOTES = "put text in quotes"


@dataclass(frozen=True)
class Refused:
    """A value that is not read, and why."""

    message: str
    hint: str


def plain_scalar(value: str) -> Any:
    """An unquoted, untagged, non-empty scalar as content reads it, or Refused."""
    if value[0] not in _RESOLVER.yaml_implicit_resolvers:
        return value
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    kind = tag.removeprefix(_TAG)
    shown = shortened(value, QUOTED)
    if kind == "str":
        return value
    if kind == "int" and not _PLAIN_INTEGER.fullmatch(value):
        return Refused(
            f"'{shown}' is not a plain whole number",
            "write digits only, without leading zeros, for example 30; " + _IN_QUOTES,
        )
    if kind == "float" and not _PLAIN_DECIMAL.fullmatch(value):
        return Refused(
            f"'{shown}' is not a plain number",
            "write digits, with a point only between digits, for example 30 or 12.5; " + _IN_QUOTES,
        )
    if kind == "timestamp" and not _DATE.fullmatch(value):
        return Refused(f"'{shown}' is a date and a time", _DATES)
    if kind not in ("int", "float", "timestamp", "bool", "null"):
        # '<<' (a merge key) and '=' (a default value): YAML gives them a meaning of their own.
        return Refused(f"YAML reads '{shown}' as a {kind} sign", f"{_IN_QUOTES}: '{shown}'")
    try:
        result = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError) as error:
        if kind == "timestamp":
            return Refused(f"'{shown}' is not a real date ({error})", _DATES)
        return Refused(f"YAML cannot read '{shown}' ({error})", _IN_QUOTES)
    if kind == "bool" and value.lower() not in ("true", "false"):
        return Refused(
            f"YAML reads '{value}' as {str(result).lower()}",
            f"write true or false, or put text in quotes: '{value}'",
        )
    return result


_DATES = "write dates as YYYY-MM-DD, for example 2026-11-21"


def tag_shown(tag: str) -> str:
    """A tag as an editor writes it: !!seq for YAML's own, else as it is."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
