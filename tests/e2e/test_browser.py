"""The built site in Debian's Chromium, driven by Playwright."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factory import real_site

pytestmark = pytest.mark.browser


def test_a_reader_finds_an_exercise_by_a_lay_word(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("bum lift")
    result = page.locator(".md-search-result__item > a.md-search-result__link").first
    expect(result).to_be_visible(timeout=10_000)
    paths = page.locator(".md-search-result__item > a.md-search-result__link").evaluate_all(
        "links => links.slice(0, 3).map(link => new URL(link.href).pathname)"
    )
    assert "/exercises/glute-bridge/" in paths, paths
    page.locator('.md-search-result__item > a[href*="/exercises/glute-bridge/"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(f"{base_url}/exercises/glute-bridge/")))
    expect(page.locator("h1")).to_have_text(re.compile(r"^Glute bridge"))
    # The visible one: the page prints the same from its take-home copy (print only).
    expect(page.get_by_text("Stop straight away if").locator("visible=true")).to_be_visible()


def test_home_page_leads_to_help_in_one_tap(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.get_by_role("link", name="Get help now: warning signs").click()
    expect(page).to_have_url(f"{base_url}/get-help/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Get help now"))


def test_the_get_help_bar_is_on_every_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/exercises/glute-bridge/")
    page.locator(".md-banner a").click()
    expect(page).to_have_url(f"{base_url}/get-help/")


def test_pages_request_nothing_from_other_hosts(page: Page, base_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/exercises/glute-bridge/", "/conditions/acute-glute-spasm/"):
        page.goto(f"{base_url}{path}", wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("cramp")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert len(requested) > 5
    elsewhere = [url for url in requested if not url.startswith(base_url)]
    assert elsewhere == []


def test_each_condition_s_self_care_is_two_taps_from_home(page: Page, base_url: str) -> None:
    conditions = real_site().conditions.values()
    assert len(conditions) >= 2
    for condition in conditions:
        page.goto(f"{base_url}/")
        page.get_by_role("link", name=condition.item.title, exact=True).click()
        expect(page).to_have_url(f"{base_url}{condition.url}#what-to-do-now")
        expect(page.locator("#what-to-do-now")).to_be_in_viewport()
