"""The feed of changes (feed.xml, Atom, RFC 4287): each page's changes that readers would notice,
from its content's history (review.history), newest first, so that clinicians can follow them in
a feed reader.

An entry is one page on one day: its id is a tag URI of the page's address and the day
(RFC 4151), so it never changes once published. The feed carries dates only, never the time of a
build, so the same content builds the same bytes.
"""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ElementTree
from datetime import date

from generator.content.kinds import BY_FOLDER
from generator.content.models import Change, Item
from generator.content.site import Page, Site
from generator.text import plain_text

FEED_FILE = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
LANGUAGE = "en-GB"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entries(site: Site) -> list[tuple[Page[Item], Change]]:
    """Every page's every change, newest first, then by the pages' titles."""
    found = [(page, change) for page in site.all_pages() for change in page.item.review.history]
    found.sort(key=lambda pair: plain_text(pair[0].item.title).lower())
    found.sort(key=lambda pair: pair[1].date, reverse=True)
    return found


def feed_xml(site: Site, site_url: str, site_name: str) -> str:
    """The feed as text. site_url: where the site is published (mkdocs.yml), ending in /."""
    changes = entries(site)
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(_atom("feed"), {XML_LANG: LANGUAGE})
    _text(feed, "title", f"{site_name}: changes to its pages")
    _text(feed, "subtitle", "What changed on each page, in a line, newest first.")
    _text(feed, "id", site_url + FEED_FILE)
    _link(feed, site_url + FEED_FILE, "self", "application/atom+xml")
    _link(feed, site_url, "alternate", "text/html")
    _text(feed, "updated", _moment(_newest(site, changes)))
    author = ElementTree.SubElement(feed, _atom("author"))
    _text(author, "name", f"{site_name} editors")
    _text(author, "uri", site_url)
    for page, change in changes:
        entry = ElementTree.SubElement(feed, _atom("entry"))
        title = plain_text(page.item.title)
        _text(entry, "title", f"{title}: {plain_text(change.summary)}")
        _text(entry, "id", _tag(site_url, page.url, change.date))
        _link(entry, site_url + page.url.lstrip("/"), "alternate", "text/html")
        _text(entry, "updated", _moment(change.date))
        kind = BY_FOLDER[page.kind]
        ElementTree.SubElement(entry, _atom("category"), {"term": kind.folder, "label": kind.title})
        _text(entry, "summary", plain_text(change.summary))
    ElementTree.indent(feed, space=" ")
    body = ElementTree.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _newest(site: Site, changes: list[tuple[Page[Item], Change]]) -> date:
    """The feed's own date: its newest change's, or with none, the newest page's last update."""
    if changes:
        return changes[0][1].date
    days = [page.item.review.last_updated for page in site.all_pages()]
    return max(days, default=date(1970, 1, 1))  # no pages: the epoch, as source_date_epoch


def _tag(site_url: str, page_url: str, day: date) -> str:
    """'tag:glute-guide.github.io,2026-12-02:/glute-guide/exercises/glute-bridge/'."""
    address = urllib.parse.urlsplit(site_url)
    path = address.path.rstrip("/") + page_url
    return f"tag:{address.hostname},{day.isoformat()}:{path}"


def _moment(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ElementTree.Element, name: str, text: str) -> None:
    ElementTree.SubElement(parent, _atom(name)).text = text


def _link(parent: ElementTree.Element, href: str, rel: str, media_type: str) -> None:
    ElementTree.SubElement(parent, _atom("link"), {"rel": rel, "type": media_type, "href": href})
