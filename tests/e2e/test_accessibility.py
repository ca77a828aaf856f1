"""axe-core on every built page, and the keyboard-only checks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.pipeline import prepare
from tests.factory import REPO

AXE = (REPO / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")
PREPARED = prepare(REPO)
PAGES = sorted(
    PREPARED.published - {f"/{path.removesuffix('.md')}/" for path in PREPARED.site.redirects}
)


@pytest.fixture
def axe_page(browser: Browser) -> Iterator[Page]:
    """A phone-sized page whose context lets the test inject axe despite the site's strict CSP."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, bypass_csp=True)
    yield context.new_page()
    context.close()


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(content=AXE)
    found: list[list[str]] = page.evaluate(
        """async () => (await axe.run()).violations.map(v =>
            [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ')])"""
    )
    return [" ".join(item) for item in found]


@pytest.mark.parametrize("url", [*PAGES, "/glute-guide/404.html"])
def test_no_axe_violations(axe_page: Page, base_url: str, url: str) -> None:
    axe_page.goto(f"{base_url}{url}")
    assert axe_violations(axe_page) == []


def test_axe_runs_every_rule_family(axe_page: Page, base_url: str) -> None:
    axe_page.goto(f"{base_url}/")
    axe_page.add_script_tag(content=AXE)
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
