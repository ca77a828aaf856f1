"""The loader refuses YAML's silent surprises, each with an exact location."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from generator.content.yaml_file import MAX_FILE_BYTES, load_file
from generator.errors import ContentErrors


def load(tmp_path: Path, text: str | bytes) -> object:
    path = tmp_path / "item.yml"
    if isinstance(text, str):
        text = textwrap.dedent(text).encode("utf-8")
    path.write_bytes(text)
    return load_file(path, "content/exercises/item.yml")


def errors_of(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(ContentErrors) as failure:
        load(tmp_path, text)
    return [
        error.located() + (f" | {error.hint}" if error.hint else "")
        for error in failure.value.errors
    ]


def test_values_keep_their_line_and_column(tmp_path: Path) -> None:
    loaded = load(
        tmp_path,
        """\
        title: Bridge
        dose:
          reps: 10
        steps:
          - Lie down.
          - "Lift."
        """,
    )
    assert loaded.data == {"title": "Bridge", "dose": {"reps": 10}, "steps": ["Lie down.", "Lift."]}
    assert loaded.value_at[("dose", "reps")] == (3, 9)
    assert loaded.key_at[("dose", "reps")] == (3, 3)
    assert loaded.value_at[("steps", 1)] == (6, 5)
    assert loaded.locate(("dose", "sets")) == (3, 3)  # a missing field points at its parent


def test_dates_and_empty_values(tmp_path: Path) -> None:
    loaded = load(tmp_path, "when: 2026-11-21\nreviewer:\nquoted: 'no'\n")
    assert loaded.data == {"when": date(2026, 11, 21), "reviewer": None, "quoted": "no"}


def test_yaml_1_1_booleans_are_refused(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "answer: no\nflag: On\nok: true\n") == [
        "content/exercises/item.yml:1:9: error: answer: YAML reads 'no' as false"
        " | write true or false, or put text in quotes: 'no'",
        "content/exercises/item.yml:2:7: error: flag: YAML reads 'On' as true"
        " | write true or false, or put text in quotes: 'On'",
    ]


def test_impossible_date(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "review:\n  last_updated: 2026-02-30\n") == [
        "content/exercises/item.yml:2:17: error: review.last_updated: '2026-02-30' is not a real"
        " date (day is out of range for month) | write dates as YYYY-MM-DD, for example 2026-11-21"
    ]


def test_duplicate_keys(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "title: A\nsteps: []\ntitle: B\n") == [
        "content/exercises/item.yml:3:1: error: title: duplicate key 'title' (first on line 1)"
        " | keep one of them"
    ]


def test_anchors_and_aliases(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "dose: &usual {reps: 5}\nother: *usual\n") == [
        "content/exercises/item.yml:1:7: error: anchors (&name) are not allowed"
        " | write the value out in full where it is needed",
        "content/exercises/item.yml:2:8: error: aliases (*name) are not allowed"
        " | write the value out in full where it is needed",
    ]


def test_tabs(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "dose:\n\treps: 5\n") == [
        "content/exercises/item.yml:2:1: error: tab used for indenting | indent with spaces only"
    ]


def test_not_utf8(tmp_path: Path) -> None:
    assert errors_of(tmp_path, b"title: ok\nsummary: caf\xe9\n") == [
        "content/exercises/item.yml:2:13: error: file is not UTF-8 text | save the file as UTF-8"
    ]


def test_empty_file(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "# only a comment\n") == [
        "content/exercises/item.yml:1:1: error: file is empty | start from a file of the same kind"
    ]


def test_oversized_file(tmp_path: Path) -> None:
    text = "summary: " + "a" * MAX_FILE_BYTES + "\n"
    [message] = errors_of(tmp_path, text)
    assert message.startswith("content/exercises/item.yml:1:1: error: file is 262,154 bytes;")


def test_broken_yaml_syntax(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "title: [unclosed\nsteps: 1\n") == [
        "content/exercises/item.yml:2:6: error: not valid YAML: did not find expected ',' or ']'"
    ]


def test_one_document_per_file(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "title: A\n---\ntitle: B\n") == [
        "content/exercises/item.yml:2:1: error: only one YAML document per file | remove '---'"
    ]


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    errors = errors_of(tmp_path, "a: yes\nb: 2026-13-01\na: 1\n")
    assert [message.split(": error:")[0] for message in errors] == [
        "content/exercises/item.yml:1:4",
        "content/exercises/item.yml:2:4",
        "content/exercises/item.yml:3:1",
    ]


def test_nesting_to_the_limit_is_read(tmp_path: Path) -> None:
    # The value 1 stands 12 levels deep: under the key a, inside 11 lists.
    loaded = load(tmp_path, "a: " + "[" * 11 + "1" + "]" * 11 + "\n")
    assert loaded.data["a"] == [[[[[[[[[[[1]]]]]]]]]]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("010", "010"),  # YAML 1.1 octal: 8
        ("1:30", "1:30"),  # base 60: 90
        ("0x1A", "0x1A"),
        ("1_000", "1_000"),
        ("+0b11", "+0b11"),
        ("9" * 5000, "99999999999999999..."),  # longer than Python converts
    ],
)
def test_integers_are_plain_decimal_digits(tmp_path: Path, written: str, shown: str) -> None:
    assert errors_of(tmp_path, f"dose:\n  reps: {written}\n") == [
        f"content/exercises/item.yml:2:9: error: dose.reps: '{shown}' is not a plain whole number"
        " | write digits only, without leading zeros, for example 30; put text in quotes"
    ]


def test_plain_integers_are_read(tmp_path: Path) -> None:
    loaded = load(tmp_path, "reps: 30\nrest: 0\nsteps: -2\n")
    assert loaded.data == {"reps": 30, "rest": 0, "steps": -2}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "written",
    ["1:30.0", "0_3.0", "2.", ".5", "1.0e+3", ".inf", "-.Inf", ".nan", "01.5", "1_0.5"],
)
def test_decimals_are_plain_digits_with_a_point(tmp_path: Path, written: str) -> None:
    assert errors_of(tmp_path, f"angle: {written}\n") == [
        f"content/exercises/item.yml:1:8: error: angle: '{written}' is not a plain number"
        " | write digits, with a point only between digits, for example 30 or 12.5;"
        " put text in quotes"
    ]


def test_plain_decimals_are_read(tmp_path: Path) -> None:
    loaded = load(tmp_path, "a: 12.5\nb: -0.25\nc: 0.0\n")
    assert loaded.data == {"a": 12.5, "b": -0.25, "c": 0.0}  # type: ignore[attr-defined]


def test_a_date_with_a_time_is_refused(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "when: 2026-01-01 10:00:00\n") == [
        "content/exercises/item.yml:1:7: error: when: '2026-01-01 10:00:00' is a date and a time"
        " | write dates as YYYY-MM-DD, for example 2026-11-21"
    ]


def test_values_yaml_keeps_for_itself_are_refused_where_they_stand(tmp_path: Path) -> None:
    # These ended in "internal error: KeyError('tag:yaml.org,2002:merge')", with no location.
    assert errors_of(tmp_path, "a: <<\nb:\n  - =\nc: '<<'\n") == [
        "content/exercises/item.yml:1:4: error: a: YAML reads '<<' as a merge sign"
        " | put text in quotes: '<<'",
        "content/exercises/item.yml:3:5: error: b[0]: YAML reads '=' as a value sign"
        " | put text in quotes: '='",
    ]


def test_tags_are_refused_on_every_kind_of_value(tmp_path: Path) -> None:
    text = "a: !!str 1\nb: !!seq [x]\nc: !plan {d: 1}\ne: ! text\nf: !!map\n  g: 1\n"
    assert errors_of(tmp_path, text) == [
        "content/exercises/item.yml:1:4: error: a: YAML tags (!!str) are not used here"
        " | remove the tag",
        "content/exercises/item.yml:2:4: error: b: YAML tags (!!seq) are not used here"
        " | remove the tag",
        "content/exercises/item.yml:3:4: error: c: YAML tags (!plan) are not used here"
        " | remove the tag",
        "content/exercises/item.yml:4:4: error: e: YAML tags (!) are not used here"
        " | remove the tag",
        "content/exercises/item.yml:5:4: error: f: YAML tags (!!map) are not used here"
        " | remove the tag",
    ]
