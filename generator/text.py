"""Content text is data: it reaches a page as text and nothing else.

A value may carry one inline form, a link written `[words](https://host/path)` to a host on
the allowlist in content/link-hosts.yml. The generator makes that link itself; everything else in a
value is escaped for where it lands, so no value can open a block, a heading, an admonition, an
attribute list, a reference definition, raw HTML or an entity, or break out of its line, list item
or cell.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(([^()\s<>]{1,500})\)")
"""The one inline form a value may carry: [words](address)."""

# Characters Python-Markdown reads as syntax anywhere in a line: emphasis, code, links, attribute
# lists, table cells, escapes. Escaped wherever they stand.
_INLINE_SYNTAX = re.compile(r"([\\`*_{}\[\]|])")
# Syntax only at the start of a line, where a value may stand: a heading, a list, a rule, an
# admonition. A setext underline (=) has no backslash escape, so it becomes a character reference.
_LINE_START = re.compile(r"^(?:([#+\-!])|(\d+)\.(?=\s|$)|=)")
# Text that needs no closer look: printable ASCII, and the line feed.
_PLAIN_ASCII = re.compile("[ -~\n]*")
# Characters Unicode counts as letters, marks or symbols that show nothing, or only a blank: the
# Hangul fillers, the braille blank, the combining grapheme joiner, Khmer's inherent vowels, the
# Mongolian and other variation selectors, the musical null notehead, the object replacement.
_BLANK_LOOKING = frozenset(
    [
        *(0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, *range(0x180B, 0x1810), 0x2800, 0x3164),
        *(0xFFA0, *range(0xFE00, 0xFE10), 0xFFFC, 0x16FE4, 0x1D159, *range(0xE0100, 0xE01F0)),
    ]
)
# Control characters an editor could meet, by name (Unicode gives them none).
_CONTROL_NAMES = {
    0x00: "NULL",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
_RETYPE = "delete it and type the text again: characters like this come in with copied text"
_WHITE_SPACE = re.compile(r"\s+")
_NEEDS_ESCAPING = re.compile(r"[^\S ]|  |[&<>\\`*_{}\[\]|]")
"""Anything markdown_inline would change: white space other than single spaces, or syntax."""


@dataclass(frozen=True)
class Link:
    words: str
    address: str


def parts(text: str) -> Iterator[str | Link]:
    """The text of a value, split into plain runs and links."""
    position = 0
    for found in LINK.finditer(text):
        if found.start() > position:
            yield text[position : found.start()]
        yield Link(found.group(1), found.group(2))
        position = found.end()
    if position < len(text):
        yield text[position:]


def one_line(text: str) -> str:
    """Every run of white space, line breaks of every kind included, as one space."""
    return _WHITE_SPACE.sub(" ", text)


@functools.lru_cache(maxsize=1 << 16)
def markdown_inline(text: str) -> Markup:
    """A value as Markdown that renders as exactly its text, its links made by the generator."""
    # Most values are plain words: nothing to escape, and the same few thousand recur on every
    # page (titles, dose lines, headings), hence the cache.
    if not _NEEDS_ESCAPING.search(text) and not _LINE_START.match(text):
        return Markup(text)
    rendered: list[str] = []
    for part in parts(one_line(text)):
        if isinstance(part, Link):
            rendered.append(str(markdown_link(part.words, part.address)))
        else:
            rendered.append(_escape_markdown(part))
    return Markup(_LINE_START.sub(_escape_line_start, "".join(rendered)))


def markdown_link(words: str, address: str) -> Markup:
    """A link the generator makes: its words escaped as text, its address (checked already:
    an allowed host, or a tel: number of content/regions.yml) quoted whole."""
    return Markup(f"[{_escape_markdown(one_line(words))}]({_safe_address(address)})")


def _escape_line_start(found: re.Match[str]) -> str:
    if found.group(1):
        return "\\" + found.group(1)
    if found.group(2):
        return found.group(2) + "\\."
    return "&#61;"


def plain_text(text: str) -> str:
    """What a reader sees of a value: its words, a link's words in place of the link."""
    words = "".join(part.words if isinstance(part, Link) else part for part in parts(text))
    return one_line(words).strip()


def html_text(text: str) -> Markup:
    """A value as HTML text, for places that print it as HTML: front matter titles and
    descriptions, which the theme writes into <title>, attributes and the search index."""
    return Markup(html.escape(plain_text(text), quote=True))


def _escape_markdown(text: str) -> str:
    # HTML's own specials first, so neither raw HTML nor an entity can be written.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE_SYNTAX.sub(r"\\\1", escaped)


def _safe_address(address: str) -> str:
    """An address already checked against the allowlist, quoted so Markdown reads it whole."""
    return urllib.parse.quote(address, safe="/:?#[]@!$&'*+,;=%-._~")


def shortened(text: str, limit: int = 40) -> str:
    """text as an error message quotes it: whole if it has at most limit characters, else cut to
    limit with '...' at the end."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def counted(number: int, noun: str) -> str:
    """A number of things, the noun plural unless there is one: '1 set', '3 sets'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


@dataclass(frozen=True)
class TextProblem:
    message: str
    hint: str


def problems_in_text(text: str) -> list[TextProblem]:
    """What makes a value unfit to show, each character once, in code point order. Text is held
    to an allowlist by Unicode category: letters; combining marks after a letter; the digits 0 to
    9; punctuation; symbols; the plain space and the line feed (templates print every value on
    one line). Anything else is refused: format and control characters, other spaces, line
    breaks and digits, private use, unassigned code points, and the letters, marks and symbols
    that look blank. A reader, a reviewer and the clinical rules (one dose per exercise) must
    all see the same text."""
    if _PLAIN_ASCII.fullmatch(text):
        return []  # most values: nothing to look up
    found: dict[str, TextProblem] = {}
    after_letter = False
    for character in text:
        category = unicodedata.category(character)
        if category[0] == "M" and after_letter and ord(character) not in _BLANK_LOOKING:
            continue
        after_letter = category[0] == "L"
        if character not in found:
            problem = _character_problem(character, category)
            if problem is not None:
                found[character] = problem
    return [found[character] for character in sorted(found)]


def _character_problem(character: str, category: str) -> TextProblem | None:
    point = ord(character)
    if category == "Cf" or point in _BLANK_LOOKING:
        return TextProblem(f"invisible character {_named(character)}", _RETYPE)
    if category[0] in "LPS" or character in " \n":
        return None
    if category[0] == "M":
        return TextProblem(f"combining mark {_named(character)} follows no letter", _RETYPE)
    if category[0] == "N":
        if "0" <= character <= "9":
            return None
        return TextProblem(
            f"number character {_named(character)} is not a digit 0 to 9",
            "write numbers with the digits 0 to 9, for example 2 or 1/2",
        )
    if category == "Zs":
        message = f"space character {_named(character)} is not a plain space"
        return TextProblem(message, "type a plain space")
    if category in ("Zl", "Zp"):
        return TextProblem(f"line break {_named(character)}", "write it on one line")
    if category == "Cc":
        return TextProblem(f"control character {_named(character)}", _RETYPE)
    kind = {"Co": "private-use character", "Cs": "surrogate"}.get(category, "unassigned character")
    return TextProblem(f"{kind} U+{point:04X}", _RETYPE)


def _named(character: str) -> str:
    """U+00AD (SOFT HYPHEN): the code point and its name, as an editor can look it up."""
    point = ord(character)
    return f"U+{point:04X} ({unicodedata.name(character, _CONTROL_NAMES.get(point, 'no name'))})"


def link_problems(address: str, hosts: frozenset[str]) -> list[str]:
    """Why a link's address may not be used: not https, not an allowed host, not ASCII."""
    if not address.isascii():
        return [f"link address '{address[:60]}' has non-ASCII characters"]
    split = urllib.parse.urlsplit(address)
    if split.scheme != "https" or not split.netloc:
        return [f"link address '{address[:60]}' must start with https://"]
    if split.username or split.password or split.port:
        return [f"link address '{address[:60]}' must name a host and nothing else before the path"]
    if split.hostname not in hosts:
        return [f"link host '{split.hostname}' is not in content/link-hosts.yml"]
    return []
