"""A pose, worked out in three dimensions: where each joint is, and what is wrong with the pose.

The body's proportions are those of Winter's table of segment lengths as fractions of height
(Winter DA, Biomechanics and Motor Control of Human Movement, 4th edn, Wiley 2009, figure 4.1,
after Drillis and Contini 1966). The thickness of each limb is a matter of drawing style.

Units: the figure is 100 units tall (reported to editors as centimetres of a 170 cm adult).
World axes: x to the right of the picture, y up, z towards the viewer. Body axes, before the body
is laid down: x forwards, y up, z to the body's right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from generator.content.pose import Drawing, Side

Vec = tuple[float, float, float]
Matrix = tuple[Vec, Vec, Vec]

HEIGHT = 100.0
CM_PER_UNIT = 1.7
# Winter, figure 4.1: lengths as fractions of height.
THIGH = 0.245 * HEIGHT
SHANK = 0.246 * HEIGHT
ANKLE_HEIGHT = 0.039 * HEIGHT
FOOT = 0.152 * HEIGHT
UPPER_ARM = 0.186 * HEIGHT
FOREARM = 0.146 * HEIGHT
HAND = 0.108 * HEIGHT
TRUNK = (0.818 - 0.530) * HEIGHT  # hip joint to shoulder joint
NECK_TO_HEAD = ((0.870 + 1.0) / 2 - 0.818) * HEIGHT  # shoulder line to the middle of the head
HEAD_RADIUS = 0.130 * HEIGHT / 2  # chin to crown
SHOULDER_WIDTH = 0.259 * HEIGHT
HIP_WIDTH = 0.191 * HEIGHT
# Drawing style: the radius of each rounded limb.
RADIUS = {
    "trunk": 6.0,
    "thigh": 3.6,
    "shank": 2.7,
    "foot": 1.5,
    "upper-arm": 2.4,
    "forearm": 2.0,
    "hand": 1.5,
}
# Surfaces a part can rest on, by height above the floor: a tennis-size ball (about 6.7 cm) and
# a sofa or bench seat (about 45 cm).
SURFACES = {"floor": 0.0, "ball": 6.7 / CM_PER_UNIT, "sofa": 45 / CM_PER_UNIT}
FLOOR_TOLERANCE = 1.5

BASES: dict[str, Matrix] = {
    # Columns: where the body's forward, up and right axes point in the world.
    "standing": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "sitting": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "kneeling": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "on-back": ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
    "on-front": ((0, 1, 0), (-1, 0, 0), (0, 0, 1)),
    "hands-and-knees": ((0, 1, 0), (-1, 0, 0), (0, 0, 1)),
    "on-side": ((0, 1, 0), (0, 0, 1), (1, 0, 0)),
}
"""Rows of the matrix that turns body axes into world axes for each position. The right side is
always nearest the viewer, so 'right' in the content is the side the reader sees best."""

Problem = tuple[tuple[str | int, ...], str, str]
"""(where within the drawing, what is wrong, how to fix it)"""


@dataclass(frozen=True)
class Limb:
    start: str
    end: str
    radius: float
    side: str
    """'left' or 'right'."""
    girdle: str
    """'hip' or 'shoulder': which side is nearer is judged there."""
    name: str
    """As an editor reads it in a message, for example 'right forearm'."""


@dataclass
class Figure:
    points: dict[str, Vec]
    problems: list[Problem] = field(default_factory=list)


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def length(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec, fallback: Vec = (1.0, 0.0, 0.0)) -> Vec:
    size = length(a)
    return scale(a, 1 / size) if size > 1e-9 else fallback


def apply(m: Matrix, v: Vec) -> Vec:
    return (dot(m[0], v), dot(m[1], v), dot(m[2], v))


def compose(a: Matrix, b: Matrix) -> Matrix:
    columns = [apply(a, (b[0][i], b[1][i], b[2][i])) for i in range(3)]
    return (
        (columns[0][0], columns[1][0], columns[2][0]),
        (columns[0][1], columns[1][1], columns[2][1]),
        (columns[0][2], columns[1][2], columns[2][2]),
    )


def turn(axis: str, degrees: float) -> Matrix:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == "x":
        return ((1, 0, 0), (0, c, -s), (0, s, c))
    if axis == "y":
        return ((c, 0, s), (0, 1, 0), (-s, 0, c))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def _chain(*matrices: Matrix) -> Matrix:
    result: Matrix = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
    for matrix in matrices:
        result = compose(result, matrix)
    return result


SIDES = (("right", 1), ("left", -1))


def body_points(drawing: Drawing) -> tuple[dict[str, Vec], dict[str, Matrix]]:
    """Every joint in body axes, pelvis at the origin, and each hand's and foot's orientation."""
    points: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    frames: dict[str, Matrix] = {}
    trunk = drawing.trunk
    # The spine twists by what separates the shoulders' turn from the pelvis's roll.
    twist = trunk.rotation - drawing.pelvis.roll
    half = _chain(
        turn("z", -trunk.flexion / 2),
        turn("x", trunk.side_flexion / 2),
        turn("y", -twist / 2),
    )
    thorax = compose(half, half)
    points["lumbar"] = apply(half, (0, TRUNK / 2, 0))
    points["neck"] = add(points["lumbar"], apply(thorax, (0, TRUNK / 2, 0)))
    head = _chain(thorax, turn("z", -drawing.head.flexion), turn("y", -drawing.head.rotation))
    points["head"] = add(points["neck"], apply(head, (0, NECK_TO_HEAD, 0)))
    points["face"] = add(points["head"], apply(head, (HEAD_RADIUS, -1.0, 0)))
    for name, sign in SIDES:
        joints: Side = getattr(drawing, name)
        # The trunk's corners sit one trunk radius inside its outline, so the outline is as wide
        # as the table's hips and shoulders (the waist a little narrower).
        inset = RADIUS["trunk"]
        corners = (
            ("hip-side", _chain(), points["pelvis"], HIP_WIDTH / 2 - inset),
            ("waist-side", half, points["lumbar"], HIP_WIDTH / 2 - inset),
            ("shoulder-side", thorax, points["neck"], SHOULDER_WIDTH / 2 - inset),
        )
        for corner, rotation, centre, offset in corners:
            points[f"{name}-{corner}"] = add(centre, apply(rotation, (0, 0, sign * offset)))
        hip = _chain(
            turn("z", joints.hip.flexion),
            turn("x", -sign * joints.hip.abduction),
            turn("y", -sign * joints.hip.rotation),
        )
        shank = compose(hip, turn("z", -joints.knee))
        points[f"{name}-hip"] = (0.0, 0.0, sign * HIP_WIDTH / 2)
        points[f"{name}-knee"] = add(points[f"{name}-hip"], apply(hip, (0, -THIGH, 0)))
        points[f"{name}-ankle"] = add(points[f"{name}-knee"], apply(shank, (0, -SHANK, 0)))
        frames[f"{name}-foot"] = compose(shank, turn("z", -joints.ankle))
        shoulder = _chain(
            thorax, turn("z", joints.shoulder.flexion), turn("x", -sign * joints.shoulder.abduction)
        )
        forearm = compose(shoulder, turn("z", joints.elbow))
        at_shoulder = add(points["neck"], apply(thorax, (0, 0, sign * SHOULDER_WIDTH / 2)))
        points[f"{name}-shoulder"] = at_shoulder
        points[f"{name}-elbow"] = add(at_shoulder, apply(shoulder, (0, -UPPER_ARM, 0)))
        points[f"{name}-wrist"] = add(points[f"{name}-elbow"], apply(forearm, (0, -FOREARM, 0)))
        frames[f"{name}-hand"] = forearm
    _with_thighs(points)
    middle = scale(add(points["pelvis"], points["lumbar"]), 0.5)
    inside = RADIUS["trunk"] * 0.75
    points["tummy"] = add(middle, apply(half, (inside, 0, 0)))
    points["lower-back"] = add(middle, apply(half, (-inside, 0, 0)))
    for name, sign in SIDES:
        points[f"{name}-buttock"] = (-inside, -2.0, sign * HIP_WIDTH / 4)
    if drawing.pelvis.roll:
        rolled = turn("y", -drawing.pelvis.roll)
        points = {name: apply(rolled, point) for name, point in points.items()}
        frames = {name: compose(rolled, frame) for name, frame in frames.items()}
    return points, frames


# Where each part named in content is, and how thick the body is there.
PART_POINTS: dict[str, tuple[tuple[str, ...], float]] = {
    "head": (("head",), HEAD_RADIUS),
    "shoulders": (("neck",), RADIUS["trunk"]),
    "back": (("lumbar",), RADIUS["trunk"]),
    "bottom": (("pelvis",), RADIUS["trunk"]),
    "hands": (("left-wrist", "right-wrist"), RADIUS["hand"]),
    "knees": (("left-knee", "right-knee"), RADIUS["shank"]),
    "feet": (("left-ankle", "right-ankle"), ANKLE_HEIGHT),
}
for _name, _sign in SIDES:
    PART_POINTS |= {
        f"{_name}-shoulder": ((f"{_name}-shoulder",), RADIUS["upper-arm"] + 1),
        f"{_name}-elbow": ((f"{_name}-elbow",), RADIUS["forearm"]),
        f"{_name}-hand": ((f"{_name}-wrist",), RADIUS["hand"]),
        f"{_name}-hip": ((f"{_name}-hip",), RADIUS["thigh"] + 1),
        f"{_name}-knee": ((f"{_name}-knee",), RADIUS["shank"]),
        f"{_name}-thigh": ((f"{_name}-thigh",), RADIUS["thigh"]),
        f"{_name}-foot": ((f"{_name}-ankle",), ANKLE_HEIGHT),
    }

_LIMB_ROOTS = {
    "hand": ("shoulder", "elbow", "wrist", UPPER_ARM, FOREARM),
    "foot": ("hip", "knee", "ankle", THIGH, SHANK),
}


def part_at(points: dict[str, Vec], part: str) -> Vec:
    names = PART_POINTS[part][0]
    found = [points[name] for name in names]
    return scale(add(found[0], found[-1]), 0.5)


def _with_thighs(points: dict[str, Vec]) -> None:
    for name, _sign in SIDES:
        points[f"{name}-thigh"] = scale(add(points[f"{name}-hip"], points[f"{name}-knee"]), 0.5)


def _reach(drawing: Drawing, points: dict[str, Vec], problems: list[Problem]) -> None:
    """Moves each hand or foot named in `reach` onto its target, bending the elbow or knee the
    way the joint angles already bend it (two-bone inverse kinematics)."""
    # Feet first: a hand may hold a leg that a foot has just moved.
    for mover, target in sorted(drawing.reach.items(), key=lambda entry: "hand" in entry[0]):
        side, _, end = mover.partition("-")
        if end not in _LIMB_ROOTS or side not in ("left", "right"):
            problems.append(
                (
                    ("reach", mover),
                    f"'{mover}' cannot reach: only a hand or a foot can",
                    "use left-hand, right-hand, left-foot or right-foot",
                )
            )
            continue
        root, middle, tip, first, second = _LIMB_ROOTS[end]
        start = points[f"{side}-{root}"]
        goal = part_at(points, target)
        # Rest against the target, on the side the angles put the hand or foot, not inside it.
        contact = PART_POINTS[target][1] + PART_POINTS[mover][1] * 0.5
        goal = add(goal, scale(unit(sub(points[f"{side}-{tip}"], goal), (0, 1, 0)), contact))
        distance = length(sub(goal, start))
        if distance > first + second - 0.01:
            short = math.ceil((distance - first - second) * CM_PER_UNIT)
            problems.append(
                (
                    ("reach", mover),
                    f"the {mover} cannot reach the {target}: it is {short:.0f} cm short",
                    "change the joint angles to bring them closer",
                )
            )
            continue
        distance = max(distance, abs(first - second) + 0.01)
        along = unit(sub(goal, start))
        bend = sub(points[f"{side}-{middle}"], start)
        across = unit(sub(bend, scale(along, dot(bend, along))), (1.0, 0.0, 0.0))
        cosine = (first**2 + distance**2 - second**2) / (2 * first * distance)
        sine = math.sqrt(max(0.0, 1 - cosine**2))
        points[f"{side}-{middle}"] = add(
            start, add(scale(along, first * cosine), scale(across, first * sine))
        )
        points[f"{side}-{tip}"] = goal
    _with_thighs(points)


MOST_TWIST = 60
"""Degrees the spine turns between pelvis and shoulders at most, as for trunk.rotation alone."""


def _twist_problems(drawing: Drawing) -> list[Problem]:
    twist = abs(drawing.trunk.rotation - drawing.pelvis.roll)
    if twist <= MOST_TWIST:
        return []
    return [
        (
            ("pelvis", "roll"),
            f"with trunk.rotation {drawing.trunk.rotation:g}, the spine would twist"
            f" {twist:g} degrees, more than {MOST_TWIST}",
            "roll the pelvis less, or turn the shoulders the same way",
        )
    ]


def pose(drawing: Drawing) -> Figure:
    """The drawing's body in the world: laid down, turned so that what it rests on is level, and
    standing on the floor, with every problem found on the way."""
    problems: list[Problem] = _twist_problems(drawing)
    points, frames = body_points(drawing)
    _reach(drawing, points, problems)
    base = BASES[drawing.body]
    world = {name: apply(base, point) for name, point in points.items()}
    orientation = {name: compose(base, frame) for name, frame in frames.items()}
    supports = drawing.supports()
    world = _grounded(world, supports, problems)
    _hands_and_feet(world, orientation, {part for part, _ in supports})
    figure = Figure(world, problems)
    _check_floor(figure)
    return figure


def _support_height(world: dict[str, Vec], part: str, surface: str) -> float:
    """How far the part's underside is above the surface (negative: below it)."""
    names, radius = PART_POINTS[part]
    return min(world[name][1] for name in names) - radius - SURFACES[surface]


def _grounded(
    world: dict[str, Vec], supports: list[tuple[str, str]], problems: list[Problem]
) -> dict[str, Vec]:
    if len(supports) >= 2:
        world = _levelled(world, supports, problems)
    part, surface = supports[0]
    lift = -_support_height(world, part, surface)
    world = {name: add(point, (0, lift, 0)) for name, point in world.items()}
    for index, (part, surface) in enumerate(supports[2:], start=2):
        gap = _support_height(world, part, surface)
        if abs(gap) > FLOOR_TOLERANCE:
            where = "above" if gap > 0 else "below"
            problems.append(
                (
                    ("rests_on", index),
                    f"the {part} is {abs(gap) * CM_PER_UNIT:.0f} cm {where} the {surface}",
                    "change the joint angles, or leave it out of rests_on",
                )
            )
    return world


def _levelled(
    world: dict[str, Vec], supports: list[tuple[str, str]], problems: list[Problem]
) -> dict[str, Vec]:
    """Turns the body in the picture's plane so that the first two supports both touch."""
    (part_a, surface_a), (part_b, surface_b) = supports[:2]
    a, b = part_at(world, part_a), part_at(world, part_b)
    # Each support's point must end up its radius (plus the surface) above the floor.
    needed = (PART_POINTS[part_a][1] + SURFACES[surface_a]) - (
        PART_POINTS[part_b][1] + SURFACES[surface_b]
    )
    dx, dy = a[0] - b[0], a[1] - b[1]
    reach = math.hypot(dx, dy)
    if reach < abs(needed) or reach < 1e-9:
        problems.append(
            (
                ("rests_on", 1),
                f"the {part_a} and the {part_b} cannot both rest on what they are given",
                "change the joint angles, or rest on one of them",
            )
        )
        return world
    phase = math.atan2(dy, dx)
    first = math.asin(needed / reach)
    best: dict[str, Vec] = world
    best_score = math.inf
    for angle in (first - phase, math.pi - first - phase):
        angle = math.atan2(math.sin(angle), math.cos(angle))
        turned = {name: apply(turn("z", math.degrees(angle)), p) for name, p in world.items()}
        lowest = min(_support_height(turned, part, surface) for part, surface in supports[:2])
        sinking = max(0.0, max(lowest - point[1] for point in turned.values()))
        score = sinking * 100 + abs(angle)
        if score < best_score:
            best, best_score = turned, score
    return best


def _hands_and_feet(
    points: dict[str, Vec], orientation: dict[str, Matrix], resting: set[str]
) -> None:
    """Adds each hand's and foot's far end: flat on the floor where it rests, otherwise in line
    with the forearm, or at a right angle to the shin turned by the ankle angle."""
    for side, _sign in SIDES:
        forward = apply(orientation[f"{side}-foot"], (1, 0, 0))
        down = apply(orientation[f"{side}-foot"], (0, -1, 0))
        ankle = points[f"{side}-ankle"]
        if {f"{side}-foot", "feet"} & resting and ankle[1] - ANKLE_HEIGHT < FLOOR_TOLERANCE + 1:
            forward = unit((forward[0], 0.0, forward[2]))
            down = (0.0, -1.0, 0.0)
        heel = add(
            ankle, add(scale(down, ANKLE_HEIGHT - RADIUS["foot"]), scale(forward, -0.2 * FOOT))
        )
        points[f"{side}-heel"] = heel
        points[f"{side}-toe"] = add(heel, scale(forward, FOOT))
        wrist, elbow = points[f"{side}-wrist"], points[f"{side}-elbow"]
        along = unit(sub(wrist, elbow))
        if {f"{side}-hand", "hands"} & resting and wrist[1] - RADIUS["hand"] < FLOOR_TOLERANCE + 1:
            flat = (along[0], 0.0, along[2])
            along = (
                unit(flat)
                if length(flat) > 0.3
                else unit((points["neck"][0] - points["pelvis"][0], 0.0, 0.0))
            )
        points[f"{side}-fingers"] = add(wrist, scale(along, HAND * 0.75))


def _limbs() -> tuple[Limb, ...]:
    parts = [
        ("hip", "knee", "thigh", "hip"),
        ("knee", "ankle", "lower leg", "hip"),
        ("heel", "toe", "foot", "hip"),
        ("shoulder", "elbow", "upper arm", "shoulder"),
        ("elbow", "wrist", "forearm", "shoulder"),
        ("wrist", "fingers", "hand", "shoulder"),
    ]
    radii = {
        "thigh": RADIUS["thigh"],
        "lower leg": RADIUS["shank"],
        "foot": RADIUS["foot"],
        "upper arm": RADIUS["upper-arm"],
        "forearm": RADIUS["forearm"],
        "hand": RADIUS["hand"],
    }
    return tuple(
        Limb(f"{side}-{start}", f"{side}-{end}", radii[name], side, girdle, f"{side} {name}")
        for side, _sign in SIDES
        for start, end, name, girdle in parts
    )


LIMBS = _limbs()


_CHECKED = {
    "head": HEAD_RADIUS,
    "neck": RADIUS["trunk"],
    "lumbar": RADIUS["trunk"],
    "pelvis": RADIUS["trunk"],
}
for _name, _sign in SIDES:
    _CHECKED |= {
        f"{_name}-knee": RADIUS["shank"],
        f"{_name}-heel": RADIUS["foot"],
        f"{_name}-toe": RADIUS["foot"],
        f"{_name}-elbow": RADIUS["forearm"],
        f"{_name}-wrist": RADIUS["hand"],
        f"{_name}-fingers": RADIUS["hand"],
    }


_SHOWN = {"lumbar": "back", "pelvis": "bottom", "neck": "shoulders"}
_SHOWN |= {f"{side}-toe": f"{side}-toes" for side, _sign in SIDES}


def _check_floor(figure: Figure) -> None:
    for name, radius in _CHECKED.items():
        depth = radius - figure.points[name][1]
        if depth > FLOOR_TOLERANCE:
            part = _SHOWN.get(name, name).replace("-", " ")
            figure.problems.append(
                (
                    (),
                    f"the floor cuts {depth * CM_PER_UNIT:.0f} cm into the {part}",
                    "change the joint angles or what the body rests on",
                )
            )
