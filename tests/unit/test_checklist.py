"""A programme's printed weekly checklist: each row gets the boxes its dose's how_often asks for
(generator/content/frequency.py), a row of advice none, and a how_often that cannot be read is a
located content error."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.frequency import Frequency, read_frequency
from generator.errors import HintedError
from tests.factory import small_content, write_project
from tests.unit.test_validate import failures

RES = Path(__file__).parent.parent / "res"
HINT = (
    "start it with one of: once a day, twice a day, 2 or 3 times a day, 3 times a week, every"
    " other day, every 2 to 3 hours; then say more after a comma"
)


@pytest.mark.parametrize(
    ("how_often", "days", "per_day"),
    [
        ("once a day", 7, 1),
        ("Every day", 7, 1),
        ("daily", 7, 1),
        ("twice a day", 7, 2),
        ("once or twice a day, after heat if you use it", 7, 2),
        ("2 or 3 times a day", 7, 3),
        ("3 times a day", 7, 3),
        ("3 times a week, with a rest day in between", 3, 1),
        ("twice a week", 2, 1),
        ("once a week", 1, 1),
        ("every other day", 4, 1),
        ("every 4 hours", 7, 4),
        ("every 2 to 3 hours in the first 2 to 3 days after a knock or strain", 3, 8),
    ],
)
def test_how_often_gives_the_week(how_often: str, days: int, per_day: int) -> None:
    assert read_frequency(how_often) == Frequency(days, per_day)
    assert read_frequency(how_often).boxes == days * per_day


@pytest.mark.parametrize(
    ("how_often", "message"),
    [
        (
            "when it feels stiff",
            "cannot tell how many times a week 'when it feels stiff' is, for the checklist",
        ),
        (
            "before your other exercises, and again later in the day if it helps",
            "cannot tell how many times a week 'before your other exercises, and agai...' is,"
            " for the checklist",
        ),
        ("8 times a week", "gives 8 days a week; a week has 1 to 7"),
        ("every 1 hour", "gives 16 times a day; a checklist row holds 1 to 8"),
        ("0 times a day", "gives 0 times a day; a checklist row holds 1 to 8"),
    ],
)
def test_a_how_often_that_does_not_fit_a_week_is_refused(how_often: str, message: str) -> None:
    with pytest.raises(HintedError) as refused:
        read_frequency(how_often)
    assert (str(refused.value), refused.value.hint) == (message, HINT)


def test_an_unreadable_how_often_is_located_with_a_hint(tmp_path: Path) -> None:
    content = small_content()
    del content["programmes/first-days.yml"]
    broken = (RES / "unreadable-how-often.yml").read_text(encoding="utf-8")
    root = write_project(tmp_path, content, raw={"content/programmes/first-days.yml": broken})
    assert broken.splitlines()[17] == "    how_often: when it feels stiff"
    assert failures(root) == [
        "content/programmes/first-days.yml:18:16: error: steps[2].dose.how_often: cannot tell"
        " how many times a week 'when it feels stiff' is, for the checklist",
        f"  hint: {HINT}",
        "1 error in 1 file",
    ]

