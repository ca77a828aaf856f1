"""Printed exercise pages are one-page A4 handouts with the dose, steps and stop rules."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from generator.content_types import Exercise
from generator.render import describe_dose
from tests.factory import real_site

pytestmark = pytest.mark.browser
CHROME = [".md-header", ".md-banner", ".md-sidebar", ".md-footer", ".md-search", ".md-top"]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(
    "exercise", real_site().exercises.values(), ids=lambda exercise: exercise.id
)
def test_an_exercise_prints_on_one_a4_page(
    shared_page: Page, base_url: str, exercise: object
) -> None:
    page = shared_page
    item = exercise.item  # type: ignore[attr-defined]
    page.goto(f"{base_url}{exercise.url}")  # type: ignore[attr-defined]
    page.emulate_media(media="print")
    content = page.locator("article.md-content__inner")
    expect(content.get_by_text(f"Dose: {describe_dose(item.dose)}")).to_be_visible()
    expect(content.get_by_text("Stop straight away if")).to_be_visible()
    steps = content.locator("#steps + ol > li")
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


def _drawings_are_on_paper(page: Page, item: Exercise) -> None:
    """Every drawing is on the sheet, in order, big enough to see (a body 100 units tall in a frame
    at least 16 mm high), and only once: the copies among the steps are for the screen."""
    on_paper = page.locator(".gg-drawing-strip svg")
    expect(on_paper).to_have_count(len(item.drawings))
    for index, drawing in enumerate(item.drawings):
        svg = on_paper.nth(index)
        expect(svg).to_have_attribute("aria-label", drawing.shows)
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["height"] >= 16 * PX_PER_MM, drawing.shows
    expect(page.locator(".gg-figure").first).to_be_hidden()
    captions = page.locator(".gg-drawing-strip figcaption").all_inner_texts()
    assert captions == [
        "Starting position" if drawing.step == 0 else f"Step {drawing.step}"
        for drawing in item.drawings
    ]


PX_PER_MM = 96 / 25.4
