"""The resolved site: every item validated, every reference checked, back-links computed once."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar, cast

from markupsafe import Markup

from generator.content import boxes, regions
from generator.content.fields import id_problem
from generator.content.kinds import BY_FOLDER, KINDS
from generator.content.models import (
    LEVELS,
    Condition,
    Dose,
    Emergency,
    Exercise,
    Item,
    Level,
    Movement,
    Phase,
    Prevention,
    Programme,
    Region,
    Reviewer,
    SignOff,
    Source,
    WarningSign,
)

ItemType = TypeVar("ItemType", bound=Item, covariant=True)
SHOWS_EMERGENCY_BLOCK = ("conditions", "exercises", "programmes")
"""The kinds of page that carry the emergency block."""


# Every path and address of an item is made here, and read back here (item_at).


def content_file(kind: str, id: str) -> str:
    """The file an item is made from, relative to the project:
    'content/exercises/glute-bridge.yml'."""
    return f"content/{kind}/{id}.yml"


def markdown_path(kind: str, id: str) -> str:
    """The Markdown file under docs/ that MkDocs builds an item's page from."""
    return f"{kind}/{id}.md"


def index_path(kind: str) -> str:
    """The Markdown file of a kind's own page, which lists its items: 'exercises/index.md'."""
    return f"{kind}/index.md"


def url_of(markdown_path: str) -> str:
    """'exercises/glute-bridge.md' -> '/exercises/glute-bridge/', as MkDocs publishes it."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return "/" + stem.removesuffix("index")
    return f"/{stem}/"


def item_url(kind: str, id: str) -> str:
    """An item's page's address within the site: '/exercises/glute-bridge/'."""
    return url_of(markdown_path(kind, id))


def built_file(url: str) -> str:
    """The file MkDocs writes the page at a URL to, relative to the built site:
    '/exercises/glute-bridge/' -> 'exercises/glute-bridge/index.html', '/' -> 'index.html'."""
    return url.lstrip("/") + "index.html"


def built_url(file: str) -> str:
    """The address of the page MkDocs wrote to a file of the built site (built_file read back):
    'exercises/glute-bridge/index.html' -> '/exercises/glute-bridge/'."""
    return "/" + file.removesuffix("index.html")


def item_at(address: str) -> tuple[str, str] | None:
    """The kind and id of the item whose content file, Markdown file or page address this is
    ('/exercises/glute-bridge/' -> ('exercises', 'glute-bridge')); None for anything else, a
    section's index among them. Read back from content_file, markdown_path and item_url
    themselves, so that each rule stays written once."""
    for make in (content_file, markdown_path, item_url):
        for kind in BY_FOLDER:
            before, after = make(kind, _ANY_ID).split(_ANY_ID)
            id = address.removeprefix(before).removesuffix(after)
            if make(kind, id) == address and id_problem(id) is None:
                return kind, id
    return None


_ANY_ID = "\0"


@dataclass(frozen=True)
class Page(Generic[ItemType]):
    """One content item and where it lives: /<kind>/<id>/."""

    kind: str
    id: str
    item: ItemType

    @property
    def source_path(self) -> str:
        """The Markdown file MkDocs builds the page from, relative to docs/."""
        return markdown_path(self.kind, self.id)

    @property
    def url(self) -> str:
        """The page's address within the site: '/exercises/glute-bridge/'."""
        return url_of(self.source_path)

    @property
    def summary(self) -> str:
        """What the page is about, in a sentence: an exercise's purpose, any other item's
        summary."""
        item: Item = self.item
        if isinstance(item, Exercise):
            return item.purpose
        assert isinstance(item, Condition | Prevention | Programme), type(item)
        return item.summary

    @property
    def content_file(self) -> str:
        """The file the page is made from: 'content/exercises/glute-bridge.yml'."""
        return content_file(self.kind, self.id)


@dataclass(frozen=True)
class UsedBy:
    """A condition that lists an exercise, and in which phase."""

    condition: Page[Condition]
    phase: Phase


@dataclass(frozen=True)
class ReviewState:
    state: Literal["not reviewed", "reviewed", "changed since review"]
    reviewer: Reviewer | None = None
    sign_off: SignOff | None = None


@dataclass(frozen=True)
class ProgrammeDose:
    """A programme that gives an exercise a dose of its own, and why."""

    programme: Page[Programme]
    when: str
    dose: Dose
    reason: str


class Picture(Protocol):
    """An exercise drawing as its pages show it (generator.drawing.draw.Drawn)."""

    @property
    def svg(self) -> str: ...

    @property
    def thumbnail(self) -> str: ...


@dataclass(frozen=True)
class Site:
    items: Mapping[str, Mapping[str, Page[Item]]]
    """Kind folder -> id -> page, each kind sorted by title."""
    sources: Mapping[str, Source]
    emergency: Emergency
    regions: Mapping[str, Region]
    """The places the site serves, in the order of content/regions.yml: the first is shown with
    script off."""
    movements: Mapping[str, Movement]
    """Kinds of movement and their precautions (content/movements.yml)."""
    exercise_used_by: Mapping[str, tuple[UsedBy, ...]]
    exercise_in_programmes: Mapping[str, tuple[Page[Programme], ...]]
    prevention_used_by: Mapping[str, tuple[Page[Condition], ...]]
    exercise_programme_doses: Mapping[str, tuple[ProgrammeDose, ...]]
    """Exercise id -> the programmes that give it a dose other than its own."""
    redirects: Mapping[str, str]
    """Old Markdown path -> current Markdown path: a redirect page stands at the old address."""
    warning_signs: Mapping[str, WarningSign]
    reviewers: Mapping[str, Reviewer]
    link_hosts: frozenset[str]
    """The hosts content may link to (content/link-hosts.yml)."""
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Groups of words that mean the same to a reader (content/synonyms.yml), for search."""
    exercise_drawings: Mapping[str, tuple[Picture, ...]] = dataclasses.field(default_factory=dict)
    """Exercise id -> its drawings as SVG, in the order of its drawings list. Drawn once the
    content has loaded (generator.pipeline.load_site); the site only carries them."""

    def signs(self, keys: Iterable[str], level: Level) -> list[str]:
        """The words of the signs of one level among keys, in their order."""
        found = (self.warning_signs[key] for key in keys)
        return [sign.shown for sign in found if sign.level == level]

    def emergency_groups(self, extra: Iterable[str]) -> list[tuple[str, list[str]]]:
        """The emergency block's signs: the shared ones, then the emergency signs among extra,
        grouped as content/emergency.yml orders its groups, each group with what its signs are a
        sign of. Groups with no sign here are left out."""
        keys = list(dict.fromkeys([*self.emergency.signs, *extra]))
        found = [self.warning_signs[key] for key in keys]
        signs = [sign for sign in found if sign.level == "emergency"]
        return [
            (intro, [sign.shown for sign in signs if sign.sign_of == group])
            for group, intro in self.emergency.groups.items()
            if any(sign.sign_of == group for sign in signs)
        ]

    def precautions(self, exercise: Exercise) -> list[str]:
        """An exercise's precautions: those of its kinds of movement, then its own."""
        shared = [self.movements[key].shown for key in exercise.movements]
        return [*shared, *exercise.precautions]

    def other_signs(self) -> dict[Level, list[str]]:
        """Every sign not in the emergency block, by level: the get-help page lists them all."""
        others = [key for key in self.warning_signs if key not in self.emergency.signs]
        return {level: self.signs(others, level) for level in LEVELS}

    def review_state(self, page: Page[Item]) -> ReviewState:
        """Whether a clinician has approved the page as it stands now."""
        sign_off = page.item.review.sign_off
        if sign_off is None:
            return ReviewState("not reviewed")
        reviewer = self.reviewers[sign_off.reviewer]
        current = sign_off.digest == page.item.digest()
        return ReviewState("reviewed" if current else "changed since review", reviewer, sign_off)

    def sources_of(self, page: Page[Item]) -> list[str]:
        """The page's own sources, then those of the warning signs it shows, each once."""
        keys = list(page.item.sources)
        shown = list(self.emergency.signs) if page.kind in SHOWS_EMERGENCY_BLOCK else []
        if isinstance(page.item, Condition):
            shown += page.item.when_to_get_help
        keys += [source for key in shown for source in self.warning_signs[key].sources]
        if isinstance(page.item, Exercise):
            keys += [s for key in page.item.movements for s in self.movements[key].sources]
        return list(dict.fromkeys(keys))

    @functools.cached_property
    def region_json(self) -> Markup:
        """The emergency block's data for regions.js: the same on every page, so made once."""
        return regions.region_json(self.regions, self.emergency)

    @functools.cached_property
    def box_titles(self) -> dict[Level, str]:
        """Each level's warning box title as the pages are built: with the first region's
        numbers, which regions.js replaces with the reader's own."""
        return boxes.titles(self.emergency, self.regions[regions.default_key(self.regions)])

    @property
    def conditions(self) -> Mapping[str, Page[Condition]]:
        return cast(Mapping[str, Page[Condition]], self.items["conditions"])

    @property
    def exercises(self) -> Mapping[str, Page[Exercise]]:
        return cast(Mapping[str, Page[Exercise]], self.items["exercises"])

    @property
    def prevention(self) -> Mapping[str, Page[Prevention]]:
        return cast(Mapping[str, Page[Prevention]], self.items["prevention"])

    @property
    def programmes(self) -> Mapping[str, Page[Programme]]:
        return cast(Mapping[str, Page[Programme]], self.items["programmes"])

    def page_at(self, address: str) -> Page[Item] | None:
        """The item page whose content file, Markdown file or address this is (item_at)."""
        found = item_at(address)
        return None if found is None else self.items[found[0]].get(found[1])

    def all_pages(self) -> list[Page[Item]]:
        return [page for kind in KINDS for page in self.items[kind.folder].values()]
