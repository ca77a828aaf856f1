"""Runs one `mkdocs build` and prints its time and the build's peak memory as JSON.

bench.py starts this in a small, fresh interpreter because Linux counts a parent's resident memory
into the peak of every child it starts (vfork, then exec): measured straight from the benchmark,
which holds thousands of rendered pages, each MkDocs build would look as big as the benchmark.
This module imports nothing heavier than generator.output.build, so its children report their
own peak.

    python -m benchmarks.mkdocs_run {ours|stock} PROJECT SITE_DIR SOURCE_DATE_EPOCH
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from generator.output.build import mkdocs_build, mkdocs_command


def build_ours(project: Path, site_dir: Path, epoch: int) -> None:
    """The project's own build: `mkdocs build --strict` with its mkdocs.yml, as `make site` does."""
    mkdocs_build(project, epoch, site_dir)


def build_stock(project: Path, site_dir: Path, epoch: int) -> None:
    """Plain `mkdocs build` with the stock configuration in project/mkdocs.yml."""
    command, environment = mkdocs_command(
        project, "build", "--site-dir", str(site_dir), source_date_epoch=epoch
    )
    result = subprocess.run(
        command, cwd=project, env=environment, check=False, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"stock mkdocs build failed:\n{result.stderr[-4000:]}")


BUILDS = {"ours": build_ours, "stock": build_stock}


def main(arguments: list[str]) -> None:
    kind, project, site_dir, epoch = arguments
    start = time.perf_counter()
    BUILDS[kind](Path(project), Path(site_dir), int(epoch))
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main(sys.argv[1:])
