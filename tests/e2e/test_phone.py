"""Phone first: at 360 px wide, no page scrolls sideways and every tap target is at least 24 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.factory import real_pages

pytestmark = pytest.mark.browser

# WCAG 2.5.8: links inside running text are exempt; so is anything that cannot be tapped right now
# (off screen, transparent, or with pointer events switched off).
SMALL_TARGETS = """() => {
  const inText = e => e.closest('.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset em,'
                                + ' .md-typeset h1, .md-typeset h2, .md-typeset h3');
  const small = [];
  const selector = 'a[href], button, input:not([type=checkbox]):not([type=hidden]), label[for],'
                   + ' select, textarea, [role=button]';
  for (const element of document.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const offScreen = box.right <= 0 || box.left >= innerWidth
                      || box.width === 0 || box.height === 0;
    if (offScreen || style.visibility === 'hidden' || style.pointerEvents === 'none'
        || Number(style.opacity) === 0 || inText(element)) continue;
    if (box.width < 24 || box.height < 24) {
      const text = element.textContent.trim().slice(0, 30);
      small.push(`${element.tagName}.${element.className} "${text}"`
                 + ` ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


@pytest.mark.parametrize("url", real_pages())
def test_fits_a_phone_and_is_easy_to_tap(shared_page: Page, base_url: str, url: str) -> None:
    page = shared_page
    page.goto(f"{base_url}{url}")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[1] == 360
    assert widths[0] <= widths[1], "the page scrolls sideways"
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.locator("a[href]").count() > 5
