"""The small text helpers every module shares (generator/text.py)."""

from __future__ import annotations

import pytest

from generator.text import counted, problems_in_text, shortened


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("glute-bridge", 40, "glute-bridge"),
        ("x" * 40, 40, "x" * 40),
        ("x" * 41, 40, "x" * 37 + "..."),
        ("abcdefghijklmnopqrstuvwxyz", 20, "abcdefghijklmnopq..."),
    ],
)
def test_shortened_keeps_within_the_limit(text: str, limit: int, shown: str) -> None:
    assert shortened(text, limit) == shown
    assert len(shortened(text, limit)) <= limit


def test_shortened_quotes_40_characters_unless_told() -> None:
    assert shortened("y" * 50) == "y" * 37 + "..."


@pytest.mark.parametrize(
    ("number", "noun", "words"),
    [
        (0, "set", "0 sets"),
        (1, "set", "1 set"),
        (2, "second", "2 seconds"),
        (1, "error", "1 error"),
    ],
)
def test_counted(number: int, noun: str, words: str) -> None:
    assert counted(number, noun) == words


@pytest.mark.parametrize(
    ("character", "message"),
    [
        ("\u00ad", "invisible character U+00AD (SOFT HYPHEN)"),
        ("\u061c", "invisible character U+061C (ARABIC LETTER MARK)"),
        ("\u180e", "invisible character U+180E (MONGOLIAN VOWEL SEPARATOR)"),
        ("\u200b", "invisible character U+200B (ZERO WIDTH SPACE)"),
        ("\u202e", "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\U000e0041", "invisible character U+E0041 (TAG LATIN CAPITAL LETTER A)"),
        # Unicode calls these letters, marks or symbols; they show as nothing, or a blank.
        ("\u3164", "invisible character U+3164 (HANGUL FILLER)"),
        ("\u115f", "invisible character U+115F (HANGUL CHOSEONG FILLER)"),
        ("\u1160", "invisible character U+1160 (HANGUL JUNGSEONG FILLER)"),
        ("\uffa0", "invisible character U+FFA0 (HALFWIDTH HANGUL FILLER)"),
        ("\u2800", "invisible character U+2800 (BRAILLE PATTERN BLANK)"),
        ("\u034f", "invisible character U+034F (COMBINING GRAPHEME JOINER)"),
        ("\ufe0f", "invisible character U+FE0F (VARIATION SELECTOR-16)"),
        ("\u00a0", "space character U+00A0 (NO-BREAK SPACE) is not a plain space"),
        ("\u3000", "space character U+3000 (IDEOGRAPHIC SPACE) is not a plain space"),
        ("\u2028", "line break U+2028 (LINE SEPARATOR)"),
        ("\t", "control character U+0009 (CHARACTER TABULATION)"),
        ("\r", "control character U+000D (CARRIAGE RETURN)"),
        ("\x85", "control character U+0085 (NEXT LINE)"),
        ("\x07", "control character U+0007 (no name)"),
        ("\u00b2", "number character U+00B2 (SUPERSCRIPT TWO) is not a digit 0 to 9"),
        ("\u00bd", "number character U+00BD (VULGAR FRACTION ONE HALF) is not a digit 0 to 9"),
        ("\u0663", "number character U+0663 (ARABIC-INDIC DIGIT THREE) is not a digit 0 to 9"),
        ("\u2167", "number character U+2167 (ROMAN NUMERAL EIGHT) is not a digit 0 to 9"),
        ("\ue000", "private-use character U+E000"),
        ("\U000f0000", "private-use character U+F0000"),
        ("\u0378", "unassigned character U+0378"),
    ],
)
def test_text_is_held_to_an_allowlist_of_characters(character: str, message: str) -> None:
    # In the middle of a value: "60\u00ad seconds" would read as 60 seconds to a reader, and
    # as some other number to the one-dose rule.
    assert [problem.message for problem in problems_in_text(f"Hold 60{character} s")] == [message]


def test_a_combining_mark_must_follow_a_letter() -> None:
    assert problems_in_text("e\u0301 and \u1ec7 and e\u0323\u0302") == []  # é, ệ, ệ
    [problem] = problems_in_text("5\u0301 or \u0301")
    assert problem.message == "combining mark U+0301 (COMBINING ACUTE ACCENT) follows no letter"


@pytest.mark.parametrize(
    "text",
    [
        "Info-Santé / Info-Social 811",
        "Manatū Hauora",
        "A&E, 10°C, €5, 1/2 a cup, \u201cquoted\u201d \u2014 and \u2018so on\u2019\u2026",
        "Ελληνικά, русский, 日本語, العربية",
        "Two lines\nof text",
    ],
)
def test_real_text_passes(text: str) -> None:
    assert problems_in_text(text) == []


def test_each_character_is_reported_once_in_code_point_order() -> None:
    found = problems_in_text("a\u200bb\u00adc\u200bd")
    assert [problem.message for problem in found] == [
        "invisible character U+00AD (SOFT HYPHEN)",
        "invisible character U+200B (ZERO WIDTH SPACE)",
    ]
    assert found[0].hint == (
        "delete it and type the text again: characters like this come in with copied text"
    )
