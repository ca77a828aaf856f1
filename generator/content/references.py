"""Cross-references between items: checked once every file is loaded, then resolved into the Site
with its back-links and redirects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from generator.content.kinds import KINDS
from generator.content.models import (
    PHASES,
    Condition,
    Emergency,
    Item,
    Movement,
    Programme,
    Region,
    Reviewer,
    Source,
    WarningSign,
)
from generator.content.site import (
    Page,
    ProgrammeDose,
    Site,
    UsedBy,
    content_file,
    markdown_path,
)
from generator.content.yaml_file import LoadedFile, dotted
from generator.errors import ContentError, FieldPath


@dataclass(frozen=True)
class Loaded:
    """A validated item with the file it came from, kept for locating cross-reference errors."""

    page: Page[Item]
    file: LoadedFile


@dataclass(frozen=True)
class LoadedSingle:
    """A validated file that is not an item (sources, warning signs, the emergency block)."""

    value: Any
    file: LoadedFile


def check_warning_signs(
    signs: LoadedSingle | None,
    emergency: LoadedSingle | None,
    items: list[Loaded],
    known: dict[str, set[str]],
) -> list[ContentError]:
    """Each sign is cited, the emergency block shows emergency signs only, and no page repeats a
    sign of the emergency block or lacks a level of help."""
    if signs is None:
        return []
    catalogue: Mapping[str, WarningSign] = signs.value.root
    errors = check_cited(signs, known)
    shared: set[str] = set()
    if emergency is not None:
        for index, key in enumerate(emergency.value.signs):
            shared.add(key)
            if key not in catalogue:
                errors.append(
                    error_in(emergency.file, ("signs", index), _missing("warning-signs", key, None))
                )
            elif catalogue[key].level != "emergency":
                level = catalogue[key].level
                problem = f"'{key}' is a {level} sign; this block shows emergency signs only"
                errors.append(
                    error_in(emergency.file, ("signs", index), (problem, "remove it here"))
                )
    if emergency is not None:
        groups = emergency.value.groups
        for key, sign in catalogue.items():
            if sign.sign_of is not None and sign.sign_of not in groups:
                problem = f"no group '{sign.sign_of}' in content/emergency.yml"
                hint = "name one of its groups: " + ", ".join(groups)
                errors.append(error_in(signs.file, (key, "sign_of"), (problem, hint)))
    for loaded in items:
        item = loaded.page.item
        if isinstance(item, Condition):
            errors += _check_page_signs(loaded, item.when_to_get_help, catalogue, shared)
    return errors


def check_cited(single: LoadedSingle | None, known: dict[str, set[str]]) -> list[ContentError]:
    """Every source a file of entries names (warning signs, regions, kinds of movement) is in
    content/sources.yml. Each entry says what it cites (cited())."""
    if single is None or "sources" not in known:
        return []
    return [
        error_in(single.file, (entry, *where), _missing("sources", source, None))
        for entry, value in single.value.root.items()
        for where, source in value.cited()
        if source not in known["sources"]
    ]


def _check_page_signs(
    loaded: Loaded, keys: list[str], catalogue: Mapping[str, WarningSign], shared: set[str]
) -> list[ContentError]:
    errors = []
    for index, key in enumerate(keys):
        where = ("when_to_get_help", index)
        if key in shared:
            problem = f"'{key}' is in the emergency block that every page shows already"
            errors.append(error_at(loaded, where, (problem, "remove it here")))
        elif key in keys[:index]:
            errors.append(error_at(loaded, where, (f"'{key}' is listed twice", "remove one")))
    levels = {catalogue[key].level for key in keys if key in catalogue}
    for level in ("urgent", "see_gp_or_physio"):
        if level not in levels:
            problem = f"lists no {level} sign: every condition says when to get that help"
            hint = "add a sign from content/warning-signs.yml"
            errors.append(error_at(loaded, ("when_to_get_help",), (problem, hint)))
    return errors


def check_references(items: list[Loaded], known: dict[str, set[str]]) -> list[ContentError]:
    """known: kind -> ids that exist ("sources" is absent when sources.yml itself is broken)."""
    errors = _check_former_ids(items, known)
    for loaded in items:
        page = loaded.page
        for where, kind, target in page.item.references():
            if kind not in known:
                continue
            if target not in known[kind] or (kind == page.kind and target == page.id):
                errors.append(error_at(loaded, where, _missing(kind, target, page)))
    return errors


def _missing(kind: str, target: str, page: Page[Item] | None) -> tuple[str, str]:
    if page is not None and kind == page.kind and target == page.id:
        return f"'{target}' points at this item itself", "name a different item"
    if kind == "sources":
        return f"no source '{target}' in content/sources.yml", "add it there, or fix the key"
    if kind == "reviewers":
        return f"no reviewer '{target}' in content/reviewers.yml", "add them there, or fix the id"
    if kind == "movements":
        return (
            f"no kind of movement '{target}' in content/movements.yml",
            "add it there, or fix the id",
        )
    if kind == "warning-signs":
        return (
            f"no warning sign '{target}' in content/warning-signs.yml",
            "add it there, or fix the id",
        )
    return f"no {kind} item '{target}'", f"it should be a file {content_file(kind, target)}"


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
            errors.append(error_at(loaded, ("former_ids", index), (problem, "remove it")))
    return errors


def error_at(loaded: Loaded, where: FieldPath, text: tuple[str, str]) -> ContentError:
    return error_in(loaded.file, where, text)


def error_in(file: LoadedFile, where: FieldPath, text: tuple[str, str]) -> ContentError:
    line, column = file.locate(where)
    return ContentError(file.path, line, column, dotted(where), text[0], text[1])


def resolve(
    pages: list[Page[Item]],
    sources: Mapping[str, Source],
    emergency: Emergency,
    regions: Mapping[str, Region],
    movements: Mapping[str, Movement],
    warning_signs: Mapping[str, WarningSign],
    reviewers: Mapping[str, Reviewer],
    link_hosts: frozenset[str],
    synonyms: tuple[tuple[str, ...], ...] = (),
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
    programme_doses: dict[str, list[ProgrammeDose]] = defaultdict(list)
    for programme in programmes.values():
        for step in programme.item.steps:
            if step.exercise and step.dose and step.dose_reason:
                plan = ProgrammeDose(programme, step.when, step.dose, step.dose_reason)
                programme_doses[step.exercise].append(plan)
        for exercise_id in dict.fromkeys(s.exercise for s in programme.item.steps if s.exercise):
            in_programmes[exercise_id].append(programme)
    return Site(
        items=items,
        sources=dict(sources),
        emergency=emergency,
        regions=dict(regions),
        movements=dict(movements),
        exercise_used_by={key: tuple(value) for key, value in used_by.items()},
        exercise_in_programmes={key: tuple(value) for key, value in in_programmes.items()},
        prevention_used_by={key: tuple(value) for key, value in prevention_used_by.items()},
        exercise_programme_doses={key: tuple(value) for key, value in programme_doses.items()},
        redirects={
            markdown_path(page.kind, old): page.source_path
            for page in pages
            for old in page.item.former_ids
        },
        warning_signs=dict(warning_signs),
        reviewers=dict(reviewers),
        link_hosts=link_hosts,
        synonyms=synonyms,
    )
