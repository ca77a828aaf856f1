"""How often a dose is done, read from its own words: the boxes its row of a programme's weekly
checklist gets on paper.

A dose's how_often starts with one of a few phrasings and may say more after them ("3 times a
week, with a rest day in between"). Where a phrasing gives a range, the row gets a box for the
most it allows ("once or twice a day" is 2 a day), so every session done has a box to tick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import HintedError
from generator.text import shortened

WAKING_HOURS = 16
"""The hours of a day a dose timed by the hour ("every 2 to 3 hours") is done in."""
MOST_A_DAY = 8
"""The most boxes one day of a checklist row holds: more do not fit a printed row."""

_COUNT = r"(once|twice|\d+)(?: or (twice|\d+))?(?: times)?"
_A_DAY = re.compile(rf"^(?:{_COUNT} a day|every day|daily)\b")
_A_WEEK = re.compile(rf"^{_COUNT} a week\b")
_OTHER_DAY = re.compile(r"^every other day\b")
_HOURS = re.compile(r"^every (\d+)(?: to (\d+))? hours?\b")
_FIRST_DAYS = re.compile(r"\bin the first (?:\d+ to )?(\d+) days\b")
_WORDS = {"once": 1, "twice": 2}
PHRASINGS = (
    "once a day",
    "twice a day",
    "2 or 3 times a day",
    "3 times a week",
    "every other day",
    "every 2 to 3 hours",
)
"""Examples of what how_often may start with, for the editor's hint."""


@dataclass(frozen=True)
class Frequency:
    """A week of a dose: on how many days it is done, and how many times on each of them."""

    days: int
    per_day: int

    @property
    def boxes(self) -> int:
        return self.days * self.per_day


def _most(first: str, second: str | None) -> int:
    return max(int(_WORDS.get(word, word)) for word in (first, second or first))


def _read(text: str) -> Frequency | None:
    if found := _A_DAY.match(text):
        return Frequency(7, _most(*found.groups()) if found.group(1) else 1)
    if found := _A_WEEK.match(text):
        return Frequency(_most(*found.groups()), 1)
    if _OTHER_DAY.match(text):
        return Frequency(4, 1)
    if found := _HOURS.match(text):
        first = _FIRST_DAYS.search(text)
        return Frequency(int(first.group(1)) if first else 7, WAKING_HOURS // int(found.group(1)))
    return None


def read_frequency(how_often: str) -> Frequency:
    """The week a dose's how_often asks for; HintedError when it cannot be read, or does not
    fit a week's checklist."""
    frequency = _read(how_often.strip().lower())
    hint = f"start it with one of: {', '.join(PHRASINGS)}; then say more after a comma"
    if frequency is None:
        shown = shortened(how_often)
        problem = f"cannot tell how many times a week '{shown}' is, for the checklist"
        raise HintedError(problem, hint)
    if not 1 <= frequency.days <= 7:
        raise HintedError(f"gives {frequency.days} days a week; a week has 1 to 7", hint)
    if not 1 <= frequency.per_day <= MOST_A_DAY:
        problem = f"gives {frequency.per_day} times a day; a checklist row holds 1 to {MOST_A_DAY}"
        raise HintedError(problem, hint)
    return frequency
