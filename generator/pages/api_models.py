"""The open data's files, declared once (generator/pages/api.py builds them): each model is
also its file's published JSON Schema, and its fields' docstrings are the documentation page's
descriptions."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.content.models import Level, Phase
from generator.pages.take_home import Dose, Drawing, Numbers, Step

ItemKind = Literal["condition", "exercise", "prevention", "programme", "warning-sign"]
KIND_OF_FOLDER: dict[str, ItemKind] = {
    "conditions": "condition",
    "exercises": "exercise",
    "prevention": "prevention",
    "programmes": "programme",
}
ReviewStatus = Literal["not reviewed", "reviewed", "changed since review"]


class _Data(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, use_attribute_docstrings=True
    )


class Ref(_Data):
    """Another item of the API."""

    id: str
    """Its file name: unique within its kind, and the last part of its addresses."""
    title: str
    """Its page's heading."""
    url: str
    """Its page, from the site's root."""
    json_url: str = Field(alias="json")
    """Its file in this API, from the site's root."""


class SourceRecord(_Data):
    """A source the page's facts come from, as its page lists it."""

    key: str
    """Its key in the site's list of sources."""
    title: str
    """The source's own title."""
    publisher: str
    """Who publishes it."""
    url: str
    """Its address."""
    accessed: str
    """When an editor last read it (YYYY-MM-DD)."""
    edition: str | None
    """The edition or release used, where the source has several."""


class ChangeRecord(_Data):
    date: str
    """The day of the change (YYYY-MM-DD)."""
    summary: str
    """What changed for readers, in one line."""


class ReviewRecord(_Data):
    status: ReviewStatus
    """"reviewed" only while a clinician's sign-off stands for the page as it is now; "changed
    since review" when the page changed after it; "not reviewed" when no clinician has checked
    it."""
    reviewed_on: str | None
    """The day of the clinician's sign-off (YYYY-MM-DD), if any."""
    reviewer: str | None
    """Who signed it off: name and profession."""
    last_updated: str
    """When an editor last changed the page or checked it against its sources (YYYY-MM-DD)."""
    next_review: str
    """When it is due to be checked again (YYYY-MM-DD)."""
    history: list[ChangeRecord]
    """Its changes that readers would notice, newest first (the feed of changes lists them)."""


class Filed(_Data):
    """What every file of an item has."""

    schema_: str = Field(alias="$schema")
    """Its JSON Schema, relative to the file."""
    version: Literal[1]
    """The API's version: the v1 in the file's address."""
    kind: ItemKind
    """What kind of item it is."""
    id: str
    """Its file name: unique within its kind, and the last part of its addresses."""
    title: str
    """Its page's heading."""
    url: str
    """Its page, from the site's root."""


class Record(Filed):
    """What every item with a page of its own has."""

    also_called: list[str]
    """Other words people search with."""
    summary: str
    """What the page is about, in a sentence or two."""
    sources: list[SourceRecord]
    """The page's sources and those of the warning signs it shows, as its page lists them."""
    review: ReviewRecord
    """Whether a clinician has checked the page, and its dates and history."""


class SignRef(_Data):
    """A warning sign the page lists, with its level of help."""

    id: str
    """The sign's id: its file is api/v1/warning-signs/<id>.json."""
    level: Level
    """Which help it needs: emergency, urgent (today) or see_gp_or_physio."""
    text: str
    """The sign in the reader's words."""
    json_url: str = Field(alias="json")
    """The sign's file, from the site's root."""


class NamedText(_Data):
    name: str
    """Its name, as a heading."""
    description: str
    """What it is, in plain words."""


class CodeRecord(_Data):
    system: Literal["ICD-10-CM"]
    """The code system: ICD-10-CM (OID 2.16.840.1.113883.6.90)."""
    code: str
    """The code, with its dot."""
    label: str
    """What the code means, in plain words."""
    lookup: str
    """The lookup file for the code, from the site's root (api/v1/icd10cm/<code>.json)."""


class PhaseExercises(_Data):
    """Exercise ids by phase, in the order a reader should try them."""

    relieve: list[Ref]
    """Ease the pain: its page's heading for the phase."""
    mobilise: list[Ref]
    """Loosen up: its page's heading for the phase."""
    stretch: list[Ref]
    """Stretch: its page's heading for the phase."""
    strengthen: list[Ref]
    """Strengthen: its page's heading for the phase."""


class ConditionRecord(Record):
    kind: Literal["condition"]
    """What kind of item it is."""
    symptoms: list[str]
    """How it feels."""
    types: list[NamedText]
    """Its kinds, where it has several."""
    causes: list[str]
    """What can bring it on."""
    risk_factors: list[str]
    """What makes it more likely."""
    self_care: list[str]
    """What to do yourself, in order, starting with what to do right now."""
    treatment: list[NamedText]
    """What a GP or physiotherapist may do."""
    when_to_get_help: list[SignRef]
    """Its warning signs, besides the emergency signs every condition page shows."""
    exercises: PhaseExercises
    """The exercises that help, by phase."""
    prevention: list[Ref]
    """Ways to stop it coming back."""
    programmes: list[Ref]
    """Programmes that put its self-care into practice."""
    diagnosis_codes: list[CodeRecord]
    """Its diagnosis codes, checked against the ICD-10-CM release the lookup files name."""


class UsedBy(_Data):
    condition: Ref
    """A condition that lists the exercise."""
    phase: Phase
    """The phase it lists it in: relieve, mobilise, stretch or strengthen."""


class ExerciseRecord(Record):
    """An exercise whole. The fields from dose to drawings are those of its take-home file
    (take_home), which a home programme shows, with the same values."""

    kind: Literal["exercise"]
    """What kind of item it is."""
    take_home: str
    """Its take-home file, from the site's root (exercises/<id>/take-home.json)."""
    code: str
    """The exercise's code in programme links."""
    category: Phase
    """Its phase: relieve, mobilise, stretch or strengthen."""
    target_muscles: list[str]
    """The muscles it works, in plain words."""
    position: str
    """The position it starts in."""
    equipment: list[str]
    """What it needs, if anything."""
    difficulty: Literal["gentle", "moderate", "hard"]
    """How hard it is."""
    dose: Dose
    """Its own dose: how much, and how often."""
    most: Numbers
    """The most a programme may prescribe of each number: the site's own safe limit."""
    start_position: str
    """How to start, in words."""
    steps: list[Step]
    """The steps, in order, as done on both sides and on one side only."""
    rest: str | None
    """What to do between sets, when the dose says to rest."""
    should_feel: str
    """What the reader should feel while doing it."""
    tips: list[str]
    """Tips for doing it well."""
    common_mistakes: list[str]
    """Mistakes to avoid."""
    stop_rules: list[str]
    """When to stop straight away."""
    precautions: list[str]
    """Who should take care, and how: those of its kinds of movement first."""
    easier: Ref | None
    """The exercise to do instead if this one is too hard or painful."""
    harder: Ref | None
    """The exercise to move on to."""
    move_on_when: str
    """When to move on to the harder one."""
    drawings: list[Drawing]
    """Drawings of its positions, each with words for those who cannot see it."""
    helps_with: list[UsedBy]
    """The conditions that list it, and in which phase."""
    programmes: list[Ref]
    """The programmes that include it."""


class PreventionRecord(Record):
    kind: Literal["prevention"]
    """What kind of item it is."""
    why_it_matters: str
    """Why it helps, in plain words."""
    what_to_do: list[str]
    """What to do, as a list."""
    exercises: list[Ref]
    """Exercises that help with it."""
    conditions: list[Ref]
    """The conditions that list it."""


class ProgrammeStepRecord(_Data):
    """One step: an exercise (with the programme's own dose, where it differs), or an action."""

    when: str
    """When in the programme: 'Day 1', 'Weeks 3 to 4'."""
    exercise: Ref | None
    """The exercise to do, or null for an action."""
    dose: Dose | None
    """The programme's dose, only where it differs from the exercise's own."""
    dose_reason: str | None
    """Why the programme gives another dose than the exercise's own."""
    action: str | None
    """A self-care action that is not an exercise, or null."""


class ProgrammeRecord(Record):
    kind: Literal["programme"]
    """What kind of item it is."""
    who_it_is_for: str
    """Whom the programme is for."""
    stop_rules: list[str]
    """When to stop the programme and get advice."""
    steps: list[ProgrammeStepRecord]
    """Its steps, in order."""
    conditions: list[Ref]
    """The conditions whose self-care it puts into practice."""


class SignGroup(_Data):
    id: str
    """The group's id."""
    means: str
    """What the emergency signs of the group are a sign of."""


class WarningSignRecord(Filed):
    """One warning sign, written once with its one level of help; its title is its words, its
    page the get-help page, which lists every sign. The numbers to call depend on where the
    reader is: the get-help page gives them for each region."""

    kind: Literal["warning-sign"]
    """What kind of item it is."""
    level: Level
    """emergency: call the emergency number now; urgent: get advice today; see_gp_or_physio:
    book an appointment."""
    text: str
    """The sign as its pages show it: '(Our advice.)' after it when editorial."""
    editorial: bool
    """true when it is the site's own advice rather than a source's."""
    group: SignGroup | None
    """Emergency signs only: what the sign is a sign of."""
    on_every_page: bool
    """true for the emergency block's signs, which every condition, exercise and programme page
    shows."""
    listed_by: list[Ref]
    """The conditions that list it besides the emergency block."""
    sources: list[SourceRecord]
    """The sources that give the sign at its level."""


class IndexEntry(_Data):
    kind: ItemKind
    """What kind of item it is."""
    id: str
    """Its file name: unique within its kind."""
    title: str
    """Its page's heading; a warning sign's words."""
    url: str
    """Its page, from the site's root."""
    json_url: str = Field(alias="json")
    """Its file, from the site's root."""
    last_updated: str | None
    """When its page last changed or was checked (YYYY-MM-DD); null for a warning sign, which
    is checked with the pages that show it."""
    review: ReviewStatus | None
    """Its page's clinical review; null for a warning sign."""


class Index(_Data):
    """Every item of the API."""

    schema_: str = Field(alias="$schema")
    """This file's JSON Schema."""
    version: Literal[1]
    """The API's version: the v1 in the file's address."""
    schemas: dict[ItemKind, str]
    """Each kind's JSON Schema, from the site's root."""
    take_home_schema: str
    """The exercises' take-home files' JSON Schema, from the site's root."""
    lookup_by_code: str
    """Where the lookup files by ICD-10-CM code are, from the site's root."""
    changes_feed: str
    """The Atom feed of the pages' changes, from the site's root."""
    items: list[IndexEntry]
    """Every item, by kind and then by title."""


RECORDS: dict[ItemKind, type[Filed]] = {
    "condition": ConditionRecord,
    "exercise": ExerciseRecord,
    "prevention": PreventionRecord,
    "programme": ProgrammeRecord,
    "warning-sign": WarningSignRecord,
}
SIGNS_FOLDER = "warning-signs"
FOLDERS: dict[ItemKind, str] = {
    **{k: f for f, k in KIND_OF_FOLDER.items()},
    "warning-sign": SIGNS_FOLDER,
}
