"""Path data and transforms read as geometry: a path's end points, the outline it draws (curves and arcs
sampled into points), a transform list as one matrix.

A path's end points alone miss what its curves do: an arch ``M15 10V6.5a2.5 2.5 0 0 1 5 0V10`` has end points
symmetric about its middle line, yet mirrored across it the arch bulges the other way. Outlines here follow
each curve (cubic and quadratic Béziers, their smooth forms, elliptical arcs) with a few points each.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

from verm.svg_path import arc_points

_TOKEN_RE = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
#: Points sampled along each curve or arc (its end point included).
CURVE_POINTS = 8

Point = tuple[float, float]


def _bezier(p: list[Point], t: float) -> Point:
    """A point of a Bézier curve of any degree (de Casteljau)."""
    while len(p) > 1:
        p = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in itertools.pairwise(p)]
    return p[0]


def _arc(start: Point, rx: float, ry: float, rot: float, large: bool, sweep: bool, end: Point) -> list[Point]:
    """Points along an SVG elliptical arc, ending exactly at its end point."""
    out = arc_points(start, rx, ry, rot, large, sweep, end, CURVE_POINTS)
    out[-1] = end
    return out


def _commands(d: str) -> Iterator[tuple[str, list[float]]]:
    """A path's commands with their numbers, as written (relative or absolute; repeats of a command
    given as their own command, a moveto's as linetos; Z with no numbers); stops at junk."""
    cmd = ""
    tokens = _TOKEN_RE.findall(d)
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.isalpha():
            cmd, k = t, k + 1
            if cmd in "Zz":
                yield cmd, []
            continue
        n = _ARITY.get(cmd.upper()) if cmd and cmd not in "Zz" else None
        if n is None:
            return
        try:
            v = [float(s) for s in tokens[k : k + n]]
        except ValueError:
            return
        if len(v) < n:
            return
        k += n
        yield cmd, v
        if cmd in "Mm":
            cmd = "l" if cmd == "m" else "L"  # implicit repeats of a moveto are linetos


def path_outline(d: str) -> list[Point]:
    """The points a path's outline passes through, in order (relative commands resolved, curves and arcs
    sampled; subpaths one after another); [] for junk."""
    out: list[Point] = []
    x = y = sx = sy = 0.0
    last_ctrl: Point | None = None  # the previous curve's last control point (for S and T)
    last_kind = ""
    try:
        for cmd, v in _commands(d):
            u = cmd.upper()
            if u == "Z":
                x, y = sx, sy
                out.append((x, y))
                last_kind = ""
                continue
            ox, oy = (x, y) if cmd.islower() else (0.0, 0.0)
            start = (x, y)
            if u == "H":
                x = ox + v[0] if cmd.islower() else v[0]
                out.append((x, y))
            elif u == "V":
                y = oy + v[0] if cmd.islower() else v[0]
                out.append((x, y))
            elif u in ("M", "L"):
                x, y = ox + v[0], oy + v[1]
                out.append((x, y))
                if u == "M":
                    sx, sy = x, y
            elif u == "A":
                x, y = ox + v[5], oy + v[6]
                out += _arc(start, v[0], v[1], v[2], bool(v[3]), bool(v[4]), (x, y))
            else:
                pts = [(ox + v[i], oy + v[i + 1]) for i in range(0, len(v), 2)]
                if u in ("S", "T"):  # the first control point mirrors the previous curve's last one
                    same = (u == "S" and last_kind in ("C", "S")) or (u == "T" and last_kind in ("Q", "T"))
                    reflected = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if same and last_ctrl else start
                    pts = [reflected, *pts]
                ctrl = [start, *pts]
                out += [_bezier(ctrl, i / CURVE_POINTS) for i in range(1, CURVE_POINTS + 1)]
                x, y = pts[-1]
                last_ctrl = pts[-2]
            last_kind = u if u in ("C", "S", "Q", "T") else ""
    except (ValueError, KeyError):
        return out
    return out


def transform_matrix(transform: str) -> tuple[float, float, float, float, float, float] | None:
    """An SVG transform list as one matrix (a, b, c, d, e, f); None when it does not parse."""
    total = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def mul(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, float, float, float, float, float]:
        a, b, c, d, e, f = m
        a2, b2, c2, d2, e2, f2 = n
        return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e,
                b * e2 + d * f2 + f)  # fmt: skip

    for m in re.finditer(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)", transform):
        try:
            v = [float(x) for x in re.split(r"[\s,]+", m.group(2).strip()) if x]
        except ValueError:
            return None
        name = m.group(1)
        if name == "matrix" and len(v) == 6:
            step = tuple(v)
        elif name == "translate" and v:
            step = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale" and v:
            step = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        elif name == "rotate" and v:
            t = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) >= 3 else (0.0, 0.0)
            cos, sin = math.cos(t), math.sin(t)
            step = (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)
        elif name in ("skewX", "skewY") and v:
            k = math.tan(math.radians(v[0]))
            step = (1.0, 0.0, k, 1.0, 0.0, 0.0) if name == "skewX" else (1.0, k, 0.0, 1.0, 0.0, 0.0)
        else:
            return None
        total = mul(total, step)
    return total


def path_vertices(d: str) -> list[tuple[float, float]]:
    """Absolute end points of a path's segments (relative commands resolved, H/V as points), so two ways of
    writing one path compare equal point by point."""
    out: list[tuple[float, float]] = []
    x = y = sx = sy = 0.0
    for cmd, nums in _commands(d):
        rel = cmd.islower()
        u = cmd.upper()
        if u == "Z":
            x, y = sx, sy
            continue
        if u == "H":
            x = x + nums[0] if rel else nums[0]
        elif u == "V":
            y = y + nums[0] if rel else nums[0]
        else:
            ex, ey = nums[-2], nums[-1]
            x, y = (x + ex, y + ey) if rel else (ex, ey)
        if u == "M":
            sx, sy = x, y
        out.append((x, y))
    return out
