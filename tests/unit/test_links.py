"""The URL ledger: a published URL must keep leading to a page or a redirect."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.site import url_of
from generator.errors import ContentErrors
from generator.output.ledger import LEDGER, add_to_ledger, read_ledger
from generator.pipeline import generate, load_site, prepare
from tests.factory import rename_bridge


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("index.md", "/"),
        ("exercises/index.md", "/exercises/"),
        ("exercises/glute-bridge.md", "/exercises/glute-bridge/"),
        ("about.md", "/about/"),
    ],
)
def test_url_of(path: str, url: str) -> None:
    assert url_of(path) == url


def test_ledger_records_every_url_once_and_never_drops_one(project: Path) -> None:
    added = add_to_ledger(project, prepare(project).published)
    assert "/exercises/bridge/" in added and "/about/" in added and "/" in added
    assert add_to_ledger(project, prepare(project).published) == []
    add_to_ledger(project, {"/only/this/"})
    assert "/exercises/bridge/" in {url for _, url in read_ledger(project)}


def test_removing_a_published_page_fails_naming_the_url(project: Path) -> None:
    add_to_ledger(project, prepare(project).published)
    rename_bridge(project, keep_old_id=False)
    with pytest.raises(ContentErrors) as failure:
        prepare(project)
    # Its page and its open data file, each where the ledger lists it.
    errors = {error.message: (error.path, error.line) for error in failure.value.errors}
    lines = {url: n for n, url in read_ledger(project)}
    for url in ("/exercises/bridge/", "/api/v1/exercises/bridge.json"):
        message = f"published URL {url} no longer leads to a page or a redirect"
        assert errors.pop(message) == (LEDGER, lines[url])
    assert errors == {}


def test_a_renamed_item_keeps_its_old_url_as_a_redirect(project: Path) -> None:
    add_to_ledger(project, prepare(project).published)
    rename_bridge(project, keep_old_id=True)
    site = load_site(project)
    assert site.redirects == {"exercises/bridge.md": "exercises/glute-bridge.md"}
    generate(project)
    page = (project / "docs/exercises/bridge/index.html").read_text()
    assert '<link rel="canonical" href="../glute-bridge/">' in page
    assert '<meta http-equiv="refresh" content="0; url=../glute-bridge/">' in page
    assert '<script src="../../javascripts/redirect.js"></script>' in page
    assert "<title>Moved: Bridge</title>" in page
    policy = '<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; '
    assert policy in page
