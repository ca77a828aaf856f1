"""The one straight line: load and validate everything, render in memory, check, then write."""

from __future__ import annotations

import calendar
import dataclasses
import urllib.parse
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.content.load import LoadMemo, load_content
from generator.content.regions import phone_links, region_data
from generator.content.site import Site, built_file, item_url, url_of
from generator.drawing.rules import Checked, check_drawings
from generator.errors import ContentError, ContentErrors
from generator.output.gate import (
    INTERACTIVE_PAGES,
    Expectations,
    expected_drawings,
    expected_warnings,
)
from generator.output.ledger import check_ledger, read_ledger
from generator.output.write import WriteReport, conflicts, read_manifest, write_outputs
from generator.pages.api import api_files
from generator.pages.app import app_files
from generator.pages.connect import API, lookup_files
from generator.pages.feed import FEED_FILE, feed_xml
from generator.pages.incremental import render_changed
from generator.pages.prescribe import check_plan_codes
from generator.pages.render import render_redirect_pages, render_site, section_anchors
from generator.pages.take_home import take_home_files

DOCS = "docs"


@dataclass
class Memo(LoadMemo):
    """What earlier runs loaded and drew, for the live preview: an exercise whose item is the
    same object is not drawn again."""

    drawn: dict[str, tuple[object, Checked]] = field(default_factory=dict)


def load_site(root: Path, memo: Memo | None = None) -> Site:
    """Load, validate and resolve root/content, then draw every exercise and check its drawings;
    raise ContentErrors listing every problem of both."""
    content = load_content(root, memo)
    drawing_errors, drawings = check_drawings(content.items, None if memo is None else memo.drawn)
    errors = content.errors + drawing_errors
    if errors or content.site is None:
        raise ContentErrors(errors)
    return dataclasses.replace(content.site, exercise_drawings=drawings)


@dataclass(frozen=True)
class Prepared:
    site: Site
    outputs: dict[str, bytes]
    """Project-relative path -> bytes, for every generated file."""
    published: set[str]
    """Every URL the built site will answer: pages, hand-written pages and redirects."""
    config: dict[str, Any]
    """mkdocs.yml, read once per run (mkdocs_config)."""

    @property
    def source_date_epoch(self) -> int:
        """The newest review date, so the same content always builds the same bytes."""
        newest = max(
            (page.item.review.last_updated for page in self.site.all_pages()), default=None
        )
        return calendar.timegm(newest.timetuple()) if newest else 0


def prepare(
    root: Path,
    today: date | None = None,
    memo: Memo | None = None,
    previous: Prepared | None = None,
    later: set[str] | None = None,
    again: Collection[str] = (),
) -> Prepared:
    """Everything short of writing. Raises ContentErrors listing every problem found. today: the
    date review dates are judged by (an input, never the clock). The live preview passes the
    memo of its earlier loads and the result of its last run, so that an edit renders again
    only the pages it can change. later: a set to fill with the summary pages left as they
    were, which a second run then renders again (again)."""
    site = load_site(root, memo)
    config = mkdocs_config(root)

    def render(only: Collection[str] | None) -> dict[str, str]:
        return render_site(site, today, str(config["site_url"]), repository_of(config), only)

    if memo is None or previous is None:
        pages = render(None)
    else:
        before = {
            path.removeprefix(f"{DOCS}/"): data.decode("utf-8")
            for path, data in previous.outputs.items()
            if path.endswith(".md")
        }
        pages = render_changed(site, previous.site, before, memo.reread, render, later)
        if again:
            pages |= render(set(again))
    outputs = {f"{DOCS}/{path}": text.encode("utf-8") for path, text in pages.items()}
    outputs |= data_outputs(root, site, config)
    redirect_pages = render_redirect_pages(site, content_security_policy(config))
    outputs |= {f"{DOCS}/{path}": text.encode("utf-8") for path, text in redirect_pages.items()}
    published = {url_of(path) for path in pages}
    published |= {url_of(path) for path in hand_written_pages(root, outputs)}
    errors = _ids_that_are_sections(site) + conflicts(root, outputs)
    errors += _redirects_in_the_way(site, published)
    published |= {url_of(path) for path in site.redirects}
    # The API's files are addresses record systems keep: they join the ledger like pages.
    published |= {f"/{path.removeprefix(f'{DOCS}/')}" for path in outputs if _in_api(path)}
    published.add(f"/{FEED_FILE}")  # feed readers keep its address too
    ledger = read_ledger(root)
    errors += check_ledger(ledger, published)
    errors += check_plan_codes(site, (url for _, url in ledger))
    if errors:
        raise ContentErrors(errors)
    if memo is not None:
        memo.reread.clear()
    return Prepared(site, outputs, published, config)


STYLESHEET = "docs/stylesheets/extra.css"


def _in_api(path: str) -> bool:
    """A file of the open data, not its documentation page (a page, published as pages are)."""
    return path.startswith(f"{DOCS}/{API}/") and not path.endswith(".md")


def data_outputs(root: Path, site: Site, config: dict[str, Any]) -> dict[str, bytes]:
    """Path from the root -> bytes of the generated files that are not pages: the take-home
    files and drawings, the app's manifest and icons, the open data (api_outputs) and the feed
    of changes."""
    files = take_home_outputs(root, site) | app_files() | api_outputs(site)
    feed = feed_xml(site, str(config["site_url"]), str(config["site_name"]))
    files[FEED_FILE] = feed.encode("utf-8")
    return {f"{DOCS}/{path}": data for path, data in files.items()}


def api_outputs(site: Site) -> dict[str, bytes]:
    """Path under docs/ -> bytes of the open data: every item's file, their index and schemas,
    and the lookup by diagnosis code."""
    files = api_files(site) | lookup_files(site)
    return {path: text.encode("utf-8") for path, text in files.items()}


def take_home_outputs(root: Path, site: Site) -> dict[str, bytes]:
    """Path under docs/ -> bytes of every exercise's take-home file and drawings, and their
    schema (generator/pages/take_home.py)."""
    stylesheet = (root / STYLESHEET).read_text(encoding="utf-8")
    return {path: text.encode("utf-8") for path, text in take_home_files(site, stylesheet).items()}


def _redirects_in_the_way(site: Site, pages: set[str]) -> list[ContentError]:
    """A former address must not be the address of a page, or the redirect would replace it."""
    return [
        ContentError(
            page.content_file,
            1,
            1,
            "former_ids",
            f"'{old_url}' is the address of a page that exists",
            "remove the former id, or rename the page that has the address",
        )
        for page in site.all_pages()
        for old_url in (item_url(page.kind, old) for old in page.item.former_ids)
        if old_url in pages
    ]


def _ids_that_are_sections(site: Site) -> list[ContentError]:
    """An item's heading carries its id, so an id may not repeat a section's anchor."""
    anchors = section_anchors()
    return [
        ContentError(
            page.content_file,
            1,
            1,
            "",
            f"file name '{page.id}' is also the name of a section on every page",
            "choose a longer name, for example glute-" + page.id,
        )
        for page in site.all_pages()
        if page.id in anchors
    ]


def repository_of(config: dict[str, Any]) -> str:
    """The repository's address (extra.repository in mkdocs.yml), or '' where none is set."""
    return str(config.get("extra", {}).get("repository", "")).rstrip("/")


def content_security_policy(config: dict[str, Any]) -> str:
    """The site's policy, set once in mkdocs.yml (extra.content_security_policy)."""
    return str(config["extra"]["content_security_policy"])


def mkdocs_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data: the one place the generator reads it (MkDocs reads it again
    for the build itself)."""
    config: dict[str, Any] = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def expectations(root: Path, prepared: Prepared) -> Expectations:
    """What the output gate holds the built site to."""
    site = prepared.site
    config = prepared.config
    own_host = urllib.parse.urlsplit(config["site_url"]).hostname or ""
    return Expectations(
        policy=content_security_policy(config),
        hosts=site.link_hosts
        | {
            own_host,
            urllib.parse.urlsplit(repository_of(config)).hostname or "",
        },
        redirects=frozenset(built_file(url_of(old)) for old in site.redirects),
        warnings=expected_warnings(site),
        drawings=expected_drawings(site),
        interactive=INTERACTIVE_PAGES,
        phones=phone_links(site.regions),
        region_data=region_data(site.regions, site.emergency),
        files=take_home_outputs(root, site) | api_outputs(site),
    )


def hand_written_pages(root: Path, outputs: dict[str, bytes]) -> list[str]:
    """Markdown under docs/ that the generator did not write, relative to docs/."""
    generated = read_manifest(root) | set(outputs)
    docs = root / DOCS
    return sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if path.relative_to(root).as_posix() not in generated
    )


def generate(root: Path, today: date | None = None) -> tuple[Prepared, WriteReport]:
    prepared = prepare(root, today)
    return prepared, write_outputs(root, prepared.outputs)
