"""The content both benchmarks scale up: tests.factory.synthetic_content, given what the content
rules now ask of every item, so that it loads without errors at any size.

The rules (generator/content/coverage.py): an exercise outside `relieve` names an easier or a
harder variant, and a harder variant names it back as its easier one; a condition names a
prevention topic and offers exercises for at least three phases. The synthetic exercises are
paired (move-00000 is the easier variant of move-00001, and so on; an odd one out takes the
fixture's knee hug as its easier variant); every condition names the fixture's prevention topic
and offers its ten exercises in three phases (mobilise, stretch, strengthen), a condition with
fewer than three taking the fixture's exercises for the phases left empty. Each exercise page then
links one variant and one condition, as a real one does, and the page count stays what it was:
items exercises, one condition per ten, and the fixture's pages.

Two exercise ids may not share a programme-link code (generator/pages/prescribe.py: four
characters of a hash; 27 of the 10,000 synthetic ids would take a code already taken): such an
exercise gets a letter after its number (move-02148-b), as an editor would rename it.

tests/test_bench.py runs both benchmarks on this content at 10 items, so a new content rule that
it does not meet fails there rather than half-way through `make bench`.
"""

from __future__ import annotations

from typing import Any

from generator.content.coverage import MIN_PHASES
from generator.content.models import PHASES
from generator.pages.prescribe import plan_code
from tests.factory import synthetic_content

FALLBACK_EASIER = "knee-hug"
"""The fixture's gentlest exercise: the easier variant of an unpaired last move."""
PREVENTION = "keep-moving"
"""The fixture's prevention topic, named by every synthetic condition."""
CONDITION_PHASES = {"mobilise": "knee-hug", "stretch": "knee-hug", "strengthen": "bridge"}
"""The phases a synthetic condition offers its exercises in, and the fixture's exercise each
takes where the condition has too few of its own (the fixture's condition offers these)."""
SUFFIXES = ("", *(f"-{letter}" for letter in "bcdefgh"))
"""Tried in turn after a synthetic exercise's number until its programme-link code is free."""


def bench_content(items: int) -> dict[str, Any]:
    """items exercises, one condition per ten of them, and the fixture's pages, all valid."""
    content = synthetic_content(items)
    ids = exercise_ids(content, items)
    renamed = {move(number): ids[number] for number in range(items)}
    for number, name in enumerate(ids):
        data = content.pop(f"exercises/{move(number)}.yml")
        data["variants"] = _variants(data["variants"], ids, number, renamed)
        content[f"exercises/{name}.yml"] = data
    for path, data in content.items():
        if path.startswith("conditions/problem-"):
            data.setdefault("prevention", [PREVENTION])
            offered = {
                phase: [renamed.get(name, name) for name in names]
                for phase, names in data["exercises"].items()
            }
            data["exercises"] = in_phases(offered)
    return content


def exercise_ids(content: dict[str, Any], items: int) -> list[str]:
    """The id of each synthetic exercise: move-<number>, or with a letter after it where that
    one's programme-link code is taken (by a fixture exercise or an earlier synthetic one)."""
    taken = {
        plan_code(path.removeprefix("exercises/").removesuffix(".yml"))
        for path in content
        if path.startswith("exercises/") and not path.startswith("exercises/move-")
    }
    ids = []
    for number in range(items):
        tried = (move(number) + end for end in SUFFIXES)
        name = next(name for name in tried if plan_code(name) not in taken)
        taken.add(plan_code(name))
        ids.append(name)
    return ids


def _variants(
    variants: dict[str, Any], ids: list[str], number: int, renamed: dict[str, str]
) -> dict[str, Any]:
    """Pairs: an even-numbered exercise is the easier variant of the next one."""
    if variants.get("easier") or variants.get("harder"):  # the factory already gives one
        return {key: renamed.get(value, value) for key, value in variants.items()}
    if number % 2 == 0 and number + 1 < len(ids):
        return {**variants, "harder": ids[number + 1]}
    if number % 2 == 1:
        return {**variants, "easier": ids[number - 1]}
    return {**variants, "easier": FALLBACK_EASIER}


def in_phases(exercises: dict[str, list[str]]) -> dict[str, list[str]]:
    """A condition's exercises by phase, in at least MIN_PHASES phases: as they are where they
    already are, else split in order over CONDITION_PHASES."""
    if sum(bool(exercises.get(phase)) for phase in PHASES) >= MIN_PHASES:
        return exercises
    ids = [exercise for phase in PHASES for exercise in exercises.get(phase, [])]
    count = len(CONDITION_PHASES)
    cuts = [len(ids) * part // count for part in range(count + 1)]
    return {
        phase: ids[cuts[part] : cuts[part + 1]] or [fallback]
        for part, (phase, fallback) in enumerate(CONDITION_PHASES.items())
    }


def move(number: int) -> str:
    """The id tests.factory gives synthetic exercise number."""
    return f"move-{number:05d}"
