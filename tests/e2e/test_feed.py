"""The feed of changes (site/feed.xml) is valid Atom: by the RELAX NG schema of RFC 4287
(tests/res/atom.rnc, checked by Jing, which the Nu Html Checker's vnu.jar carries), and by the two
rules of the RFC that the schema leaves to Schematron, checked here. Every page names it."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tests.e2e.test_html_valid import VNU
from tests.factory import REPO, real_site

pytestmark = pytest.mark.browser
SCHEMA = REPO / "tests/res/atom.rnc"
JING = "nu.validator.vendor.thaiopensource.relaxng.util.Driver"
A = "{http://www.w3.org/2005/Atom}"


def jing(feed: Path) -> subprocess.CompletedProcess[str]:
    java = shutil.which("java")
    assert java, "Java is needed for Jing (.ci/run installs default-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: make browser installs it from package-lock.json"
    command = [java, "-cp", str(VNU), JING, "-c", str(SCHEMA), str(feed)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_the_feed_is_valid_atom(site: Path) -> None:
    done = jing(site / "feed.xml")
    assert done.returncode == 0, done.stdout + done.stderr
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{A}entry")
    history = sum(len(page.item.review.history) for page in real_site().all_pages())
    assert len(entries) == history > 0
    # RFC 4287's rules outside the schema: an author (here the feed's, for every entry), and a
    # link to the page (rel alternate) in every entry.
    assert feed.find(f"{A}author/{A}name") is not None
    for entry in entries:
        links = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(links) == 1, ElementTree.tostring(entry)


def test_a_feed_that_breaks_the_schema_is_refused(site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "feed.xml"
    text = (site / "feed.xml").read_text(encoding="utf-8")
    broken.write_text(text.replace("<id>", "<identifier>", 1).replace("</id>", "</identifier>", 1))
    done = jing(broken)
    assert done.returncode == 1
    assert "identifier" in done.stdout


def test_every_page_names_the_feed(site: Path) -> None:
    pages = sorted(site.rglob("index.html"))
    named = '<link rel="alternate" type="application/atom+xml"'
    forwarding = [p for p in pages if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")]
    for page in set(pages) - set(forwarding):
        assert named in page.read_text(encoding="utf-8"), page
    assert len(pages) - len(forwarding) >= 40
