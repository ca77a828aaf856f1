"""The small text helpers every module shares (generator/text.py)."""

from __future__ import annotations

import pytest

from generator.text import counted, shortened


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
