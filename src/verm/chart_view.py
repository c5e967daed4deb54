"""What a chart's scene shows of its data (`verm.render.chart` writes the scenes: every axes with its
limits, scales and data artists in data units, and their drawn boxes in image fractions). Read alike by
the ground truth (`verm.perturb.chart_grade`) and the scene judge, so both call the same data hidden.

`hidden_share`: the share of the plotted data that was in view and no longer
is (pushed beyond the axes' limits, onto a log axis at or below 0), or that
still shows but was squeezed into a sliver by the axes while its values
stayed (a bar or a line's rise under `SQUEEZED_TO` of the plot where it
spanned `SQUEEZED_FROM` or more: a log scale or a range that presses the
marks against one edge; a log axis whose limit is 0 spans what matplotlib draws,
from `LOG_CLIP` decades; on polar axes, lines pressed onto the rim by a log
radius): the marks still exist in the program, yet a reader sees them missing
or cannot read them. `hidden_severity` grades that share;
`figure_hidden_share` reads it over the whole figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

__all__ = [
    "CUT_TOLERANCE", "HIDDEN_STEPS", "LOG_CLIP", "Scene", "axes_of", "figure_hidden_share", "hidden_severity",
    "hidden_share", "is_3d", "placer", "placer_on", "scaled", "span_of",
]  # fmt: skip

Scene = dict[str, Any]
Box = tuple[float, float, float, float]

#: A y value counts as cut off when it lies this share of the span outside the new limits.
CUT_TOLERANCE = 0.005
#: A mark whose extent on the plot (a share of the axes' width or height) was at least SQUEEZED_FROM and is
#: under SQUEEZED_TO with the same values is squeezed out of reading (about 2 px of a 500-px plot).
SQUEEZED_FROM = 0.02
SQUEEZED_TO = 0.004

#: Data hidden (`hidden_share`): under this share of a plot's data -> 1, under the second -> 2, else 3
#: (most of the plot's data is gone, as a series missing).
HIDDEN_STEPS = (0.1, 0.5)

#: Where matplotlib's log transform puts values at or below 0 (``nonpositive="clip"``, its default), in decades: a
#: log axis whose scene limit is 0 spans from there, so every mark above 0 is pressed against its top.
LOG_CLIP = -1000.0


def hidden_severity(share: float) -> int:
    """The severity a share of a plot's data hidden weighs (0 for none)."""
    if share <= 0.0:
        return 0
    return 1 if share < HIDDEN_STEPS[0] else 2 if share < HIDDEN_STEPS[1] else 3


def axes_of(scene: Scene | None) -> list[dict[str, Any]]:
    if not scene or "error" in scene:
        return []
    return [a for a in scene.get("axes") or [] if isinstance(a, dict)]


def span_of(lim: Any, log: bool, drawn: bool = False) -> tuple[float, float] | None:
    """The axis's span (in decades when ``log``); None when it cannot be read. A log axis whose limit is at or
    below 0 has none, unless ``drawn``: then it spans what matplotlib draws, from `LOG_CLIP` decades up."""
    if not lim or len(lim) != 2 or any(v is None for v in lim):
        return None
    lo, hi = sorted(float(v) for v in lim)
    if log:
        if hi <= 0 or (lo <= 0 and not drawn):
            return None
        lo, hi = (math.log10(lo) if lo > 0 else LOG_CLIP), math.log10(hi)
    return (lo, hi) if hi > lo else None


def scaled(v: float | None, log: bool) -> float | None:
    if v is None or not math.isfinite(v):
        return None
    if log:
        return math.log10(v) if v > 0 else None
    return v


def is_3d(axes: dict[str, Any]) -> bool:
    return axes.get("name") == "3d"


def placer(axes: dict[str, Any], axis: str, drawn: bool = False) -> Any:
    """A function from a value to its place on the axes (0..1 along ``axis``, clipped), or None (``drawn``:
    `span_of`'s)."""
    log = axes.get(f"{axis}scale") == "log"
    span = span_of(axes.get(f"{axis}lim"), log, drawn)
    return None if span is None else placer_on(span, log)


def placer_on(span: tuple[float, float], log: bool) -> Any:
    """A function from a value to its place (0..1, clipped) along ``span`` (in decades when ``log``)."""
    lo, width = span[0], span[1] - span[0]

    def place(v: float | None) -> float | None:
        s = scaled(v, log)
        return None if s is None else min(1.0, max(0.0, (s - lo) / width))

    return place


def _marks(axes: dict[str, Any]) -> Iterator[tuple[str, list[Box], dict[str, Any]]]:
    """(kind, boxes, artist) for every data artist of 2-D axes, in drawing order: a line or a point collection
    as its points (zero-size boxes), a bar as its rectangle, a filled area (a collection of paths) as its
    paths' boxes; each box (x0, y0, x1, y1) in data units."""
    for ln in axes.get("lines") or []:
        xs, ys = ln.get("x") or [], ln.get("y") or []
        # axhline / axvline: x (y) in axes units, from side to side whatever the limits: one span
        if len(xs) == 2 and len(ys) == 2 and None not in xs + ys and (xs == [0.0, 1.0] or ys == [0.0, 1.0]):
            across = xs == [0.0, 1.0]
            span = (-math.inf, ys[0], math.inf, ys[1]) if across else (xs[0], -math.inf, xs[1], math.inf)
            yield "lines", [span], ln
            continue
        yield "lines", [(x, y, x, y) for x, y in zip(xs, ys, strict=False) if x is not None and y is not None], ln
    for p in axes.get("patches") or []:
        if "height" in p:
            x0, y0 = p["x"], p["y"]
            yield "rects", [(x0, y0, x0 + p["width"], y0 + p["height"])], p
    for c in axes.get("collections") or []:
        if "x" in c:
            xs, ys = c.get("x") or [], c.get("y") or []
            yield "points", [(x, y, x, y) for x, y in zip(xs, ys, strict=False) if x is not None and y is not None], c
        elif "paths" in c:
            # A filled area or a set of segments shows while its outline reaches into the view: each path
            # as its box (an area's base at 0 is clipped on a log axis, the area still shows).
            boxes = []
            for path in c["paths"]:
                xs = [v for v in path[0::2] if v is not None]
                ys = [v for v in path[1::2] if v is not None]
                if xs and ys:
                    boxes.append((min(xs), min(ys), max(xs), max(ys)))
            yield "polys", boxes, c


def _in_view(axes: dict[str, Any]) -> Any:
    """A function telling whether a data box shows on the axes (overlaps its limits, within
    `CUT_TOLERANCE` of the span; on a log axis only above 0, the span matplotlib draws: `span_of`'s ``drawn``),
    or None when the limits cannot be read."""
    spans = []
    for axis in ("x", "y"):
        log = axes.get(f"{axis}scale") == "log"
        span = span_of(axes.get(f"{axis}lim"), log, drawn=True)
        if span is None:
            return None
        tol = CUT_TOLERANCE * (span[1] - span[0])
        spans.append((span[0] - tol, span[1] + tol, log))

    def shows(box: tuple[float, float, float, float]) -> bool:
        for (lo, hi, log), (a, b) in zip(spans, ((box[0], box[2]), (box[1], box[3])), strict=True):
            if log:
                if max(a, b) <= 0:
                    return False
                a, b = math.log10(a) if a > 0 else -math.inf, math.log10(b) if b > 0 else -math.inf
            if not all(math.isfinite(v) or math.isinf(v) for v in (a, b)):
                return False
            if max(a, b) < lo or min(a, b) > hi:
                return False
        return True

    return shows


def _extent(kind: str, boxes: list[Box], artist: dict[str, Any], axes: dict[str, Any]) -> tuple[float, float] | None:
    """How much of the plot an artist covers, as shares (of the axes' width, of its height): the spread of a
    line's or a point set's values placed on the axes (a marker's size does not read as spread), else the
    drawn box clipped to the axes (a bar, an area; a point set on an axis whose limits cannot be read)."""
    if kind in ("lines", "points"):
        place_x, place_y = placer(axes, "x", drawn=True), placer(axes, "y", drawn=True)
        if place_x is not None and place_y is not None:
            xs = [v for b in boxes if (v := place_x(b[0])) is not None]
            ys = [v for b in boxes if (v := place_y(b[1])) is not None]
            if not xs or not ys or any(math.isinf(v) for b in boxes for v in b):
                return None
            return max(xs) - min(xs), max(ys) - min(ys)
    frame, drawn = axes.get("bbox"), artist.get("bbox")
    if not frame or not drawn or frame[2] <= frame[0] or frame[3] <= frame[1]:
        return None
    w = min(drawn[2], frame[2]) - max(drawn[0], frame[0])
    h = min(drawn[3], frame[3]) - max(drawn[1], frame[1])
    return max(0.0, w) / (frame[2] - frame[0]), max(0.0, h) / (frame[3] - frame[1])


def _squeezed(
    kind: str,
    old: tuple[list[Box], dict[str, Any], dict[str, Any]],
    new: tuple[list[Box], dict[str, Any], dict[str, Any]],
) -> bool:
    """An artist with the same values pressed into a sliver of the plot along either axis (`SQUEEZED_TO`), or a
    line or point set pressed against the plot's edge (`_pressed`: a level line under a log axis from 0)."""
    (old_boxes, old_artist, old_axes), (new_boxes, new_artist, new_axes) = old, new
    if not _same_values(old_boxes, new_boxes):
        return False  # the values changed: the marks read as their new values, not as squeezed
    if kind in ("lines", "points") and any(_pressed(old_boxes, old_axes, new_axes, axis) for axis in "xy"):
        return True
    before = _extent(kind, old_boxes, old_artist, old_axes)
    after = _extent(kind, new_boxes, new_artist, new_axes)
    if before is None or after is None:
        return False
    return any(b >= SQUEEZED_FROM and a < SQUEEZED_TO for b, a in zip(before, after, strict=True))


def _same_values(old: list[Box], new: list[Box]) -> bool:
    return len(old) == len(new) and all(
        math.isclose(u, v, rel_tol=1e-6, abs_tol=1e-9) or u == v
        for a, b in zip(old, new, strict=True)
        for u, v in zip(a, b, strict=True)
    )


def _pressed(
    boxes: list[Box], old_axes: dict[str, Any], new_axes: dict[str, Any], axis: str, partly_off: bool = False
) -> bool:
    """Marks (the same values on both axes) all within `SQUEEZED_TO` of one edge along ``axis`` on the new axes,
    where on the old they stood `SQUEEZED_FROM` or more from it: pressed onto the frame, unreadable (a level line,
    which has no spread to squeeze, goes with the rest). With ``partly_off``, marks of which some stood that far
    from the edge count too (a polar line that reached the rim at one end)."""
    place_a, place_b = placer(old_axes, axis, drawn=True), placer(new_axes, axis, drawn=True)
    if place_a is None or place_b is None:
        return False
    i = 0 if axis == "x" else 1
    values = [b[i] for b in boxes if math.isfinite(b[i])]
    old = [v for v in map(place_a, values) if v is not None]
    new = [v for v in map(place_b, values) if v is not None]
    if not old or len(new) != len(old):
        return False
    stood_off = any if partly_off else all
    return any(
        all(abs(v - edge) < SQUEEZED_TO for v in new) and stood_off(abs(v - edge) >= SQUEEZED_FROM for v in old)
        for edge in (0.0, 1.0)
    )


def hidden_share(before: Scene | None, after: Scene | None) -> float | None:
    """The share of the data in view before that is out of view or squeezed out of reading after, in the axes
    where the most went: the mean over the data artists that showed before of the share of their marks
    (vertices, bars) that no longer show, or all of them for an artist squeezed into a sliver. Only artists
    that exist in both scenes count (same kind and order in their axes): a series dropped or retyped is
    missing, not hidden. None when the scenes hold nothing to compare."""
    shares = _axes_hidden_shares(before, after)
    return max(shares) if shares else None


def figure_hidden_share(before: Scene | None, after: Scene | None) -> float | None:
    """`hidden_share` over the whole figure: the mean over the axes that showed data of their shares hidden
    (a log axis pressing the lines of three shared panels against their tops hides what empty axes hide)."""
    shares = _axes_hidden_shares(before, after)
    return sum(shares) / len(shares) if shares else None


def _axes_hidden_shares(before: Scene | None, after: Scene | None) -> list[float]:
    """`hidden_share` of each 2-D rectilinear or polar axes that showed data before."""
    out: list[float] = []
    for a, b in zip(axes_of(before), axes_of(after), strict=False):
        if a.get("name") == "polar" and b.get("name") == "polar":
            share = _radial_pressed_share(a, b)
            if share is not None:
                out.append(share)
            continue
        if is_3d(a) or is_3d(b) or a.get("name", "rectilinear") != "rectilinear":
            continue  # projected coordinates: not boxes in data units
        # Limits that cannot be read (a log axis from 0) leave only the squeeze to tell.
        shows_a, shows_b = _in_view(a) or (lambda box: True), _in_view(b) or (lambda box: True)
        old: dict[str, list[tuple[list[Box], dict[str, Any]]]] = {}
        new: dict[str, list[tuple[list[Box], dict[str, Any]]]] = {}
        for kind, boxes, artist in _marks(a):
            old.setdefault(kind, []).append((boxes, artist))
        for kind, boxes, artist in _marks(b):
            new.setdefault(kind, []).append((boxes, artist))
        shares: list[float] = []
        for kind, artists in old.items():
            for i, (boxes, artist) in enumerate(artists):
                seen = sum(map(shows_a, boxes)) / len(boxes) if boxes else 0.0
                if seen == 0.0:
                    continue
                others = new.get(kind) or []
                if len(others) != len(artists):  # a series dropped or added: not this rule's concern
                    shares.append(0.0)
                    continue
                if _squeezed(kind, (boxes, artist, a), (*others[i], b)):
                    shares.append(1.0)
                    continue
                still = sum(map(shows_b, others[i][0])) / len(others[i][0]) if others[i][0] else 0.0
                shares.append(max(0.0, seen - still) / seen)
        if shares:
            out.append(sum(shares) / len(shares))
    return out


def _radial_pressed_share(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Polar axes: the share of the lines and point sets (same values before and after) pressed onto the rim
    or the centre along the radius (`_pressed` on the radial axis, ``y``: a log radius from 0 draws every mark
    on the rim), a line that reached the rim before included (a sun path's hour line rises from the horizon).
    The angle wraps and has no edge to press against; None when no data showed."""
    old = [(kind, boxes) for kind, boxes, _ in _marks(a) if kind in ("lines", "points") and boxes]
    new = [(kind, boxes) for kind, boxes, _ in _marks(b) if kind in ("lines", "points") and boxes]
    if not old:
        return None
    if len(new) != len(old):
        return 0.0  # a series dropped or added: not this rule's concern
    pressed = [
        k == kind and _same_values(boxes, others) and _pressed(boxes, a, b, "y", partly_off=True)
        for (k, boxes), (kind, others) in zip(old, new, strict=True)
    ]
    return sum(pressed) / len(pressed)
