"""Cross-references between items, the back-links computed from them, redirects, the URL ledger."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from .errors import ContentError
from .loader import dotted
from .models import Page, Site, UsedBy
from .schema import (
    PHASES,
    Condition,
    Emergency,
    Exercise,
    Item,
    Prevention,
    Programme,
    Source,
)
from .write import write_atomically

if TYPE_CHECKING:
    from .content import Loaded

LEDGER = "urls.txt"
Reference = tuple[tuple[str | int, ...], str, str]
"""(field path in the file, kind of item it points at, id it points at)"""


def references(item: Item) -> Iterator[Reference]:
    """Every id one item names, with where it names it."""
    for index, key in enumerate(item.sources):
        yield ("sources", index), "sources", key
    if isinstance(item, Condition):
        for phase in PHASES:
            for index, target in enumerate(getattr(item.exercises, phase)):
                yield ("exercises", phase, index), "exercises", target
        yield from _listed(item.prevention, "prevention", "prevention")
        yield from _listed(item.programmes, "programmes", "programmes")
    elif isinstance(item, Exercise):
        for side in ("easier", "harder"):
            target = getattr(item.variants, side)
            if target is not None:
                yield ("variants", side), "exercises", target
    elif isinstance(item, Prevention):
        yield from _listed(item.exercises, "exercises", "exercises")
    elif isinstance(item, Programme):
        for index, step in enumerate(item.steps):
            if step.exercise is not None:
                yield ("steps", index, "exercise"), "exercises", step.exercise


def _listed(ids: Iterable[str], field: str, kind: str) -> Iterator[Reference]:
    for index, target in enumerate(ids):
        yield (field, index), kind, target


def check_references(items: list[Loaded], known: dict[str, set[str]]) -> list[ContentError]:
    """known: kind -> ids that exist ("sources" is absent when sources.yml itself is broken)."""
    errors = _check_former_ids(items, known)
    for loaded in items:
        page = loaded.page
        for where, kind, target in references(page.item):
            if kind not in known:
                continue
            if target not in known[kind] or (kind == page.kind and target == page.id):
                errors.append(_error(loaded, where, _missing(kind, target, page)))
    return errors


def _missing(kind: str, target: str, page: Page[Item]) -> tuple[str, str]:
    if kind == page.kind and target == page.id:
        return f"'{target}' points at this item itself", "name a different item"
    if kind == "sources":
        return f"no source '{target}' in content/sources.yml", "add it there, or fix the key"
    return f"no {kind} item '{target}'", f"it should be a file content/{kind}/{target}.yml"


def _check_former_ids(items: list[Loaded], known: dict[str, set[str]]) -> list[ContentError]:
    errors: list[ContentError] = []
    claimed: dict[tuple[str, str], str] = {}
    for loaded in items:
        page = loaded.page
        for index, old in enumerate(page.item.former_ids):
            owner = claimed.setdefault((page.kind, old), page.id)
            if old in known[page.kind]:
                problem = f"duplicate id: '{old}' is the id of a current {page.kind} item"
            elif owner != page.id:
                problem = f"duplicate id: '{old}' is already a former id of '{owner}'"
            else:
                continue
            errors.append(_error(loaded, ("former_ids", index), (problem, "remove it")))
    return errors


def _error(loaded: Loaded, where: tuple[str | int, ...], text: tuple[str, str]) -> ContentError:
    line, column = loaded.file.locate(where)
    return ContentError(loaded.file.path, line, column, dotted(where), text[0], text[1])


def resolve(pages: list[Page[Item]], sources: Mapping[str, Source], emergency: Emergency) -> Site:
    by_kind: dict[str, dict[str, Page[Item]]] = defaultdict(dict)
    for page in sorted(pages, key=lambda p: (p.kind, p.item.title.lower(), p.id)):
        by_kind[page.kind][page.id] = page
    conditions = cast(dict[str, Page[Condition]], by_kind["conditions"])
    programmes = cast(dict[str, Page[Programme]], by_kind["programmes"])
    used_by: dict[str, list[UsedBy]] = defaultdict(list)
    prevention_used_by: dict[str, list[Page[Condition]]] = defaultdict(list)
    for condition in conditions.values():
        for phase in PHASES:
            for exercise_id in getattr(condition.item.exercises, phase):
                used_by[exercise_id].append(UsedBy(condition, phase))
        for prevention_id in condition.item.prevention:
            prevention_used_by[prevention_id].append(condition)
    in_programmes: dict[str, list[Page[Programme]]] = defaultdict(list)
    for programme in programmes.values():
        for exercise_id in dict.fromkeys(s.exercise for s in programme.item.steps if s.exercise):
            in_programmes[exercise_id].append(programme)
    return Site(
        conditions=conditions,
        exercises=cast(dict[str, Page[Exercise]], by_kind["exercises"]),
        prevention=cast(dict[str, Page[Prevention]], by_kind["prevention"]),
        programmes=programmes,
        sources=dict(sources),
        emergency=emergency,
        exercise_used_by={key: tuple(value) for key, value in used_by.items()},
        exercise_in_programmes={key: tuple(value) for key, value in in_programmes.items()},
        prevention_used_by={key: tuple(value) for key, value in prevention_used_by.items()},
        redirects={
            f"{page.kind}/{old}.md": page.source_path
            for page in pages
            for old in page.item.former_ids
        },
    )


def url_of(markdown_path: str) -> str:
    """'exercises/glute-bridge.md' -> '/exercises/glute-bridge/', as MkDocs publishes it."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return "/" + stem
    return f"/{stem}/"


def read_ledger(root: Path) -> list[tuple[int, str]]:
    path = root / LEDGER
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()[:1] == "/"]


def check_ledger(root: Path, published: set[str]) -> list[ContentError]:
    """Every URL ever published must still lead to a page or a redirect."""
    return [
        ContentError(
            LEDGER,
            line,
            1,
            "",
            f"published URL {url} no longer leads to a page or a redirect",
            "if the item was renamed, add its old id to former_ids in the renamed file",
        )
        for line, url in read_ledger(root)
        if url not in published
    ]


def add_to_ledger(root: Path, published: set[str]) -> list[str]:
    """Record new URLs; never drop one. Returns the URLs added."""
    recorded = {url for _, url in read_ledger(root)}
    added = sorted(published - recorded)
    header = (
        "# Every URL Glute Guide has published. Clinicians link to these, so each must keep\n"
        "# working: the build fails if one stops leading to a page or a redirect.\n"
        "# Add new URLs with `make ledger` (gluteguide ledger --add); never delete a line.\n"
    )
    text = header + "".join(f"{url}\n" for url in sorted(recorded | published))
    write_atomically(root / LEDGER, text.encode("utf-8"))
    return added
