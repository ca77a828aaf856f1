"""The reader's own emergency number, wherever they are: the built site in Chromium set to each
place's time zone and language, with script on and off, on a 360 x 740 phone, and on paper."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from generator.content.regions import tel
from tests.factory import real_site

pytestmark = pytest.mark.browser

SITE = real_site()
PHONE = {"width": 360, "height": 740}
# (time zone, language, region key): the seven places the issue names, and Chromium's own name
# for India's zone.
READERS = [
    ("America/New_York", "en-US", "us"),
    ("America/Toronto", "en-CA", "ca"),
    ("Australia/Sydney", "en-AU", "au"),
    ("Pacific/Auckland", "en-NZ", "nz"),
    ("Europe/Dublin", "en-IE", "ie"),
    ("Asia/Kolkata", "en-IN", "in"),
    ("Asia/Calcutta", "hi-IN", "in"),
    ("Europe/London", "en-GB", "uk"),
]
PAGES = [
    "/get-help/",
    next(iter(SITE.conditions.values())).url,
    next(iter(SITE.exercises.values())).url,
    next(iter(SITE.programmes.values())).url,
]


def context_in(browser: Browser, zone: str, language: str, **options: object) -> BrowserContext:
    return browser.new_context(viewport=PHONE, timezone_id=zone, locale=language, **options)


def block_opens_with_the_call(page: Page, key: str) -> None:
    """The block's heading names the number, and its first link calls it."""
    region = SITE.regions[key]
    block = page.locator("article .gg-emergency")
    expect(block).to_have_count(1)
    title = block.locator(".admonition-title")
    expect(title).to_contain_text(f"Call {region.emergency.number} or go to")
    first_link = block.locator("a").first
    expect(first_link).to_have_text(f"Call {region.emergency.number}")
    expect(first_link).to_have_attribute("href", tel(region.emergency.number))
    expect(block.locator(".gg-region-pick")).to_contain_text(f"Numbers for: {region.name}")
    colour = first_link.evaluate("e => getComputedStyle(e).backgroundColor")
    red, green, blue = (int(part) for part in re.findall(r"\d+", colour)[:3])
    assert red > 150 and green < 80 and blue < 80, colour
    box = first_link.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 200, box


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("zone,language,key", READERS, ids=[r[0] for r in READERS])
def test_the_readers_own_number_is_the_first_button_of_the_block(
    browser: Browser, base_url: str, url: str, zone: str, language: str, key: str
) -> None:
    context = context_in(browser, zone, language)
    page = context.new_page()
    page.goto(f"{base_url}{url}")
    block_opens_with_the_call(page, key)
    # Once the block is reached, its call button is on that first screen.
    page.locator("article .gg-emergency").evaluate("e => e.scrollIntoView()")
    box = page.locator("article .gg-call").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    context.close()


@pytest.mark.parametrize("zone,language,key", READERS, ids=[r[0] for r in READERS])
def test_the_get_help_page_shows_the_call_button_without_scrolling(
    browser: Browser, base_url: str, zone: str, language: str, key: str
) -> None:
    context = context_in(browser, zone, language)
    page = context.new_page()
    page.goto(f"{base_url}/get-help/")
    button = page.locator("article .gg-call")
    expect(button).to_have_text(f"Call {SITE.regions[key].emergency.number}")
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    context.close()


@pytest.mark.parametrize("url", PAGES)
def test_new_zealand_sees_no_111_but_its_emergency_number(
    browser: Browser, base_url: str, url: str
) -> None:
    context = context_in(browser, "Pacific/Auckland", "en-NZ")
    page = context.new_page()
    page.goto(f"{base_url}{url}")
    expect(page.locator("article .gg-call")).to_have_text("Call 111")
    # The whole article but the table of every place's numbers and the list of sources.
    text = page.locator("article").evaluate(
        "a => { const c = a.cloneNode(true);"
        " c.querySelectorAll('table, script, [hidden], .gg-reference').forEach(e => e.remove());"
        " return c.textContent; }"
    )
    assert "NHS 111" not in text and "NHS 24" not in text
    for found in re.finditer(r"111", text):
        around = text[max(0, found.start() - 40) : found.end() + 10]
        assert re.search(r"(Call|New Zealand:) 111", around), around
    context.close()


def test_with_script_off_the_block_shows_the_uk_and_every_places_emergency_number(
    browser: Browser, base_url: str
) -> None:
    context = context_in(browser, "America/New_York", "en-US", java_script_enabled=False)
    page = context.new_page()
    for url in PAGES:
        page.goto(f"{base_url}{url}")
        block = page.locator("article .gg-emergency")
        expect(block.locator("a").first).to_have_text("Call 999")
        line = block.locator(".gg-region-line")
        for region in list(SITE.regions.values())[1:]:
            link = line.get_by_role("link", name=f"{region.name}: {region.emergency.number}")
            expect(link).to_have_attribute("href", tel(region.emergency.number))
    context.close()


def test_the_reader_can_change_the_place_and_it_is_remembered(
    browser: Browser, base_url: str
) -> None:
    context = context_in(browser, "Europe/London", "en-GB")
    page = context.new_page()
    page.goto(f"{base_url}{PAGES[2]}")
    change = page.get_by_role("button", name="Change")
    change.click()
    expect(change).to_have_attribute("aria-expanded", "true")
    page.get_by_label("Where you are").select_option(label="Australia")
    block_opens_with_the_call(page, "au")
    expect(page.locator(".gg-unsure")).to_contain_text("Call healthdirect on 1800 022 222")
    page.goto(f"{base_url}/conditions/acute-glute-spasm/")
    block_opens_with_the_call(page, "au")
    expect(page.locator(".gg-urgent-route").first).to_contain_text("healthdirect")
    context.close()


def test_the_region_picker_works_by_keyboard(browser: Browser, base_url: str) -> None:
    context = context_in(browser, "Europe/London", "en-GB")
    page = context.new_page()
    page.goto(f"{base_url}/get-help/")
    page.get_by_role("button", name="Change").focus()
    page.keyboard.press("Enter")
    select = page.get_by_label("Where you are")
    expect(select).to_be_focused()
    select.select_option("us")
    block_opens_with_the_call(page, "us")
    expect(page.locator(".gg-unsure")).to_be_hidden()
    context.close()


def test_a_zone_with_no_country_goes_by_the_language(browser: Browser, base_url: str) -> None:
    context = context_in(browser, "UTC", "en-CA")
    page = context.new_page()
    page.goto(f"{base_url}/get-help/")
    block_opens_with_the_call(page, "ca")
    context.close()
    context = context_in(browser, "Europe/Paris", "en-GB")
    page = context.new_page()
    page.goto(f"{base_url}/get-help/")
    block_opens_with_the_call(page, "elsewhere")  # Paris is not London, whatever the language
    context.close()


def test_a_programme_link_carries_the_patients_region(browser: Browser, base_url: str) -> None:
    context = context_in(browser, "Europe/London", "en-GB")
    page = context.new_page()
    page.goto(f"{base_url}/prescribe/")
    page.locator(".gg-pick input[type=checkbox]").first.check()
    page.get_by_label("Emergency numbers for").select_option(label="New Zealand")
    link = page.locator("#plan-link").input_value()
    assert "&g=nz" in link
    expect(page.locator("#gg-preview .gg-call")).to_have_text("Call 111")
    context.close()
    # The patient opens it in London: the page shows New Zealand's numbers, on screen and paper.
    context = context_in(browser, "Europe/London", "en-GB")
    patient = context.new_page()
    patient.goto(link)
    block_opens_with_the_call(patient, "nz")
    patient.emulate_media(media="print")
    title = patient.locator("article .gg-emergency .admonition-title")
    expect(title).to_contain_text("Call 111 or go to the emergency department")
    expect(patient.locator("article .gg-call")).to_be_hidden()
    expect(patient.locator("article .gg-region-line")).to_be_visible()
    context.close()


def test_a_printed_exercise_page_shows_the_numbers_and_the_line(
    browser: Browser, base_url: str
) -> None:
    context = context_in(browser, "Europe/London", "en-GB")
    page = context.new_page()
    page.goto(f"{base_url}{PAGES[2]}")
    page.emulate_media(media="print")
    block = page.locator("article .gg-emergency")
    expect(block.locator(".admonition-title")).to_contain_text("Call 999 or go to A&E now")
    expect(block.locator(".gg-region-line")).to_be_visible()
    expect(block.locator(".gg-region-line")).to_contain_text("United States: 911")
    context.close()
