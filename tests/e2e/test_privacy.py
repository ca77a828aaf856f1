"""Privacy and weight: nothing from other hosts, a Content-Security-Policy that every page
satisfies, and a light first load."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from playwright.sync_api import Page, expect

from tests.factory import real_pages, real_site

pytestmark = pytest.mark.browser
XHTML = "{http://www.w3.org/1999/xhtml}"
FIRST_LOAD_BUDGET = 50 * 1024


def transferred(page: Page) -> int:
    total: int = page.evaluate(
        """() => [...performance.getEntriesByType('navigation'),
                  ...performance.getEntriesByType('resource')]
                 .reduce((sum, entry) => sum + entry.transferSize, 0)"""
    )
    return total


@pytest.mark.parametrize(
    "exercise", real_site().exercises.values(), ids=lambda exercise: exercise.id
)
def test_first_load_of_an_exercise_page_is_at_most_50_kb(
    page: Page, base_url: str, exercise: object
) -> None:
    page.goto(f"{base_url}{exercise.url}", wait_until="networkidle")  # type: ignore[attr-defined]
    encodings = page.evaluate("performance.getEntriesByType('navigation')[0].encodedBodySize")
    assert encodings > 1000  # the timing API is reporting, and the page came compressed
    assert 10_000 < transferred(page) <= FIRST_LOAD_BUDGET


def test_every_page_keeps_to_its_security_policy_and_this_host(page: Page, base_url: str) -> None:
    problems: list[str] = []
    requested: list[str] = []
    page.on("console", lambda message: problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requested.append(request.url))
    for url in real_pages():
        # One wait for a quiet network per page, after the touch: it covers what the page
        # itself loaded as well as Material's script and the search worker.
        page.goto(f"{base_url}{url}", wait_until="load")
        page.mouse.move(5, 5)
        page.mouse.down()  # the first touch loads Material's script and search worker
        page.mouse.up()
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("cramp")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert problems == []
    assert any("bundle" in url for url in requested) and any(
        "search_index" in url for url in requested
    )
    assert [url for url in requested if not url.startswith(base_url)] == []


def test_the_policy_allows_no_inline_script_and_no_other_host(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for html_file in pages:
        head = html5lib.parse(html_file.read_bytes()).find(f"{XHTML}head")
        elements = [e for e in head.iter() if isinstance(e.tag, str)]
        [policy] = [
            e for e in elements if e.get("http-equiv", "").lower() == "content-security-policy"
        ]
        content = policy.get("content")
        assert "unsafe-inline" not in content and "unsafe-eval" not in content
        assert re.search(r"(^|; )default-src 'self'(;|$)", content)
        # The policy comes before any script, so it covers every one of them.
        scripts = [e for e in elements if e.tag == f"{XHTML}script"]
        assert elements.index(policy) < elements.index(scripts[0]), html_file
        for script in html5lib.parse(html_file.read_bytes()).iter(f"{XHTML}script"):
            # Else data a browser never runs: the page's own JSON, and its linked data.
            data = script.get("type") in ("application/json", "application/ld+json")
            assert script.get("src") or data, html_file
