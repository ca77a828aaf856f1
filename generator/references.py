"""Cross-references between items: checked once every file is loaded, then resolved into the Site
with its back-links and redirects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from .content_types import (
    PHASES,
    Condition,
    Emergency,
    Item,
    Programme,
    Source,
)
from .errors import ContentError, FieldPath
from .kinds import KINDS
from .loader import LoadedFile, dotted
from .site import Page, Site, UsedBy, markdown_path


@dataclass(frozen=True)
class Loaded:
    """A validated item with the file it came from, kept for locating cross-reference errors."""

    page: Page[Item]
    file: LoadedFile


def check_references(items: list[Loaded], known: dict[str, set[str]]) -> list[ContentError]:
    """known: kind -> ids that exist ("sources" is absent when sources.yml itself is broken)."""
    errors = _check_former_ids(items, known)
    for loaded in items:
        page = loaded.page
        for where, kind, target in page.item.references():
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


def _error(loaded: Loaded, where: FieldPath, text: tuple[str, str]) -> ContentError:
    line, column = loaded.file.locate(where)
    return ContentError(loaded.file.path, line, column, dotted(where), text[0], text[1])


def resolve(
    pages: list[Page[Item]],
    sources: Mapping[str, Source],
    emergency: Emergency,
    link_hosts: frozenset[str],
) -> Site:
    items: dict[str, dict[str, Page[Item]]] = {kind.folder: {} for kind in KINDS}
    for page in sorted(pages, key=lambda p: (p.kind, p.item.title.lower(), p.id)):
        items[page.kind][page.id] = page
    conditions = cast(dict[str, Page[Condition]], items["conditions"])
    programmes = cast(dict[str, Page[Programme]], items["programmes"])
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
        items=items,
        sources=dict(sources),
        emergency=emergency,
        exercise_used_by={key: tuple(value) for key, value in used_by.items()},
        exercise_in_programmes={key: tuple(value) for key, value in in_programmes.items()},
        prevention_used_by={key: tuple(value) for key, value in prevention_used_by.items()},
        redirects={
            markdown_path(page.kind, old): page.source_path
            for page in pages
            for old in page.item.former_ids
        },
        link_hosts=link_hosts,
    )
