"""The content both benchmarks scale up: tests.factory.synthetic_content, given what the content
rules now ask of every item, so that it loads without errors at any size.

The rules (generator/content/coverage.py): an exercise outside `relieve` names an easier or a
harder variant, and a harder variant names it back as its easier one; a condition names a
prevention topic. The synthetic exercises are paired (move-00000 is the easier variant of
move-00001, and so on; an odd one out takes the fixture's knee hug as its easier variant), and
every condition names the fixture's prevention topic. Each exercise page then links one variant,
as a real one does, and the page count stays what it was: items exercises, one condition per ten,
and the fixture's pages.
"""

from __future__ import annotations

from typing import Any

from tests.factory import synthetic_content

FALLBACK_EASIER = "knee-hug"
"""The fixture's gentlest exercise: the easier variant of an unpaired last move."""
PREVENTION = "keep-moving"
"""The fixture's prevention topic, named by every synthetic condition."""


def bench_content(items: int) -> dict[str, Any]:
    """items exercises, one condition per ten of them, and the fixture's pages, all valid."""
    content = synthetic_content(items)
    for number in range(items):
        variants = content[f"exercises/{move(number)}.yml"]["variants"]
        if variants.get("easier") or variants.get("harder"):
            continue  # the factory already gives it one
        if number % 2 == 0 and number + 1 < items:
            variants["harder"] = move(number + 1)
        elif number % 2 == 1:
            variants["easier"] = move(number - 1)
        else:
            variants["easier"] = FALLBACK_EASIER
    for path, data in content.items():
        if path.startswith("conditions/problem-"):
            data.setdefault("prevention", [PREVENTION])
    return content


def move(number: int) -> str:
    """The id of synthetic exercise number, as tests.factory names it."""
    return f"move-{number:05d}"
