"""Runs one `mkdocs build` and prints its time and the build's peak memory as JSON.

bench.py starts this in a small, fresh interpreter so that the build's peak memory is its own:
the benchmark itself holds thousands of rendered pages. MkDocs runs in this interpreter, through
the same runner as `gluteguide build` (generator.output.build).

The peak is this process's VmHWM (/proc/self/status), not getrusage's ru_maxrss: Linux carries a
parent's peak over into its child's ru_maxrss when the child execs (Python starts children with
vfork, then exec), so that would report the benchmark's own peak whenever it is the larger.

    python -m benchmarks.mkdocs_run {ours|stock} PROJECT SITE_DIR SOURCE_DATE_EPOCH
"""

from __future__ import annotations

import json
import re
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
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb() / 1024}))


def peak_kb() -> int:
    """The most memory this process has held resident since it started: VmHWM, in KB."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    found = re.search(r"^VmHWM:\s+(\d+) kB$", status, re.MULTILINE)
    if found is None:
        raise RuntimeError("no VmHWM in /proc/self/status: the peak memory needs Linux")
    return int(found.group(1))


if __name__ == "__main__":
    main(sys.argv[1:])
