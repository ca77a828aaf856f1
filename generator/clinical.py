"""Clinical rules the content keeps by construction: an exercise's dose is stated once and its text
does not contradict it, its move-on rule leads somewhere it can reach, and a plan never starts an
exercise in the same stage as, or before, its easier variant."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .content_types import Dose, Exercise, Programme
from .errors import ContentError, FieldPath
from .references import Loaded, error_at

# "20 seconds", "20 to 30 seconds", "10 reps", "2 sets": a figure the dose fields also give.
_FIGURE = re.compile(
    r"\b(\d+)(?:\s*(?:to|-|\u2013|or)\s*(\d+))?[\s-]*"
    r"(seconds?|secs?|minutes?|mins?|reps?|repetitions?|sets?|rounds?|times(?!\s+(?:a|per|each|every)\b))",
    re.IGNORECASE,
)
_FIELDS_FOR_UNIT = {
    "sec": ("hold_seconds", "rest_seconds"),
    "min": ("minutes",),
    "rep": ("reps",),
    "tim": ("reps",),
    "set": ("sets",),
    "rou": ("sets",),
}
TEXT_FIELDS = ("start_position", "steps", "tips", "should_feel", "common_mistakes", "precautions")
EQUIPMENT_WORDS = ("band", "weight", "dumbbell", "ball", "bench", "step", "backpack", "kettlebell")


def check_clinical_rules(items: list[Loaded]) -> list[ContentError]:
    exercises = {
        loaded.page.id: loaded for loaded in items if isinstance(loaded.page.item, Exercise)
    }
    errors: list[ContentError] = []
    for loaded in exercises.values():
        errors += _text_against_dose(loaded)
        errors += _move_on_rule(loaded, exercises)
    for loaded in items:
        if isinstance(loaded.page.item, Programme):
            errors += _staging(loaded, exercises)
    return errors


def figures(text: str) -> Iterator[tuple[str, int, int | None, str]]:
    """(as written, first number, second number of a range or None, unit key)."""
    for found in _FIGURE.finditer(text):
        second = int(found.group(2)) if found.group(2) else None
        yield found.group(0), int(found.group(1)), second, found.group(3).lower()[:3]


def _dose_values(dose: Dose, unit: str) -> dict[str, int]:
    values = {name: getattr(dose, name) for name in _FIELDS_FOR_UNIT[unit]}
    return {name: value for name, value in values.items() if value is not None}


def _text_values(exercise: Exercise) -> Iterator[tuple[FieldPath, str]]:
    for name in TEXT_FIELDS:
        value = getattr(exercise, name)
        if isinstance(value, str):
            yield (name,), value
        else:
            for index, text in enumerate(value):
                yield (name, index), text


def _text_against_dose(loaded: Loaded) -> list[ContentError]:
    exercise = loaded.page.item
    assert isinstance(exercise, Exercise)
    errors = []
    hint = "leave the number out: the page shows the dose, so the text cannot disagree with it"
    for where, text in _text_values(exercise):
        for written, first, second, unit in figures(text):
            values = _dose_values(exercise.dose, unit)
            if second is not None:
                problem = f"gives a range, '{written}', but the dose gives one amount"
            elif first not in values.values():
                stated = ", ".join(f"{name} {value}" for name, value in values.items())
                problem = f"says '{written}' but the dose says {stated or 'no such amount'}"
            else:
                continue
            errors.append(error_at(loaded, where, (problem, hint)))
    return errors


def _move_on_rule(loaded: Loaded, exercises: dict[str, Loaded]) -> list[ContentError]:
    exercise = loaded.page.item
    assert isinstance(exercise, Exercise)
    rule = exercise.variants.move_on_when
    where = ("variants", "move_on_when")
    errors = []
    beyond = False
    for _written, first, second, unit in figures(rule):
        values = _dose_values(exercise.dose, unit)
        beyond = beyond or any(max(first, second or 0) > value for value in values.values())
    harder = exercises.get(exercise.variants.harder or "")
    # A harder variant that failed its own checks still counts: it has its own errors.
    if not beyond and exercise.variants.harder is None and exercise.category != "relieve":
        problem = (
            "leads nowhere: it asks for no more than the starting dose and names no harder variant"
        )
        hint = "ask for more than the dose (a longer hold, another set) or set variants.harder"
        errors.append(error_at(loaded, where, (problem, hint)))
    reachable = " ".join(exercise.equipment).lower()
    if harder is not None:
        reachable += " " + " ".join(harder.page.item.equipment).lower()  # type: ignore[attr-defined]
    for word in EQUIPMENT_WORDS:
        if re.search(rf"\b{word}s?\b", rule, re.IGNORECASE) and word not in reachable:
            problem = f"needs a {word}, which neither this exercise nor its harder variant lists"
            errors.append(error_at(loaded, where, (problem, "add it to equipment, or reword")))
    return errors


def _staging(loaded: Loaded, exercises: dict[str, Loaded]) -> list[ContentError]:
    programme = loaded.page.item
    assert isinstance(programme, Programme)
    stages = list(dict.fromkeys(step.when for step in programme.steps))
    first_stage: dict[str, int] = {}
    for step in programme.steps:
        if step.exercise:
            first_stage.setdefault(step.exercise, stages.index(step.when))
    errors = []
    for index, step in enumerate(programme.steps):
        target = exercises.get(step.exercise or "")
        if target is None:
            continue
        item = target.page.item
        assert isinstance(item, Exercise)
        easier = item.variants.easier
        if item.difficulty == "gentle" or easier is None:
            continue
        stage = stages.index(step.when)
        started = f"starts '{step.exercise}' ({item.difficulty})"
        if easier not in first_stage:
            problem = f"{started} without its easier variant '{easier}'"
        elif first_stage[easier] >= stage:
            when = "in the same stage as" if first_stage[easier] == stage else "before"
            problem = f"{started} {when} its easier variant '{easier}'"
        else:
            continue
        hint = "start the easier variant in an earlier stage of this plan"
        errors.append(error_at(loaded, ("steps", index, "exercise"), (problem, hint)))
    return errors
