"""The text a reader sees on each generated page, one line per block, for the page-by-page diff."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from typing import Any

import html5lib
import markdown  # type: ignore[import-untyped]  # no stubs in the lock; only Markdown() is used

_XHTML = "{http://www.w3.org/1999/xhtml}"
_BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "td", "th", "figcaption"}


def reader_text(config: dict[str, Any], outputs: dict[str, bytes]) -> dict[str, list[str]]:
    """Generated Markdown path -> the lines a reader sees on that page."""
    converter = site_markdown(config)
    pages = {}
    for path, data in outputs.items():
        if not path.endswith(".md"):
            continue
        text = data.decode("utf-8")
        body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
        html = converter.reset().convert(body)
        pages[path] = list(_lines(html5lib.parse(f"<article>{html}</article>")))
    return pages


def _lines(document: ElementTree.Element) -> Iterator[str]:
    """One line for each block a reader sees (heading, paragraph, list item, cell)."""
    for element in document.iter():
        tag = str(element.tag).removeprefix(_XHTML)
        if tag in _BLOCKS and not any(
            str(child.tag).removeprefix(_XHTML) in _BLOCKS for child in element
        ):
            words = " ".join("".join(element.itertext()).replace("¶", "").split())
            if words:
                yield words


def site_markdown(config: dict[str, Any]) -> markdown.Markdown:
    """Python-Markdown with the site's own extensions (mkdocs.yml), as MkDocs would run it."""
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)
