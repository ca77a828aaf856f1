"""Poses to SVG: the body seen from the drawing's viewpoint, far things first, in a fixed frame.

Same poses, same bytes: coordinates are rounded to one decimal and nothing depends on time or
order of iteration. Colours live in the site's stylesheet (classes below), so the drawings follow
dark mode, forced colours and print.

Classes: o/n outline and fill of the near side and trunk, q/f of the far side, p/po props,
g the floor, b the band, h a highlighted place, a an arrow.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markupsafe import escape

from generator.content.pose import Drawing
from generator.drawing.figure import (
    CM_PER_UNIT,
    HEAD_RADIUS,
    LIMBS,
    RADIUS,
    SURFACES,
    Figure,
    Problem,
    Vec,
    add,
    apply,
    compose,
    part_at,
    pose,
    scale,
    sub,
    turn,
)

FRAMES = {"wide": (140.0, 72.0), "tall": (84.0, 116.0)}
"""Width and height of the frame, in the figure's units (it is 100 tall)."""
MARGIN = 2.0
OUTLINE = 1.1


@dataclass(frozen=True)
class Shape:
    depth: float
    svg: str
    box: tuple[float, float, float, float]
    """Left, top, right, bottom on the page, to check the frame."""
    name: str


@dataclass(frozen=True)
class Drawn:
    svg: str
    """The drawing cropped to what all the exercise's drawings cover, so that they line up and a
    phone's first screen is not spent on an empty frame."""
    thumbnail: str
    """The same, small and unlabelled, beside the exercise's name in lists: the name says it."""
    problems: list[Problem]


@dataclass(frozen=True)
class _Sketch:
    """One drawing's shapes, before the exercise's drawings are framed together."""

    drawing: Drawing
    body: str
    box: tuple[float, float, float, float]
    problems: list[Problem]


def frame_of(first: dict[str, Vec]) -> tuple[float, float]:
    """The tall frame for a body that the first drawing shows upright (standing, or sitting on a
    seat), the wide one for a body lying or kneeling along the floor."""
    left, top, right, bottom = _body_box(first)
    return FRAMES["tall" if bottom - top > right - left else "wide"]


def draw_exercise(drawings: Sequence[Drawing]) -> list[Drawn]:
    """Every drawing of one exercise, in one frame size and one placement, so that they line up."""
    figures = [pose(drawing) for drawing in drawings]
    cameras = [_camera(drawing, figure) for drawing, figure in zip(drawings, figures, strict=True)]
    width, height = frame_of(cameras[0])
    first = _body_box(cameras[0])
    shift = (width / 2 - (first[0] + first[2]) / 2, height - MARGIN - 3 - first[3])
    placed = [
        {name: (p[0] + shift[0], p[1] + shift[1], p[2]) for name, p in camera.items()}
        for camera in cameras
    ]
    following = [*placed[1:], None]
    sketches = [
        _sketch(drawing, figure, points, after, (width, height))
        for drawing, figure, points, after in zip(drawings, figures, placed, following, strict=True)
    ]
    crop = _crop(_union(sketch.box for sketch in sketches), (width, height))
    return [
        Drawn(_svg(sketch, crop), _svg(sketch, crop, thumbnail=True), sketch.problems)
        for sketch in sketches
    ]


def _crop(
    box: tuple[float, float, float, float], frame: tuple[float, float]
) -> tuple[float, float, float, float]:
    """The part of the frame that holds something, with a little room, as x, y, width, height."""
    room = 3.0
    left, top = max(0.0, box[0] - room), max(0.0, box[1] - room)
    right, bottom = min(frame[0], box[2] + room), min(frame[1], box[3] + room)
    return left, top, right - left, bottom - top


def _camera(drawing: Drawing, figure: Figure) -> dict[str, Vec]:
    """Points on the page (x right, y down) with their depth (larger is nearer)."""
    view = compose(turn("x", drawing.view.from_above), turn("y", drawing.view.turn))
    points = dict(figure.points)
    points |= _prop_points(drawing, figure)
    return {name: _flip(apply(view, point)) for name, point in points.items()}


def _flip(point: Vec) -> Vec:
    return (point[0], -point[1], point[2])


def _prop_points(drawing: Drawing, figure: Figure) -> dict[str, Vec]:
    """World points that props and the floor are drawn from."""
    xs = [p[0] for p in figure.points.values()]
    low, high = min(xs) - 6, max(xs) + 6
    points = {
        "mat-back-left": (low, 0.0, -20.0),
        "mat-back-right": (high, 0.0, -20.0),
        "mat-front-right": (high, 0.0, 20.0),
        "mat-front-left": (low, 0.0, 20.0),
    }
    for part, surface in drawing.supports():
        if surface != "floor":
            at = part_at(figure.points, part)
            points[f"{surface}-top"] = (at[0], SURFACES[surface], at[2])
            points[f"{surface}-floor"] = (at[0], 0.0, at[2])
            points[f"{surface}-away"] = add((at[0], 0.0, at[2]), _away(figure, at, 40))
    return points


def _away(figure: Figure, at: Vec, distance: float) -> Vec:
    """A step along the floor from a point, away from the body's middle; from under the bottom
    itself, a seat goes back, away from the knees."""
    middle = figure.points["pelvis"]
    outwards = at[0] - middle[0]
    if abs(outwards) < 2:
        knees = (figure.points["left-knee"][0] + figure.points["right-knee"][0]) / 2
        outwards = middle[0] - knees
    return (math.copysign(distance, outwards), 0.0, 0.0)


def _body_box(points: dict[str, Vec]) -> tuple[float, float, float, float]:
    return _union(shape.box for shape in _body_shapes(points))


def _union(boxes: Iterator[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    left, top, right, bottom = zip(*boxes, strict=True)
    return min(left), min(top), max(right), max(bottom)


def _sketch(
    drawing: Drawing,
    figure: Figure,
    points: dict[str, Vec],
    following: dict[str, Vec] | None,
    frame: tuple[float, float],
) -> _Sketch:
    problems = list(figure.problems)
    shapes = sorted(_body_shapes(points), key=lambda shape: shape.depth)
    floor = list(_floor(drawing, points, frame))
    behind = floor + list(_props_behind(drawing, points))
    marks = [_highlight(points[region]) for region in drawing.highlight]
    if drawing.moves is not None:
        arrow = _arrow(drawing, points, following)
        if isinstance(arrow, str):
            problems.append((("moves",), arrow, "name a part that moves, or leave moves out"))
        else:
            marks.append(arrow)
    problems += _outside(shapes, frame)
    body = "".join(
        shape.svg for shape in [*behind, *shapes, *_props_on_top(drawing, points), *marks]
    )
    # What a crop must keep: the body, its marks and the line of the floor it lies on.
    box = _union(shape.box for shape in [*shapes, *marks])
    floors = [shape.box[3] + 1.5 for shape in floor if shape.name == "floor"]
    box = (box[0], box[1], box[2], max([box[3], *floors]))
    return _Sketch(drawing, body, box, problems)


def _svg(sketch: _Sketch, view: tuple[float, float, float, float], thumbnail: bool = False) -> str:
    named = (
        'class="gg-drawing gg-thumb" aria-hidden="true"'
        if thumbnail
        else f'class="gg-drawing" role="img" aria-label="{escape(sketch.drawing.shows)}"'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(_n(v) for v in view)}" '
        f'{named} stroke-linecap="round" stroke-linejoin="round">{sketch.body}</svg>'
    )


def _n(value: float) -> str:
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def _path(points: Sequence[Vec], close: bool = False) -> str:
    moves = "L".join(f"{_n(p[0])} {_n(p[1])}" for p in points)
    return f"M{moves}{'Z' if close else ''}"


def _capsule(
    name: str, points: Sequence[Vec], radius: float, tone: str, close: bool = False
) -> Shape:
    """A rounded limb (or, closed, a rounded body) with its outline."""
    outline, fill = ("q", "f") if tone == "far" else ("o", "n")
    d = _path(points, close)
    svg = (
        f'<path class="{outline}" d="{d}" stroke-width="{_n(2 * radius + 2 * OUTLINE)}"/>'
        f'<path class="{fill}" d="{d}" stroke-width="{_n(2 * radius)}"/>'
    )
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    edge = radius + OUTLINE
    box = (min(xs) - edge, min(ys) - edge, max(xs) + edge, max(ys) + edge)
    depth = sum(p[2] for p in points) / len(points)
    return Shape(depth, svg, box, name)


def _tones(points: dict[str, Vec]) -> dict[str, str]:
    """Which side is nearer the viewer, for legs and arms separately."""
    tones = {}
    for joint in ("hip", "shoulder"):
        gap = points[f"right-{joint}"][2] - points[f"left-{joint}"][2]
        tones[f"right-{joint}"] = "far" if gap < -2 else "near"
        tones[f"left-{joint}"] = "far" if gap > 2 else "near"
    return tones


def _body_shapes(points: dict[str, Vec]) -> Iterator[Shape]:
    tones = _tones(points)
    corners = [
        points[name]
        for name in (
            "right-hip-side",
            "right-waist-side",
            "right-shoulder-side",
            "left-shoulder-side",
            "left-waist-side",
            "left-hip-side",
        )
    ]
    yield _capsule("trunk", corners, RADIUS["trunk"], "near", close=True)
    neck = [points["neck"], points["head"]]
    yield _capsule("neck", neck, 2.4, "near")
    head = points["head"]
    face = points["face"]
    yield Shape(
        head[2] + 0.1,
        _circle(face, 1.8) + _circle(head, HEAD_RADIUS),
        (
            head[0] - HEAD_RADIUS - OUTLINE,
            head[1] - HEAD_RADIUS - OUTLINE,
            head[0] + HEAD_RADIUS + OUTLINE,
            head[1] + HEAD_RADIUS + OUTLINE,
        ),
        "head",
    )

    for limb in LIMBS:
        tone = tones[f"{limb.side}-{limb.girdle}"]
        yield _capsule(limb.name, [points[limb.start], points[limb.end]], limb.radius, tone)


def _circle(centre: Vec, radius: float) -> str:
    x, y = _n(centre[0]), _n(centre[1])
    return (
        f'<circle class="o" cx="{x}" cy="{y}" r="{_n(radius + OUTLINE)}"/>'
        f'<circle class="n" cx="{x}" cy="{y}" r="{_n(radius)}"/>'
    )


def _floor(drawing: Drawing, points: dict[str, Vec], frame: tuple[float, float]) -> Iterator[Shape]:
    corners = [
        points[f"mat-{corner}"]
        for corner in ("back-left", "back-right", "front-right", "front-left")
    ]
    if drawing.view.from_above <= 10:
        y = max(corner[1] for corner in corners)
        svg = f'<path class="g" d="M0 {_n(y + 0.6)}H{_n(frame[0])}"/>'
        yield Shape(-1e9, svg, (0, y, frame[0], y), "floor")
    if "mat" in drawing.props:
        svg = f'<path class="p po" d="{_path(corners, close=True)}" stroke-width="1.2"/>'
        yield Shape(-1e9, svg, (0, 0, 0, 0), "mat")


def _props_behind(drawing: Drawing, points: dict[str, Vec]) -> Iterator[Shape]:
    if "pillow" in drawing.props:
        head = points["head"]
        floor = max(points[f"mat-{c}"][1] for c in ("front-left", "back-left"))
        top = head[1] + HEAD_RADIUS * 0.6
        bottom = max(floor, top + 2.4)
        svg = _rect(head[0] - 9, top, 18, bottom - top, 2.5)
        yield Shape(-1e8, svg, (0, 0, 0, 0), "pillow")
    for surface in ("ball", "sofa"):
        if f"{surface}-top" not in points:
            continue
        upper, lower = points[f"{surface}-top"], points[f"{surface}-floor"]
        away = points[f"{surface}-away"]
        if surface == "ball":
            radius = (lower[1] - upper[1]) / 2
            x, y = _n(upper[0]), _n(upper[1] + radius)
            svg = f'<circle class="p po" cx="{x}" cy="{y}" r="{_n(radius)}"/>'
        else:
            left, right = sorted((upper[0] + (away[0] - upper[0]) * -0.05, away[0]))
            svg = _rect(left, upper[1], right - left, lower[1] - upper[1], 3)
        yield Shape(-1e8, svg, (0, 0, 0, 0), surface)


def _rect(x: float, y: float, width: float, height: float, corner: float) -> str:
    return (
        f'<rect class="p po" x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
        f'rx="{_n(corner)}" stroke-width="1.2"/>'
    )


def _props_on_top(drawing: Drawing, points: dict[str, Vec]) -> Iterator[Shape]:
    if "band" in drawing.props:
        ends = []
        for side in ("left", "right"):
            hip, knee = points[f"{side}-hip"], points[f"{side}-knee"]
            ends.append(add(hip, scale(sub(knee, hip), 0.8)))
        svg = f'<path class="b" d="{_path(ends)}" stroke-width="2.2"/>'
        for end in ends:
            ring = _n(RADIUS["thigh"] + 0.6)
            svg += f'<circle class="b" cx="{_n(end[0])}" cy="{_n(end[1])}" r="{ring}" fill="none"/>'
        yield Shape(1e8, svg, (0, 0, 0, 0), "band")
    if "pack" in drawing.props:
        place = points[drawing.highlight[0] if drawing.highlight else "right-buttock"]
        yield Shape(
            1e8,
            _rect(place[0] - 6, place[1] - 3.5, 12, 7, 2.5).replace(
                'class="p po"', 'class="p po k"'
            ),
            (0, 0, 0, 0),
            "pack",
        )
    if "knee-pillow" in drawing.props:
        left, right = points["left-knee"], points["right-knee"]
        middle = scale(add(left, right), 0.5)
        x, y = _n(middle[0]), _n(middle[1])
        svg = f'<ellipse class="p po" cx="{x}" cy="{y}" rx="6" ry="3" stroke-width="1.2"/>'
        yield Shape((left[2] + right[2]) / 2, svg, (0, 0, 0, 0), "knee pillow")
    if "chair" in drawing.props:
        hand = max((points["left-wrist"], points["right-wrist"]), key=lambda p: p[1])
        floor = max(points[f"mat-{c}"][1] for c in ("front-left", "back-left"))
        seat = floor - SURFACES["sofa"]
        direction = math.copysign(1, hand[0] - points["pelvis"][0])
        front = hand[0] + direction * 24
        svg = (
            f'<path class="p po" d="M{_n(hand[0])} {_n(hand[1] + 1)}V{_n(floor)}'
            f'M{_n(hand[0])} {_n(seat)}H{_n(front)}V{_n(floor)}" stroke-width="2.2" fill="none"/>'
        )
        yield Shape(-1e8, svg, (0, 0, 0, 0), "chair")


def _highlight(point: Vec) -> Shape:
    svg = f'<ellipse class="h" cx="{_n(point[0])}" cy="{_n(point[1])}" rx="5.5" ry="4.5"/>'
    box = (point[0] - 6, point[1] - 5, point[0] + 6, point[1] + 5)
    return Shape(1e9, svg, box, "highlight")


def _arrow(
    drawing: Drawing, points: dict[str, Vec], following: dict[str, Vec] | None
) -> Shape | str:

    if following is None:
        return "the last drawing has no next one to move to"
    part = drawing.moves or ""
    start, end = part_at(points, part), part_at(following, part)
    dx, dy = end[0] - start[0], end[1] - start[1]
    size = math.hypot(dx, dy)
    if size < 4:
        return (
            f"the {part} moves only {size * CM_PER_UNIT:.0f} cm on the page before the next drawing"
        )
    ux, uy = dx / size, dy / size
    # Beside the part, on the side away from the trunk, so the arrow never hides the limb.
    nx, ny = -uy, ux
    middle = points["lumbar"]
    if (start[0] - middle[0]) * nx + (start[1] - middle[1]) * ny < 0:
        nx, ny = -nx, -ny
    offset = 6.0
    a = (start[0] + nx * offset + ux * size * 0.1, start[1] + ny * offset + uy * size * 0.1, 0.0)
    b = (start[0] + nx * offset + ux * size * 0.9, start[1] + ny * offset + uy * size * 0.9, 0.0)
    head = [
        (b[0] + ux * 2.5, b[1] + uy * 2.5, 0.0),
        (b[0] - ux * 1.5 + nx * 2.4, b[1] - uy * 1.5 + ny * 2.4, 0.0),
        (b[0] - ux * 1.5 - nx * 2.4, b[1] - uy * 1.5 - ny * 2.4, 0.0),
    ]
    svg = (
        f'<path class="a" d="{_path([a, b])}" stroke-width="1.4"/>'
        f'<path class="a ah" d="{_path(head, close=True)}"/>'
    )
    ends = [a, *head]
    box = (
        min(p[0] for p in ends) - 1,
        min(p[1] for p in ends) - 1,
        max(p[0] for p in ends) + 1,
        max(p[1] for p in ends) + 1,
    )
    return Shape(1e9, svg, box, "arrow")


def _outside(shapes: list[Shape], frame: tuple[float, float]) -> list[Problem]:
    problems: list[Problem] = []
    width, height = frame
    for shape in shapes:
        left, top, right, bottom = shape.box
        over = {
            "left": -left,
            "top": -top,
            "right": right - width,
            "bottom": bottom - height,
        }
        edge, amount = max(over.items(), key=lambda item: item[1])
        if amount > 0.5:
            problems.append(
                (
                    (),
                    f"the {shape.name} sticks out of the frame's {edge} edge"
                    f" by {amount * CM_PER_UNIT:.0f} cm",
                    "change the angles or the view: an exercise's drawings share the first one's"
                    " frame",
                )
            )
    return problems
