"""What a patient takes home of an exercise: everything its own page says a person needs to do it
safely, as data. The model decides what is take-home (this module); one template draws it
(partials/take-home.html.j2), on the patient's page and the handout, from a static JSON file
beside each exercise's page that plan.js fetches when the exercise is chosen.

The file is exercises/<id>/take-home.json, described by take-home.schema.json (TakeHome's own
JSON Schema, published at the site's root and kept in schemas/). Its "version" is FORMAT: a
field may be added within a version; a field renamed, removed or given another meaning makes a
new version, written beside the old one for as long as the old is published. Drawings are SVG
files beside it (drawing-<n>.svg), each with its own colours, so that an <img> shows it as the
page does; an <img> runs no script, whatever the file holds.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.content.frequency import read_frequency
from generator.content.models import Dose as ContentDose
from generator.content.models import Exercise, SidedStep
from generator.content.site import Page, Site
from generator.pages.prescribe import TAKE_HOME_FILE, plan_code
from generator.text import plain_text

FORMAT = 1
SCHEMA_NAME = "take-home"
SCHEMA_FILE = f"{SCHEMA_NAME}.schema.json"
DRAWING_STYLE_START = "/* drawings:start */"
DRAWING_STYLE_END = "/* drawings:end */"
"""The markers around the drawings' colours in docs/stylesheets/extra.css: a drawing file carries
the same rules, so that an <img> of it looks as the page's inline drawing does."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Step(_Data):
    both: str
    """The step as done on both sides, as the exercise's page says it."""
    one: str | None
    """The step when only one side is done, with {side} for "left" or "right"; null when such a
    programme leaves the step out."""


class Numbers(_Data):
    sets: int | None = None
    """How many sets."""
    reps: int | None = None
    """How many repetitions in a set."""
    hold_seconds: int | None = None
    """How long to hold each time, in seconds."""
    minutes: int | None = None
    """How long, in minutes, for a timed technique such as heat."""


class Dose(Numbers):
    """The exercise's own dose; a programme's numbers replace sets to minutes."""

    per_side: bool
    """true when the numbers are for each side (left and right)."""
    rest_seconds: int | None = None
    """The rest between sets, in seconds."""
    how_often: str
    """How often, in words: 'once a day', '3 times a week'."""
    days_a_week: int = Field(ge=1, le=7)
    """On how many days of a week how_often has it done: the reminders' repeat."""


DOSE_FIELDS = {"sets", "reps", "hold_seconds", "minutes", "per_side", "rest_seconds"}


class Variant(_Data):
    title: str
    url: str
    """The variant's page, from the site's root."""


class Drawing(_Data):
    src: str
    """The SVG file, from the site's root."""
    alt: str
    """What it shows, for those who cannot see it."""
    step: int
    """0 for the starting position, else the step it shows."""


class TakeHome(_Data):
    """One exercise as a home programme shows it. Every text is plain text, shown as text."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )

    schema_: str = Field(alias="$schema")
    version: Literal[1]
    id: str
    code: str
    """The exercise's code in programme links (generator/pages/prescribe.py)."""
    title: str
    url: str
    """The exercise's page, from the site's root."""
    changed: str
    """The day its page last changed (YYYY-MM-DD): a programme made before it says so."""
    dose: Dose
    most: Numbers
    """The most a programme may prescribe of each number: the content's safe limit."""
    start_position: str
    steps: list[Step]
    rest: str | None
    """What to do between sets, when the dose says to rest."""
    stop_rules: list[str]
    precautions: list[str]
    easier: Variant | None
    harder: Variant | None
    move_on_when: str
    drawings: list[Drawing]


def take_home(site: Site, page: Page[Exercise]) -> TakeHome:
    item = page.item
    base = page.url.lstrip("/")
    dose = item.dose
    drawn = site.exercise_drawings.get(page.id, ())
    return TakeHome.model_validate(
        {
            "$schema": f"../../{SCHEMA_FILE}",
            "version": FORMAT,
            "id": page.id,
            "code": plan_code(page.id),
            "title": plain_text(item.title),
            "url": base,
            "changed": item.review.last_updated.isoformat(),
            "dose": home_dose(dose),
            "most": Numbers(**item.most.model_dump()),
            "start_position": plain_text(item.start_position),
            "steps": [_step(step) for step in item.steps],
            "rest": _rest(item),
            "stop_rules": [plain_text(rule) for rule in item.stop_rules],
            "precautions": [plain_text(text) for text in site.precautions(item)],
            "easier": _variant(site, item.variants.easier),
            "harder": _variant(site, item.variants.harder),
            "move_on_when": plain_text(item.variants.move_on_when),
            "drawings": [
                Drawing(src=f"{base}{drawing_name(number)}", alt=plain_text(d.shows), step=d.step)
                for number, (d, _) in enumerate(zip(item.drawings, drawn, strict=True), 1)
            ],
        }
    )


def home_dose(dose: ContentDose) -> Dose:
    """A dose as the files give it: its numbers, its how often in plain words, and on how many
    days of a week that is."""
    return Dose(
        **dose.model_dump(include=DOSE_FIELDS),
        how_often=plain_text(dose.how_often),
        days_a_week=read_frequency(dose.how_often).days,
    )


def _step(step: str | SidedStep) -> Step:
    if isinstance(step, SidedStep):
        one = None if step.one is None else plain_text(step.one)
        return Step(both=plain_text(step.both), one=one)
    return Step(both=plain_text(step), one=plain_text(step))


def _rest(item: Exercise) -> str | None:
    seconds = item.dose.rest_seconds
    if not seconds:
        return None
    return f"Rest for {seconds} seconds between sets."


def _variant(site: Site, exercise_id: str | None) -> Variant | None:
    if exercise_id is None:
        return None
    page = site.exercises[exercise_id]
    return Variant(title=plain_text(page.item.title), url=page.url.lstrip("/"))


def drawing_name(number: int) -> str:
    return f"drawing-{number}.svg"


def drawing_file(svg: str, style: str) -> str:
    """A page's inline drawing as a file of its own: the same shapes, with the page's colours for
    drawings in a <style> of the file's own."""
    opening = re.match(r"<svg\b[^>]*>", svg)
    assert opening is not None, "a drawing is an <svg> element"
    return f"{opening.group(0)}<style>{style}</style>{svg[opening.end() :]}\n"


def drawing_style(stylesheet: str) -> str:
    """The drawings' colours from the site's stylesheet (between DRAWING_STYLE_START and _END),
    as one line."""
    start = stylesheet.index(DRAWING_STYLE_START) + len(DRAWING_STYLE_START)
    rules = stylesheet[start : stylesheet.index(DRAWING_STYLE_END)]
    rules = re.sub(r"/\*.*?\*/", "", rules, flags=re.DOTALL)
    return " ".join(rules.split()).replace("<", "")


def take_home_files(site: Site, stylesheet: str) -> dict[str, str]:
    """Path under docs/ -> text: every exercise's take-home file and its drawings, and the
    schema that describes the files."""
    style = drawing_style(stylesheet)
    files = {SCHEMA_FILE: schema_text()}
    for page in site.exercises.values():
        base = page.url.lstrip("/")
        files[f"{base}{TAKE_HOME_FILE}"] = json_text(take_home(site, page))
        for number, picture in enumerate(site.exercise_drawings.get(page.id, ()), 1):
            files[f"{base}{drawing_name(number)}"] = drawing_file(picture.svg, style)
    return files


def json_text(data: TakeHome) -> str:
    return data.model_dump_json(by_alias=True, indent=1) + "\n"


def schema_text() -> str:
    return model_schema_text(TakeHome, SCHEMA_FILE)


def model_schema_text(model: type[BaseModel], schema_id: str) -> str:
    """A published file's JSON Schema (draft 2020-12), from the model that writes the file."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **model.model_json_schema(by_alias=True),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
