"""Runs one `mkdocs build` and prints its time and the build's peak memory as JSON.

bench.py starts this in a small, fresh interpreter so that the build's peak memory is its own:
the benchmark itself holds thousands of rendered pages. MkDocs runs in this interpreter, through
the same runner as `gluteguide build` (generator.output.build).

    python -m benchmarks.mkdocs_run {ours|stock} PROJECT SITE_DIR SOURCE_DATE_EPOCH
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from generator.output.build import mkdocs_build


def build_ours(project: Path, site_dir: Path, epoch: int) -> None:
    """The project's own build: `mkdocs build --strict` with its mkdocs.yml, as `make site` does."""
    mkdocs_build(project, epoch, site_dir)


def build_stock(project: Path, site_dir: Path, epoch: int) -> None:
    """Plain `mkdocs build` with the stock configuration in project/mkdocs.yml."""
    mkdocs_build(project, epoch, site_dir, strict=False)


BUILDS = {"ours": build_ours, "stock": build_stock}


def main(arguments: list[str]) -> None:
    kind, project, site_dir, epoch = arguments
    start = time.perf_counter()
    BUILDS[kind](Path(project), Path(site_dir), int(epoch))
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main(sys.argv[1:])
