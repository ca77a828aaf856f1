"""Page size must not grow with the number of items (bytes, never time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import bench_content
from generator.cli import main
from tests.factory import write_project

PAGE = "exercises/move-00003/index.html"


def built_page_bytes(root: Path, items: int) -> int:
    # The benchmarks' synthetic content: valid under every content rule at any size.
    write_project(root, bench_content(items))
    assert main(["--root", str(root), "build"]) == 0
    return (root / "site" / PAGE).stat().st_size


@pytest.mark.slow
def test_an_item_page_is_the_same_size_at_10_and_150_items(tmp_path: Path) -> None:
    small = built_page_bytes(tmp_path / "small", 10)
    large = built_page_bytes(tmp_path / "large", 150)
    # Only the numbers in a few generated names may differ; a nav listing every item would add
    # about 300 bytes per item (45 KB here).
    assert abs(large - small) <= 0.02 * small, (small, large)
