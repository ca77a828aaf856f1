"""`make bench` at a tiny size, end to end: each benchmark runs to the end and prints every table,
so that a change to the generator cannot break them unnoticed. Only the shape of the figures is
asserted, and what does not depend on the machine (the naive output equals the real one, a no-op
run writes nothing); timings never are."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from benchmarks.synthetic import bench_content
from generator.pages.prescribe import plan_code

REPO = Path(__file__).resolve().parent.parent
ITEMS = 10

SECONDS = r"\d+\.\d{3}"
SPREAD = rf"{SECONDS} \({SECONDS}-{SECONDS}\)"
WHOLE = r"\d{1,3}(,\d{3})*"
RATIO = r"\d+\.\dx"


def run(module: str, *arguments: str, scratch: Path) -> tuple[str, str]:
    """The benchmark as `make bench` runs it, its scratch projects under scratch: stdout, stderr."""
    result = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=REPO,
        env={**os.environ, "TMPDIR": str(scratch)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # From the traceback on: a browser's error ends with its long log, which would hide the error.
    failure = result.stderr[result.stderr.find("Traceback") :]
    assert result.returncode == 0, failure[:3000]
    return result.stdout, result.stderr


def tables(report: str) -> dict[str, list[list[str]]]:
    """Each Markdown table's body rows, by the line of text above the table."""
    found: dict[str, list[list[str]]] = {}
    title = ""
    lines = [*report.splitlines(), ""]
    for line, following in itertools.pairwise(lines):
        if not line.startswith("|"):
            title = line or title
        elif not (is_rule(line) or is_rule(following)):  # neither the rule nor the header above it
            found.setdefault(title, []).append([cell.strip() for cell in line[1:-1].split("|")])
    return found


def is_rule(line: str) -> bool:
    return line.startswith("|") and set(line) <= set("|- ")


def only_row(found: dict[str, list[list[str]]], title_start: str) -> list[str]:
    titles = [title for title in found if title.startswith(title_start)]
    assert len(titles) == 1, (title_start, list(found))
    rows = found[titles[0]]
    assert len(rows) == 1, rows
    return rows[0]


def matches(cells: list[str], patterns: list[str]) -> None:
    assert len(cells) == len(patterns), cells
    for cell, pattern in zip(cells, patterns, strict=True):
        assert re.fullmatch(pattern, cell), (cell, pattern, cells)


@pytest.mark.slow
def test_the_generator_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out, err = run("benchmarks.bench", "--sizes", str(ITEMS), "--runs", "1", scratch=tmp_path)
    assert err.rstrip().endswith("done"), err[-2000:]
    assert "warning" not in err.lower(), err
    assert re.match(r"Glute Guide benchmark, .+, medians of 1 runs\n", out), out[:200]
    found = tables(out)
    assert len(found) == 5, list(found)
    generator = only_row(found, "Generator: pages per second")
    matches(generator, [str(ITEMS), WHOLE, WHOLE, WHOLE, WHOLE, RATIO, RATIO, "yes"])
    assert int(generator[1]) > ITEMS
    matches(only_row(found, "Spread of runs"), [str(ITEMS), SPREAD, SPREAD, SPREAD, SPREAD])
    noop = only_row(found, "No-op regeneration")
    matches(noop, [str(ITEMS), "0", SECONDS, SECONDS, r"\d+%"])
    mkdocs = only_row(found, "mkdocs build")
    matches(mkdocs, [str(ITEMS), generator[1], SPREAD, r"\d+\.\d", SPREAD, r"\d+\.\d", RATIO])
    matches(only_row(found, "Median item page"), [str(ITEMS), *[WHOLE] * 5])
    targets = out.split("\nTargets\n", 1)[1]
    assert "- no-op regeneration writes 0 files: at most 0 written, met" in targets
    assert "- speed targets: not measured (10,000 items not run)" in targets


@pytest.mark.slow
def test_the_preview_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    out, _ = run("benchmarks.preview", "--items", str(ITEMS), "--edits", "1", scratch=tmp_path)
    assert re.match(r"Edit to preview, .+, \d+ CPUs\n", out), out[:200]
    rows = next(iter(tables(out).values()))
    shown = [(content, edit, on) for content, edit, on, *_ in rows]
    assert shown == [
        (content, edit, on)
        for content in ("current content", f"{ITEMS} items")
        for edit, watched in (
            ("reworded step", "its take-home file"),
            ("changed dose", "/exercises/"),
        )
        for on in ("the edited page", f"{watched} too")
    ]
    for row in rows:
        goal = "0.5 s" if row[0] == "current content" and row[2] == "the edited page" else "-"
        matches(row[3:], ["1", SECONDS, SECONDS, SECONDS, goal])
    verdicts = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(verdicts) == 2, out
    for verdict in verdicts:
        assert re.fullmatch(
            rf"- current content, .+, the edited page: median {SECONDS} s"
            r" against 0\.5 s, (met|MISSED)",
            verdict,
        ), verdict


@pytest.mark.slow
def test_the_handout_benchmark_prints_each_handout_s_sheets() -> None:
    # Chromium's profile goes under the scratch folder, and its socket's path must stay short:
    # under a test worker's tmp_path it is too long ("Socket path too long"), and Chromium aborts.
    with tempfile.TemporaryDirectory(prefix="gg-") as scratch:
        out, _ = run("benchmarks.handout_sheets", "--sets", "1", scratch=Path(scratch))
    rows = next(iter(tables(out).values()))
    assert [row[0] for row in rows[:2]] == ["the strengthening set", "the longest five"], rows
    assert re.fullmatch(r"1 of 1 drawn at random \(seed 23\)", rows[2][0]), rows
    assert all(re.fullmatch(r"[1-9]", row[1]) for row in rows), rows
    # The sheets are the handout's own: the strengthening set prints on two (issue 23's goal).
    assert rows[0][1] == "2", rows


def test_the_largest_synthetic_content_has_no_two_exercises_with_one_programme_code() -> None:
    """What the tiny runs cannot show: 27 synthetic ids would share a code at 10,000 items."""
    ids = [Path(path).stem for path in bench_content(10_000) if path.startswith("exercises/")]
    codes = {plan_code(name) for name in ids}
    assert len(codes) == len(ids) == 10_002


def test_the_hostile_files_benchmark_prints_its_table(tmp_path: Path) -> None:
    stdout, _ = run("benchmarks.hostile", "--runs", "1", scratch=tmp_path)
    rows = tables(stdout)[""]
    assert [row[0] for row in rows][:2] == ["`[` repeated", "`{a: ` repeated"]
    for row in rows:
        matches(row[1:2], [SECONDS])
    assert rows[0][2] == "values are nested more than 12 levels deep"
