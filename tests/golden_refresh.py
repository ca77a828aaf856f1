"""Rewrites tests/golden/ from the fixture content. Run `make golden`, then review the diff."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.pipeline import prepare
from tests.factory import small_content, write_project

GOLDEN = Path(__file__).resolve().parent / "golden"


def rendered() -> dict[str, bytes]:
    """The generated files for the fixture content, by path relative to the project."""
    with tempfile.TemporaryDirectory() as scratch:
        root = write_project(Path(scratch), small_content())
        return prepare(root).outputs


def refresh() -> None:
    outputs = rendered()  # first, so a failure leaves the golden files as they were
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for relative, data in outputs.items():
        path = GOLDEN / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"{GOLDEN}: refreshed; review it with `git diff tests/golden`")


if __name__ == "__main__":
    refresh()
