"""Loads and validates every content file, then resolves them into one Site. Nothing is rendered
until this has succeeded for every file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .content_types import ID_PATTERN, Emergency, Sources
from .errors import ContentError, ContentErrors
from .json_schemas import schema_comment
from .kinds import KINDS
from .loader import LoadedFile, load_file
from .references import Loaded, check_references, resolve
from .site import Page, Site
from .validate import validate

_ID = re.compile(ID_PATTERN)


def load_site(root: Path) -> Site:
    """Load, validate and resolve root/content; raise ContentErrors listing every error."""
    errors: list[ContentError] = []
    content = root / "content"
    sources = _load_single(root, content / "sources.yml", Sources, errors)
    emergency = _load_single(root, content / "emergency.yml", Emergency, errors)
    items: list[Loaded] = []
    # Ids come from file names, so an item that fails validation does not also break every
    # reference to it.
    known: dict[str, set[str]] = {}
    for kind in KINDS:
        paths = _content_files(root, content / kind.folder, errors)
        known[kind.folder] = {path.stem for path in paths}
        for path in paths:
            file = _load(root, path, errors)
            if file is None:
                continue
            item, problems = validate(file, kind.model)
            errors.extend(problems)
            if item is not None:
                items.append(Loaded(Page(kind.folder, path.stem, item), file))
    if sources is not None:
        known["sources"] = set(sources.root)
    errors.extend(check_references(items, known))
    if errors or sources is None or emergency is None:
        raise ContentErrors(errors)
    return resolve([loaded.page for loaded in items], sources.root, emergency)


def _content_files(root: Path, folder: Path, errors: list[ContentError]) -> list[Path]:
    if not folder.is_dir():
        return []
    paths = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for path in paths:
        shown = _shown(root, path)
        if path.suffix != ".yml":
            errors.append(
                ContentError(shown, 1, 1, "", "not a content file", "name content files <id>.yml")
            )
        elif not _ID.match(path.stem):
            errors.append(
                ContentError(
                    shown,
                    1,
                    1,
                    "",
                    f"file name '{path.stem}' is not a valid id",
                    "use lower-case letters, digits and single hyphens, for example glute-bridge",
                )
            )
    return [p for p in paths if p.suffix == ".yml" and _ID.match(p.stem)]


def _load(root: Path, path: Path, errors: list[ContentError]) -> LoadedFile | None:
    shown = _shown(root, path)
    try:
        file = load_file(path, shown)
    except ContentErrors as failure:
        errors.extend(failure.errors)
        return None
    expected = schema_comment(shown)
    if not file.first_line.startswith(expected):
        errors.append(
            ContentError(
                shown, 1, 1, "", "the first line must name the file's schema", f"write: {expected}"
            )
        )
    return file


def _load_single(root: Path, path: Path, model: Any, errors: list[ContentError]) -> Any:
    if not path.is_file():
        errors.append(ContentError(_shown(root, path), 1, 1, "", "file is missing"))
        return None
    file = _load(root, path, errors)
    if file is None:
        return None
    value, problems = validate(file, model)
    errors.extend(problems)
    return value


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
