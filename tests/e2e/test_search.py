"""Material's own search, with the words readers type: every query in Node, a sample in Chromium.

Each query in search_queries.yml must find its page among the first three results. Every query is
searched in Node by the built site's own worker (tests/js/search-ranking.js runs the site's
javascripts/search-worker.js, which loads Material's worker from the site, and feeds it the built
index as Material's page does). The queries marked `browser:` are also typed into the real search
box in Chromium, which must show the same first three, so the Node results stand for what a reader
sees. A miss is fixed in content/ (also_called, a clearer title or summary) or in the search
settings in mkdocs.yml, never here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.factory import REPO, real_site

pytestmark = pytest.mark.browser
SITE = real_site()
QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
QUERIES: list[dict[str, Any]] = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
IN_CHROMIUM = [entry for entry in QUERIES if "browser" in entry]
TOP = 3
# Word forms the index holds only as stems ("knee", "clamshel", "lift", "hip").
WORD_FORMS = [
    ("knees", "/exercises/knee-drops/"),
    ("clamshells", "/exercises/clamshell/"),
    ("lifting hips", "/exercises/glute-bridge/"),
]
LACKS_WORDS = "lying on my back lifting my hips"
SEARCH_IN_NODE = REPO / "tests" / "js" / "search-ranking.js"
Result = dict[str, Any]  # from Node: {"path": "/exercises/clamshell/", "missing": ["lying"]}
WORKER_IN_CONFIG = r'"search": "((?:\.\./)*)javascripts/search-worker\.js\?worker=([^"]+)"'
RESULT = ".md-search-result__item"
# Each result is one page: its first link is the page itself, any further links are its sections.
TOP_PATHS = """(results, top) => results.slice(0, top).map(
    result => new URL(result.querySelector("a.md-search-result__link").href).pathname
)"""


def search_in_node(site: Path, queries: list[str], *options: str) -> dict[str, list[Result]]:
    """Each query's results, best first, from the site's search worker run in Node."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the search tests (README: what a fresh clone needs)"
    run = subprocess.run(
        [node, str(SEARCH_IN_NODE), str(site), *options],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    found: dict[str, list[Result]] = json.loads(run.stdout)
    return found


def top_paths(results: list[Result]) -> list[str]:
    return [result["path"] for result in results[:TOP]]


def missing_words(results: list[Result]) -> set[str]:
    return {word for result in results for word in result["missing"]}


@pytest.fixture(scope="module")
def found(site: Path) -> dict[str, list[Result]]:
    """Every query of this module, searched once in one Node process."""
    queries = [entry["query"] for entry in QUERIES] + [query for query, _ in WORD_FORMS]
    return search_in_node(site, [*dict.fromkeys([*queries, LACKS_WORDS])])


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
    found: dict[str, list[Result]], query: str, expected: str
) -> None:
    paths = top_paths(found[query])
    assert expected in paths, f"{query!r}: expected {expected} in the first {TOP}, got {paths}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [(entry["query"], entry["expect"]) for entry in IN_CHROMIUM],
    ids=[entry["query"] for entry in IN_CHROMIUM],
)
def test_chromium_shows_the_first_results_that_node_found(
    search_page: Page, base_url: str, found: dict[str, list[Result]], query: str, expected: str
) -> None:
    """Typed into the real search box, the query shows the same first results as in Node: the
    pages load the same worker, which reads the same index, so the Node results are the site's."""
    paths = search(search_page, base_url, query)
    assert paths == top_paths(found[query]), f"{query!r}: Chromium shows {paths}"
    assert expected in paths, f"{query!r}: expected {expected} in the first {TOP}, got {paths}"


def test_the_queries_are_many_distinct_and_point_at_real_pages(site: Path) -> None:
    assert len(QUERIES) >= 30
    assert all(
        {"query", "expect"} <= set(entry) <= {"query", "expect", "browser"} for entry in QUERIES
    )
    queries = [" ".join(entry["query"].lower().split()) for entry in QUERIES]
    assert len(set(queries)) == len(queries), "duplicate queries"
    for entry in QUERIES:
        path = entry["expect"]
        assert path.startswith("/") and path.endswith("/"), path
        assert (site / path.strip("/") / "index.html").is_file(), f"{path} is not in the built site"


def test_chromium_tries_a_few_queries_for_every_kind_of_page() -> None:
    """Enough to prove the wiring, few enough to stay quick, and each kind of page among them."""
    assert 8 <= len(IN_CHROMIUM) <= 15
    kinds = {entry["expect"].split("/")[1] for entry in QUERIES}
    assert {entry["expect"].split("/")[1] for entry in IN_CHROMIUM} == kinds


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


@pytest.fixture(scope="module")
def found_by_material_alone(site: Path) -> dict[str, list[Result]]:
    return search_in_node(site, [query for query, _ in WORD_FORMS], "--material-only")


@pytest.mark.parametrize(("query", "expected"), WORD_FORMS, ids=[query for query, _ in WORD_FORMS])
def test_a_reader_s_word_forms_match_the_stems_in_the_index(
    found: dict[str, list[Result]],
    found_by_material_alone: dict[str, list[Result]],
    query: str,
    expected: str,
) -> None:
    """The index holds stems ("knee", "lift", "hip"). Material adds a wildcard to each word typed
    and lunr then skips stemming, so without the site's worker each of these finds nothing."""
    assert expected in top_paths(found[query])
    assert found_by_material_alone[query] == []


def test_a_result_names_only_words_the_reader_typed_as_missing(
    found: dict[str, list[Result]],
) -> None:
    """For every query: the worker searches by stems ("ly" for "lying"), yet the words a result
    shows as "Missing:" are words the reader typed."""
    assert missing_words(found[LACKS_WORDS]), "no result lacks a word: the check proves nothing"
    strays = {
        query: sorted(missing_words(results) - set(re.split(r"[\s-]+", query.lower())))
        for query, results in found.items()
    }
    assert {query: words for query, words in strays.items() if words} == {}


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
    query = LACKS_WORDS
    search(search_page, base_url, query)
    missing = search_page.locator(".md-search-result__terms del").evaluate_all(
        "words => words.map(word => word.textContent)"
    )
    assert missing, "no result lacks a word: the check would prove nothing"
    assert set(missing) <= set(query.split()), missing
