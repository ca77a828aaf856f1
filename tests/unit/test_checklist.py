"""A programme's printed weekly checklist: each row gets the boxes its dose's how_often asks for
(generator/content/frequency.py), a row of advice none, and a how_often that cannot be read is a
located content error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.frequency import Frequency, read_frequency
from generator.errors import HintedError
from generator.pipeline import DOCS, prepare
from tests.factory import checklist_boxes, real, small_content, write_project
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


def _rows(page: str) -> dict[str, int]:
    """Each checklist row's first two cells, and the boxes in its last."""
    table = page.split('<div class="gg-checklist" markdown="block">', 1)[1].split("</div>\n")[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]
    return {
        " | ".join(line.split(" | ")[:2]): len(re.findall(r'<span class="gg-box"></span>', line))
        for line in rows
    }


def test_the_fixture_programme_boxes_each_row_as_its_dose_asks(project: Path) -> None:
    page = prepare(project).outputs[f"{DOCS}/programmes/first-days.md"].decode("utf-8")
    assert _rows(page) == {
        "| Day 1 | Rest from glute training.": 0,
        "| Day 2 | [Knee hug](../exercises/knee-hug.md)": 7,
        "| Day 3 | [Bridge](../exercises/bridge.md)": 3,
    }
    assert '<span class="gg-boxes" aria-hidden="true"><span class="gg-day"><span' in page


def test_the_real_programmes_give_advice_no_boxes_and_cold_a_box_every_two_hours() -> None:
    prepared = real()
    site = prepared.site
    for programme in site.programmes.values():
        page = prepared.outputs[f"{DOCS}/programmes/{programme.id}.md"].decode("utf-8")
        assert list(_rows(page).values()) == checklist_boxes(site, programme), programme.id
    first_days = prepared.outputs[f"{DOCS}/programmes/first-days-self-care.md"].decode("utf-8")
    rows = _rows(first_days)
    assert [count for row, count in rows.items() if "Rest from glute training" in row] == [0]
    assert [count for row, count in rows.items() if "Cold on the buttock" in row] == [3 * 8]
    assert [count for row, count in rows.items() if "Heat on the buttock" in row] == [7 * 2]
