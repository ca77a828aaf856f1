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
    description: str
    """The index page's description, for search engines and the site's search results."""
    intro: str
    """The line under the index page's heading."""
    index_template: str = "index.md.j2"
    """The index page's template: the shared one, or one that extends it."""

    @property
    def template(self) -> str:
        """Each item page's template, which extends item.md.j2."""
        return f"{self.folder}.md.j2"


KINDS: tuple[Kind, ...] = (
    Kind(
        "conditions",
        Condition,
        "condition",
        title="Conditions",
        counted_as="conditions",
        description="Buttock (glute) spasm, cramp and pain: find yours, what to do now and when"
        " to get help.",
        intro="Pick the one that sounds most like you. Each page starts with what to do now.",
    ),
    Kind(
        "exercises",
        Exercise,
        "exercise",
        title="Exercises and self-care techniques",
        counted_as="exercises",
        description="Gentle exercises and self-care for buttock spasm and cramp, with doses,"
        " steps and when to stop.",
        intro="Each page gives the dose, the steps and when to stop. Choose below to see only"
        " some of them.",
        # Its list can be narrowed by what an exercise does, its position and its equipment.
        index_template="exercises-index.md.j2",
    ),
    Kind(
        "prevention",
        Prevention,
        "prevention",
        title="Prevention",
        counted_as="prevention topics",
        description="Everyday ways to stop buttock spasm and cramp coming back.",
        intro="Small habits that make glute spasm and cramp less likely.",
    ),
    Kind(
        "programmes",
        Programme,
        "programme",
        title="Programmes",
        counted_as="programmes",
        description="Step-by-step self-care plans for buttock spasm, from the first days to"
        " getting stronger.",
        intro="Plans that put the exercises in order, day by day or week by week.",
    ),
)
BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
