"""axe-core on every built page, and the keyboard-only checks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PHONE, axe_violations
from tests.factory import real_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe_page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page whose context lets the test inject axe despite the site's strict CSP."""
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("url", [*real_pages(), "/glute-guide/404.html"])
def test_no_axe_violations(axe_page: Page, base_url: str, url: str, axe_script: str) -> None:
    axe_page.goto(f"{base_url}{url}")
    assert axe_violations(axe_page, axe_script) == []


def test_axe_runs_every_rule_family(axe_page: Page, base_url: str, axe_script: str) -> None:
    axe_page.goto(f"{base_url}/")
    axe_page.add_script_tag(content=axe_script)
    rules: list[str] = axe_page.evaluate("axe.getRules().map(rule => rule.ruleId)")
    assert {"color-contrast", "aria-dialog-name", "link-in-text-block", "label"} <= set(rules)


def test_the_skip_link_is_first_and_visible_when_focused(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/exercises/glute-bridge/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#glute-bridge$"))


def test_focus_is_visible_on_links(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    for _ in range(4):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"""
        )
        assert outline[0] != "none" or outline[2] != "none", outline
        assert outline[1] != "0px" or outline[2] != "none", outline


def test_search_is_reachable_from_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("clamshell")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/exercises/clamshell/"))
