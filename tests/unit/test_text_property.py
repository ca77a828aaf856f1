"""A property test: whatever text a value holds, the page keeps its structure and shows the text.

Hypothesis writes values out of Markdown, HTML, YAML and Unicode control syntax. Each either is
refused with a message saying why, or renders (through the real templates and Python-Markdown with
the site's own extensions) into a page with the same headings, the same warning blocks with the
same number of items, no new links, and the value's own words where it stands.
"""

from __future__ import annotations

import dataclasses
import html
from functools import cache
from typing import Any

import html5lib
import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.changes.reader_text import site_markdown
from generator.content.models import Exercise
from generator.content.site import Page, Site
from generator.pages.render import environment, render_item_page
from generator.pipeline import mkdocs_config
from generator.text import Link, parts, plain_text
from tests.factory import REPO, exercise, small_content

HOSTS = frozenset({"example.org"})
XHTML = "{http://www.w3.org/1999/xhtml}"
FRAGMENTS = [
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\u0085",
    "\t",
    "    ",
    "  \n",
    "\x0c",
    "\u202e",
    "\u200b",
    "#",
    "## ",
    "=",
    "===",
    "---",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "> ",
    "!!! danger ",
    '"x"',
    "???",
    "{: hidden }",
    "{ #when-to-get-help }",
    '{: style="display:none" }',
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "[x]",
    "[x]: https://evil.example/",
    "[a](https://example.org/p)",
    "[a](javascript:x)",
    "![i](x.png)",
    "<",
    ">",
    "<b>",
    "</div>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "&",
    "&lt;",
    "&#x3C;",
    "&amp;",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "~~~",
    "|",
    "| --- |",
    "\\",
    "\\\\",
    ": ",
    "- ",
    "&nbsp;",
    "[TOC]",
    "<https://evil.example>",
    "@",
    "%",
    "'",
    ";",
]
WORDS = st.text(alphabet="abc XYZ019.,?", max_size=6)
VALUES = st.lists(st.sampled_from(FRAGMENTS) | WORDS, min_size=1, max_size=12).map("".join)


@cache
def fixture_site() -> Site:
    from generator.content.models import Emergency, Movements, Regions, Sources, WarningSigns
    from generator.content.references import resolve
    from generator.drawing.draw import draw_exercise

    content = small_content()
    context = {"link_hosts": HOSTS}
    pages = [
        Page(
            "exercises",
            "bridge",
            Exercise.model_validate(content["exercises/bridge.yml"], context=context),
        )
    ]
    sources = Sources.model_validate(content["sources.yml"], context=context)
    emergency = Emergency.model_validate(content["emergency.yml"], context=context)
    signs = WarningSigns.model_validate(content["warning-signs.yml"], context=context)
    regions = Regions.model_validate(content["regions.yml"], context=context)
    movements = Movements.model_validate(content["movements.yml"], context=context)
    drawn = tuple(draw_exercise(pages[0].item.drawings))
    site = resolve(
        pages, sources.root, emergency, regions.root, movements.root, signs.root, {}, HOSTS
    )
    return dataclasses.replace(site, exercise_drawings={"bridge": drawn})


@cache
def converter() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the site's mkdocs.yml."""
    return site_markdown(mkdocs_config(REPO))


def page_with(value: str) -> tuple[dict[str, Any], Any]:
    """The exercise page, with the value as its purpose, first step and first stop rule."""
    fields = exercise(
        "Bridge", purpose=value, steps=[value, "Breathe out."], stop_rules=[value, "Stop now."]
    )
    item = Exercise.model_validate(fields, context={"link_hosts": HOSTS})
    site = fixture_site()
    page = Page("exercises", "bridge", item)
    site = dataclasses.replace(site, items={**site.items, "exercises": {"bridge": page}})
    text = render_item_page(environment(), site, page)
    _, front, body = text.split("---\n", 2)
    html_page = converter().reset().convert(body)
    return yaml.safe_load(front), html5lib.parse(f"<article>{html_page}</article>")


def structure(document: Any, value: str) -> tuple[Any, ...]:
    own_links = {part.address for part in parts(value) if isinstance(part, Link)}
    article = document.find(f".//{XHTML}article")
    headings = [(e.tag, e.get("id")) for e in article.iter() if str(e.tag)[-2:-1] == "h"]
    blocks = [
        (d.get("class"), len(d.findall(f".//{XHTML}li")))
        for d in article.iter(f"{XHTML}div")
        if "admonition" in d.get("class", "")
    ]
    links = [a.get("href") for a in article.iter(f"{XHTML}a") if a.get("href") not in own_links]
    elements = sorted(
        {(str(e.tag), tuple(sorted(e.attrib))) for e in article.iter() if e.tag != f"{XHTML}a"}
    )
    return tuple(headings), tuple(blocks), tuple(links), tuple(elements)


def words(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


CLEAN = "Plain words."
REFUSALS = (
    "control character",
    "invisible character",
    "space character",
    "line break",
    "link address",
    "link host",
)


@pytest.mark.property
@settings(deadline=None)
@given(VALUES)
def test_any_text_is_refused_or_shown_as_itself(value: str) -> None:
    try:
        front, document = page_with(value)
    except ValidationError as refused:
        messages = [
            str(error.get("ctx", {}).get("error", error["msg"])) for error in refused.errors()
        ]
        assert all(m.startswith(REFUSALS) or "at least 1 character" in m for m in messages), (
            messages
        )
        return
    _, clean = page_with(CLEAN)
    shown = plain_text(value)
    assert structure(document, value) == structure(clean, CLEAN)
    article = document.find(f".//{XHTML}article")
    assert words(article.find(f".//{XHTML}ol/{XHTML}li")) == " ".join(shown.split())
    stop = next(d for d in article.iter(f"{XHTML}div") if "warning" in d.get("class", ""))
    assert words(stop.find(f".//{XHTML}li")) == " ".join(shown.split())
    assert front["description"] == html.escape(shown, quote=True)
