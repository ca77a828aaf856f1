"""Widens MkDocs' search index after the build, so that a reader's own words find a page: each
page answers to its other names (also_called, shown low on the page) and to the synonyms in
content/synonyms.yml of the words it uses. The pages themselves are not changed."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from .site import Site

INDEX = "search/search_index.json"
_WORDS = re.compile(r"[a-z0-9'-]+")


def page_of(entry: dict[str, str]) -> str:
    """The page a search entry belongs to: a page's own entry and its sections' (page/#section)."""
    return entry["location"].split("#", 1)[0]


def widen_search_index(site_dir: Path, site: Site) -> None:
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index["docs"]
    names = {page.url.lstrip("/"): page.item.also_called for page in site.all_pages()}
    # A page's words are those of its own entry and of its sections' entries (page/#section).
    texts: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        texts[page_of(doc)].append(f"{doc['title']} {doc['text']}")
    for doc in docs:
        location = doc["location"]
        if "#" in location or location not in names:
            continue
        page_text = " ".join(texts[location])
        extra = list(names[location]) + added_synonyms(page_text, site.synonyms)
        if extra:
            doc["text"] = f"{doc['text']} {' '.join(dict.fromkeys(extra))}"
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def added_synonyms(text: str, groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """The phrases of each group that text uses one of, which text does not use itself."""
    words = " " + " ".join(_WORDS.findall(re.sub(r"<[^>]+>", " ", text.lower()))) + " "
    added = []
    for group in groups:
        used = [phrase for phrase in group if f" {phrase} " in words]
        if used:
            added += [phrase for phrase in group if phrase not in used]
    return added
