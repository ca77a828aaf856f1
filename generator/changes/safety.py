"""What a change does to safety, judged by what each changed thing *is* in the content models, not
by the words on a changed line: a warning sign that moves between levels or leaves a box, the
emergency block, the regions' numbers, stop rules, precautions, doses, sources, link hosts,
reviewers and sign-offs. Each change is reported once, with every page it affects."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.boxes import STOP_TITLE
from generator.content.models import Item, WarningSign
from generator.content.site import Page, Site, built_url
from generator.content.yaml_file import load_file
from generator.errors import ContentError
from generator.output.gate import PROGRAMME_PAGES, Warning, expected_warnings
from generator.pipeline import Prepared
from generator.text import counted, plain_text

ITEM_SAFETY_FIELDS: Mapping[str, tuple[str, ...]] = {
    "exercises": ("dose", "stop_rules", "precautions", "movements", "sources"),
    "programmes": ("stop_rules", "steps", "sources"),
    "conditions": ("sources",),
    "prevention": ("sources",),
}
"""The fields of each kind of item that say when to stop, how much to do, or where advice comes
from. A condition's warning signs (when_to_get_help) are reported sign by sign, with the boxes
they join or leave."""
_ABSENT = object()


@dataclass(frozen=True)
class SafetyChange:
    subject: str
    """What changed, as a reviewer would name it: 'Warning sign `ces-bowel`'."""
    details: tuple[str, ...]
    """Each change to it, old value then new."""
    pages: tuple[str, ...] = ()
    """The address of every page it changes."""
    for_code_owners: bool = False
    """A new or changed reviewer or sign-off: only the code owners can confirm it."""


def safety_changes(before: Prepared, after: Prepared) -> list[SafetyChange]:
    """Every safety change from before to after, signs first, reviewers and sign-offs last."""
    old, new = before.site, after.site
    # Every page's boxes, worked out once a side: the signs' moves and the block's pages read them.
    boxes_before, boxes_after = expected_warnings(old), expected_warnings(new)
    block_pages = _block_pages(new, boxes_after)
    return [
        *_signs(old, new, _sign_boxes(boxes_before), _sign_boxes(boxes_after)),
        *_emergency_block(old, new, block_pages),
        *_regions(old, new, block_pages),
        *_items(old, new),
        *_movements(old, new),
        *_sources(old, new),
        *_link_hosts(old, new),
        *_reviewers(old, new),
        *_sign_offs(old, new),
    ]


def _signs(
    old: Site, new: Site, boxes_before: _SignBoxes, boxes_after: _SignBoxes
) -> Iterator[SafetyChange]:
    for key in _keys(old.warning_signs, new.warning_signs):
        before, after = old.warning_signs.get(key), new.warning_signs.get(key)
        details = _differences(_dump(before), _dump(after))
        placed_before = boxes_before.get(_shown(before), {}) if before else {}
        placed_after = boxes_after.get(_shown(after), {}) if after else {}
        moves = _box_moves(placed_before, placed_after)
        if details or moves:
            name = f"Warning sign `{key}`" + ("" if after else " (removed)")
            # The moves name their pages; a sign reworded where it stands is on the pages it was.
            shown_on = () if moves else tuple(sorted(set(placed_before) | set(placed_after)))
            # Its words, unless a detail already gives them, so the reviewer knows which sign.
            same_words = before is not None and (after is None or after.text == before.text)
            words = [f"the sign: {_quoted(before.text)}"] if before and same_words else []
            yield SafetyChange(name, (*words, *details, *moves), shown_on)


_Boxes = Mapping[str, tuple[Warning, ...]]
"""Built file -> its warning boxes: the output gate's own account (expected_warnings)."""
_SignBoxes = dict[str, dict[str, set[str]]]


def _sign_boxes(boxes: _Boxes) -> _SignBoxes:
    """A sign's words as the boxes show them -> page address -> the titles of the boxes (not the
    stop rules') that list it there."""
    found: _SignBoxes = {}
    for built, warnings in boxes.items():
        for warning in warnings:
            if warning.title == STOP_TITLE:
                continue
            for words in warning.items:
                found.setdefault(words, {}).setdefault(built_url(built), set()).add(warning.title)
    return found


def _shown(sign: WarningSign) -> str:
    return plain_text(sign.shown)


def _box_moves(before: dict[str, set[str]], after: dict[str, set[str]]) -> list[str]:
    """'leaves the box ... on 3 pages: ...' and 'joins the box ...', grouped by box."""
    leaves: dict[str, list[str]] = {}
    joins: dict[str, list[str]] = {}
    for url in sorted(set(before) | set(after)):
        for title in sorted(before.get(url, set()) - after.get(url, set())):
            leaves.setdefault(title, []).append(url)
        for title in sorted(after.get(url, set()) - before.get(url, set())):
            joins.setdefault(title, []).append(url)
    lines = [f"leaves the box {_quoted(title)} on {pages(urls)}" for title, urls in leaves.items()]
    lines += [f"joins the box {_quoted(title)} on {pages(urls)}" for title, urls in joins.items()]
    return lines


def _emergency_block(old: Site, new: Site, block_pages: tuple[str, ...]) -> Iterator[SafetyChange]:
    # The block's signs are reported sign by sign (_signs), with the pages each leaves or joins.
    before = old.emergency.model_dump(mode="json", exclude={"signs"})
    after = new.emergency.model_dump(mode="json", exclude={"signs"})
    details = _differences(before, after, "emergency")
    if details:
        yield SafetyChange(
            "The emergency block (content/emergency.yml)", tuple(details), block_pages
        )


def _block_pages(site: Site, boxes: _Boxes) -> tuple[str, ...]:
    emergency_title = site.box_titles["emergency"]
    return tuple(
        sorted(
            built_url(built)
            for built, warnings in boxes.items()
            if any(warning.title == emergency_title for warning in warnings)
        )
    )


def _regions(old: Site, new: Site, block_pages: tuple[str, ...]) -> Iterator[SafetyChange]:
    for key in _keys(old.regions, new.regions):
        details = _differences(_dump(old.regions.get(key)), _dump(new.regions.get(key)), key)
        if details:
            removed = "" if key in new.regions else " (removed)"
            yield SafetyChange(
                f"Region `{key}` (content/regions.yml){removed}", tuple(details), block_pages
            )
    first_before, first_after = next(iter(old.regions)), next(iter(new.regions))
    if first_before != first_after:
        yield SafetyChange(
            "The region shown without script (the first in content/regions.yml)",
            (f"{_quoted(first_before)} → {_quoted(first_after)}",),
            block_pages,
        )


def _items(old: Site, new: Site) -> Iterator[SafetyChange]:
    for kind, fields in ITEM_SAFETY_FIELDS.items():
        before, after = old.items[kind], new.items[kind]
        for id in _keys(before, after):
            old_page, new_page = before.get(id), after.get(id)
            old_fields = _safety_fields(old_page, fields)
            new_fields = _safety_fields(new_page, fields)
            details = _differences(old_fields, new_fields)
            if old_page and new_page and _stale(old_page, new_page):
                updated = new_page.item.review.last_updated.isoformat()
                details.append(
                    f"its content changed but review.last_updated is still {updated}: the page's"
                    " dates no longer say when it last changed"
                )
            if details:
                page = new_page or old_page
                assert page is not None
                status = (
                    ""
                    if old_page and new_page
                    else " (new page)"
                    if new_page
                    else " (removed page)"
                )
                yield SafetyChange(
                    f"`{page.url}`{status}", tuple(details), _pages_showing(new, page)
                )


def _safety_fields(page: Page[Item] | None, fields: tuple[str, ...]) -> dict[str, Any]:
    if page is None:
        return {}
    dumped = page.item.model_dump(mode="json", include=set(fields))
    return {name: dumped.get(name) for name in fields}


def _stale(before: Page[Item], after: Page[Item]) -> bool:
    """The page's own content changed while its last_updated stayed."""
    return (
        before.item.digest() != after.item.digest()
        and before.item.review.last_updated == after.item.review.last_updated
    )


def stale_review_errors(root: Path, before: Prepared, after: Prepared) -> list[ContentError]:
    """An error at review.last_updated of each page of after whose content differs from before
    while its last_updated does not: `check --base` refuses them."""
    old = before.site
    errors = []
    for page in after.site.all_pages():
        earlier = old.items[page.kind].get(page.id)
        if earlier is None or not _stale(earlier, page):
            continue
        where = ("review", "last_updated")
        line, column = load_file(root / page.content_file, page.content_file).locate(where)
        updated = page.item.review.last_updated.isoformat()
        errors.append(
            ContentError(
                page.content_file,
                line,
                column,
                "review.last_updated",
                f"the page's content changed, but last_updated is still {updated}",
                "set last_updated to the date of this change (and next_review after it)",
            )
        )
    return errors


def _pages_showing(site: Site, page: Page[Item]) -> tuple[str, ...]:
    """The page itself, and the pages that show its stop rules and dose: the programmes that
    include an exercise, and the programme builder and patient's page, which show every
    exercise."""
    pages = [page.url]
    if page.kind == "exercises":
        pages += [programme.url for programme in site.exercise_in_programmes.get(page.id, ())]
        pages += [built_url(built) for built in sorted(PROGRAMME_PAGES)]
    return tuple(dict.fromkeys(pages))


def _movements(old: Site, new: Site) -> Iterator[SafetyChange]:
    for key in _keys(old.movements, new.movements):
        details = _differences(_dump(old.movements.get(key)), _dump(new.movements.get(key)))
        if details:
            pages = [
                page.url
                for site in (old, new)
                for page in site.exercises.values()
                if key in page.item.movements
            ]
            yield SafetyChange(
                f"Precaution for movement `{key}` (content/movements.yml)",
                tuple(details),
                tuple(sorted(set(pages))),
            )


def _sources(old: Site, new: Site) -> Iterator[SafetyChange]:
    for key in _keys(old.sources, new.sources):
        details = _differences(_dump(old.sources.get(key)), _dump(new.sources.get(key)))
        if details:
            pages = [page.url for page in new.all_pages() if key in new.sources_of(page)]
            yield SafetyChange(
                f"Source `{key}` (content/sources.yml)", tuple(details), tuple(pages)
            )


def _link_hosts(old: Site, new: Site) -> Iterator[SafetyChange]:
    added, removed = (
        sorted(new.link_hosts - old.link_hosts),
        sorted(old.link_hosts - new.link_hosts),
    )
    details = [f"content may now link to {_quoted(host)}" for host in added]
    details += [f"no longer allowed: {_quoted(host)}" for host in removed]
    if details:
        yield SafetyChange("Link hosts (content/link-hosts.yml)", tuple(details))


def _reviewers(old: Site, new: Site) -> Iterator[SafetyChange]:
    for key in _keys(old.reviewers, new.reviewers):
        before, after = old.reviewers.get(key), new.reviewers.get(key)
        details = _differences(_dump(before), _dump(after))
        if not details:
            continue
        if before is None and after is not None:
            details = [
                f"new reviewer: {_quoted(after.name)}, {after.profession}"
                f" ({after.registration_body} {after.registration_number}); confirm that this"
                " person exists, holds this registration and agreed to review"
            ]
        yield SafetyChange(
            f"Reviewer `{key}` (content/reviewers.yml)", tuple(details), for_code_owners=True
        )


def _sign_offs(old: Site, new: Site) -> Iterator[SafetyChange]:
    for page in new.all_pages():
        earlier = old.items[page.kind].get(page.id)
        before = earlier.item.review.sign_off if earlier else None
        after = page.item.review.sign_off
        if after is None or before == after:
            continue
        reviewer = new.reviewers[after.reviewer]
        says = f"Clinically reviewed by {reviewer.name}, {reviewer.profession}"
        detail = (
            f"the page now says {_quoted(says)}"
            f" (sign-off by `{after.reviewer}` dated {after.date.isoformat()}); the digest is"
            " public, so only the reviewer can confirm they approved it"
        )
        yield SafetyChange(
            f"Sign-off of `{page.url}`", (detail,), (page.url,), for_code_owners=True
        )


def _keys(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return list(dict.fromkeys([*before, *after]))


def _dump(model: Any) -> object:
    return _ABSENT if model is None else model.model_dump(mode="json")


def _differences(before: object, after: object, path: str = "") -> list[str]:
    """Each leaf that differs, as 'path: old → new'; a list of texts entry by entry (reworded,
    added, removed)."""
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            line
            for key in _keys(before, after)
            for line in _differences(
                before.get(key, _ABSENT), after.get(key, _ABSENT), _joined(path, key)
            )
        ]
    if isinstance(before, list) and isinstance(after, list):
        if all(isinstance(entry, str) for entry in [*before, *after]):
            return _text_list_differences(before, after, path)
        return [
            line
            for index in range(max(len(before), len(after)))
            for line in _differences(_at(before, index), _at(after, index), f"{path}[{index}]")
        ]
    if before is _ABSENT:
        return [f"{path}: {_value(after)}" if path else f"added: {_value(after)}"]
    if after is _ABSENT:
        return [f"{path}: removed (was {_value(before)})" if path else "removed"]
    return [f"{path}: {_value(before)} → {_value(after)}"]


def _text_list_differences(before: list[str], after: list[str], path: str) -> list[str]:
    lines = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, start, end, new_start, new_end in matcher.get_opcodes():
        old_entries, new_entries = before[start:end], after[new_start:new_end]
        if operation == "equal":
            continue
        paired = min(len(old_entries), len(new_entries)) if operation == "replace" else 0
        for was, now in zip(old_entries[:paired], new_entries[:paired], strict=True):
            lines.append(f"{path}: reworded {_quoted(was)} → {_quoted(now)}")
        lines += [f"{path}: removed {_quoted(was)}" for was in old_entries[paired:]]
        lines += [f"{path}: added {_quoted(now)}" for now in new_entries[paired:]]
    return lines


def _at(entries: list[Any], index: int) -> object:
    return entries[index] if index < len(entries) else _ABSENT


def _joined(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _value(value: object) -> str:
    if isinstance(value, str):
        return _quoted(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def pages(urls: Iterable[str]) -> str:
    """'2 pages: `/a/`, `/b/`', as every entry of the report lists pages."""
    listed = list(urls)
    return f"{counted(len(listed), 'page')}: " + ", ".join(f"`{url}`" for url in listed)
