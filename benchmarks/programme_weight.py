"""What the programme pages weigh on first load, in Chromium, as the patient's phone and the
clinician's browser fetch them: today's content, and synthetic content of 1,000 exercises.

`make bench` runs it. Each figure is the bytes transferred (compressed, as GitHub Pages serves
text) for one first load: the page, its styles and scripts, and, for the patient's page, the
take-home files and drawings of a programme of three exercises. Issue 23 sets the budgets: the
patient's page at most 60 KB today and 100 KB at 1,000 exercises, the builder at most 100 KB at
1,000. The figures are the median of --runs loads in one fresh browser context each.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench import write_template
from generator.pages.prescribe import plan_code
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, PHONE, build, serve
from tests.e2e.test_privacy import transferred
from tests.factory import copy_project

BUDGETS = {("plan", "today"): 60, ("plan", "1,000"): 100, ("prescribe", "1,000"): 100}
"""KB (1,024 bytes) by page and content."""


def first_loads(site: Path, exercises: Sequence[str], runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    link = "/plan/#v=2&x=" + ".".join(plan_code(name) for name in exercises)
    loads: dict[str, list[int]] = {"plan": [], "prescribe": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for base in serve(site):
            for _ in range(runs):
                for name, path in (("plan", link), ("prescribe", "/prescribe/")):
                    context = browser.new_context(viewport=PHONE)
                    page = context.new_page()
                    page.goto(base + path, wait_until="networkidle")
                    loads[name].append(transferred(page))
                    context.close()
        browser.close()
    return {name: statistics.median(values) / 1024 for name, values in loads.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000, help="synthetic exercises (1,000)")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="gg-weight-"))
    try:
        today = build(copy_project(scratch / "today"))
        figures = {
            "today": first_loads(
                today,
                ["lying-figure-4-stretch", "glute-bridge", "cold-application"],
                arguments.runs,
            )
        }
        print(f"built today's site; {arguments.items:,} synthetic next", file=sys.stderr)
        synthetic = build(write_template(scratch / "synthetic", arguments.items))
        label = f"{arguments.items:,}"
        figures[label] = first_loads(
            synthetic, ["move-00000", "move-00001", "bridge"], arguments.runs
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("| content | page | first load, KB (median) | budget, KB |")
    print("| --- | --- | --- | --- |")
    for content, pages in figures.items():
        for name, kilobytes in pages.items():
            budget = BUDGETS.get((name, content))
            shown = f"{budget} ({'met' if kilobytes <= budget else 'MISSED'})" if budget else "-"
            print(f"| {content} | /{name}/ | {kilobytes:.1f} | {shown} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
