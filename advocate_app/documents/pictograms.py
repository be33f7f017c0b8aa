"""Built-in pictograms for Easy Read and other outreach documents.

Each pictogram is a few bold shapes drawn once in a 100 × 100 box (y grows downwards, as in
SVG): circles, rectangles with optional rounded corners, lines, open polylines and closed
polygons, each stroked with a width or filled. The same definition is drawn into PDFs
(:func:`to_drawing`, a reportlab Drawing) and into the HTML companion (:func:`to_svg`), so a
picture looks the same on paper and on screen. Pictures are one colour on a transparent
background, like the picture banks Easy Read writers use.

``label(name)`` gives a translated default description, used as alt text when the person does
not write their own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from advocate_app.domain.outreach_content import PICTOGRAMS, pictogram_label

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

BOX = 100.0
STROKE = 7.0  # the usual line weight: bold enough to stay clear when printed small

Point = tuple[float, float]


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: bool = False
    width: float = STROKE  # 0: no outline


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    radius: float = 0.0
    fill: bool = False
    width: float = STROKE


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = STROKE


@dataclass(frozen=True)
class Polyline:
    points: tuple[Point, ...]
    width: float = STROKE


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    fill: bool = False
    width: float = STROKE


Shape = Circle | Rect | Line | Polyline | Polygon


# --- geometry helpers (all in the 100 × 100 box, angles in degrees, 0 = right, 90 = down) ---

def _arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 24
         ) -> tuple[Point, ...]:
    """Points along a circular arc from ``start`` to ``end`` degrees."""
    return tuple((round(cx + r * math.cos(math.radians(start + (end - start) * i / steps)), 2),
                  round(cy + r * math.sin(math.radians(start + (end - start) * i / steps)), 2))
                 for i in range(steps + 1))


def _shoulders(cx: float, top: float, half_width: float, bottom: float) -> Polygon:
    """A filled upper body: a half disc over a straight base."""
    radius = half_width
    arc = _arc(cx, top + radius, radius, 180, 360, 20)
    return Polygon(arc + ((cx + half_width, bottom), (cx - half_width, bottom)), fill=True,
                   width=0)


def _person(cx: float, head_y: float, head_r: float, body_half: float, body_top: float,
            bottom: float) -> tuple[Shape, ...]:
    return (Circle(cx, head_y, head_r, fill=True, width=0),
            _shoulders(cx, body_top, body_half, bottom))


def _pin(cx: float, cy: float, r: float, tip_y: float) -> tuple[Point, ...]:
    """Outline of a map pin: a circle narrowing to a point below it."""
    d = tip_y - cy
    tangent = math.degrees(math.acos(r / d))  # angle from straight down to the tangent points
    start = 90 + tangent
    return _arc(cx, cy, r, start, start + 360 - 2 * tangent, 32) + ((cx, tip_y),)


def _bubble(x: float, y: float, w: float, h: float, r: float, tail: tuple[Point, Point, Point]
            ) -> tuple[Point, ...]:
    """A speech bubble: a rounded rectangle with a tail leaving its bottom edge."""
    right, bottom = x + w, y + h
    points = (_arc(x + r, y + r, r, 180, 270, 6) + _arc(right - r, y + r, r, 270, 360, 6)
              + _arc(right - r, bottom - r, r, 0, 90, 6))
    a, tip, b = tail
    points += (b, tip, a) if b[0] > a[0] else (a, tip, b)  # along the bottom, right to left
    return points + _arc(x + r, bottom - r, r, 90, 180, 6)


def _heart() -> tuple[Point, ...]:
    points = []
    for i in range(64):
        t = 2 * math.pi * i / 64
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((round(50 + x * 2.6, 2), round(46 - y * 2.6, 2)))
    return tuple(points)


# --- the pictograms ---

def _calendar() -> tuple[Shape, ...]:
    cells = tuple(Rect(24 + 19 * col, 52 + 16 * row, 11, 9, 1.5, fill=True, width=0)
                  for row in range(2) for col in range(3))
    return (Rect(12, 20, 76, 70, 7),
            Rect(12, 20, 76, 22, 7, fill=True, width=0),
            Rect(12, 32, 76, 10, fill=True, width=0),
            Line(32, 10, 32, 28, 8), Line(68, 10, 68, 28, 8)) + cells


def _clock() -> tuple[Shape, ...]:
    ticks = tuple(Line(50 + 30 * math.cos(math.radians(a)), 50 + 30 * math.sin(math.radians(a)),
                       50 + 36 * math.cos(math.radians(a)), 50 + 36 * math.sin(math.radians(a)),
                       5)
                  for a in (0, 90, 180, 270))
    return (Circle(50, 50, 42),) + ticks + (
        Line(50, 50, 50, 24, 7), Line(50, 50, 68, 60, 7), Circle(50, 50, 6, fill=True, width=0))


def _place() -> tuple[Shape, ...]:
    return (Polygon(_pin(50, 38, 30, 94)), Circle(50, 38, 11, fill=True, width=0))


def _phone() -> tuple[Shape, ...]:
    return (Rect(24, 8, 38, 84, 8),
            Line(36, 19, 50, 19, 5),
            Circle(43, 80, 4.5, fill=True, width=0),
            Polyline(_arc(62, 28, 14, -55, 25, 10), 6),
            Polyline(_arc(62, 28, 26, -55, 25, 14), 6))


def _email() -> tuple[Shape, ...]:
    # "@": the inner "a", its stem curling into the outer ring, which stops short below right
    return (Circle(50, 50, 14, width=9),
            Polyline(((64, 36),) + _arc(74, 60, 10, 180, _AT_JOIN, 12)
                     + _arc(50, 50, 36, _AT_JOIN, -295, 48),
                     9))


# where the curl of the "@" (radius 10 about (74, 60)) touches its outer ring (radius 36)
_AT_JOIN = math.degrees(math.atan2(10, 24))


def _letter() -> tuple[Shape, ...]:
    return (Rect(8, 24, 84, 56, 5),
            Polyline(((10, 28), (50, 58), (90, 28))))


def _people() -> tuple[Shape, ...]:
    return (_person(17, 38, 9, 13, 52, 84) + _person(83, 38, 9, 13, 52, 84)
            + _person(50, 26, 12, 16, 44, 90))


def _person_shape() -> tuple[Shape, ...]:
    return _person(50, 24, 15, 30, 46, 94)


def _question() -> tuple[Shape, ...]:
    return (Circle(50, 50, 44, width=6),
            Polyline(_arc(50, 38, 14, 190, 400, 16) + ((50, 58), (50, 62)), 10),
            Circle(50, 75, 6.5, fill=True, width=0))


def _information() -> tuple[Shape, ...]:
    return (Circle(50, 50, 44, width=6),
            Circle(50, 28, 7, fill=True, width=0),
            Rect(43, 41, 14, 36, 3, fill=True, width=0))


def _doctor() -> tuple[Shape, ...]:
    # a person in a coat with a stethoscope round the neck and a medical cross
    tube = ((39, 46),) + _arc(50, 60, 11, 180, 0, 12) + ((61, 46),)
    return (Circle(50, 18, 14, fill=True, width=0),
            Polygon(_arc(50, 72, 34, 180, 360, 20) + ((84, 96), (16, 96)), width=6),
            Polyline(tube, 5),
            Line(50, 71, 50, 76, 5), Circle(50, 80, 5.5, fill=True, width=0),
            Rect(66, 66, 12, 4, fill=True, width=0), Rect(70, 62, 4, 12, fill=True, width=0))


def _medicine() -> tuple[Shape, ...]:
    return (Rect(24, 8, 52, 16, 4, fill=True, width=0),
            Rect(20, 30, 60, 62, 8),
            Rect(44, 44, 12, 34, 2, fill=True, width=0),
            Rect(33, 55, 34, 12, 2, fill=True, width=0))


def _computer() -> tuple[Shape, ...]:
    return (Rect(6, 12, 88, 60, 5),
            Line(50, 18, 50, 66, 4),
            *_person(28, 32, 7, 12, 44, 66), *_person(72, 32, 7, 12, 44, 66),
            Line(50, 72, 50, 84, 8), Line(30, 88, 70, 88, 8))


def _talk() -> tuple[Shape, ...]:
    left = _bubble(4, 8, 58, 36, 10, ((16, 44), (12, 58), (30, 44)))
    right = _bubble(38, 50, 58, 36, 10, ((70, 86), (88, 98), (84, 86)))
    return (Polygon(left), Line(16, 22, 50, 22, 5), Line(16, 31, 40, 31, 5),
            Polygon(right), Line(50, 64, 84, 64, 5), Line(50, 73, 74, 73, 5))


def _large_print() -> tuple[Shape, ...]:
    return (Polygon(((18, 6), (64, 6), (84, 26), (84, 94), (18, 94)), width=6),
            Polyline(((64, 6), (64, 26), (84, 26)), 6),
            Polyline(((30, 82), (51, 28), (72, 82)), 11),
            Line(38, 64, 64, 64, 10))


def _wheelchair() -> tuple[Shape, ...]:
    return (Circle(40, 13, 9, fill=True, width=0),
            Polyline(((38, 30), (40, 58), (64, 58), (74, 84), (86, 80)), 10),
            Line(39, 42, 60, 42, 9),
            Polyline(_arc(42, 68, 24, 50, 235, 24), 8))


def _home() -> tuple[Shape, ...]:
    return (Polyline(((8, 50), (50, 12), (92, 50)), 9),
            Polyline(((22, 40), (22, 90), (78, 90), (78, 40)), 8),
            Rect(41, 60, 18, 30, 2, fill=True, width=0),
            Rect(66, 14, 10, 18, fill=True, width=0))


def _money() -> tuple[Shape, ...]:
    # a banknote and a coin, kept apart so the shapes stay clear
    return (Rect(4, 10, 62, 38, 5),
            Circle(35, 29, 9, width=6),
            Circle(14, 29, 3, fill=True, width=0), Circle(56, 29, 3, fill=True, width=0),
            Circle(74, 74, 20),
            Circle(74, 74, 10, width=5))


def _tick() -> tuple[Shape, ...]:
    return (Polyline(((14, 54), (38, 78), (86, 24)), 15),)


def _heart_shape() -> tuple[Shape, ...]:
    return (Polygon(_heart(), fill=True, width=0),)


_SHAPES: dict[str, tuple[Shape, ...]] = {
    "calendar": _calendar(), "clock": _clock(), "place": _place(), "phone": _phone(),
    "email": _email(), "letter": _letter(), "people": _people(), "person": _person_shape(),
    "question": _question(), "information": _information(), "doctor": _doctor(),
    "medicine": _medicine(), "computer": _computer(), "talk": _talk(),
    "large_print": _large_print(), "wheelchair": _wheelchair(), "home": _home(),
    "money": _money(), "tick": _tick(), "heart": _heart_shape(),
}

NAMES: tuple[str, ...] = tuple(PICTOGRAMS)

_COLOR = re.compile(r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$")


def _shapes(name: str) -> tuple[Shape, ...]:
    try:
        return _SHAPES[name]
    except KeyError:
        raise KeyError(f"unknown pictogram {name!r}; known pictograms: "
                       f"{', '.join(NAMES)}") from None


def _check_color(color: str) -> str:
    if not _COLOR.match(color):
        raise ValueError(f"not a colour: {color!r}")
    return color


def label(name: str, gettext=None) -> str:
    """The translated default description of a pictogram, for alt text (in the interface's
    language, or through ``gettext`` in a document's)."""
    _shapes(name)
    return pictogram_label(name, gettext)


def to_drawing(name: str, size_pt: float, color: str = "#1a1a1a") -> Drawing:
    """The pictogram as a reportlab Drawing ``size_pt`` points square."""
    from reportlab.graphics import shapes as rl
    from reportlab.lib.colors import HexColor, toColor

    shapes = _shapes(name)
    color = _check_color(color)
    paint = HexColor(color) if color.startswith("#") else toColor(color)
    scale = size_pt / BOX

    def x(value: float) -> float:
        return value * scale

    def y(value: float) -> float:
        return (BOX - value) * scale

    def flat(points: tuple[Point, ...]) -> list[float]:
        return [c for px, py in points for c in (x(px), y(py))]

    def style(shape, fill: bool, width: float):
        if not isinstance(shape, (rl.Line, rl.PolyLine)):  # lines have no fill
            shape.fillColor = paint if fill else None
        shape.strokeColor = paint if width else None
        shape.strokeWidth = width * scale
        shape.strokeLineCap = 1  # round
        shape.strokeLineJoin = 1
        return shape

    drawing = rl.Drawing(size_pt, size_pt)
    for s in shapes:
        if isinstance(s, Circle):
            drawing.add(style(rl.Circle(x(s.cx), y(s.cy), s.r * scale), s.fill, s.width))
        elif isinstance(s, Rect):
            r = s.radius * scale
            drawing.add(style(rl.Rect(x(s.x), y(s.y + s.h), s.w * scale, s.h * scale, rx=r, ry=r),
                              s.fill, s.width))
        elif isinstance(s, Line):
            drawing.add(style(rl.Line(x(s.x1), y(s.y1), x(s.x2), y(s.y2)), False, s.width))
        elif isinstance(s, Polyline):
            drawing.add(style(rl.PolyLine(flat(s.points)), False, s.width))
        else:
            drawing.add(style(rl.Polygon(flat(s.points)), s.fill, s.width))
    return drawing


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _svg_points(points: tuple[Point, ...]) -> str:
    return " ".join(f"{_num(px)},{_num(py)}" for px, py in points)


def _svg_paint(fill: bool, width: float, color: str) -> str:
    out = f' fill="{color if fill else "none"}"'
    if width:
        out += f' stroke="{color}" stroke-width="{_num(width)}"'
    return out


def to_svg(name: str, size_px: int = 96, color: str = "#1a1a1a", title: str | None = None
           ) -> str:
    """The pictogram as a standalone inline ``<svg>`` element.

    With ``title`` the picture is announced (``role="img"`` and a ``<title>``); without it the
    picture is decorative and hidden from assistive technology.
    """
    shapes = _shapes(name)
    color = _check_color(color)
    parts = []
    for s in shapes:
        if isinstance(s, Circle):
            parts.append(f'<circle cx="{_num(s.cx)}" cy="{_num(s.cy)}" r="{_num(s.r)}"'
                         f'{_svg_paint(s.fill, s.width, color)}/>')
        elif isinstance(s, Rect):
            corner = f' rx="{_num(s.radius)}"' if s.radius else ""
            parts.append(f'<rect x="{_num(s.x)}" y="{_num(s.y)}" width="{_num(s.w)}" '
                         f'height="{_num(s.h)}"{corner}{_svg_paint(s.fill, s.width, color)}/>')
        elif isinstance(s, Line):
            parts.append(f'<line x1="{_num(s.x1)}" y1="{_num(s.y1)}" x2="{_num(s.x2)}" '
                         f'y2="{_num(s.y2)}"{_svg_paint(False, s.width, color)}/>')
        elif isinstance(s, Polyline):
            parts.append(f'<polyline points="{_svg_points(s.points)}"'
                         f'{_svg_paint(False, s.width, color)}/>')
        else:
            parts.append(f'<polygon points="{_svg_points(s.points)}"'
                         f'{_svg_paint(s.fill, s.width, color)}/>')
    if title is None:
        access, heading = ' aria-hidden="true" focusable="false"', ""
    else:
        text = escape(title, quote=True)
        access, heading = f' role="img" aria-label="{text}"', f"<title>{text}</title>"
    size = int(size_px)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="{size}" '
            f'height="{size}"{access} stroke-linecap="round" stroke-linejoin="round">'
            f'{heading}{"".join(parts)}</svg>')
