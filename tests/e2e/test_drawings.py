"""Every exercise is drawn: its drawings sit on its page beside the steps they show, read well on a
phone, carry specific text alternatives, and keep their contrast in the site's other colour
scheme and in forced-colours (Windows high-contrast) mode."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.factory import real_site

pytestmark = pytest.mark.browser
EXERCISES = [page for page in real_site().exercises.values() if page.item.drawings]
GENERIC = {"image", "drawing", "picture", "figure", "illustration", "exercise"}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda exercise: exercise.id)
def test_each_drawing_is_on_the_page_beside_its_step(
    shared_page: Page, base_url: str, exercise: object
) -> None:
    page = shared_page
    item = exercise.item  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{base_url}{exercise.url}")  # type: ignore[attr-defined]
    labels = [drawing.shows for drawing in item.drawings]
    assert len(set(labels)) == len(labels), "each drawing says what is different about it"
    for drawing in item.drawings:
        words = drawing.shows.lower().rstrip(".").split()
        assert len(words) >= 6 and not set(words) <= GENERIC, drawing.shows
        svg = page.get_by_role("img", name=drawing.shows, exact=True)
        expect(svg).to_have_count(1)
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] >= 280, "legible on a phone: nearly full width"
        # Beside its step: inside the step's list item; the starting position's drawing comes
        # first, under the dose and before the words of the starting position.
        if drawing.step == 0:
            place = page.locator("figure:has(~ #start)").filter(has=svg)
        else:
            place = page.locator(f"#steps + ol > li:nth-child({drawing.step})").filter(has=svg)
        expect(place).to_have_count(1)


def _colour(page: Page, selector: str, property_name: str) -> tuple[int, ...]:
    value = page.locator(selector).first.evaluate(
        f"e => getComputedStyle(e).getPropertyValue('{property_name}')"
    )
    numbers = value[value.index("(") + 1 : value.index(")")].split(",")
    return tuple(round(float(n)) for n in numbers[:3])


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_outlines_keep_their_contrast_in_every_scheme(shared_page: Page, base_url: str) -> None:
    page = shared_page
    page.goto(f"{base_url}{EXERCISES[0].url}")
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        background = _colour(page, "body", "background-color")
        outline = _colour(page, ".gg-drawing .o", "stroke")
        far = _colour(page, ".gg-drawing .q", "stroke")
        # WCAG 1.4.11: graphics that carry meaning need 3:1 against what is next to them.
        assert _contrast(outline, background) >= 3, scheme
        assert _contrast(far, background) >= 3, scheme


def test_forced_colours_draw_with_system_colours(shared_page: Page, base_url: str) -> None:
    page = shared_page
    page.emulate_media(forced_colors="active")
    try:
        page.goto(f"{base_url}{EXERCISES[0].url}")
        outline = _colour(page, ".gg-drawing .o", "stroke")
        text = _colour(page, "article p", "color")
        fill = _colour(page, ".gg-drawing .n", "fill")
        canvas = _colour(page, "body", "background-color")
        assert outline == text, "outlines take the text colour"
        assert fill == canvas, "limbs are filled with the background colour"
    finally:
        page.emulate_media(forced_colors="none")
