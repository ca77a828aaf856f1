"""Shapes MkDocs' search index after the build, so that a reader's own words find a page.

Material ranks a page by its best entry: the page's own entry (its title and opening) or one of
its sections. A reader who describes an exercise ("lying on my back lifting my hips") uses the
words of its steps, which sit in a section entry that also competes with every other section on
the site. So each page's own entry also carries:

- its other names (also_called, shown low on the page);
- the words of the sections that say what the page is about (DESCRIBING_SECTIONS);
- the synonyms (content/synonyms.yml) of the words the page uses.

The warning signs page answers to the synonyms of its words too (SIGNS_PAGES). The programme
maker repeats every exercise's handout; a reader belongs on the exercise's own page, so it
answers to its title and opening paragraph only. The pages themselves do not change, and
neither do the words a result shows: the added words go into a field of their own (WORDS, declared
in mkdocs.yml under search: fields), which is searched but never shown.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from generator.content.site import Site

INDEX = "search/search_index.json"
WORDS = "words"
_WORDS = re.compile(r"[a-z0-9'-]+")
_TAGS = re.compile(r"<[^>]+>")
# The section anchors the item templates give: how an exercise is done; what a condition feels
# like, its kinds and why it happens; what a prevention tip asks and why. Tried against the
# reader queries, adding "about-it" or the tips lost more queries than it found.
DESCRIBING_SECTIONS = frozenset(
    {"start", "steps", "symptoms", "types", "causes", "what-to-do", "why"}
)
TOOL_PAGES = frozenset({"prescribe/"})
# The warning signs page is no item page, but a reader who types a sign in their own words
# ("can't control my bowels") must land there: it answers to the synonyms of its words too.
SIGNS_PAGES = frozenset({"get-help/"})


def page_of(entry: dict[str, str]) -> str:
    """The page a search entry belongs to: a page's own entry and its sections' (page/#section)."""
    return entry["location"].split("#", 1)[0]


def widen_search_index(site_dir: Path, site: Site) -> None:
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = reader_entries(index["docs"], site)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def reader_entries(docs: list[dict[str, str]], site: Site) -> list[dict[str, str]]:
    """The index's entries, each page's own entry widened as the module says."""
    docs = [doc for doc in docs if page_of(doc) not in TOOL_PAGES or "#" not in doc["location"]]
    names = {page.url.lstrip("/"): page.item.also_called for page in site.all_pages()}
    texts: dict[str, list[str]] = defaultdict(list)
    described: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        page, _, section = doc["location"].partition("#")
        texts[page].append(f"{doc['title']} {doc['text']}")
        if section in DESCRIBING_SECTIONS:
            described[page].append(doc["text"])
    for doc in docs:
        location = doc["location"]
        if location in TOOL_PAGES:
            opening = doc["text"].find("</p>")
            doc["text"] = doc["text"][: opening + len("</p>")] if opening >= 0 else doc["text"]
        if "#" in location or (location not in names and location not in SIGNS_PAGES):
            continue
        # The review status under the title (macros.md.j2, review_status) and the drawing
        # strip's captions and "This page" label ("Starting positionStep 3This page") stand
        # before the summary; a result opens with the summary.
        doc["text"] = _REVIEW_STATUS.sub("", doc["text"], count=1)
        first_tag = doc["text"].find("<")
        doc["text"] = doc["text"][first_tag:] if first_tag > 0 else doc["text"]
        extra = [*names.get(location, ()), *words(" ".join(described[location]))]
        extra += added_synonyms(" ".join(texts[location]), site.synonyms)
        if extra:
            doc[WORDS] = " ".join(dict.fromkeys(extra))
    return docs


_REVIEW_STATUS = re.compile(r"^\s*<p>[^<]*Review details</p>\s*")


def words(text: str) -> list[str]:
    """The words of a piece of the index's HTML, lower case, markup left out."""
    return _WORDS.findall(_TAGS.sub(" ", text.lower()))


def added_synonyms(text: str, groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """The phrases of each group that text uses one of, which text does not use itself."""
    padded = " " + " ".join(words(text)) + " "
    added = []
    for group in groups:
        used = [phrase for phrase in group if f" {phrase} " in padded]
        if used:
            added += [phrase for phrase in group if phrase not in used]
    return added
