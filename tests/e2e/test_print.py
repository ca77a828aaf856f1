"""Printed exercise pages are one-page A4 handouts with the dose, steps and stop rules: what a
patient takes home, in a programme handout's markup, with the page's help, sources and review."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.content.models import Exercise
from generator.pages.render import describe_dose
from tests.factory import checklist_boxes, real_site

pytestmark = pytest.mark.browser
CHROME = [".md-header", ".md-banner", ".md-sidebar", ".md-footer", ".md-search", ".md-top"]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(
    "exercise", real_site().exercises.values(), ids=lambda exercise: exercise.id
)
def test_an_exercise_prints_on_one_a4_page(
    shared_page: Page, base_url: str, exercise: object, tmp_path: Path
) -> None:
    page = shared_page
    item = exercise.item  # type: ignore[attr-defined]
    page.goto(f"{base_url}{exercise.url}")  # type: ignore[attr-defined]
    page.emulate_media(media="print")
    content = page.locator("article.md-content__inner")
    # What a patient takes home, as a handout shows it (partials/take-home-item.html.j2); the
    # page's own sections of the same are for the screen.
    take_home = content.locator(".gg-take-home-page")
    expect(take_home.get_by_text(f"Dose: {describe_dose(item.dose)}")).to_be_visible()
    expect(take_home.get_by_text("Stop straight away if")).to_be_visible()
    expect(content.locator("#steps")).to_be_hidden()
    expect(content.get_by_role("heading", name="When to get help")).to_be_visible()
    expect(content.get_by_text("Last updated:")).to_be_visible()
    steps = take_home.locator(".gg-th-steps > li")
    expect(steps).to_have_count(len(item.steps))
    for index in range(len(item.steps)):
        expect(steps.nth(index)).to_be_visible()
    for selector in CHROME:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    _drawings_are_on_paper(page, item)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) == 1
    # The sheet carries the QR code of the page's own address, readable as printed at 300 dpi.
    published = PUBLISHED + exercise.url  # type: ignore[attr-defined]
    assert codes_on_paper(pdf, tmp_path) == [published]


PUBLISHED = "https://glute-guide.github.io/glute-guide"
"""site_url in mkdocs.yml, without its last slash: the address printed codes lead to."""


def codes_on_paper(pdf: bytes, folder: Path) -> list[str]:
    """Every QR code on the first sheet, as a printer at 300 dpi would put it on paper."""
    (folder / "sheet.pdf").write_bytes(pdf)
    pdftoppm, zbarimg = shutil.which("pdftoppm"), shutil.which("zbarimg")
    assert pdftoppm and zbarimg, (
        "poppler-utils and zbar-tools read the sheet; .ci/run installs them"
    )
    run = functools.partial(subprocess.run, check=False, capture_output=True, text=True)
    run([pdftoppm, "-r", "300", "-png", "-f", "1", "-l", "1", folder / "sheet.pdf", folder / "s"])
    [image] = folder.glob("s*.png")
    return run([zbarimg, "--quiet", "--raw", image]).stdout.split()


@pytest.mark.parametrize(
    "programme", real_site().programmes.values(), ids=lambda programme: programme.id
)
def test_a_programme_prints_as_a_checklist_on_at_most_two_pages(
    shared_page: Page, base_url: str, programme: object
) -> None:
    page = shared_page
    page.goto(f"{base_url}{programme.url}")  # type: ignore[attr-defined]
    page.emulate_media(media="print")
    table = page.locator(".gg-checklist table")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(programme.item.steps))  # type: ignore[attr-defined]
    # Across the whole sheet, not squeezed into one of the text's two columns.
    article = page.locator("article.md-content__inner").bounding_box()
    box = table.bounding_box()
    assert article and box and box["width"] > 0.9 * article["width"]
    # Each row the boxes its dose asks for, drawn on paper and hidden on screen; advice none.
    counts = rows.evaluate_all("rows => rows.map(row => row.querySelectorAll('.gg-box').length)")
    assert counts == checklist_boxes(real_site(), programme)  # type: ignore[arg-type]
    tick = page.locator(".gg-box").first.bounding_box()
    assert tick and tick["width"] >= 2.5 * PX_PER_MM and tick["height"] >= 2.5 * PX_PER_MM
    pdf = page.pdf(format="A4", print_background=True)
    assert 1 <= pdf_pages(pdf) <= 2
    page.emulate_media(media="screen")
    expect(page.locator(".gg-boxes").first).to_be_hidden()


def _drawings_are_on_paper(page: Page, item: Exercise) -> None:
    """Every drawing is on the sheet, in order, big enough to see (a body 100 units tall in a frame
    at least 16 mm high), and only once: the copies among the steps are for the screen."""
    on_paper = page.locator(".gg-drawing-strip svg.gg-drawing")
    expect(on_paper).to_have_count(len(item.drawings))
    for index, drawing in enumerate(item.drawings):
        svg = on_paper.nth(index)
        expect(svg).to_have_attribute("aria-label", drawing.shows)
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["height"] >= 16 * PX_PER_MM, drawing.shows
    expect(page.locator(".gg-figure").first).to_be_hidden()
    captions = page.locator(
        ".gg-drawing-strip figure:not(.gg-strip-qr) figcaption"
    ).all_inner_texts()
    assert captions == [
        "Starting position" if drawing.step == 0 else f"Step {drawing.step}"
        for drawing in item.drawings
    ]


PX_PER_MM = 96 / 25.4
