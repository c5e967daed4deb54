"""SVG geometry shared by the SVG renderer's scene and the scene judge: path data read as commands, as the
outline it draws and as its end points; transform lists as one matrix.

A path's end points alone miss what its curves do: an arch ``M15 10V6.5a2.5 2.5 0 0 1 5 0V10`` has end points
symmetric about its middle line, yet mirrored across it the arch bulges the other way. Outlines here follow
each curve (cubic and quadratic Béziers, their smooth forms, elliptical arcs) with a few points each.

Path data is read as renderers read it: arc flags may be written without separators (``a2 2 0 00.996 1.73``,
as minifiers write them), a moveto's repeats are linetos, and a path is drawn up to its first error.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
NUMBER_RE = re.compile(NUMBER)
_TOKEN_RE = re.compile(rf"\s*,?\s*(?:([MmLlHhVvCcSsQqTtAaZz])|({NUMBER}))")
_FLAG_RE = re.compile(r"\s*,?\s*([01])")
_TRANSFORM_RE = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)")
_ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}
#: Points sampled along each curve or arc (its end point included).
CURVE_POINTS = 8


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m @ n (apply n first, then m)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2, a * e2 + c * f2 + e,
            b * e2 + d * f2 + f)  # fmt: skip


def apply(m: Matrix, x: float, y: float) -> Point:
    """The point (x, y) moved by ``m``."""
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def parse_transform(transform: str) -> Matrix | None:
    """An SVG transform list as one matrix; None when a step does not parse (renderers then ignore the
    whole attribute)."""
    total = IDENTITY
    if _TRANSFORM_RE.sub("", transform).strip(" \t\r\n,"):
        return None  # something that is no transform function, e.g. ``foo(3)``
    for m in _TRANSFORM_RE.finditer(transform):
        name, args = m.group(1), m.group(2)
        v = [float(x) for x in NUMBER_RE.findall(args)]
        if NUMBER_RE.sub("", args).strip(" \t\r\n,"):
            return None  # junk between the numbers
        step: Matrix
        if name == "matrix" and len(v) == 6:
            step = (v[0], v[1], v[2], v[3], v[4], v[5])
        elif name == "translate" and len(v) in (1, 2):
            step = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale" and len(v) in (1, 2):
            step = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        elif name == "rotate" and len(v) in (1, 3):
            t = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) == 3 else (0.0, 0.0)
            cos, sin = math.cos(t), math.sin(t)
            step = (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)
        elif name in ("skewX", "skewY") and len(v) == 1:
            k = math.tan(math.radians(v[0]))
            step = (1.0, 0.0, k, 1.0, 0.0, 0.0) if name == "skewX" else (1.0, k, 0.0, 1.0, 0.0, 0.0)
        else:
            return None
        total = mul(total, step)
    return total


def path_commands(d: str) -> Iterator[tuple[str, list[float]]]:
    """A path's commands with their numbers, as written (relative or absolute; repeats of a command given
    as their own command, a moveto's as linetos; Z with no numbers); stops at the first error."""
    i, cmd = 0, ""
    while True:
        m = _TOKEN_RE.match(d, i)
        if m is None:
            return
        if m.group(1):
            cmd, i = m.group(1), m.end()
            if cmd in "Zz":
                yield cmd, []
            continue
        n = _ARITY.get(cmd.upper()) if cmd and cmd not in "Zz" else None
        if n is None:
            return
        nums: list[float] = []
        for k in range(n):
            # The large-arc and sweep flags are one character each, so "011" is three numbers.
            if cmd in "Aa" and k in (3, 4):
                m = _FLAG_RE.match(d, i)
                value = m.group(1) if m else None
            else:
                m = _TOKEN_RE.match(d, i)
                value = m.group(2) if m else None
            if m is None or value is None:
                return
            nums.append(float(value))
            i = m.end()
        yield cmd, nums
        if cmd in "Mm":
            cmd = "l" if cmd == "m" else "L"  # implicit repeats of a moveto are linetos


def arc_points(
    start: Point, rx: float, ry: float, rot: float, large: bool, sweep: bool, end: Point, n: int
) -> list[Point]:
    """``n`` points along an SVG elliptical arc from ``start`` to ``end``, the start left out (the SVG
    spec's end-point to centre conversion, F.6.5); ``[end]`` for an arc drawn as a straight line."""
    (x1, y1), (x2, y2) = start, end
    if rx == 0 or ry == 0 or start == end:
        return [end]
    rx, ry = abs(rx), abs(ry)
    phi = math.radians(rot)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    xp, yp = cos * dx + sin * dy, -sin * dx + cos * dy
    scale = xp * xp / (rx * rx) + yp * yp / (ry * ry)
    if scale > 1:  # radii too small for the end points: scaled up, as renderers do
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
    den = rx * rx * yp * yp + ry * ry * xp * xp
    k = math.sqrt(max(0.0, num / den)) if den else 0.0
    if large == sweep:
        k = -k
    cxp, cyp = k * rx * yp / ry, -k * ry * xp / rx
    cx, cy = cos * cxp - sin * cyp + (x1 + x2) / 2, sin * cxp + cos * cyp + (y1 + y2) / 2
    t1 = math.atan2((yp - cyp) / ry, (xp - cxp) / rx)
    t2 = math.atan2((-yp - cyp) / ry, (-xp - cxp) / rx)
    dt = t2 - t1
    if sweep and dt < 0:
        dt += 2 * math.pi
    elif not sweep and dt > 0:
        dt -= 2 * math.pi
    out = []
    for i in range(1, n + 1):
        t = t1 + dt * i / n
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        out.append((cos * ex - sin * ey + cx, sin * ex + cos * ey + cy))
    return out


def _bezier(p: list[Point], t: float) -> Point:
    """A point of a Bézier curve of any degree (de Casteljau)."""
    while len(p) > 1:
        p = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in itertools.pairwise(p)]
    return p[0]


def path_outline(d: str, per_curve: int = CURVE_POINTS) -> list[Point]:
    """The points a path's outline passes through, in order (relative commands resolved, curves and arcs
    sampled with ``per_curve`` points each; subpaths one after another); what was read before any junk."""
    return [p for sub in path_subpaths(d, per_curve) for p in sub]


def path_subpaths(d: str, per_curve: int = CURVE_POINTS) -> list[list[Point]]:
    """`path_outline` cut into its subpaths: each moveto starts one (a closed subpath ends at its start)."""
    out: list[Point] = []
    subs = [out]
    x = y = sx = sy = 0.0
    last_ctrl: Point | None = None  # the previous curve's last control point (for S and T)
    last_kind = ""
    for cmd, v in path_commands(d):
        u = cmd.upper()
        if u == "Z":
            x, y = sx, sy
            out.append((x, y))
            last_kind = ""
            continue
        ox, oy = (x, y) if cmd.islower() else (0.0, 0.0)
        start = (x, y)
        if u == "H":
            x = ox + v[0]
            out.append((x, y))
        elif u == "V":
            y = oy + v[0]
            out.append((x, y))
        elif u in ("M", "L"):
            x, y = ox + v[0], oy + v[1]
            if u == "M":
                sx, sy = x, y
                if out:
                    out = []
                    subs.append(out)
            out.append((x, y))
        elif u == "A":
            x, y = ox + v[5], oy + v[6]
            arc = arc_points(start, v[0], v[1], v[2], bool(v[3]), bool(v[4]), (x, y), per_curve)
            arc[-1] = (x, y)  # exactly at its end point
            out += arc
        else:
            pts = [(ox + v[i], oy + v[i + 1]) for i in range(0, len(v), 2)]
            if u in ("S", "T"):  # the first control point mirrors the previous curve's last one
                same = (u == "S" and last_kind in ("C", "S")) or (u == "T" and last_kind in ("Q", "T"))
                reflected = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if same and last_ctrl else start
                pts = [reflected, *pts]
            ctrl = [start, *pts]
            out += [_bezier(ctrl, i / per_curve) for i in range(1, per_curve + 1)]
            x, y = pts[-1]
            last_ctrl = pts[-2]
        last_kind = u if u in ("C", "S", "Q", "T") else ""
    return [sub for sub in subs if sub]


def path_vertices(d: str) -> list[Point]:
    """Absolute end points of a path's segments (relative commands resolved, H/V as points), so two ways of
    writing one path compare equal point by point."""
    out: list[Point] = []
    x = y = sx = sy = 0.0
    for cmd, nums in path_commands(d):
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
