"""The built site from the real content: every page carries its safety information, and every
published URL still works."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from generator.output.ledger import read_ledger
from tests.e2e.conftest import build
from tests.factory import REPO, copy_project, real_site

# Each worker that runs one of these builds the real site: one worker runs them all
# (make unit: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("real-site")

SITE = real_site()
EMERGENCY_TITLE = SITE.emergency.title


def html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)).replace("&amp;", "&")


@pytest.mark.parametrize("url", [page.url for page in SITE.all_pages()])
def test_every_item_page_shows_help_sources_and_review(site: Path, url: str) -> None:
    text = text_of(html(site, url))
    item = next(page for page in SITE.all_pages() if page.url == url).item
    assert f"Last updated: {item.review.last_updated.strftime('%-d %B %Y')}" in text
    assert f"Next review due: {item.review.next_review.strftime('%-d %B %Y')}" in text
    if item.review.sign_off is None:
        assert "Clinical review: not done yet." in text
    for key in item.sources:
        assert SITE.sources[key].url in text
    if url.startswith(("/conditions/", "/exercises/")):
        assert text_of(EMERGENCY_TITLE) in text
        for sign in SITE.signs(SITE.emergency.signs, "emergency"):
            assert text_of(sign) in text
        assert len(item.sources) >= 2


@pytest.mark.parametrize("page", SITE.exercises.values(), ids=lambda page: page.id)
def test_exercise_pages_show_dose_and_stop_rules(site: Path, page: object) -> None:
    exercise = page.item  # type: ignore[attr-defined]
    text = text_of(html(site, page.url))  # type: ignore[attr-defined]
    assert "Stop straight away if" in text
    for rule in exercise.stop_rules:
        assert text_of(rule) in text
    assert exercise.dose.how_often in text
    for use in SITE.exercise_used_by.get(page.id, ()):  # type: ignore[attr-defined]
        assert use.condition.item.title in text


@pytest.mark.parametrize("page", SITE.conditions.values(), ids=lambda page: page.id)
def test_condition_pages_show_three_levels_of_help(site: Path, page: object) -> None:
    text = text_of(html(site, page.url))  # type: ignore[attr-defined]
    headings = SITE.emergency.headings
    # The 999 level is the emergency block, which also holds the condition's own 999 signs.
    for heading in (SITE.emergency.title, headings.urgent, headings.see_gp_or_physio):
        assert text_of(heading) in text


def test_every_ledger_url_opens_a_page_or_a_redirect(site: Path) -> None:
    urls = [url for _, url in read_ledger(REPO)]
    assert "/" in urls and len(urls) >= 15
    for url in urls:
        if url.endswith(".json"):  # the open data's files (generator/pages/api.py, connect.py)
            assert json.loads((site / url.lstrip("/")).read_text(encoding="utf-8"))["$schema"], url
        elif url.endswith(".xml"):  # the feed of changes (generator/pages/feed.py)
            assert (site / url.lstrip("/")).read_text(encoding="utf-8").startswith("<?xml"), url
        else:
            assert (site / url.strip("/") / "index.html").is_file(), url
    assert any(url.endswith(".json") for url in urls)


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    tags = re.compile(r"<(script|link|img|iframe|source|video|audio)\b[^>]*>", re.I)
    remote = re.compile(r'(?:src|href)="(?:https?:)?//', re.I)
    not_a_load = re.compile(r'rel="(?:canonical|alternate)"', re.I)
    checked = 0
    for page in site.rglob("*.html"):
        for tag in tags.finditer(page.read_text(encoding="utf-8")):
            checked += 1
            assert not remote.search(tag.group()) or not_a_load.search(tag.group()), (page, tag)
    assert checked > 100


def test_the_navigation_lists_sections_not_items(site: Path) -> None:
    markup = html(site, "/exercises/glute-bridge/")
    nav = markup.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    for page in SITE.exercises.values():
        if page.id != "glute-bridge":
            assert page.url not in nav and page.url.lstrip("/") not in nav


@pytest.mark.slow
def test_the_same_content_builds_the_same_bytes(site: Path, tmp_path: Path) -> None:
    again = build(copy_project(tmp_path))

    def digest(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    assert digest(again) == digest(site)


@pytest.mark.parametrize("page", SITE.all_pages(), ids=lambda page: page.url)
def test_each_page_links_editors_to_the_file_it_is_made_from(site: Path, page: object) -> None:
    """A plain link to the file on GitHub, from the one setting in mkdocs.yml: no script, and no
    call to GitHub's API from a reader's browser."""
    content_file = page.content_file  # type: ignore[attr-defined]
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    repository = re.search(r"^  repository: (\S+)$", config, re.M)
    assert repository is not None
    href = f'href="{repository.group(1)}/edit/main/{content_file}"'
    assert href in html(site, page.url), page.url  # type: ignore[attr-defined]
    assert (REPO / content_file).is_file()


LINKED_DATA = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def linked_data_of(site: Path, url: str) -> dict:
    blocks = LINKED_DATA.findall(html(site, url))
    assert len(blocks) == 1, url
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data


def test_every_item_pages_linked_data_tells_the_truth(site: Path) -> None:
    for page in SITE.all_pages():
        data = linked_data_of(site, page.url)
        item = page.item
        assert data["@type"] == "MedicalWebPage", page.url
        assert data["url"].endswith(page.url)
        assert data["dateModified"] == item.review.last_updated.isoformat()
        review = SITE.review_state(page)
        if review.state == "reviewed":
            assert data["lastReviewed"] == review.sign_off.date.isoformat()  # type: ignore[union-attr]
        else:
            # No clinician's review stands for this page as it is: it claims none.
            assert "lastReviewed" not in data, page.url
        if page.kind == "conditions":
            codes = [(code["codeValue"], code["codingSystem"]) for code in data["about"]["code"]]
            assert codes == [(code.code, code.system) for code in item.diagnosis_codes]  # type: ignore[attr-defined]
        if page.kind == "exercises":
            steps = data["mainEntity"]["step"]
            assert [step["position"] for step in steps] == list(range(1, len(item.steps) + 1))  # type: ignore[attr-defined]
            assert data["about"]["activityFrequency"]


def test_every_other_page_says_it_is_a_web_page(site: Path) -> None:
    items = {page.url for page in SITE.all_pages()}
    others = [
        "/" + path.relative_to(site).parent.as_posix().removeprefix(".") + "/"
        for path in site.rglob("index.html")
    ]
    checked = 0
    for url in sorted({url.replace("//", "/") for url in others} - items):
        if 'http-equiv="refresh"' in html(site, url):
            continue  # a former address's forwarding page
        assert linked_data_of(site, url)["@type"] == "WebPage", url
        checked += 1
    assert checked >= 10
