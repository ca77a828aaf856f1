"""The registry of content kinds: every other module reads the kinds from here."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.models import Condition, Exercise, Item, Prevention, Programme


@dataclass(frozen=True)
class Kind:
    """One kind of content item, and everything that follows from it."""

    folder: str
    """content/<folder>/<id>.yml becomes docs/<folder>/<id>.md and the page /<folder>/<id>/."""
    model: type[Item]
    schema_name: str
    """The item files' JSON Schema: schemas/<schema_name>.schema.json."""
    title: str
    """The section's heading and the title of its index page."""
    counted_as: str
    """How `gluteguide check` counts the items: '6 conditions'."""

    @property
    def template(self) -> str:
        return f"{self.folder}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.folder}-index.md.j2"


KINDS: tuple[Kind, ...] = (
    Kind("conditions", Condition, "condition", "Conditions", "conditions"),
    Kind("exercises", Exercise, "exercise", "Exercises and self-care techniques", "exercises"),
    Kind("prevention", Prevention, "prevention", "Prevention", "prevention topics"),
    Kind("programmes", Programme, "programme", "Programmes", "programmes"),
)
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
