"""Material's own search, in Chromium, with the words readers type.

Each query in search_queries.yml is typed into the real search box, and its page must be among the
first three results. A miss is fixed in content/ (also_called, a clearer title or summary) or in the
search settings in mkdocs.yml, never here.
"""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.factory import real_site

pytestmark = pytest.mark.browser
SITE = real_site()
QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
QUERIES: list[dict[str, Any]] = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
TOP = 3
WORKER_IN_CONFIG = r'"search": "((?:\.\./)*)javascripts/search-worker\.js\?worker=([^"]+)"'
RESULT = ".md-search-result__item"
# Each result is one page: its first link is the page itself, any further links are its sections.
TOP_PATHS = """(results, top) => results.slice(0, top).map(
    result => new URL(result.querySelector("a.md-search-result__link").href).pathname
)"""


@pytest.fixture(scope="module")
def search_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """One phone-sized page for every query: the search box is cleared between queries rather
    than the page loaded again."""
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(f"{base_url}/")
    page.locator("label.md-header__button[for='__search']").click()
    yield page
    context.close()


def search(page: Page, base_url: str, query: str) -> list[str]:
    """Type the query as a reader would; the paths of the first results once they stop changing."""
    box = page.locator("input.md-search__input")
    box.fill("")
    expect(page.locator(RESULT)).to_have_count(0)
    # All but the last letter at once, then the last as a key press: Material searches on the
    # key press, so one search answers the whole query rather than one per letter.
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    expect(page.locator(RESULT).first).to_be_visible(timeout=10_000)
    # Clearing the box and the key press each start a search, and their answers can arrive one
    # after another, so wait until the list has settled on the answer to the whole query.
    deadline = time.monotonic() + 10
    previous: list[str] = []
    unchanged = 0
    while unchanged < 3 and time.monotonic() < deadline:
        page.wait_for_timeout(150)
        current = page.locator(RESULT).evaluate_all(TOP_PATHS, TOP)
        unchanged = unchanged + 1 if current == previous else 0
        previous = current
    # Paths within the site, should the site be served below a folder.
    root = urllib.parse.urlsplit(base_url).path.rstrip("/")
    return [path.removeprefix(root) for path in previous]


@pytest.mark.parametrize(
    ("query", "expected"),
    [(entry["query"], entry["expect"]) for entry in QUERIES],
    ids=[entry["query"] for entry in QUERIES],
)
def test_a_reader_s_words_find_the_right_page(
    search_page: Page, base_url: str, query: str, expected: str
) -> None:
    paths = search(search_page, base_url, query)
    assert expected in paths, f"{query!r}: expected {expected} in the first {TOP}, got {paths}"


def test_the_queries_are_many_distinct_and_point_at_real_pages(site: Path) -> None:
    assert len(QUERIES) >= 30
    assert all(set(entry) == {"query", "expect"} for entry in QUERIES)
    queries = [" ".join(entry["query"].lower().split()) for entry in QUERIES]
    assert len(set(queries)) == len(queries), "duplicate queries"
    for entry in QUERIES:
        path = entry["expect"]
        assert path.startswith("/") and path.endswith("/"), path
        assert (site / path.strip("/") / "index.html").is_file(), f"{path} is not in the built site"


def test_every_page_searches_through_the_site_s_worker(site: Path) -> None:
    """The pages name the site's search worker, and the Material worker it loads by name is in the
    build: should Material rename its worker, the pages' rewrite stops matching and this fails."""
    workers = site / "assets" / "javascripts" / "workers"
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 40
    for html_file in pages:
        text = html_file.read_text(encoding="utf-8")
        if 'id="__config"' not in text:
            continue  # a redirect page
        named = re.findall(WORKER_IN_CONFIG, text)
        assert len(named) == 1, html_file
        prefix, worker = named[0]
        assert (html_file.parent / prefix / "javascripts" / "search-worker.js").resolve().is_file()
        assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", worker) and (workers / worker).is_file()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("knees", "/exercises/knee-drops/"),
        ("clamshells", "/exercises/clamshell/"),
        ("lifting hips", "/exercises/glute-bridge/"),
    ],
)
def test_a_reader_s_word_forms_match_the_stems_in_the_index(
    search_page: Page, base_url: str, query: str, expected: str
) -> None:
    """The index holds stems ("knee", "lift", "hip"). Material adds a wildcard to each word typed
    and lunr then skips stemming, so without the site's worker each of these finds nothing."""
    assert expected in search(search_page, base_url, query)


def test_a_result_shows_the_page_s_summary_not_the_words_added_for_search(
    search_page: Page, base_url: str
) -> None:
    """The other names, synonyms and steps a page's entry is found by sit in a field of their own:
    a reader sees the page's title and summary, not a list of search words."""
    assert search(search_page, base_url, "on all fours lifting opposite arm and leg")[0] == (
        "/exercises/bird-dog/"
    )
    article = search_page.locator(RESULT).first.locator("article").first
    shown = " ".join(article.inner_text().split())
    bird_dog = SITE.exercises["bird-dog"].item
    assert shown.startswith(f"{bird_dog.title} {bird_dog.purpose.split('.')[0]}"), shown
    hidden = [*bird_dog.also_called, bird_dog.start_position, *bird_dog.steps, "Starting position"]
    assert [words for words in hidden if words in shown] == []


def test_a_result_names_the_words_it_lacks_as_the_reader_typed_them(
    search_page: Page, base_url: str
) -> None:
    """The worker searches by stems ("ly" for "lying"); "Missing:" shows the reader's own word."""
    query = "lying on my back lifting my hips"
    search(search_page, base_url, query)
    missing = search_page.locator(".md-search-result__terms del").evaluate_all(
        "words => words.map(word => word.textContent)"
    )
    assert missing, "no result lacks a word: the check would prove nothing"
    assert set(missing) <= set(query.split()), missing
