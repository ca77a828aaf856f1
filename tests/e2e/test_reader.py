"""Pages that fit the moment, on a 360 x 740 phone: the answer on the first screen, one
emergency block a reader can act on with one tap, lists of exercises that say what each one is,
and an exercises index that narrows with no script at all."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.content.equipment import equipment_kinds
from tests.factory import real_site

pytestmark = pytest.mark.browser
SCREEN = {"width": 360, "height": 740}
SITE = real_site()


@pytest.fixture
def phone(browser: Browser) -> Page:
    context = browser.new_context(viewport=SCREEN)
    yield context.new_page()  # type: ignore[misc]
    context.close()


def on_first_screen(page: Page, selector: str) -> None:
    """The element's first line is inside the first screen, with nothing scrolled."""
    element = page.locator(selector).first
    expect(element).to_be_visible()
    box = element.bounding_box()
    assert box is not None and box["y"] + 24 <= SCREEN["height"], (selector, box)


@pytest.mark.parametrize("condition", SITE.conditions.values(), ids=lambda page: page.id)
def test_a_condition_page_shows_its_first_self_care_step_on_the_first_screen(
    phone: Page, base_url: str, condition: object
) -> None:
    phone.goto(f"{base_url}{condition.url}")  # type: ignore[attr-defined]
    on_first_screen(phone, "#what-to-do-now + ol > li")


@pytest.mark.parametrize("exercise", SITE.exercises.values(), ids=lambda page: page.id)
def test_an_exercise_page_shows_its_dose_and_first_drawing_on_the_first_screen(
    phone: Page, base_url: str, exercise: object
) -> None:
    phone.goto(f"{base_url}{exercise.url}")  # type: ignore[attr-defined]
    on_first_screen(phone, "article li:has-text('Dose:')")
    on_first_screen(phone, "article figure.gg-figure svg")


WARNED = [
    *(page.url for page in SITE.conditions.values()),
    *(page.url for page in list(SITE.exercises.values())[:3]),
    *(page.url for page in SITE.programmes.values()),
    "/get-help/",
]


@pytest.mark.parametrize("url", WARNED)
def test_one_emergency_block_at_body_size_with_links_to_call(
    phone: Page, base_url: str, url: str
) -> None:
    phone.goto(f"{base_url}{url}")
    block = phone.locator("article .admonition.danger")
    expect(block).to_have_count(1)
    size = block.locator("li").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    body = phone.locator("article > p").first.evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert size >= body
    for name, href in (
        ("Call 999", "tel:999"),
        ("Call NHS 111", "tel:111"),
        ("NHS 111 online", "https://111.nhs.uk/"),
    ):
        link = block.get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("href", href)
        box = link.bounding_box()
        assert box is not None and box["height"] >= 32 and box["width"] >= 44, (name, box)
    expect(block).to_contain_text("Numbers for: United Kingdom")


def test_the_get_help_link_stays_on_screen_while_the_reader_scrolls(
    phone: Page, base_url: str
) -> None:
    phone.goto(f"{base_url}/conditions/acute-glute-spasm/")
    phone.mouse.wheel(0, 6000)
    phone.wait_for_function("scrollY > 3000")
    help_link = phone.locator(".md-header").get_by_role("link", name="Get help now")
    expect(help_link).to_be_in_viewport()
    help_link.click()
    expect(phone).to_have_url(re.compile(r"/get-help/$"))


def test_the_title_is_the_strongest_text_on_the_page(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}/exercises/glute-bridge/")
    title = phone.locator("article h1")
    weight = title.evaluate("e => getComputedStyle(e).fontWeight")
    colour = title.evaluate("e => getComputedStyle(e).color")
    text = phone.locator("article > p").first.evaluate("e => getComputedStyle(e).color")
    assert int(weight) >= 700 and colour == text


def test_lines_stay_a_comfortable_length_on_a_wide_screen(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/")
    paragraph = page.locator("article > p").first
    width, size = paragraph.evaluate(
        "e => [e.getBoundingClientRect().width, parseFloat(getComputedStyle(e).fontSize)]"
    )
    # About 2 characters to an em of this text: 42 em is about 85 characters a line.
    assert width / size <= 42.5
    context.close()


def test_exercise_names_in_self_care_steps_lead_to_their_pages(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}/conditions/acute-glute-spasm/")
    steps = phone.locator("#what-to-do-now + ol")
    link = steps.get_by_role("link", name="lower trunk rotation")
    expect(link).to_have_attribute("href", re.compile(r"exercises/lower-trunk-rotation/$"))
    link.click()
    expect(phone.locator("h1")).to_have_text(re.compile("^Lower trunk rotation"))


@pytest.mark.parametrize("url", ["/conditions/weak-glutes/", "/exercises/"])
def test_each_listed_exercise_shows_its_level_dose_and_a_small_drawing(
    phone: Page, base_url: str, url: str
) -> None:
    phone.goto(f"{base_url}{url}")
    entries = phone.locator("article li:has(svg.gg-thumb)")
    assert entries.count() >= 5
    titles = {page.item.title: page.item for page in SITE.exercises.values()}
    for entry in entries.all():
        name = entry.locator("a").first.inner_text()
        item = titles[name]
        text = entry.inner_text()
        assert item.difficulty.capitalize() in text and item.dose.how_often in text, text
        box = entry.locator("svg.gg-thumb").bounding_box()
        assert box is not None and box["width"] >= 40


def test_the_exercises_index_narrows_with_no_script(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=SCREEN, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/exercises/")
    shown = page.locator(".gg-exercise-list > li:visible a").first
    expect(shown).to_be_visible()
    every = len(SITE.exercises)
    expect(page.locator(".gg-exercise-list > li:visible")).to_have_count(every)

    def titles() -> set[str]:
        shown: list[str] = page.locator(".gg-exercise-list > li").evaluate_all(
            "items => items.filter(li => li.checkVisibility())"
            ".map(li => li.querySelector('a').textContent)"
        )
        return set(shown)

    page.get_by_label("Standing", exact=True).check()
    standing = {p.item.title for p in SITE.exercises.values() if p.item.position == "standing"}
    assert titles() == standing
    page.get_by_label("Any", exact=True).nth(1).check()
    page.get_by_label("Stretch", exact=True).check()
    page.get_by_label("Nothing more than a mat, bed, pillow or towel").check()
    wanted = {
        p.item.title
        for p in SITE.exercises.values()
        if p.item.category == "stretch" and not equipment_kinds(p.item)
    }
    assert wanted and titles() == wanted
    page.get_by_label("Any", exact=True).first.check()
    page.get_by_label("A resistance band").check()
    banded = {p.item.title for p in SITE.exercises.values() if "band" in equipment_kinds(p.item)}
    assert banded and titles() == banded
    context.close()


def test_search_speaks_of_results(phone: Page, base_url: str) -> None:
    phone.goto(f"{base_url}/")
    phone.locator("label.md-header__button[for='__search']").click()
    phone.locator("input.md-search__input").press_sequentially("cramp")
    meta = phone.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"^(1 result|\d+ results)$"))
    # The first result's words are the page's summary, not its list of other names.
    first = phone.locator(".md-search-result__item").first
    assert "Also called" not in first.inner_text()


@pytest.mark.parametrize("url", ["/conditions/acute-glute-spasm/", "/exercises/glute-bridge/"])
def test_long_pages_say_what_is_on_them_on_a_phone(
    browser: Browser, base_url: str, url: str
) -> None:
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    page.goto(f"{base_url}{url}")
    listing = page.locator(".gg-on-this-page")
    expect(listing).to_be_visible()
    links = listing.get_by_role("link")
    assert links.count() >= 5
    for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        expect(page.locator(href)).to_have_count(1)
    page.set_viewport_size({"width": 1600, "height": 900})
    expect(listing).to_be_hidden()  # Material's table of contents stands beside the text
    context.close()
