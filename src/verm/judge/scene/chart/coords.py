"""Charts, coordinates of one axes pair: data values to image fractions, category names, extents.

Boxes of data elements are compared in data coordinates, as fractions of the
reference's axis range, so that neither a moved axes nor rescaled limits count
as a data change; a point is named by its category tick label where the axis
is categorical.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, Literal

from verm.judge.scene.boxes import clean_box, union_box
from verm.judge.scene.chart.grade import CONFUSABLE_DE, SAME_SERIES_DE
from verm.judge.scene.chart.series import NOLINE, NOMARKER
from verm.judge.scene.colour import delta_e
from verm.judge.scene.text import is_numeric_text

#: Values whose image fractions moved less than this still draw in place.
IN_PLACE = 0.005

#: A box side this close to the image's edge (image fractions) may be cut there (`AxCtx.box_shift`).
CANVAS_EDGE = 1e-3


class AxCtx:
    """One axes pair: its name, data -> candidate image fractions, category names, how much a value's
    change reads, and what the axes hold (for the scope and share of a change)."""

    def __init__(
        self, r: dict[str, Any], c: dict[str, Any], where: str = "plot", size: tuple[float, float] = (640.0, 480.0)
    ) -> None:
        self.r, self.c = r, c
        self.where = where
        #: The reference image's size in pixels (lines' widths are in pixels).
        self.size = size
        #: The reference's ink in its plot (image fractions), for the share a recolouring touches.
        self.ink = 0.0
        self.seen_x: set[tuple[Any, Any]] = set()
        #: The (reference, candidate) boxes of the series whose extent changed, reported (`values.compare_extent`).
        self.seen_extents: set[tuple[Any, Any]] = set()
        self.area_changed = False
        #: The reference's fills (ids) that only moved with the stack they stand on (`stacks.layers_follow`).
        self.followers: set[int] = set()
        #: The reference series' total weight (`Series.weight`), and how many of each noun it draws.
        self.weight = 1.0
        self.counts: Counter[str] = Counter()
        #: The colours of the candidate's series that kept their reference colour, and its background: what a
        #: recoloured series may now be mistaken for (`confusable`).
        self.colours_c: list[str] = []
        #: The candidate polar axes' projection (`polar_frame`), read when first asked for; False: none.
        self._polar: Any = None

    @property
    def frame(self) -> tuple[float, float, float, float] | None:
        """The reference's plot box (image fractions)."""
        return clean_box(self.r.get("bbox"))

    def confusable(self, old: Any, new: Any) -> bool:
        """Whether a series recoloured from ``old`` to ``new`` now looks like another series of the axes (one
        that kept its colour) or the background; its own colour, and other recoloured series, do not count."""
        if not isinstance(new, str):
            return False
        return any(delta_e(o, new) < CONFUSABLE_DE for o in self.colours_c if delta_e(o, old) > SAME_SERIES_DE)

    def shown(self, axis: str, a: float, b: float) -> bool:
        """Whether a value moved from ``a`` to ``b`` shows on ``axis``: not both outside the shown range (or
        not positive on a log axis)."""
        for ax, v in ((self.r, a), (self.c, b)):
            lim = ax.get(f"{axis}lim") or []
            if ax.get(f"{axis}scale") == "log" and v <= 0:
                continue
            if len(lim) != 2 or None in lim:
                return True
            lo, hi = sorted(lim)
            if lo - 1e-9 * abs(hi - lo) <= v <= hi + 1e-9 * abs(hi - lo):
                return True
        return False

    def in_view(self, axis: str, v: float, ref: bool = False) -> bool:
        """Whether value ``v`` lies inside the candidate's (``ref``: the reference's) shown range on ``axis``."""
        ax = self.r if ref else self.c
        lim = ax.get(f"{axis}lim") or []
        if ax.get(f"{axis}scale") == "log" and v <= 0:
            return False
        if len(lim) != 2 or None in lim:
            return True
        lo, hi = sorted(lim)
        return lo - 1e-9 * abs(hi - lo) <= v <= hi + 1e-9 * abs(hi - lo)

    def reading(self, axis: str, a: float | None, b: float | None) -> float:
        """How differently a reader reads a value moved from ``a`` to ``b`` on ``axis``: the change as a share
        of the span the reference's axis shows (in decades on a log axis); 1 when one side is missing."""
        if a is None or b is None:
            return 0.0 if a is None and b is None else 1.0
        lim = self.r.get(f"{axis}lim") or []
        log = self.r.get(f"{axis}scale") == "log"
        if log:
            if a <= 0 or b <= 0:
                return 1.0 if (a <= 0) != (b <= 0) else 0.0
            a, b = math.log10(a), math.log10(b)
        span = 0.0
        if len(lim) == 2 and None not in lim:
            lo, hi = lim
            if log and (lo <= 0 or hi <= 0):
                span = 0.0
            else:
                span = abs(math.log10(hi) - math.log10(lo)) if log else abs(hi - lo)
        if span <= 0:
            span = max(abs(a), abs(b), 1e-12)
        return abs(b - a) / span

    def span(self, axis: str) -> float:
        lim = self.r.get(f"{axis}lim") or []
        if len(lim) == 2 and None not in lim:
            return abs(lim[1] - lim[0])
        return 1.0

    def categorical(self, axis: str) -> bool:
        ticks = self.r.get(f"{axis}ticklabels") or []
        return any(t.get("text") and not is_numeric_text(t["text"]) for t in ticks)

    def _name_at(self, axis: str, v: float | None) -> str:
        if v is None or not self.categorical(axis):
            return ""
        ticks = [t.get("text", "") for t in self.r.get(f"{axis}ticklabels") or []]
        k = round(v)
        if abs(v - k) < 0.45 and 0 <= k < len(ticks) and ticks[k]:
            return f" ({ticks[k]})"
        return ""

    def at(self, xs: Sequence[float | None], k: int) -> str:
        return self._name_at("x", xs[k]) if k < len(xs) else ""

    def bar_at(self, centre: float, horizontal: bool) -> str:
        return self._name_at("y" if horizontal else "x", centre)

    def _frac(self, axis: str, v: float, ref: bool = False, clip: bool = True) -> float | None:
        """A value's image fraction on ``axis`` (None off the plot; past its edges too unless ``clip`` is off)."""
        c = self.r if ref else self.c
        lim, box = c.get(f"{axis}lim") or [], clean_box(c.get("bbox"))
        if len(lim) != 2 or None in lim or box is None:
            return None
        if c.get(f"{axis}scale") == "log":
            if v <= 0 or lim[0] <= 0 or lim[1] <= 0:
                return None
            v, lo, hi = math.log10(v), math.log10(lim[0]), math.log10(lim[1])
        else:
            lo, hi = lim
        if hi == lo:
            return None
        t = (v - lo) / (hi - lo)
        if clip and not 0 <= t <= 1:
            return None
        return box[0] + t * (box[2] - box[0]) if axis == "x" else box[3] - t * (box[3] - box[1])

    def plot_point(self, x: Any, y: Any, ref: bool = True) -> tuple[float, float] | None:
        """A data point in image fractions of one side's plot, also past the plot's edges (where the drawing is
        cut off): None only where it cannot be placed (a value <= 0 on a log axis)."""
        if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
            return None
        fx, fy = self._frac("x", x, ref, clip=False), self._frac("y", y, ref, clip=False)
        return None if fx is None or fy is None else (fx, fy)

    def ref_point(self, x: Any, y: Any) -> tuple[float, float] | None:
        """A reference data point in image fractions (None off the plot)."""
        if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
            return None
        fx, fy = self._frac("x", x, ref=True), self._frac("y", y, ref=True)
        return None if fx is None or fy is None else (fx, fy)

    def point_box(self, x: float | None, y: float | None) -> Any:
        if x is None or y is None:
            return None
        if self.c.get("name") == "polar":
            p = self.polar_point(x, y)
            return None if p is None else (p[0] - 0.02, p[1] - 0.02, p[0] + 0.02, p[1] + 0.02)
        fx, fy = self._frac("x", x), self._frac("y", y)
        if fx is None or fy is None:
            return None
        return (fx - 0.02, fy - 0.02, fx + 0.02, fy + 0.02)

    def polar_point(self, theta: float, r: float) -> tuple[float, float] | None:
        """A candidate polar axes' data point (angle, radius) in image fractions; the angle's zero and direction
        (``set_theta_zero_location``, ``set_theta_direction``: a radar chart starts at the top, clockwise) are
        not in the scene, so they are read off where its lines are drawn (`polar_frame`)."""
        if self._polar is None:
            self._polar = polar_frame(self.c, self.size)
        return None if self._polar is False else _polar_project(self._polar, theta, r)

    def rescaled(self, axis: str) -> bool:
        """Whether the limits of ``axis`` moved (by over 2 % of the reference's span): every mark of the axes
        moved with them."""
        lr, lc = self.r.get(f"{axis}lim") or [], self.c.get(f"{axis}lim") or []
        if len(lr) == 2 and len(lc) == 2 and None not in lr + lc:
            span = abs(lr[1] - lr[0]) or 1.0
            return max(abs(lr[0] - lc[0]), abs(lr[1] - lc[1])) / span > 0.02
        return False

    def drove_limits(self, ra: Sequence[float | None], ca: Sequence[float | None], axis: str) -> bool:
        """Whether a series' changed values moved its axis' limits: they moved and so did the series' own
        extent (autoscaled limits follow it), so every mark of the axes moved with the change."""
        a = [v for v in ra if v is not None]
        b = [v for v in ca if v is not None]
        if not a or not b or not self.rescaled(axis):
            return False
        return max(abs(max(a) - max(b)), abs(min(a) - min(b))) / (self.span(axis) or 1.0) > 0.02

    def in_place(self, ra: Sequence[float | None], ca: Sequence[float | None], axis: str) -> bool:
        """Whether values changed from ``ra`` to ``ca`` still draw where they did (under 0.5 % of the image
        apart: every value scaled alike and the limits autoscaled with them): the change shows on the axis'
        tick labels only, not on the marks."""
        if not self.rescaled(axis) or len(ra) != len(ca):
            return False
        moved = False
        for a, b in zip(ra, ca, strict=True):
            if a is None or b is None:
                return False
            fa, fb = self._frac(axis, a, ref=True, clip=False), self._frac(axis, b, clip=False)
            if fa is None or fb is None:
                return False
            moved = moved or abs(fa - fb) > IN_PLACE
        return not moved

    def with_ticks(self, box: Any, axis: str) -> Any:
        """A series-wide change with the value axis' tick labels when that axis rescaled with it: autoscaled
        limits keep the marks in place, so the change shows in the labels."""
        if self.rescaled(axis):
            return union_box([box, *[t.get("bbox") for t in self.c.get(f"{axis}ticklabels") or []]])
        return box

    def box_shift(self, a: Any, b: Any) -> float:
        """Largest edge move between two boxes in data coordinates, as a fraction of the reference's axis range
        (so neither a moved axes nor re-scaled limits count)."""
        a, b = clean_box(a), clean_box(b)
        if a is None or b is None:
            return 0.0 if a == b else 1.0
        if any(self.r.get(f"{k}scale") != self.c.get(f"{k}scale") for k in "xy"):
            return 0.0  # the scale change is the error; extents in two transforms are not comparable
        pa, pb = self._to_data(self.r, a), self._to_data(self.c, b)
        if pa is None or pb is None:
            return max(abs(a[k] - b[k]) for k in range(4))
        if any(v <= CANVAS_EDGE or v >= 1 - CANVAS_EDGE for v in (*a, *b)):
            pa, pb = self._on_both_canvases(pa, pb)
        sx, sy = self._t_span("x"), self._t_span("y")
        return max(abs(pa[0] - pb[0]) / sx, abs(pa[2] - pb[2]) / sx, abs(pa[1] - pb[1]) / sy, abs(pa[3] - pb[3]) / sy)

    def _on_both_canvases(
        self, pa: tuple[float, float, float, float], pb: tuple[float, float, float, float]
    ) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """Two boxes in data units cut to the data both images show: a box the image's edge cuts (its limits
        moved it past the edge, in part or whole) is compared over what both canvases hold, so a shape the
        new view cut off left the view with the range (reported there), not moved."""
        ca, cb = self._to_data(self.r, (0.0, 0.0, 1.0, 1.0)), self._to_data(self.c, (0.0, 0.0, 1.0, 1.0))
        if ca is None or cb is None:
            return pa, pb
        bounds = []
        for k in (0, 1):  # x (box entries 0, 2), y (1, 3)
            lo = max(min(ca[k], ca[k + 2]), min(cb[k], cb[k + 2]))
            hi = min(max(ca[k], ca[k + 2]), max(cb[k], cb[k + 2]))
            bounds.append((lo, max(lo, hi)))

        def cut(p: tuple[float, float, float, float]) -> tuple[float, ...]:
            return tuple(min(max(v, bounds[k % 2][0]), bounds[k % 2][1]) for k, v in enumerate(p))

        return cut(pa), cut(pb)

    def _t(self, ax: dict[str, Any], axis: str, v: float) -> float:
        if ax.get(f"{axis}scale") == "log":
            return math.log10(v) if v > 0 else -300.0
        return v

    def _t_span(self, axis: str) -> float:
        lim = self.r.get(f"{axis}lim") or []
        if len(lim) != 2 or None in lim:
            return 1.0
        return abs(self._t(self.r, axis, lim[1]) - self._t(self.r, axis, lim[0])) or 1.0

    def _to_data(self, ax: dict[str, Any], box: tuple[float, ...]) -> tuple[float, float, float, float] | None:
        """Image-fraction box -> (x0, y at the top, x1, y at the bottom) in (log-transformed) data units of ``ax``."""
        frame = clean_box(ax.get("bbox"))
        xl, yl = ax.get("xlim") or [], ax.get("ylim") or []
        if frame is None or len(xl) != 2 or len(yl) != 2 or None in xl or None in yl:
            return None
        w, h = frame[2] - frame[0], frame[3] - frame[1]
        if w <= 0 or h <= 0:
            return None
        x0, x1 = self._t(ax, "x", xl[0]), self._t(ax, "x", xl[1])
        y0, y1 = self._t(ax, "y", yl[0]), self._t(ax, "y", yl[1])

        def fx(f: float) -> float:
            return x0 + (f - frame[0]) / w * (x1 - x0)

        def fy(f: float) -> float:
            return y1 - (f - frame[1]) / h * (y1 - y0)

        return (fx(box[0]), fy(box[1]), fx(box[2]), fy(box[3]))

    def at_box(self, p: dict[str, Any]) -> str:
        d = self._to_data(self.r, clean_box(p.get("bbox")) or (0.0, 0.0, 0.0, 0.0))
        return self._name_at("x", (d[0] + d[2]) / 2) if d else ""


def data_values(ax: dict[str, Any], axis: str) -> list[float]:
    """The axes' plotted values along ``axis``: its lines' and scatter points' coordinates, its bars' ends, the
    vertices of its fills and segments (a band, a stack, error bars: as ground truth reads the plot; not a 3-D
    plot's, whose vertices are projected)."""
    vals: list[float] = []
    for line in ax.get("lines") or []:
        if line.get("linestyle") in NOLINE and str(line.get("marker")) in NOMARKER:
            continue
        vals += [float(v) for v in line.get(axis) or [] if isinstance(v, (int, float)) and math.isfinite(v)]
    at = 0 if axis == "x" else 1
    for c in ax.get("collections") or []:
        vals += [float(v) for v in c.get(axis) or [] if isinstance(v, (int, float)) and math.isfinite(v)]
        if ax.get("name") != "3d":
            vals += [float(v) for path in c.get("paths") or [] for v in path[at::2]
                     if isinstance(v, (int, float)) and math.isfinite(v)]  # fmt: skip
    pos, size = ("x", "width") if axis == "x" else ("y", "height")
    for p in ax.get("patches") or []:
        if p.get("type") == "Rectangle" and p.get(size) is not None and p.get(pos) is not None:
            try:
                vals += [float(p[pos]), float(p[pos]) + float(p[size])]
            except (TypeError, ValueError):
                continue
    return vals


def empty_margin(ax: dict[str, Any], axis: str) -> float | None:
    """The widest empty band between the axes' data and its limits along ``axis``, as a share of the range
    shown (autoscaled limits leave 5 %); None when there is no linear range or data to tell."""
    lim = ax.get(f"{axis}lim") or []
    if len(lim) != 2 or None in lim or ax.get(f"{axis}scale", "linear") != "linear":
        return None
    lo, hi = sorted(float(v) for v in lim)
    vals = data_values(ax, axis)
    if not vals or hi <= lo:
        return None
    return max(0.0, min(vals) - lo, hi - max(vals)) / (hi - lo)


def cuts_data(ax: dict[str, Any], axis: str) -> bool | None:
    """Whether the axes' limits cut off part of its lines' or bars' data along ``axis`` (by more than 2 % of
    the range, in decades on a log axis, which shows no value <= 0: a bar's base); None when there is no range
    or data to tell."""
    lim = ax.get(f"{axis}lim") or []
    if len(lim) != 2 or None in lim:
        return None
    lo, hi = sorted(float(v) for v in lim)
    vals: list[float] = []
    for line in ax.get("lines") or []:
        if line.get("linestyle") in NOLINE and str(line.get("marker")) in NOMARKER:
            continue
        for v in line.get(axis) or []:
            if isinstance(v, (int, float)) and math.isfinite(v):
                vals.append(float(v))
    pos, size = ("x", "width") if axis == "x" else ("y", "height")
    for p in ax.get("patches") or []:
        if p.get("type") == "Rectangle" and p.get(size) is not None and p.get(pos) is not None:
            try:
                vals += [float(p[pos]), float(p[pos]) + float(p[size])]
            except (TypeError, ValueError):
                continue
    if ax.get(f"{axis}scale") == "log":
        # A log axis cannot show 0 or less (a bar's base): nothing is cut off there; the range reads in decades.
        if lo <= 0:
            return None
        vals = [math.log10(v) for v in vals if v > 0]
        lo, hi = math.log10(lo), math.log10(hi)
    if not vals or hi <= lo:
        return None
    tol = 0.02 * (hi - lo)
    return min(vals) < lo - tol or max(vals) > hi + tol


#: Where a polar axes' angle 0 may lie (east, north, west, south) and which way angles grow.
_POLAR_ZEROS = (0.0, math.pi / 2, math.pi, 3 * math.pi / 2)

Polar = tuple[float, float, float, float, float, float, float, float]  # cx, cy, rx, ry, r0, r1, offset, direction


def _polar_project(p: Polar, theta: float, r: float) -> tuple[float, float] | None:
    cx, cy, rx, ry, r0, r1, offset, direction = p
    if not (isinstance(theta, (int, float)) and isinstance(r, (int, float))) or r1 == r0:
        return None
    t = (r - r0) / (r1 - r0)
    a = offset + direction * theta
    return cx + t * rx * math.cos(a), cy - t * ry * math.sin(a)


def polar_frame(ax: dict[str, Any], size: tuple[float, float]) -> Polar | Literal[False]:
    """A polar axes' projection: the circle inscribed in its box, radii over its y limits, and the angle's zero
    and direction that place its lines' points where their drawn boxes are (east and counter-clockwise, as
    matplotlib's default, when no line tells). False when the axes has no box or radial limits."""
    box, lim = clean_box(ax.get("bbox")), ax.get("ylim") or []
    if box is None or len(lim) != 2 or None in lim:
        return False
    w, h = max(size[0], 1.0), max(size[1], 1.0)
    radius = min((box[2] - box[0]) * w, (box[3] - box[1]) * h) / 2
    base = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, radius / w, radius / h, float(lim[0]), float(lim[1]))
    lines = [
        ln for ln in ax.get("lines") or []
        if clean_box(ln.get("bbox")) and len(ln.get("x") or []) >= 2 and len(ln.get("x") or []) == len(ln.get("y") or [])
    ][:4]  # fmt: skip
    best, best_err = (*base, 0.0, 1.0), math.inf
    for offset in _POLAR_ZEROS:
        for direction in (1.0, -1.0):
            p = (*base, offset, direction)
            err = 0.0
            for ln in lines:
                pts = [_polar_project(p, t, r) for t, r in zip(ln["x"], ln["y"], strict=True)]
                pts = [q for q in pts if q is not None]
                if not pts:
                    continue
                drawn = clean_box(ln["bbox"])
                found = (min(q[0] for q in pts), min(q[1] for q in pts), max(q[0] for q in pts), max(q[1] for q in pts))
                err += sum(abs(a - b) for a, b in zip(found, drawn, strict=True))
            if err < best_err - 1e-9:
                best, best_err = p, err
    return best
