"""Clinical rules the content keeps by construction: an exercise's dose is stated once and its text
does not contradict it, its move-on rule leads somewhere it can reach, and a plan never starts an
exercise in the same stage as, or before, its easier variant."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from generator.content.models import Dose, Exercise, Movement, Programme, SidedStep
from generator.content.references import Loaded, error_at
from generator.errors import ContentError, FieldPath

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
        errors += _safe_most(loaded)
        errors += _sides_marked(loaded)
        errors += _no_page_words(loaded)
    for loaded in items:
        errors += _no_local_numbers(loaded)
        if isinstance(loaded.page.item, Programme):
            errors += _staging(loaded, exercises)
            errors += _reachable_gates(loaded, exercises)
            errors += _within_safe_most(loaded, exercises)
    return errors


DOSE_NUMBERS = ("sets", "reps", "hold_seconds", "minutes")


def _safe_most(loaded: Loaded) -> list[ContentError]:
    """Every number a programme may set has a safe limit, at least the exercise's own dose: the
    builder offers the dose's numbers, and sets for any rep or hold exercise."""
    exercise = loaded.page.item
    assert isinstance(exercise, Exercise)
    dose, most = exercise.dose, exercise.most
    errors = []
    for name in DOSE_NUMBERS:
        own, limit = getattr(dose, name), getattr(most, name)
        needed = own is not None or (name == "sets" and bool(dose.reps or dose.hold_seconds))
        if needed and limit is None:
            problem = f"has no {name}, which a programme may set for this exercise"
            hint = f"add {name}: the most a programme may give, at least the dose's"
        elif limit is not None and not needed:
            problem = f"limits {name}, which this exercise's dose does not have"
            hint = f"leave {name} out of most"
        elif own is not None and limit is not None and limit < own:
            problem = f"gives {name} {limit}, less than the exercise's own dose ({own})"
            hint = "the safe limit is at least the dose the page itself gives"
        else:
            continue
        errors.append(
            error_at(loaded, ("most",) if limit is None else ("most", name), (problem, hint))
        )
    return errors


def _within_safe_most(loaded: Loaded, exercises: dict[str, Loaded]) -> list[ContentError]:
    """A programme's own dose for an exercise stays within that exercise's safe limit."""
    programme = loaded.page.item
    assert isinstance(programme, Programme)
    errors = []
    for index, step in enumerate(programme.steps):
        target = exercises.get(step.exercise or "")
        if step.dose is None or target is None:
            continue
        most = target.page.item.most  # type: ignore[attr-defined]
        for name in DOSE_NUMBERS:
            value, limit = getattr(step.dose, name), getattr(most, name)
            if value is not None and limit is not None and value > limit:
                problem = (
                    f"gives {name} {value}, more than the safe limit of {step.exercise} ({limit})"
                )
                hint = f"lower it, or raise most.{name} in that exercise if it is safe"
                errors.append(error_at(loaded, ("steps", index, "dose", name), (problem, hint)))
    return errors


# Words that say the exercise moves to the other side: a one-sided programme must not say them.
_OTHER_SIDE = re.compile(
    r"\b(?:(?:the\s+)?other\s+side|each\s+side|both\s+sides|swap\s+(?:legs|sides)"
    r"|switch\s+(?:to\s+the\s+other|sides|legs)|(?:turn|roll)\s+over\s+and\s+do)\b",
    re.IGNORECASE,
)
SIDED_FIELDS = (
    "start_position",
    "steps",
    "stop_rules",
    "precautions",
    "tips",
    "should_feel",
    "common_mistakes",
)


def _sides_marked(loaded: Loaded) -> list[ContentError]:
    """A one-sided exercise's take-home words that talk about the other side are marked as
    depending on the side (both: / one:), so that a one-sided programme reads one-sided."""
    exercise = loaded.page.item
    assert isinstance(exercise, Exercise)
    errors = []
    if not exercise.dose.per_side:
        for index, step in enumerate(exercise.steps):
            if isinstance(step, SidedStep):
                problem = "is written for one side and both, but the dose is not per side"
                hint = "write the step as plain words, or set dose.per_side: true"
                errors.append(error_at(loaded, ("steps", index), (problem, hint)))
        return errors
    for name in SIDED_FIELDS:
        value = getattr(exercise, name)
        texts = (
            [((name,), value)]
            if isinstance(value, str)
            else [
                ((name, index), text) for index, text in enumerate(value) if isinstance(text, str)
            ]
        )
        for where, text in texts:
            found = _OTHER_SIDE.search(text)
            if found:
                problem = f"says '{found.group(0)}', which a programme for one side must not say"
                hint = (
                    "write the step as both: (for both sides) and one: (for one side, with"
                    " {side} for left or right, or left out to skip the step)"
                    if name == "steps"
                    else "reword it so that it holds for one side as well as for both"
                )
                errors.append(error_at(loaded, where, (problem, hint)))
    for index, step in enumerate(exercise.steps):
        if isinstance(step, SidedStep) and step.one and _OTHER_SIDE.search(step.one):
            problem = "one: still talks about the other side"
            errors.append(
                error_at(loaded, ("steps", index, "one"), (problem, "reword it for one side"))
            )
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
            continue
        for index, text in enumerate(value):
            if isinstance(text, SidedStep):
                yield (name, index, "both"), text.both
                if text.one is not None:
                    yield (name, index, "one"), text.one
            else:
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


_DAILY = re.compile(r"\b(most days|every day|each day|daily)\b", re.IGNORECASE)
_WEEKLY = re.compile(r"\b(a week|every other day)\b", re.IGNORECASE)


def unmet(rule: str, dose: Dose) -> list[str]:
    """What a move-on rule asks for that this dose never gives: more sets, a longer hold, more
    reps or minutes, or most days when the dose is a few times a week."""
    found = []
    for written, first, _second, unit in figures(rule):
        given: int | None
        if unit in ("set", "rou"):
            given, name = dose.sets or 1, "sets"
        elif unit == "sec":
            given, name = dose.hold_seconds, "hold_seconds"
        elif unit == "min":
            given, name = dose.minutes, "minutes"
        elif unit == "tim" and dose.reps is None:
            given, name = dose.sets or 1, "sets"
        else:
            given, name = dose.reps, "reps"
        if given is not None and given < first:
            found.append(f"it asks for '{written}', the dose gives {name} {given}")
    daily = _DAILY.search(rule)
    if daily and _WEEKLY.search(dose.how_often):
        found.append(f"it asks for '{daily.group(0)}', the dose is '{dose.how_often}'")
    return found


def _reachable_gates(loaded: Loaded, exercises: dict[str, Loaded]) -> list[ContentError]:
    """A plan that moves on past an exercise gives it, in its last stage, a dose at which its
    move-on rule can be met: otherwise following the plan never reaches the next stage."""
    programme = loaded.page.item
    assert isinstance(programme, Programme)
    stages = list(dict.fromkeys(step.when for step in programme.steps))
    last: dict[str, int] = {}
    for index, step in enumerate(programme.steps):
        if step.exercise in exercises:
            last[step.exercise] = index
    if not last:
        return []
    final = max(stages.index(programme.steps[index].when) for index in last.values())
    errors = []
    for exercise_id, index in last.items():
        step = programme.steps[index]
        if stages.index(step.when) == final:
            continue  # the plan ends with it: there is no later stage to reach
        item = exercises[exercise_id].page.item
        assert isinstance(item, Exercise)
        problems = unmet(item.variants.move_on_when, step.dose or item.dose)
        if problems:
            where: FieldPath = ("steps", index, "dose") if step.dose else ("steps", index)
            problem = (
                f"'{exercise_id}' can never meet its move-on rule at this dose before the plan"
                f" moves past it: {'; '.join(problems)}"
            )
            hint = "give a dose that meets the rule (and say why in dose_reason), or keep it later"
            errors.append(error_at(loaded, where, (problem, hint)))
    return errors


# A service or number that means something in one country only: readers are in many, and every
# warning box shows the reader's own from content/regions.yml.
_LOCAL_NUMBER = re.compile(r"\b(999|111|911|112|811)\b|\bA ?& ?E\b|\bNHS 24\b")


def _no_local_numbers(loaded: Loaded) -> list[ContentError]:
    errors = []
    for where, text in _strings(loaded.page.item.model_dump(mode="json"), ()):
        found = _LOCAL_NUMBER.search(text)
        if found:
            problem = f"names '{found.group(0)}', which means something in one country only"
            hint = (
                "write 'call for an ambulance' or 'get urgent advice': each warning box shows the"
                " reader's own number, from content/regions.yml"
            )
            errors.append(error_at(loaded, where, (problem, hint)))
    return errors


# The words a patient takes home (generator/pages/take_home.py) stand on the programme's own
# page and on paper too, where "the dose at the top of this page" points at another exercise.
TAKE_HOME_TEXT: dict[str, bool | set[str]] = {
    "start_position": True,
    "steps": True,
    "stop_rules": True,
    "precautions": True,
    "variants": {"move_on_when"},
}
_THIS_PAGE = re.compile(
    r"\b(?:this|the)\s+page\b"
    r"|\b(?:see|shown|listed|dose|time|drawings?|pictures?)\s+(?:above|below)\b",
    re.IGNORECASE,
)


def _no_page_words(loaded: Loaded) -> list[ContentError]:
    data = loaded.page.item.model_dump(mode="json", include=TAKE_HOME_TEXT)
    errors = []
    for where, text in _strings(data, ()):
        found = _THIS_PAGE.search(text)
        if found:
            problem = f"says '{found.group(0)}', but a home programme prints this text elsewhere"
            hint = "say 'the dose' or 'the time in the dose' instead of pointing at the page"
            errors.append(error_at(loaded, where, (problem, hint)))
    return errors


def _strings(value: object, where: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key not in ("drawings", "review", "former_ids"):
                yield from _strings(inner, (*where, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, (*where, index))


LYING_ON_BACK = "lying-on-back"


def check_movements(catalogue: Mapping[str, Movement], items: list[Loaded]) -> list[ContentError]:
    """An exercise done on its back names lying-on-back, and no exercise repeats a kind's
    precaution among its own."""
    errors = []
    for loaded in items:
        exercise = loaded.page.item
        if not isinstance(exercise, Exercise):
            continue
        if exercise.position == "lying on your back" and LYING_ON_BACK not in exercise.movements:
            problem = "is done lying on your back but does not list lying-on-back"
            hint = "add lying-on-back to movements: its precaution (pregnancy) is set there"
            errors.append(error_at(loaded, ("position",), (problem, hint)))
        shared = {catalogue[key].precaution for key in exercise.movements if key in catalogue}
        for index, text in enumerate(exercise.precautions):
            if text in shared:
                problem = "repeats the precaution of one of its kinds of movement"
                errors.append(error_at(loaded, ("precautions", index), (problem, "remove it")))
    return errors
