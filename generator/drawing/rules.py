"""What the drawings of an exercise must be: the starting position first, then the steps they
show in order, each a pose the body can take, on the floor and inside the frame."""

from __future__ import annotations

from generator.content.models import Exercise
from generator.content.references import Loaded, error_at
from generator.drawing.draw import Drawn, draw_exercise
from generator.errors import ContentError

Checked = tuple[list[ContentError], tuple[Drawn, ...]]


def check_drawings(
    items: list[Loaded], memo: dict[str, tuple[object, Checked]] | None = None
) -> tuple[list[ContentError], dict[str, tuple[Drawn, ...]]]:
    """Every problem with the drawings, and each exercise's drawings as SVG: drawn once, here,
    for both the check and the pages. memo: id -> (item, result) of earlier calls, reused while
    the item is the same object (the live preview's)."""
    errors = []
    drawn_by_id = {}
    for loaded in items:
        exercise = loaded.page.item
        if isinstance(exercise, Exercise) and exercise.drawings:
            kept = memo.get(loaded.page.id) if memo is not None else None
            if kept is not None and kept[0] is exercise:
                found, drawn = kept[1]
            else:
                found, drawn = _checked(loaded, exercise)
                if memo is not None:
                    memo[loaded.page.id] = (exercise, (found, drawn))
            errors += found
            drawn_by_id[loaded.page.id] = drawn
    return errors, drawn_by_id


def _checked(loaded: Loaded, exercise: Exercise) -> Checked:
    errors = _order(loaded, exercise)
    drawn = draw_exercise(exercise.drawings)
    for index, result in enumerate(drawn):
        for where, problem, hint in result.problems:
            errors.append(error_at(loaded, ("drawings", index, *where), (problem, hint)))
    return errors, tuple(drawn)


def _order(loaded: Loaded, exercise: Exercise) -> list[ContentError]:
    errors = []
    steps = [drawing.step for drawing in exercise.drawings]
    if steps[0] != 0:
        hint = "add a drawing of the starting position with step: 0 before the others"
        errors.append(
            error_at(
                loaded,
                ("drawings", 0, "step"),
                ("must be 0: the first drawing shows the starting position", hint),
            )
        )
    for index, step in enumerate(steps):
        if step > len(exercise.steps):
            problem = f"there is no step {step}: the exercise has {len(exercise.steps)} steps"
            errors.append(
                error_at(
                    loaded,
                    ("drawings", index, "step"),
                    (problem, "give the number of the step it shows"),
                )
            )
        elif index and step <= steps[index - 1]:
            problem = f"step {step} comes after step {steps[index - 1]}: keep step order"
            errors.append(
                error_at(
                    loaded, ("drawings", index, "step"), (problem, "put the drawings in step order")
                )
            )
    return errors
