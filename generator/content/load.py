"""Loads and validates every content file, then resolves them into one Site. The drawings are
drawn and checked after this (generator.pipeline.load_site), and nothing is rendered until both
have succeeded for every file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.content.clinical import check_clinical_rules, check_movements
from generator.content.codes import check_diagnosis_codes
from generator.content.coverage import check_coverage
from generator.content.fields import id_problem
from generator.content.kinds import KINDS
from generator.content.models import (
    Emergency,
    LinkHosts,
    Movements,
    Regions,
    Reviewers,
    Sources,
    Synonyms,
    WarningSigns,
)
from generator.content.references import (
    Loaded,
    LoadedSingle,
    check_cited,
    check_references,
    check_warning_signs,
    resolve,
)
from generator.content.regions import check_regions
from generator.content.schemas import schema_comment
from generator.content.site import Page, Site
from generator.content.validate import validate
from generator.content.yaml_file import LoadedFile, load_file, read_regular_file
from generator.errors import ContentError, ContentErrors


@dataclass
class LoadMemo:
    """What earlier loads read, for the live preview: a file whose bytes are unchanged is not
    read or validated again. reread: the files read afresh since the last render that used them
    (prepare empties it once it succeeds, so edits made while the content had errors count)."""

    files: dict[Path, tuple[object, _Read]] = field(default_factory=dict)
    reread: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class LoadedContent:
    items: list[Loaded]
    """Every item that validated, with the file it came from (to locate later errors in)."""
    errors: list[ContentError]
    site: Site | None
    """The resolved site, or None where an error kept it from being made."""


def load_content(root: Path, memo: LoadMemo | None = None) -> LoadedContent:
    """Load, validate and resolve root/content, collecting every error."""
    errors: list[ContentError] = []
    content = root / "content"
    linked = linked_folder(root, content)
    if linked:
        return LoadedContent([], [linked], None)
    hosts = _load_single(root, content / LINK_HOSTS, LinkHosts, errors, None, memo)
    context = {"link_hosts": frozenset(hosts.value.root if hosts else ())}
    sources = _load_single(root, content / "sources.yml", Sources, errors, context, memo)
    signs = _load_single(root, content / WARNING_SIGNS, WarningSigns, errors, context, memo)
    emergency = _load_single(root, content / "emergency.yml", Emergency, errors, context, memo)
    regions = _load_single(root, content / REGIONS, Regions, errors, context, memo)
    movements = _load_single(root, content / MOVEMENTS, Movements, errors, context, memo)
    reviewers = _load_single(root, content / REVIEWERS, Reviewers, errors, context, memo)
    synonyms = _load_single(root, content / SYNONYMS, Synonyms, errors, context, memo)
    items: list[Loaded] = []
    # Ids come from file names, so an item that fails validation does not also break every
    # reference to it.
    known: dict[str, set[str]] = {}
    for kind in KINDS:
        paths = _content_files(root, content / kind.folder, errors)
        known[kind.folder] = {path.stem for path in paths}
        for path in paths:
            file, item = _read(root, path, kind.model, errors, context, memo)
            if file is not None and item is not None:
                items.append(Loaded(Page(kind.folder, path.stem, item), file))
    singles = (
        ("sources", sources),
        ("warning-signs", signs),
        ("reviewers", reviewers),
        ("movements", movements),
    )
    for name, single in singles:
        if single is not None:
            known[name] = set(single.value.root)
    errors.extend(check_references(items, known))
    errors.extend(check_warning_signs(signs, emergency, items, known))
    errors.extend(check_cited(regions, known) + check_cited(movements, known))
    if regions is not None:
        errors.extend(check_regions(regions.file, regions.value.root))
    errors.extend(check_clinical_rules(items))
    errors.extend(check_diagnosis_codes(items, sources))
    errors.extend(check_coverage(items))
    if movements is not None:
        errors.extend(check_movements(movements.value.root, items))
    if errors or None in (sources, emergency, regions, movements, signs, reviewers, synonyms):
        return LoadedContent(items, errors, None)
    # for the type checker
    assert sources and emergency and regions and movements and signs and reviewers and synonyms
    pages = [loaded.page for loaded in items]
    site = resolve(
        pages,
        sources.value.root,
        emergency.value,
        regions.value.root,
        movements.value.root,
        signs.value.root,
        reviewers.value.root,
        context["link_hosts"],
        tuple(tuple(group) for group in synonyms.value.root),
    )
    return LoadedContent(items, errors, site)


LINK_HOSTS = "link-hosts.yml"
WARNING_SIGNS = "warning-signs.yml"
REVIEWERS = "reviewers.yml"
SYNONYMS = "synonyms.yml"
REGIONS = "regions.yml"
MOVEMENTS = "movements.yml"
_REAL_FOLDERS = "keep content in real folders inside the repository, not links"


def linked_folder(root: Path, folder: Path) -> ContentError | None:
    """The error for content/ or a kind's folder that is a link (which could lead reads and
    writes outside the repository), or None for a real folder or none at all. `check` and
    `gluteguide new` both refuse such a folder with this error."""
    if not folder.is_symlink():
        return None
    shown = _shown(root, folder)
    message = "content/ is a link" if shown == "content" else "folder is a link"
    return ContentError(shown, 1, 1, "", message, _REAL_FOLDERS)


def _content_files(root: Path, folder: Path, errors: list[ContentError]) -> list[Path]:
    """The content files of one kind. Anything else in the folder is reported, never read."""
    linked = linked_folder(root, folder)
    if linked:
        errors.append(linked)
        return []
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        problem, hint = _file_name_problem(path)
        if problem:
            errors.append(ContentError(_shown(root, path), 1, 1, "", problem, hint))
        else:
            files.append(path)
    return files


def _file_name_problem(path: Path) -> tuple[str, str]:
    if path.suffix != ".yml":
        return "not a content file", "name content files <id>.yml"
    if path.is_symlink() or not path.is_file():
        return "not a plain file", "content files must be plain files, not links or folders"
    problem = id_problem(path.stem)
    if problem:
        return f"file name {problem}", _ID_HINT
    return "", ""


_ID_HINT = "use lower-case letters, digits and single hyphens, for example glute-bridge"


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


def _load_single(
    root: Path,
    path: Path,
    model: Any,
    errors: list[ContentError],
    context: dict[str, Any] | None,
    memo: LoadMemo | None,
) -> LoadedSingle | None:
    if not path.exists() and not path.is_symlink():
        errors.append(ContentError(_shown(root, path), 1, 1, "", "file is missing"))
        return None
    file, value = _read(root, path, model, errors, context, memo)
    return None if file is None or value is None else LoadedSingle(value, file)


def _digest(path: Path, context: dict[str, Any] | None) -> object:
    try:
        return hashlib.sha256(read_regular_file(path, "")).digest(), repr(context)
    except ContentErrors:
        return None  # _load reports it


@dataclass(frozen=True)
class _Read:
    file: LoadedFile | None
    value: Any
    errors: list[ContentError]


def _read(
    root: Path,
    path: Path,
    model: Any,
    errors: list[ContentError],
    context: dict[str, Any] | None,
    memo: LoadMemo | None,
) -> tuple[LoadedFile | None, Any]:
    """A file loaded and validated, or what the memo kept of it: the same bytes validated
    against the same context give the same result. Bytes, not modification times: two saves
    within a clock tick can leave the time as it was."""
    key = None if memo is None else _digest(path, context)
    kept = memo.files.get(path) if memo is not None else None
    if key is not None and kept is not None and kept[0] == key:
        read = kept[1]
    else:
        found: list[ContentError] = []
        file, value = _load(root, path, found), None
        if file is not None:
            value, problems = validate(file, model, context)
            found.extend(problems)
        read = _Read(file, value, found)
        if memo is not None and key is not None:
            memo.files[path] = (key, read)
        if memo is not None:
            memo.reread.add(_shown(root, path))
    errors.extend(read.errors)
    return read.file, read.value


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
