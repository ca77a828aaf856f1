"""The Markdown generated from the fixture content, file by file, against reviewed golden copies.

After an intended template change: `make golden`, then review `git diff tests/golden`.
"""

from __future__ import annotations

import pytest

from tests.golden_refresh import GOLDEN, rendered

OUTPUTS = rendered()


def test_no_golden_file_is_missing_or_left_over() -> None:
    golden = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert golden == set(OUTPUTS), "run `make golden` and review the diff"


@pytest.mark.parametrize("relative", sorted(OUTPUTS))
def test_generated_file_matches_golden(relative: str) -> None:
    golden = GOLDEN / relative
    assert golden.is_file(), f"no golden file for {relative}: run `make golden`"
    assert OUTPUTS[relative].decode() == golden.read_text(encoding="utf-8")
