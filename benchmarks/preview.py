"""Edit-to-preview latency of `gluteguide serve`: the time from saving a content file to the served
page showing the edit, found by polling the page. Medians of several edits, on a copy of the
current content and on 1,000 synthetic exercises. Printed, never asserted (see README.md).

Two edits are timed: a reworded step, and a changed dose. Each shows on the exercise's own page,
which the preview builds and shows first, and then on the pages that hold the exercise's text or
dose too (the programme maker and printable programme, every step; the exercises index, the dose),
which it builds next. The time to the edited page is the goal's; the time until the exercises index
shows a changed dose is given beside it.

    python -m benchmarks.preview [--edits 7] [--items 1000] [--projects current,synthetic]

--items and --projects make it small (tests/test_bench.py runs it at 10 items); report only the
figures of the defaults."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from benchmarks.synthetic import bench_content, exercise_ids
from tests.factory import copy_from_repo, write_content, write_project
from tests.serving import fetch, serving

EDITS = 7
ITEMS = 1_000
CURRENT = "current content"
GOALS = {CURRENT: 0.5, f"{ITEMS:,} items": 2.0}
"""Seconds, median edit to the edited page. Other sizes have no goal."""
POLL_SECONDS = 0.005


def current_project(root: Path) -> tuple[Path, str]:
    write_project(root, {})
    copy_from_repo(root, "content")
    copy_from_repo(root, "urls.txt")
    return root, "exercises/glute-bridge"


def synthetic_project(root: Path, items: int) -> tuple[Path, str]:
    content = bench_content(items)
    write_project(root, content)
    return root, f"exercises/{exercise_ids(content, items)[items // 2]}"


def reword_step(data: dict[str, Any], number: int) -> str:
    marker = f"Breathe out slowly, edit {number}."
    data["steps"][0] = f"{data['steps'][0].split(' Breathe out slowly')[0]} {marker}"
    return marker


def change_dose(data: dict[str, Any], number: int) -> str:
    reps = 10 + number % 2 * 2
    data["dose"]["reps"] = reps
    data["dose"]["how_often"] = f"once a day, week {number}"
    return f"once a day, week {number}"


def wait_for(url: str, wanted: str, seconds: float) -> float:
    """Seconds until the page at url holds wanted (polling), or raise."""
    start = time.perf_counter()
    while wanted not in fetch(url, timeout=300):
        if time.perf_counter() - start > seconds:
            raise TimeoutError(f"{url} did not show {wanted!r} within {seconds} s")
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - start


def latencies(
    root: Path, page: str, edit: Callable[[dict[str, Any], int], str], edits: int, watched: str
) -> tuple[list[float], list[float]]:
    """Start the preview on root, make the edits one by one, and time each until the edited page
    shows it, and until the watched page (another one) shows it too."""
    content = root / "content" / f"{page}.yml"
    with serving([sys.executable, "-m", "generator.cli"], root, root / "preview.log") as (
        address,
        _,
    ):
        url = f"http://{address}/glute-guide/{page}/"
        other = f"http://{address}/glute-guide/{watched.format(page=page)}"
        data = yaml.safe_load(content.read_text(encoding="utf-8"))
        wait_for(url, data["title"], seconds=900)
        own, everywhere = [], []
        for number in range(edits):
            time.sleep(1)  # the server idle, as after an editor's pause
            marker = edit(data, number)
            start = time.perf_counter()
            write_content(root, f"content/{page}.yml", data)
            wait_for(url, marker, seconds=300)
            own.append(time.perf_counter() - start)
            wait_for(other, marker, seconds=300)
            everywhere.append(time.perf_counter() - start)
        return own, everywhere


Row = tuple[str, str, str, list[float]]


def report(rows: list[Row]) -> str:
    lines = [
        "| content | edit | shown on | edits | median s | fastest s | slowest s | goal |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    verdicts = []
    for content, edit, shown_on, seconds in rows:
        median = statistics.median(seconds)
        goal = GOALS.get(content) if shown_on == "the edited page" else None
        lines.append(
            f"| {content} | {edit} | {shown_on} | {len(seconds)} | {median:.3f}"
            f" | {min(seconds):.3f} | {max(seconds):.3f} | {f'{goal} s' if goal else '-'} |"
        )
        if goal:
            met = "met" if median <= goal else "MISSED"
            verdicts.append(
                f"- {content}, {edit}, the edited page: median {median:.3f} s"
                f" against {goal} s, {met}"
            )
    return "\n".join([*lines, "", *verdicts])


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.preview", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--edits", type=int, default=EDITS, help="edits per row (%(default)s)")
    parser.add_argument(
        "--items", type=int, default=ITEMS, help="synthetic exercises (%(default)s)"
    )
    parser.add_argument(
        "--projects",
        type=lambda text: text.split(","),
        default=list(PROJECTS),
        help=f"comma-separated, of {', '.join(PROJECTS)} (default: all)",
    )
    options = parser.parse_args(argv)
    unknown = sorted(set(options.projects) - set(PROJECTS))
    if unknown:
        parser.error(f"unknown project {', '.join(unknown)}: choose from {', '.join(PROJECTS)}")
    return options


PROJECTS = ("current", "synthetic")
EDITS_TIMED = (
    # A step reaches the patient's programme through the exercise's take-home file.
    ("reworded step", reword_step, "{page}/take-home.json"),
    ("changed dose", change_dose, "exercises/"),
)


def main(argv: Sequence[str] | None = None) -> int:
    options = arguments(argv)
    projects: list[tuple[str, Callable[[Path], tuple[Path, str]]]] = []
    if "current" in options.projects:
        projects.append((CURRENT, current_project))
    if "synthetic" in options.projects:
        projects.append(
            (f"{options.items:,} items", partial(synthetic_project, items=options.items))
        )
    rows: list[Row] = []
    for content, make in projects:
        for edit_name, edit, watched in EDITS_TIMED:
            with tempfile.TemporaryDirectory(prefix="gluteguide-bench-") as scratch:
                root, page = make(Path(scratch) / "project")
                print(f"{content}, {edit_name} ...", file=sys.stderr, flush=True)
                own, everywhere = latencies(root, page, edit, options.edits, watched)
                rows.append((content, edit_name, "the edited page", own))
                shown_on = "its take-home file" if "{page}" in watched else f"/{watched}"
                rows.append((content, edit_name, f"{shown_on} too", everywhere))
    print(f"Edit to preview, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs\n")
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
