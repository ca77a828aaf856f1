"""The feed of changes (generator/pages/feed.py): an entry per page per day of its history,
newest first, each with an id that never changes, and every value as text."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

from generator.pages.feed import feed_xml
from generator.pipeline import load_site
from tests.factory import fixture_bridge, small_content, write_project

A = "{http://www.w3.org/2005/Atom}"
URL = "https://example.org/guide/"


def history(*changes: tuple[str, str]) -> dict[str, Any]:
    return {
        "last_updated": changes[0][0],
        "next_review": "2027-01-01",
        "history": [{"date": day, "summary": words} for day, words in changes],
    }


def feed_of(tmp_path: Path, **pages: dict[str, Any]) -> ElementTree.Element:
    content = small_content()
    content.update(pages)
    site = load_site(write_project(tmp_path, content))
    return ElementTree.fromstring(feed_xml(site, URL, "Glute Guide"))


def test_each_change_is_an_entry_newest_first(tmp_path: Path) -> None:
    bridge = fixture_bridge(
        review=history(("2026-03-02", "Added a precaution."), ("2026-01-05", "First published."))
    )
    feed = feed_of(tmp_path, **{"exercises/bridge.yml": bridge})
    entries = feed.findall(f"{A}entry")
    assert [entry.findtext(f"{A}summary") for entry in entries] == [
        "Added a precaution.",
        "First published.",
    ]
    assert [entry.findtext(f"{A}updated") for entry in entries] == [
        "2026-03-02T00:00:00Z",
        "2026-01-05T00:00:00Z",
    ]
    assert feed.findtext(f"{A}updated") == "2026-03-02T00:00:00Z"
    first = entries[0]
    assert first.findtext(f"{A}title").endswith(": Added a precaution.")  # type: ignore[union-attr]
    assert first.findtext(f"{A}id") == "tag:example.org,2026-03-02:/guide/exercises/bridge/"
    link = first.find(f"{A}link")
    assert link is not None and link.get("href") == f"{URL}exercises/bridge/"
    assert feed.findtext(f"{A}id") == f"{URL}feed.xml"


def test_a_site_without_history_has_an_empty_feed_dated_by_its_pages(tmp_path: Path) -> None:
    feed = feed_of(tmp_path)
    assert feed.findall(f"{A}entry") == []
    assert feed.findtext(f"{A}updated", "").endswith("T00:00:00Z")


def test_a_summary_stays_text(tmp_path: Path) -> None:
    words = "Stop </summary><script>alert(1)</script> & rest."
    bridge = fixture_bridge(review=history(("2026-03-02", words)))
    feed = feed_of(tmp_path, **{"exercises/bridge.yml": bridge})
    entry = feed.find(f"{A}entry")
    assert entry is not None
    assert entry.findtext(f"{A}summary") == words
    assert entry.find(f".//{A}script") is None and entry.find(".//script") is None
