"""The pose of a drawing, as content: a body position, a few joint angles a clinician can read,
what rests on the floor and what the drawing shows around the body.

Angles are in degrees, with the names and signs of clinical range-of-movement charts: flexion is
positive, extension negative; abduction positive, adduction negative; rotation positive outwards
(hips) or to the right (trunk and head). Each field's limits are the outer edge of a healthy
adult's range, rounded out a little, so a value beyond them is a typing mistake or a pose no reader
can copy.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from generator.content.fields import Strict, Text

BodyPosition = Literal[
    "on-back", "on-side", "on-front", "hands-and-knees", "sitting", "standing", "kneeling"
]
"""on-side lies on the left side, right side up; every drawing shows the right side nearest."""

Part = Literal[
    "head",
    "shoulders",
    "back",
    "bottom",
    "left-shoulder",
    "right-shoulder",
    "left-elbow",
    "right-elbow",
    "left-hand",
    "right-hand",
    "hands",
    "left-hip",
    "right-hip",
    "left-knee",
    "right-knee",
    "knees",
    "left-thigh",
    "right-thigh",
    "left-foot",
    "right-foot",
    "feet",
]
"""A place on the body. A plural (hands, knees, feet) means whichever of the two is lower."""

Prop = Literal["mat", "pillow", "knee-pillow", "band", "ball", "sofa", "chair", "pack"]
"""Drawn where the body uses them: the ball and sofa under what rests on them, the chair under
the lower hand, the band round both thighs above the knees, the pack on the highlighted place."""
Region = Literal["tummy", "lower-back", "left-buttock", "right-buttock"]

_SUPPORT = re.compile(r"^([a-z-]+)(?: on (ball|sofa))?$")


def _angle(low: int, high: int) -> Any:
    # Any: pydantic's Field stands in for the default value of a float field. Strict: a number,
    # never true or '45'.
    return Field(default=0, ge=low, le=high, strict=True)


class Trunk(Strict):
    """The spine between pelvis and shoulders, shared evenly by the lower and upper back."""

    flexion: float = _angle(-30, 90)
    """Bending forward (negative: arching back)."""
    side_flexion: float = _angle(-35, 35)
    """Bending to the right (negative: to the left)."""
    rotation: float = _angle(-60, 60)
    """Turning the shoulders to the right (negative: to the left)."""


class Pelvis(Strict):
    """The pelvis and legs turned together about the spine while the shoulders stay where the
    trunk puts them, as when both knees roll to one side lying on your back."""

    roll: float = _angle(-60, 60)
    """Rolling the pelvis to the right (negative: to the left); the spine twists the other way."""


class Head(Strict):
    flexion: float = _angle(-60, 60)
    """Nodding the chin down (negative: looking up)."""
    rotation: float = _angle(-80, 80)
    """Turning to look right (negative: left)."""


class Hip(Strict):
    flexion: float = _angle(-30, 130)
    """Bringing the thigh forward (negative: behind the body)."""
    abduction: float = _angle(-30, 50)
    """Taking the thigh out to the side (negative: across the other leg)."""
    rotation: float = _angle(-45, 60)
    """Turning the thigh outwards (negative: inwards)."""


class Shoulder(Strict):
    flexion: float = _angle(-60, 180)
    """Raising the arm forward (negative: behind the body)."""
    abduction: float = _angle(0, 180)
    """Raising the arm out to the side."""


class Side(Strict):
    """The joints of one side of the body."""

    hip: Hip = Hip()
    knee: float = _angle(0, 150)
    """Knee flexion: 0 is straight."""
    ankle: float = _angle(-20, 90)
    """Pointing the foot down (negative: pulling the toes up). Past 50 only when kneeling, with the
    top of the foot flat on the floor."""
    shoulder: Shoulder = Shoulder()
    elbow: float = _angle(0, 150)
    """Elbow flexion: 0 is straight."""


def _checked_support(support: str) -> str:
    found = _SUPPORT.match(support)
    if found is None or found.group(1) not in Part.__args__:  # type: ignore[attr-defined]
        raise ValueError(f"'{support}' is not a part of the body, or a part 'on ball' or 'on sofa'")
    return support


Support = Annotated[str, AfterValidator(_checked_support)]


class View(Strict):
    turn: float = _angle(-90, 90)
    """Turning the viewpoint round the body (0 is straight from the side)."""
    from_above: float = _angle(0, 90)
    """Raising the viewpoint (90 looks straight down)."""


class Drawing(Strict):
    """One position of the exercise, drawn from the joint angles below."""

    shows: Text
    """What the position is, in words: the text alternative readers hear or see instead."""
    step: int = Field(ge=0, le=40, strict=True)
    """The step it illustrates (0 is the starting position)."""
    body: BodyPosition
    view: View = View()
    trunk: Trunk = Trunk()
    pelvis: Pelvis = Pelvis()
    head: Head = Head()
    right: Side = Side()
    left: Side = Side()
    reach: Annotated[dict[Part, Part], Field(max_length=4)] = {}
    """A hand or foot placed on another part, for example right-foot: left-knee."""
    rests_on: Annotated[list[Support], Field(min_length=1, max_length=3)]
    """What touches the floor, for example [back, feet] or [shoulders on sofa, feet]."""
    props: Annotated[list[Prop], Field(max_length=6)] = []
    moves: Part | None = None
    """The part whose movement to the next drawing an arrow shows."""
    highlight: Annotated[list[Region], Field(max_length=2)] = []
    """Where the reader should feel it work or stretch."""

    def supports(self) -> list[tuple[str, str]]:
        """(part, surface) for each entry of rests_on; the surface is 'floor', 'ball' or 'sofa'."""
        found = [_SUPPORT.match(support) for support in self.rests_on]
        return [(m.group(1), m.group(2) or "floor") for m in found if m]
