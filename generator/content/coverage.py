"""What the content must hold as a whole, beyond each file on its own: every exercise can be
reached from a condition or a programme and has a way on, its variants point back at it, and every
condition offers exercises for several phases and names a way to prevent it (that it names a sign
needing urgent help is checked with the warning signs, and that an exercise is drawn at least
twice by its model). Each is reported where an editor would fix it."""

from __future__ import annotations

from collections.abc import Mapping

from generator.content.models import PHASES, Condition, Exercise, Programme
from generator.content.references import Loaded, error_at
from generator.errors import ContentError

MIN_PHASES = 3
"""A condition's page offers exercises for at least this many phases (relieve, mobilise, stretch,
strengthen): a reader in pain needs a first step, and a way on from it."""


def check_coverage(items: list[Loaded]) -> list[ContentError]:
    exercises = {x.page.id: x for x in items if isinstance(x.page.item, Exercise)}
    reached = {target for loaded in items for target in _exercises_named(loaded)}
    errors: list[ContentError] = []
    for exercise_id, loaded in exercises.items():
        errors += _unreached(loaded, exercise_id in reached)
        errors += _variants(loaded, exercises)
    for loaded in items:
        if isinstance(loaded.page.item, Condition):
            errors += _condition(loaded, loaded.page.item)
    return errors


def _exercises_named(loaded: Loaded) -> list[str]:
    item = loaded.page.item
    if isinstance(item, Condition):
        return [target for phase in PHASES for target in getattr(item.exercises, phase)]
    if isinstance(item, Programme):
        return [step.exercise for step in item.steps if step.exercise]
    return []


def _unreached(loaded: Loaded, reached: bool) -> list[ContentError]:
    if reached:
        return []
    problem = "no condition or programme links to this exercise"
    hint = "add it to a condition's exercises or a programme's steps, or remove it"
    return [error_at(loaded, (), (problem, hint))]


def _variants(loaded: Loaded, exercises: Mapping[str, Loaded]) -> list[ContentError]:
    item = loaded.page.item
    assert isinstance(item, Exercise)
    variants = item.variants
    errors = []
    if item.category != "relieve" and not (variants.easier or variants.harder):
        errors.append(
            error_at(
                loaded,
                ("variants",),
                (
                    "names neither an easier nor a harder exercise",
                    "give an easier one to do instead, or a harder one to move on to",
                ),
            )
        )
    harder = exercises.get(variants.harder or "")
    if harder is not None:
        assert isinstance(harder.page.item, Exercise)
        back = harder.page.item.variants.easier
        if back in exercises and back != loaded.page.id:
            problem = f"'{harder.page.id}' names '{back}' as its easier variant, not this one"
            hint = f"make them agree: set easier: {loaded.page.id} there, or choose another"
            errors.append(error_at(loaded, ("variants", "harder"), (problem, hint)))
    return errors


def _condition(loaded: Loaded, condition: Condition) -> list[ContentError]:
    errors = []
    phases = [phase for phase in PHASES if getattr(condition.exercises, phase)]
    if len(phases) < MIN_PHASES:
        missing = ", ".join(phase for phase in PHASES if phase not in phases)
        problem = f"offers exercises for {len(phases)} phases; a condition needs {MIN_PHASES}"
        errors.append(error_at(loaded, ("exercises",), (problem, f"add some for: {missing}")))
    if not condition.prevention:
        problem = "names no prevention topic"
        hint = "add `prevention:` with the id of a topic under content/prevention/"
        errors.append(error_at(loaded, (), (problem, hint)))
    return errors
