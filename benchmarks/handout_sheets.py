"""How many A4 sheets a programme's handout takes, printed from the patient's page in Chromium:
the site's strengthening set of five, the five exercises with the most to print, and --sets
programmes of five drawn at random (seeded, so each run draws the same ones).

`make bench` runs it. Issue 23 asks that the handout of up to 5 exercises fit 2 A4 pages, each
exercise whole; this prints how many do, never asserts it (tests/e2e/test_prescribe.py holds the
strengthening set to two sheets, and the longest five to three).
"""

from __future__ import annotations

import argparse
import collections
import random
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.pages.prescribe import plan_code
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, build, serve
from tests.e2e.test_prescribe import FIVE, LARGEST_FIVE
from tests.e2e.test_print import pdf_pages
from tests.factory import copy_project, real_site

SEED = 23


def printed(site: Path, programmes: Sequence[Sequence[str]]) -> list[int]:
    """The sheets of each programme's handout (ids), printed as the patient's page prints it."""
    from playwright.sync_api import sync_playwright

    counts = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for base in serve(site):
            for ids in programmes:
                page = browser.new_page()
                # A benchmark may run beside a busy test tier: wait as long as it takes.
                page.set_default_timeout(180_000)
                page.goto(base + "/plan/#v=2&x=" + ".".join(plan_code(name) for name in ids))
                page.wait_for_selector("#gg-plan-items:not([aria-busy]) .gg-plan-item")
                page.evaluate("() => { window.print = () => {}; }")
                page.get_by_role("button", name="Print this programme").click()
                page.wait_for_selector("#gg-plan-qr svg", state="attached")
                page.emulate_media(media="print")
                counts.append(pdf_pages(page.pdf(format="A4", print_background=True)))
                page.close()
        browser.close()
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=20, help="random programmes of five (20)")
    arguments = parser.parse_args(argv)
    site_content = real_site()
    by_title = {page.item.title: page.id for page in site_content.exercises.values()}
    drawn = random.Random(SEED)
    ids = sorted(by_title.values())
    named = {
        "the strengthening set": [by_title[title] for title in FIVE],
        "the longest five": [by_title[title] for title in LARGEST_FIVE],
    }
    chosen = [drawn.sample(ids, 5) for _ in range(arguments.sets)]
    scratch = Path(tempfile.mkdtemp(prefix="gg-sheets-"))
    try:
        site = build(copy_project(scratch / "today"))
        print(f"built today's site; printing {len(named) + len(chosen)} handouts", file=sys.stderr)
        counts = printed(site, [*named.values(), *chosen])
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("| handout of five | A4 sheets |")
    print("| --- | --- |")
    for name, count in zip(named, counts, strict=False):
        print(f"| {name} | {count} |")
    tally = collections.Counter(counts[len(named) :])
    for count in sorted(tally):
        print(f"| {tally[count]} of {len(chosen)} drawn at random (seed {SEED}) | {count} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
