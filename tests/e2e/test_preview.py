"""The live preview in a real browser: a page open in Chromium shows an edit saved to its content
file by itself, reloaded by MkDocs' live-reload script under the site's own Content-Security-
Policy (generator/preview_server.py), with no call to reload from the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, expect

from tests.commands import GLUTEGUIDE
from tests.e2e.conftest import PHONE
from tests.factory import fixture_bridge, small_content, write_content, write_project
from tests.serving import fetch, serving

pytestmark = pytest.mark.browser


def test_the_preview_reloads_the_page_by_itself_after_an_edit(
    browser: Browser, tmp_path: Path
) -> None:
    root = write_project(tmp_path / "project", small_content())
    with serving(GLUTEGUIDE, root, tmp_path / "serve.log") as (address, server):
        url = f"http://{address}/glute-guide/exercises/bridge/"
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda message: console.append(_said(message)))
        for _ in range(600):  # the first build: until it serves the page
            if "Bridge eases a tight buttock." in fetch(url):
                break
            page.wait_for_timeout(100)
        # MkDocs' script says this once it runs, which the site's policy used to forbid.
        with page.expect_console_message(lambda message: message.text == "Enabled live reload"):
            page.goto(url)
        expect(page.get_by_text("Bridge eases a tight buttock.")).to_be_visible()
        page.evaluate("document.documentElement.dataset.ggBeforeTheEdit = 'yes'")
        write_content(
            root, "content/exercises/bridge.yml", fixture_bridge(steps=["Freshly edited.", "Go."])
        )
        # No reload from here: the page must load the edit itself.
        # The step as shown; its print-only take-home copy changes with it.
        expect(page.get_by_text("Freshly edited.").locator("visible=true")).to_be_visible(
            timeout=60_000
        )
        # A new page, not the old one: the mark made before the edit is gone. (expect waits through
        # the second reload, when the pages that list the edit are built.)
        expect(page.locator("html[data-gg-before-the-edit]")).to_have_count(0)
        refused = [line for line in console if "Content Security Policy" in line]
        assert refused == [], refused
        assert server.poll() is None
        context.close()


def _said(message: ConsoleMessage) -> str:
    return f"{message.type}: {message.text}"
