"""The resolved site: every item validated, every reference checked, back-links computed once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .schema import Condition, Emergency, Exercise, Item, Phase, Prevention, Programme, Source

ItemType = TypeVar("ItemType", bound=Item, covariant=True)


@dataclass(frozen=True)
class Page(Generic[ItemType]):
    """One content item and where it lives: /<kind>/<id>/."""

    kind: str
    id: str
    item: ItemType

    @property
    def source_path(self) -> str:
        """The Markdown file MkDocs builds the page from, relative to docs/."""
        return f"{self.kind}/{self.id}.md"

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.id}/"


@dataclass(frozen=True)
class UsedBy:
    """A condition that lists an exercise, and in which phase."""

    condition: Page[Condition]
    phase: Phase


@dataclass(frozen=True)
class Site:
    conditions: Mapping[str, Page[Condition]]
    exercises: Mapping[str, Page[Exercise]]
    prevention: Mapping[str, Page[Prevention]]
    programmes: Mapping[str, Page[Programme]]
    sources: Mapping[str, Source]
    emergency: Emergency
    exercise_used_by: Mapping[str, tuple[UsedBy, ...]]
    exercise_in_programmes: Mapping[str, tuple[Page[Programme], ...]]
    prevention_used_by: Mapping[str, tuple[Page[Condition], ...]]
    redirects: Mapping[str, str]
    """Old Markdown path -> current Markdown path, for mkdocs-redirects."""

    def all_pages(self) -> list[Page[Item]]:
        kinds: list[Mapping[str, Page[Item]]] = [
            self.conditions,
            self.exercises,
            self.prevention,
            self.programmes,
        ]
        return [page for pages in kinds for page in pages.values()]
