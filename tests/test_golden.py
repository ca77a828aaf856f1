"""The Markdown generated from the fixture content, file by file, against reviewed golden copies.

After an intended template change: `make golden`, then review `git diff tests/golden`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_refresh import GOLDEN, rendered


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return rendered()


def test_no_golden_file_is_missing_or_left_over(outputs: dict[str, bytes]) -> None:
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert golden == set(outputs), "run `make golden` and review the diff"


@pytest.mark.parametrize(
    "golden", sorted(p for p in GOLDEN.rglob("*") if p.is_file()), ids=lambda p: p.name
)
def test_generated_file_matches_golden(golden: Path, outputs: dict[str, bytes]) -> None:
    relative = golden.relative_to(GOLDEN).as_posix()
    assert outputs.get(relative) == golden.read_bytes(), f"{relative}: run `make golden`"
