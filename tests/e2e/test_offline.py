"""The patient's page offline and installed, in Chromium with service workers let run: after a
first visit the programme (its page, scripts, exercises' text and drawings) reloads with the
network off; a new release replaces the cached copy; Chromium finds the app installable."""

from __future__ import annotations

import json
import shutil
import struct
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from time import sleep

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.output.service_worker import write_service_worker
from generator.pages.app import ICON_SIZES, MANIFEST_FILE, START_URL, icon_png
from generator.pages.prescribe import plan_code
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, PHONE, serve

pytestmark = pytest.mark.browser

PROGRAMME = "/plan/#v=2&x=" + ".".join(
    plan_code(name) for name in ("lying-figure-4-stretch", "glute-bridge", "heat-application")
)
TITLES = ["Lying figure-4 stretch", "Glute bridge", "Heat on the buttock"]


@pytest.fixture
def online(browser: Browser) -> Iterator[Page]:
    """A fresh phone whose pages may start service workers (blocked in every other test)."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    yield context.new_page()
    context.close()


def wait_until(page: Page, script: str, what: str) -> None:
    """Polls an async test in the page (the page's policy refuses wait_for_function's eval)."""
    for _ in range(100):
        if page.evaluate(script):
            return
        sleep(0.1)
    raise AssertionError(what)


def ready_offline(page: Page, files: int) -> None:
    """Until the worker controls the page and the programme's exercise files are in its cache."""
    wait_until(page, "() => Boolean(navigator.serviceWorker.controller)", "no worker in control")
    wait_until(
        page,
        f"""async () => (await (await caches.open("gg-exercises")).keys()).length >= {files}""",
        "the programme's exercises were not cached",
    )


def drawings_shown(page: Page) -> None:
    images = page.locator(".gg-plan-drawing")
    assert images.count() >= 3
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("(image) => image.naturalWidth") > 0, image.get_attribute("src")


def test_the_programme_reloads_with_the_network_off(online: Page, base_url: str) -> None:
    page = online
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(base_url + PROGRAMME)
    expect(page.locator(".gg-th-title")).to_have_text(TITLES)
    drawings = page.locator(".gg-plan-drawing").count()
    ready_offline(page, 3 + drawings)

    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".gg-th-title")).to_have_text(TITLES)
    expect(page.locator(".gg-plan-message")).to_be_hidden()
    drawings_shown(page)
    # The session's code came with the page's files: a session runs offline too.
    page.get_by_role("button", name="Start session").click()
    expect(page.locator("#gg-session-title")).to_have_text(TITLES[0])
    expect(page.locator("#gg-session-drawing img")).to_have_js_property("complete", True)
    hosts = {urllib.parse.urlsplit(url).netloc for url in asked}
    assert hosts == {urllib.parse.urlsplit(base_url).netloc}, hosts


def test_a_new_release_replaces_the_cached_copy(online: Page, site: Path, tmp_path: Path) -> None:
    page = online
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(site, first)
    shutil.copytree(site, second)
    # The second release changes the patient's page; its worker is written again, as a build does.
    plan = second / "plan/index.html"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            ">Your exercise programme<a", ">Your exercise programme, renewed<a"
        ),
        encoding="utf-8",
    )
    write_service_worker(second)
    assert (first / "sw.js").read_bytes() != (second / "sw.js").read_bytes()
    live = tmp_path / "live"
    live.symlink_to(first, target_is_directory=True)
    for base in serve(live):
        page.goto(base + PROGRAMME)
        expect(page.locator(".gg-th-title")).to_have_text(TITLES)
        ready_offline(page, 3)
        expect(page.locator("h1")).not_to_contain_text("renewed")

        # The new release goes up; the next visit online finds the new worker, which takes over.
        live.unlink()
        live.symlink_to(second, target_is_directory=True)
        # The browser looks for a new worker as the page is visited again (Chromium puts off a
        # second look within moments of the first): the test asks for that look at once.
        found = page.evaluate(
            """async () => {
                const registration = await navigator.serviceWorker.getRegistration();
                await registration.update();
                const worker = registration.installing || registration.waiting;
                if (!worker) return "no new worker";
                return new Promise((done) => {
                    const settled = () => ["activated", "redundant"].includes(worker.state);
                    worker.onstatechange = () => settled() && done(worker.state);
                    if (settled()) done(worker.state);
                    setTimeout(() => done("still " + worker.state), 20000);
                });
            }"""
        )
        assert found == "activated"
        page.reload()
        expect(page.locator("h1")).to_contain_text("Your exercise programme, renewed")

        # Offline, the new copy is the one kept, and the old one is gone from the cache.
        page.context.set_offline(True)
        page.reload()
        expect(page.locator("h1")).to_contain_text("Your exercise programme, renewed")
        expect(page.locator(".gg-th-title")).to_have_text(TITLES)
        kept = page.evaluate(
            """async () => {
                const names = await caches.keys();
                const precache = names.filter((name) => name.includes("precache"));
                const urls = [];
                for (const name of precache) {
                    const cache = await caches.open(name);
                    for (const request of await cache.keys()) urls.push(request.url);
                }
                const plans = urls.filter((url) => url.includes("/plan/index.html"));
                return {precache: precache.length, plans: plans.length};
            }"""
        )
        assert kept == {"precache": 1, "plans": 1}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_programme_installs_as_an_app(
    browser: Browser, base_url: str, site: Path, tmp_path: Path
) -> None:
    # Chromium installs nothing from an incognito profile, which every new_context() is: this
    # test has a profile of its own on disk.
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile",
        executable_path=CHROMIUM,
        args=CHROMIUM_FLAGS,
        viewport=PHONE,
        service_workers="allow",
    )
    try:
        page = context.new_page()
        page.goto(base_url + PROGRAMME)
        expect(page.locator(".gg-th-title")).to_have_text(TITLES)
        ready_offline(page, 3)
        session = context.new_cdp_session(page)
        errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
    finally:
        context.close()
    manifest = json.loads((site / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == START_URL
    for icon, size in zip(manifest["icons"], ICON_SIZES, strict=True):
        assert png_size(site / icon["src"]) == (size, size)
        assert icon["sizes"] == f"{size}x{size}"
        # Drawn at build time: what the site serves is what the generator draws, each time.
        assert (site / icon["src"]).read_bytes() == icon_png(size)


def test_the_installed_app_reopens_the_last_programme(online: Page, base_url: str) -> None:
    page = online
    page.goto(base_url + PROGRAMME)
    expect(page.locator(".gg-th-title")).to_have_text(TITLES)
    ready_offline(page, 3)
    # Opened from the home screen, offline: the manifest's start address, with no programme.
    page.context.set_offline(True)
    page.goto(base_url + "/" + START_URL)
    expect(page.locator(".gg-th-title")).to_have_text(TITLES)
    assert urllib.parse.urlsplit(page.url).fragment == PROGRAMME.split("#")[1]


def test_in_a_browser_tab_plan_without_a_link_says_so(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(base_url + PROGRAMME)
        expect(page.locator(".gg-th-title")).to_have_text(TITLES)
        page.goto(base_url + "/plan/")
        expect(page.locator(".gg-plan-message")).to_be_visible()
    finally:
        context.close()
