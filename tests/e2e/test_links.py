"""Every internal link and anchor resolves, and every published URL and redirect opens."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.output.ledger import read_ledger
from tests.e2e.conftest import build, serve
from tests.factory import REPO, rename_bridge, small_content, write_project

pytestmark = pytest.mark.browser
CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).with_name("linkchecker")


def linkcheck(start: str, *options: str) -> subprocess.CompletedProcess[str]:
    command = [str(LINKCHECKER), "-f", str(CONFIG), "--no-status", "-o", "text", *options, start]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)


def test_no_broken_links_or_anchors(base_url: str) -> None:
    result = linkcheck(f"{base_url}/")
    assert result.returncode == 0, result.stdout[-3000:]
    summary = r"(\d+) links? in (\d+) URLs checked\. 0 warnings found\. 0 errors found\."
    checked = re.search(summary, result.stdout)
    assert checked, result.stdout[-2000:]
    assert int(checked.group(2)) > 300


def test_a_broken_anchor_is_caught(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "exercises/clamshell/index.html"
    html = page.read_text(encoding="utf-8")
    broken = '<a href="../glute-bridge/#no-such-step">x</a></article>'
    page.write_text(html.replace("</article>", broken), encoding="utf-8")
    for url in serve(copy):
        result = linkcheck(f"{url}/exercises/clamshell/", "--recursion-level=1")
        assert result.returncode == 1
        assert "Anchor `no-such-step' (decoded: `no-such-step') not found" in " ".join(
            result.stdout.split()
        )


def test_every_ledger_url_opens(base_url: str) -> None:
    urls = [url for _, url in read_ledger(REPO)]
    assert len(urls) >= 40
    for url in urls:
        with urllib.request.urlopen(f"{base_url}{url}") as response:
            assert response.status == 200, url


def test_a_renamed_item_s_old_address_leads_to_its_new_page(page: Page, tmp_path: Path) -> None:
    project = write_project(tmp_path, small_content())
    rename_bridge(project, keep_old_id=True)
    site = build(project)
    assert (site / "exercises/bridge/index.html").is_file()
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text))
    for url in serve(site):
        page.goto(f"{url}/exercises/bridge/#steps")
        # The redirect page's own script keeps the part after #, under the site's policy.
        expect(page).to_have_url(f"{url}/exercises/glute-bridge/#steps")
        expect(page.locator("h1")).to_have_text(re.compile("^Bridge"))
    assert blocked == []
