"""The real site: real content/, real `mkdocs build --strict`, served on loopback, real Chromium."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from generator.cli import main
from tests.factory import REPO, copy_project

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build(root: Path) -> Path:
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def site(project: Path) -> Path:
    return build(project)


def serve(folder: Path) -> Iterator[str]:
    """Serve the site on loopback like GitHub Pages: gzip for text, also under site_url's path."""
    handler = functools.partial(_PagesLikeHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


SITE_PATH = urllib.parse.urlsplit(
    yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("INHERIT:", "# INHERIT:")
    )["site_url"]
).path.rstrip("/")
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        if SITE_PATH and path.startswith(SITE_PATH + "/"):
            path = path[len(SITE_PATH) :]
        return super().translate_path(path)

    def send_head(self):  # type: ignore[no-untyped-def]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # redirects /page to /page/
            target = target / "index.html"
        kind = self.guess_type(str(target))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (target.is_file() and wants_gzip and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(target.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        # LinkChecker waits 0.1 to 0.6 s between requests unless the server sends this header.
        self.send_header("LinkChecker", "unthrottled")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    yield from serve(site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        # Pages show the emergency numbers of where the browser says it is: every context is in
        # London unless a test puts it elsewhere (tests/e2e/test_regions.py), so the machine's own
        # time zone and language never decide what a test sees.
        opens = launched.new_context

        def new_context(**options: Any) -> BrowserContext:
            return opens(**{**READER_IN_LONDON, **options})

        launched.new_context = new_context
        yield launched
        launched.close()


PHONE = {"width": 360, "height": 780}
# The patient's page starts the site's service worker. A worker answers the page's requests
# itself, past Playwright's routes, so only the tests of working offline (test_offline.py) let it.
READER_IN_LONDON = {"timezone_id": "Europe/London", "locale": "en-GB", "service_workers": "block"}


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh phone-sized page with an empty cache, for a test that changes its state."""
    context = browser.new_context(viewport=PHONE)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="module")
def shared_page(browser: Browser) -> Iterator[Page]:
    """One phone-sized page for a module's tests that each only open a URL and look at it."""
    context = browser.new_context(viewport=PHONE)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    return (REPO / "node_modules/axe-core/axe.min.js").read_text(encoding="utf-8")


def axe_violations(page: Page, axe_script: str) -> list[str]:
    page.add_script_tag(content=axe_script)
    found: list[list[str]] = page.evaluate(
        """async () => (await axe.run()).violations.map(v =>
            [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ')])"""
    )
    return [" ".join(item) for item in found]
