"""Which pages an edit can change, so that the live preview renders only those again.

A page shows something of another item only where it links to it (a name, a dose, a drawing, a
"used by" line), so the pages an edited item can change are its own, the pages that linked to it,
the pages it links to after the edit (a new back-link), and the section and summary pages, which
list everything. Edits that other pages can see without a link (a title, which other
pages' steps are matched against, and the order of every list) or that change which pages exist,
and any edit to a shared file, render every page again. tests/test_incremental.py holds the
result to a full render for every kind of edit."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Mapping

from generator.content.models import Item
from generator.content.site import Page, Site

Render = Callable[[Collection[str] | None], dict[str, str]]
"""Renders the pages given (Markdown paths under docs/), or every page for None."""

_LINK = re.compile(r"\]\(([^)\s#]+\.md)")


def render_changed(
    site: Site,
    previous_site: Site,
    previous_pages: Mapping[str, str],
    reread: Collection[str],
    render: Render,
    later: set[str] | None = None,
) -> dict[str, str]:
    """Every page of site, rendered again only where the files in reread (project-relative
    paths the load read afresh) can have changed it; previous_* are the last render's. With
    later (a set to fill), the summary pages are left as they were and added to it, for the
    caller to render once the edited page is shown (they list everything, so they are slow)."""
    edited = _edited_pages(site, previous_site, reread)
    if edited is None:
        return render(None)
    if not edited:
        return dict(previous_pages)
    targets = {page.source_path for page in edited}
    summaries = summary_pages(previous_pages, site)
    first = set(targets) if later is not None else targets | summaries
    if later is not None:
        later |= summaries
    first |= {path for path, text in previous_pages.items() if links_in(text, path) & targets}
    first -= later or set()
    pages = render(first)
    linked_now = set().union(*(links_in(pages[path], path) for path in targets)) - first
    linked_now -= later or set()
    if linked_now:
        pages |= render(linked_now)
    return {**previous_pages, **pages}


def _edited_pages(site: Site, previous: Site, reread: Collection[str]) -> list[Page[Item]] | None:
    """The pages whose files were read again, or None where every page must be rendered."""
    pages = {page.content_file: page for page in site.all_pages()}
    before = {page.content_file: page for page in previous.all_pages()}
    if pages.keys() != before.keys() or any(path not in pages for path in reread):
        return None
    edited = [pages[path] for path in reread]
    if any(page.item.title != before[page.content_file].item.title for page in edited):
        return None
    return edited


def summary_pages(pages: Collection[str], site: Site) -> set[str]:
    """The pages that are not an item's own: home, get help, programme maker, section indexes."""
    own = {page.source_path for page in site.all_pages()}
    return {path for path in pages if path.endswith(".md") and path not in own}


def links_in(markdown: str, here: str) -> set[str]:
    """The Markdown files (relative to docs/) that a page's Markdown links to."""
    folder = posixpath.dirname(here)
    return {
        posixpath.normpath(posixpath.join(folder, target)) for target in _LINK.findall(markdown)
    }
