"""The content types, declared once. Field docstrings become the help editors see in VS Code."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import (
    Discriminator,
    Field,
    RootModel,
    StrictBool,
    StrictInt,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from generator.content.fields import (
    MAX_ENTRIES,
    Address,
    Day,
    HistoryLine,
    HostName,
    Id,
    Ids,
    Phrase,
    SourceKey,
    Strict,
    Text,
    Texts,
    Title,
)
from generator.content.frequency import Frequency, read_frequency
from generator.content.pose import Drawing
from generator.errors import FieldPath

Reference = tuple[FieldPath, str, str]
"""(where in the file, the kind of item it points at, the id it points at)"""
Phase = Literal["relieve", "mobilise", "stretch", "strengthen"]
PHASES: tuple[Phase, ...] = ("relieve", "mobilise", "stretch", "strengthen")


class SignOff(Strict):
    """A clinician's approval of the page's content as it stood: the digest binds it to the text."""

    reviewer: SourceKey
    """Their id in content/reviewers.yml."""
    date: Day
    """When they approved it (YYYY-MM-DD)."""
    digest: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    """What `gluteguide digest <file>` printed for the content they approved. When the content
    changes, the page says it has changed since review."""


class Change(Strict):
    """A change to the page that its readers would notice, as the site's feed of changes
    shows it."""

    date: Day
    """The day the change was made (YYYY-MM-DD), no later than last_updated."""
    summary: HistoryLine
    """What changed, in one line: 'Added the hip replacement precaution.'"""


class Review(Strict):
    last_updated: Day
    """The date an editor last changed or checked this page against its sources (YYYY-MM-DD)."""
    next_review: Day
    """When it must be checked again: after last_updated and at most 3 years later."""
    sign_off: SignOff | None = None
    """Leave it out until a clinician listed in content/reviewers.yml has approved the page."""
    history: Annotated[list[Change], Field(max_length=MAX_ENTRIES)] = []
    """The page's changes that readers would notice, newest first, one line each. Add a line
    when you change what the page tells readers; the site's feed of changes lists them."""

    @field_validator("history")
    @classmethod
    def _newest_first(cls, history: list[Change], info: ValidationInfo) -> list[Change]:
        days = [change.date for change in history]
        if days != sorted(days, reverse=True):
            raise ValueError("list the changes newest first")
        last = info.data.get("last_updated")
        if last is not None and days and days[0] > last:
            raise ValueError(
                f"the newest change ({days[0].isoformat()}) is after last_updated"
                f" ({last.isoformat()}): set last_updated to the day of the change"
            )
        return history

    @field_validator("next_review")
    @classmethod
    def _review_window(cls, next_review: date, info: ValidationInfo) -> date:
        last = info.data.get("last_updated")
        if last is not None and not last < next_review <= _add_years(last, 3):
            limit = _add_years(last, 3).isoformat()
            raise ValueError(f"must be after last_updated and no later than {limit}")
        return next_review


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Item(Strict):
    """What every page has."""

    title: Title
    """The page heading, in the words a reader would use."""
    also_called: Annotated[list[Phrase], Field(max_length=MAX_ENTRIES)] = []
    """Other words people search with (bum, butt, cramp, knot...). They feed the site search."""
    former_ids: Ids = []
    """Earlier file names of this item. Their old addresses redirect here, so links never break."""
    sources: list[SourceKey] = Field(min_length=1, max_length=MAX_ENTRIES)
    """Keys from content/sources.yml that back the facts on this page."""
    review: Review

    def references(self) -> Iterator[Reference]:
        """Every id this item names, with where it names it."""
        yield from _listed(self.sources, "sources", "sources")
        if self.review.sign_off is not None:
            yield ("review", "sign_off", "reviewer"), "reviewers", self.review.sign_off.reviewer

    def digest(self) -> str:
        """A fingerprint of everything on the page but its review block: a sign-off records it."""
        content = self.model_dump(mode="json", exclude={"review"})
        text = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _listed(ids: Iterable[str], field: str, kind: str) -> Iterator[Reference]:
    for index, target in enumerate(ids):
        yield (field, index), kind, target


class NamedText(Strict):
    name: Text
    description: Text


Level = Literal["emergency", "urgent", "see_gp_or_physio"]
LEVELS: tuple[Level, ...] = ("emergency", "urgent", "see_gp_or_physio")


class Cited(Strict):
    """Advice written once: cited to its sources, or marked as our own."""

    _what: ClassVar[str] = "advice"
    sources: list[SourceKey] = Field(default=[], max_length=MAX_ENTRIES)
    """Keys from content/sources.yml that give it (a warning sign: at its level)."""
    editorial: StrictBool = False
    """true when no source gives it (a warning sign: at its level): the page then marks it as our
    advice."""

    @model_validator(mode="after")
    def _sourced_or_editorial(self) -> Cited:
        if not self.sources and not self.editorial:
            raise ValueError(f"{self._what} needs sources, or editorial: true if it is our advice")
        return self

    def cited(self) -> Iterator[tuple[FieldPath, str]]:
        """Each source key it names, with where it names it."""
        for index, key in enumerate(self.sources):
            yield ("sources", index), key

    def marked(self, words: str) -> str:
        return f"{words} (Our advice.)" if self.editorial else words


class WarningSign(Cited):
    """One warning sign, written once with its one level of help."""

    _what: ClassVar[str] = "a warning sign"
    level: Level
    """emergency: call the emergency number or go to hospital now; urgent: get advice today;
    see_gp_or_physio: book an appointment. The numbers and services come from
    content/regions.yml."""
    text: Text
    """The sign in the reader's words, as a sentence."""
    sign_of: SourceKey | None = None
    """Emergency signs only: the group of content/emergency.yml it belongs to, which says what
    the signs are a sign of (cauda-equina, for example)."""

    @model_validator(mode="after")
    def _one_group(self) -> WarningSign:
        if (self.level == "emergency") != (self.sign_of is not None):
            raise ValueError(
                "an emergency sign names its group in sign_of (a group of content/emergency.yml),"
                " and no other sign does"
            )
        return self

    @property
    def shown(self) -> str:
        return self.marked(self.text)


class Movement(Cited):
    """A kind of movement whose precaution is the same for every exercise that makes it."""

    _what: ClassVar[str] = "a precaution"
    precaution: Text
    """Who should take care with it, and what to do, in the reader's words."""

    @property
    def shown(self) -> str:
        return self.marked(self.precaution)


class Movements(RootModel[dict[SourceKey, Movement]]):
    """content/movements.yml: kinds of movement and the precaution each carries, set once."""


class WarningSigns(RootModel[dict[SourceKey, WarningSign]]):
    """content/warning-signs.yml: every warning sign the site shows, by id. Pages name signs by id,
    so a sign has one wording and one level everywhere."""


class ExercisesByPhase(Strict):
    """Exercise ids, in the order a reader should try them within each phase."""

    relieve: Ids = []
    mobilise: Ids = []
    stretch: Ids = []
    strengthen: Ids = []


class DiagnosisCode(Strict):
    system: Literal["ICD-10-CM"]
    code: Annotated[str, StringConstraints(pattern=r"^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    """Only codes checked against the ICD-10-CM code set."""
    label: Text


class Condition(Item):
    summary: Text
    """Two or three plain sentences: what it is and how it feels."""
    symptoms: Texts = Field(min_length=1)
    types: Annotated[list[NamedText], Field(max_length=MAX_ENTRIES)] = []
    causes: Texts = Field(min_length=1)
    risk_factors: Texts = []
    self_care: Texts = Field(min_length=1)
    """What to do yourself, in order, starting with what to do right now."""
    programmes: Ids = []
    """Programmes that put the self-care plan into practice."""
    treatment: Annotated[list[NamedText], Field(max_length=MAX_ENTRIES)] = Field(min_length=1)
    when_to_get_help: Annotated[list[SourceKey], Field(min_length=2, max_length=MAX_ENTRIES)]
    """Ids of warning signs from content/warning-signs.yml that this page lists, besides the
    emergency block every page shows. The page groups them by their level."""
    exercises: ExercisesByPhase
    prevention: Ids = []
    diagnosis_codes: Annotated[list[DiagnosisCode], Field(max_length=MAX_ENTRIES)] = []
    common: StrictBool = False
    """true for the commonest cases, which the home page lists first."""
    sources: list[SourceKey] = Field(min_length=2, max_length=MAX_ENTRIES)

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        for phase in PHASES:
            for index, target in enumerate(getattr(self.exercises, phase)):
                yield ("exercises", phase, index), "exercises", target
        yield from _listed(self.prevention, "prevention", "prevention")
        yield from _listed(self.programmes, "programmes", "programmes")
        yield from _listed(self.when_to_get_help, "when_to_get_help", "warning-signs")


DOSE_LIMITS = {"sets": 10, "reps": 50, "hold_seconds": 300, "minutes": 60}
"""The most each number of a dose may be (the least is 1): the same bounds the programme builder
offers and a programme link carries (generator/pages/prescribe.py, docs/javascripts/plan.js)."""
REST_LIMIT = 600
"""The most rest_seconds may be; the builder does not set rest. Beyond it, a typing mistake."""


class Dose(Strict):
    # Strict: a whole number written in digits, never 2.0, true or '2'.
    sets: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["sets"])] | None = None
    reps: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["reps"])] | None = None
    hold_seconds: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["hold_seconds"])] | None = None
    minutes: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["minutes"])] | None = None
    """For timed techniques such as heat or self-massage."""
    per_side: StrictBool = False
    """true when the dose is for each side (left and right)."""
    rest_seconds: Annotated[StrictInt, Field(ge=0, le=REST_LIMIT)] | None = None
    how_often: Text
    """How often, starting with one of: once a day, twice a day, 2 or 3 times a day, 3 times a
    week, every other day, every 2 to 3 hours; then anything more after a comma. A programme's
    printed checklist gives each row the boxes this asks for."""

    @field_validator("how_often")
    @classmethod
    def _readable_how_often(cls, value: str) -> str:
        read_frequency(value)
        return value

    @property
    def frequency(self) -> Frequency:
        """A week of this dose: the days it is done on, and the times on each."""
        return read_frequency(self.how_often)

    @model_validator(mode="after")
    def _has_amount(self) -> Dose:
        if self.reps is None and self.hold_seconds is None and self.minutes is None:
            raise ValueError("a dose needs reps, hold_seconds or minutes")
        return self


class SafeMost(Strict):
    """The most of each number a programme may prescribe for this exercise: our own editorial
    safe limit, which the programme builder and the patient's page never go past."""

    sets: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["sets"])] | None = None
    reps: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["reps"])] | None = None
    hold_seconds: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["hold_seconds"])] | None = None
    minutes: Annotated[StrictInt, Field(ge=1, le=DOSE_LIMITS["minutes"])] | None = None


SIDE = "{side}"
"""In a step's one-side words, where "left" or "right" goes."""


class SidedStep(Strict):
    """A step that reads differently when only one side is done."""

    both: Text
    """The step when both sides are done, as the exercise's page shows it."""
    one: Text | None = None
    """The step when only one side is done; {side} stands for "left" or "right". Leave it out
    when such a programme skips the step (turning over to do the other side)."""

    @model_validator(mode="after")
    def _side_only_in_one(self) -> SidedStep:
        if SIDE in self.both or "{" in self.both.replace(SIDE, ""):
            raise ValueError("both: {side} belongs in one, the words for one side only")
        if self.one is not None and "{" in self.one.replace(SIDE, ""):
            raise ValueError("one: the only placeholder is {side}")
        return self


def _step_kind(value: object) -> str:
    return "sided" if isinstance(value, dict | SidedStep) else "plain"


UNION_TAGS = frozenset({"plain", "sided"})
"""Tags of the steps' two forms: pydantic puts them in an error's location; messages leave them
out, since the editor wrote a step, not a tag."""
Step = Annotated[
    Annotated[Text, Tag("plain")] | Annotated[SidedStep, Tag("sided")], Discriminator(_step_kind)
]


class Variants(Strict):
    easier: Id | None = None
    """The exercise to do instead if this one is too hard or painful."""
    harder: Id | None = None
    """The exercise to move on to."""
    move_on_when: Text
    """The rule for moving on to the harder variant."""


Position = Literal[
    "lying on your back",
    "lying on your side",
    "lying on your front",
    "sitting",
    "standing",
    "kneeling",
    "on hands and knees",
]
POSITIONS: tuple[str, ...] = get_args(Position)


class Exercise(Item):
    purpose: Text
    category: Phase
    target_muscles: Texts = Field(min_length=1)
    position: Position
    equipment: Texts = []
    difficulty: Literal["gentle", "moderate", "hard"]
    dose: Dose
    most: SafeMost
    start_position: Text
    steps: Annotated[list[Step], Field(min_length=2, max_length=MAX_ENTRIES)]
    """Each step as plain words, or, for a one-sided exercise, as both: and one: where the words
    depend on the side."""
    should_feel: Text
    """What the reader should feel while doing it."""
    tips: Texts = []
    common_mistakes: Texts = Field(min_length=1)
    stop_rules: Texts = Field(min_length=1)
    """When to stop straight away."""
    movements: Ids = []
    """Kinds of movement it makes, from content/movements.yml (lying-on-back, twisting,
    deep-hip-bending, standing-on-one-leg): their precautions are written there once and shown
    first under "Take care". An exercise done lying on your back lists lying-on-back."""
    precautions: Texts = []
    """This exercise's own precautions, besides those of its kinds of movement."""
    variants: Variants
    drawings: Annotated[list[Drawing], Field(min_length=2, max_length=3)]
    """The starting position, the end position and, where the movement needs it, one between,
    drawn from joint angles (see generator/content/pose.py for what each value means)."""
    sources: list[SourceKey] = Field(min_length=2, max_length=MAX_ENTRIES)

    @property
    def step_texts(self) -> list[str]:
        """The steps as done on both sides, as the exercise's page shows them."""
        return self.steps_for(None)

    def steps_for(self, side: str | None) -> list[str]:
        """The steps when both sides are done (side None), or only "left" or "right"."""
        texts = []
        for step in self.steps:
            if not isinstance(step, SidedStep):
                texts.append(step)
            elif side is None:
                texts.append(step.both)
            elif step.one is not None:
                texts.append(step.one.replace(SIDE, side))
        return texts

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        for side in ("easier", "harder"):
            target = getattr(self.variants, side)
            if target is not None:
                yield ("variants", side), "exercises", target
        yield from _listed(self.movements, "movements", "movements")


class Prevention(Item):
    summary: Text
    why_it_matters: Text
    what_to_do: Texts = Field(min_length=1)
    exercises: Ids = []
    """Exercises that help with this."""

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        yield from _listed(self.exercises, "exercises", "exercises")


class ProgrammeStep(Strict):
    when: Text
    """For example: Day 1, or Weeks 3 to 4."""
    exercise: Id | None = None
    dose: Dose | None = None
    """Only to differ from the exercise's own dose, with dose_reason. Leave it out to use the
    exercise's dose."""
    dose_reason: Text | None = None
    """Why this plan gives a different dose: the exercise's page shows it beside its own."""
    action: Text | None = None
    """A self-care action that is not an exercise, such as resting from glute training."""

    @model_validator(mode="after")
    def _exercise_or_action(self) -> ProgrammeStep:
        if (self.exercise is None) == (self.action is None):
            raise ValueError("a step needs either exercise or action, not both")
        if self.dose is not None and self.exercise is None:
            raise ValueError("dose goes with an exercise step")
        if (self.dose is None) != (self.dose_reason is None):
            raise ValueError("a step that changes the exercise's dose says why, in dose_reason")
        return self


class Programme(Item):
    summary: Text
    who_it_is_for: Text
    stop_rules: Texts = Field(min_length=1)
    steps: list[ProgrammeStep] = Field(min_length=2, max_length=2 * MAX_ENTRIES)

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        for index, step in enumerate(self.steps):
            if step.exercise is not None:
                yield ("steps", index, "exercise"), "exercises", step.exercise


class Source(Strict):
    title: Text
    publisher: Text
    url: Address
    accessed: Day
    edition: Text | None = None
    """The edition or release used, where the source has several (ICD-10-CM's code list)."""


class Sources(RootModel[dict[SourceKey, Source]]):
    """content/sources.yml: every source the site cites, by key."""


class HelpHeadings(Strict):
    """The headings of the two levels of help below an emergency. They name no service: each
    box opens with the reader's own (content/regions.yml)."""

    urgent: Text
    see_gp_or_physio: Text


class Emergency(Strict):
    """content/emergency.yml: the warning block shown on every condition and exercise page."""

    title: Text
    """The block's heading after the reader's own call, which the region gives ("Call 999 or go
    to A&E now"): 'if you have buttock or back pain and:'."""
    groups: Annotated[dict[SourceKey, Text], Field(min_length=1, max_length=MAX_ENTRIES)]
    """Group id -> what its signs are a sign of, shown above them: each emergency sign names its
    group (sign_of in content/warning-signs.yml). Groups show in this order."""
    signs: Annotated[list[SourceKey], Field(min_length=1, max_length=MAX_ENTRIES)]
    """Ids of emergency-level signs from content/warning-signs.yml."""
    action: Text
    headings: HelpHeadings


PhoneNumber = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{3,4}( [0-9]{3,4}){0,3}$", max_length=19)
]
"""A number as it is dialled there, in groups of digits: '999', '1800 022 222'."""
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""An ISO 3166 country code in capitals: GB, IE, US."""


class EmergencyService(Strict):
    """Whom to call when a life may be at risk."""

    number: PhoneNumber
    """The emergency number: '999', '911', '000'."""
    hospital: Phrase
    """The hospital's emergency department as readers there say it after 'go to': 'A&E',
    'the emergency room', 'the emergency department'."""
    sources: Annotated[list[SourceKey], Field(min_length=1, max_length=MAX_ENTRIES)]
    """Keys from content/sources.yml: an official page that gives this number."""


class UrgentAdvice(Strict):
    """Where to get advice the same day when it is not an emergency."""

    advice: Text
    """What to do, in a sentence or two. Where no advice line exists, say what to do instead."""
    line: Phrase | None = None
    """The advice line's name, where there is one: 'NHS 111', 'healthdirect'."""
    number: PhoneNumber | None = None
    """The advice line's number: '111', '1800 022 222'."""
    online: Address | None = None
    """The advice line's own web service, if it has one."""
    sources: Annotated[list[SourceKey], Field(max_length=MAX_ENTRIES)] = []
    """Keys from content/sources.yml: an official page that gives this advice and its line."""

    @model_validator(mode="after")
    def _named_and_sourced(self) -> UrgentAdvice:
        if (self.number or self.online) and not self.line:
            raise ValueError("an advice line with a number or a web address needs its name (line)")
        if self.line and not self.sources:
            raise ValueError("an advice line needs a source: an official page that gives it")
        return self


class Region(Strict):
    """One place the site serves, with the numbers readers there call."""

    name: Title
    """As a reader there names it: 'United Kingdom'."""
    countries: Annotated[list[CountryCode], Field(max_length=MAX_ENTRIES)] = []
    """The countries it covers. A reader's time zone (or, where that says nothing, language) is
    matched to these; the region for everywhere else (elsewhere) lists none."""
    emergency: EmergencyService
    urgent: UrgentAdvice
    note: Text | None = None
    """What differs within the region, if anything (in the UK: Scotland, Wales, Northern
    Ireland)."""

    def cited(self) -> Iterator[tuple[FieldPath, str]]:
        """Each source key its numbers name, with where."""
        for service in ("emergency", "urgent"):
            for index, key in enumerate(getattr(self, service).sources):
                yield (service, "sources", index), key

    @property
    def source_keys(self) -> list[str]:
        """The sources of its numbers, each once, which the get-help page lists beside them."""
        return list(dict.fromkeys(key for _, key in self.cited()))


class Regions(RootModel[Annotated[dict[SourceKey, Region], Field(min_length=2)]]):
    """content/regions.yml: the places the site serves. The first is what a page shows with
    script off; 'elsewhere' is for a reader from anywhere not listed."""


class LinkHosts(RootModel[Annotated[list[HostName], Field(min_length=1, max_length=100)]]):
    """content/link-hosts.yml: the only hosts content may link to, over https. A new host shows in a
    pull request as a change to this list."""


SearchPhrase = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9'-]+( [a-z0-9'-]+){0,4}$", max_length=40)
]
"""A word or a short phrase, in lower case, as a reader might type it."""


class Synonyms(
    RootModel[
        Annotated[
            list[Annotated[list[SearchPhrase], Field(min_length=2, max_length=20)]],
            Field(max_length=200),
        ]
    ]
):
    """content/synonyms.yml: groups of words and phrases that mean the same to a reader. Where a
    page uses one of a group, search finds it by the others too (the search index is widened
    after the build; the page itself does not change)."""


class Reviewer(Strict):
    """A clinician who reviews pages. Never add one who has not agreed to review."""

    name: Title
    profession: Title
    """For example: Physiotherapist, or General practitioner."""
    registration_body: Title
    """For example: HCPC, or GMC."""
    registration_number: Annotated[str, StringConstraints(pattern=r"^[A-Z0-9-]{2,20}$")]


class Reviewers(RootModel[dict[SourceKey, Reviewer]]):
    """content/reviewers.yml: the clinicians who sign off pages, by id."""
