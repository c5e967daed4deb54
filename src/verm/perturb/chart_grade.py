"""What a chart edit changes for its reader, read from the scenes of the renderings
before and after it (`verm.render.chart`: every axes with its limits, lines,
patches, collections and images in data units). The rules that use these are
in `verm.perturb.chart`'s docstring.

- `reading_change`: the largest change of a plotted value, as a share of the
  span its axis shows (the full circle for a pie's wedges, the colour scale
  for an image): how differently a reader reads the data. Artists are paired
  by their order within their axes; a value on a log axis is compared in
  decades. A mark that appears or vanishes (an outlier of a box plot: the
  artist's length changes) counts by its distance from the nearest mark of
  its kind (lines, points ...) in the other scene's axes.
- `marks_moved`: how far the plotted values moved on the plot, as a share
  of the axes' size (each scene read with its own limits and scale): what a
  change of axis limits or scale does to the marks, whichever way it goes.

A 3-D axes' scene holds its artists' projected 2-D coordinates, not data
values: there both readings take the share of the span the projected data
cover (over both scenes), since the axis limits are in other units.
- `cut_off`: a y value the reference showed lies outside the candidate's
  y limits (data clipped away).
- `hidden_share`: the share of the plotted data that was in view and no
  longer is (pushed beyond the axes' limits, onto a log axis at or below 0),
  or that still shows but was squeezed into a sliver by the axes while its
  values stayed (a bar or a line's rise under `SQUEEZED_TO` of the plot where
  it spanned `SQUEEZED_FROM` or more: a log scale or a range that presses
  the marks against one edge): the marks still exist in the program, yet a
  reader sees them missing or cannot read them.
- `confusable`: a recoloured data artist now has (nearly) the colour of another
  series in its axes, or of the axes' background, so the series can no longer
  be told apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from verm.perturb.mutate import delta_e, hex_rgb

#: Two colours a reader cannot tell apart as series (CIE76).
CONFUSABLE_DE = 20.0
#: Colours closer than this to a recoloured artist's old colour belong to its own series.
SAME_SERIES_DE = 10.0
#: A y value counts as cut off when it lies this share of the span outside the new limits.
CUT_TOLERANCE = 0.005
#: A mark whose extent on the plot (a share of the axes' width or height) was at least SQUEEZED_FROM and is
#: under SQUEEZED_TO with the same values is squeezed out of reading (about 2 px of a 500-px plot).
SQUEEZED_FROM = 0.02
SQUEEZED_TO = 0.004

Scene = dict[str, Any]


def _axes(scene: Scene | None) -> list[dict[str, Any]]:
    if not scene or "error" in scene:
        return []
    return [a for a in scene.get("axes") or [] if isinstance(a, dict)]


def _span(lim: Any, log: bool) -> tuple[float, float] | None:
    if not lim or len(lim) != 2 or any(v is None for v in lim):
        return None
    lo, hi = sorted(float(v) for v in lim)
    if log:
        if lo <= 0:
            return None
        lo, hi = math.log10(lo), math.log10(hi)
    return (lo, hi) if hi > lo else None


def _scaled(v: float | None, log: bool) -> float | None:
    if v is None or not math.isfinite(v):
        return None
    if log:
        return math.log10(v) if v > 0 else None
    return v


def _series(axes: dict[str, Any]) -> Iterator[tuple[str, str, list[list[float | None]]]]:
    """(kind, axis, arrays) for every plotted artist: axis is "x", "y", "theta" or "value"; each
    kind's artists come in their drawing order, one array per artist."""
    lines = axes.get("lines") or []
    yield "lines", "x", [ln.get("x") or [] for ln in lines]
    yield "lines", "y", [ln.get("y") or [] for ln in lines]
    rects = [p for p in axes.get("patches") or [] if "height" in p]
    yield "rects", "x", [[p["x"], p["x"] + p["width"]] for p in rects]
    yield "rects", "y", [[p["y"], p["y"] + p["height"]] for p in rects]
    wedges = [p for p in axes.get("patches") or [] if "theta1" in p]
    yield "wedges", "theta", [[p["theta1"], p["theta2"]] for p in wedges]
    cols = axes.get("collections") or []
    points = [c for c in cols if "x" in c]
    yield "points", "x", [c.get("x") or [] for c in points]
    yield "points", "y", [c.get("y") or [] for c in points]
    polys = [c for c in cols if "paths" in c]
    yield "polys", "x", [[v for path in c["paths"] for v in path[0::2]] for c in polys]
    yield "polys", "y", [[v for path in c["paths"] for v in path[1::2]] for c in polys]
    meshes = [c for c in cols if "values" in c]
    yield "meshes", "value", [c.get("values") or [] for c in meshes]
    images = axes.get("images") or []
    yield "images", "value", [im.get("values") or [] for im in images]


def _value_span(
    axis: str, a: dict[str, Any], arrays: list[list[float | None]], kind: str
) -> tuple[float, float] | None:
    if axis == "theta":
        return 0.0, 360.0
    if axis == "value":
        if kind == "images":
            clims = [im.get("clim") for im in a.get("images") or []]
            spans = [_span(c, False) for c in clims if c]
            if spans and spans[0]:
                return spans[0]
        vals = [v for arr in arrays for v in arr if v is not None and math.isfinite(v)]
        return (min(vals), max(vals)) if vals and max(vals) > min(vals) else None
    if _is_3d(a):
        return _projected_span(axis, a)
    return _span(a.get(f"{axis}lim"), a.get(f"{axis}scale") == "log")


def _is_3d(axes: dict[str, Any]) -> bool:
    return axes.get("name") == "3d"


def _projected_span(axis: str, *axes: dict[str, Any]) -> tuple[float, float] | None:
    """The span the projected coordinates of 3-D axes' artists cover along ``axis``."""
    vals = [
        v
        for a in axes
        for _, ax_name, arrays in _series(a)
        if ax_name == axis
        for arr in arrays
        for v in arr
        if v is not None and math.isfinite(v)
    ]
    return (min(vals), max(vals)) if vals and max(vals) > min(vals) else None


def reading_change(before: Scene | None, after: Scene | None) -> float | None:
    """The largest change of a plotted value as a share of its axis's span; None when the scenes
    hold nothing to compare (no scene, or every artist list changed its length)."""
    best: float | None = None
    for a, b in zip(_axes(before), _axes(after), strict=False):
        for (kind, axis, old), (_, _, new) in zip(_series(a), _series(b), strict=True):
            if len(old) != len(new) or not old:
                continue
            span = _value_span(axis, a, old, kind)
            if span is None:
                continue
            log = axis in ("x", "y") and a.get(f"{axis}scale") == "log"
            width = span[1] - span[0]
            for xs, ys in zip(old, new, strict=True):
                if len(xs) != len(ys):  # a mark appeared or vanished (a box plot's outlier)
                    change = _appeared(xs, ys, old, new, log, width)
                    if change is not None:
                        best = change if best is None else max(best, change)
                    continue
                for u, v in zip(xs, ys, strict=True):
                    su, sv = _scaled(u, log), _scaled(v, log)
                    if su is None or sv is None:
                        continue
                    change = abs(sv - su) / width
                    best = change if best is None else max(best, change)
    return best


def _appeared(
    xs: list[float | None],
    ys: list[float | None],
    old: list[list[float | None]],
    new: list[list[float | None]],
    log: bool,
    width: float,
) -> float | None:
    """How far a mark that appeared (vanished) lies from every mark of the other scene's axes, as a share
    of the span: a point added (dropped) next to the others reads the same, one far from them reads as a
    value that is (was) there."""
    grown, shrunk, others = (ys, xs, old) if len(ys) > len(xs) else (xs, ys, new)
    kept = {_scaled(v, log) for v in shrunk}
    near = sorted({s for arr in others for v in arr if (s := _scaled(v, log)) is not None})
    if not near:
        return None
    best: float | None = None
    for v in grown:
        s = _scaled(v, log)
        if s is None or s in kept:
            continue
        gap = min(abs(s - n) for n in near) / width
        best = gap if best is None else max(best, gap)
    return best


def marks_moved(before: Scene | None, after: Scene | None) -> float | None:
    """How far the plotted values moved on their plots: each value's place as a share of its axes'
    width (height), read with each scene's own limits and scale, clipped to the plot; the largest shift.
    None when the scenes hold nothing to compare, or an axis that changed cannot be read (a log axis
    whose scene limit is 0)."""
    best: float | None = None
    for a, b in zip(_axes(before), _axes(after), strict=False):
        for (_, axis, old), (_, _, new) in zip(_series(a), _series(b), strict=True):
            if axis not in ("x", "y") or len(old) != len(new):
                continue
            if _is_3d(a) or _is_3d(b):
                span = _projected_span(axis, a, b)
                place_a = place_b = None if span is None else _placer_on(span, False)
            else:
                place_a, place_b = _placer(a, axis), _placer(b, axis)
            if place_a is None or place_b is None:
                if any(a.get(f"{axis}{k}") != b.get(f"{axis}{k}") for k in ("lim", "scale")) and any(old):
                    return None
                continue
            for xs, ys in zip(old, new, strict=True):
                if len(xs) != len(ys):
                    continue
                for u, v in zip(xs, ys, strict=True):
                    pu, pv = place_a(u), place_b(v)
                    if pu is None or pv is None:
                        continue
                    shift = abs(pv - pu)
                    best = shift if best is None else max(best, shift)
    return best


def _placer(axes: dict[str, Any], axis: str) -> Any:
    """A function from a value to its place on the axes (0..1 along ``axis``, clipped), or None."""
    log = axes.get(f"{axis}scale") == "log"
    span = _span(axes.get(f"{axis}lim"), log)
    return None if span is None else _placer_on(span, log)


def _placer_on(span: tuple[float, float], log: bool) -> Any:
    """A function from a value to its place (0..1, clipped) along ``span`` (in decades when ``log``)."""
    lo, width = span[0], span[1] - span[0]

    def place(v: float | None) -> float | None:
        s = _scaled(v, log)
        return None if s is None else min(1.0, max(0.0, (s - lo) / width))

    return place


def _y_values(axes: dict[str, Any]) -> Iterator[float]:
    """Every plotted y value (a bar's base and top)."""
    for _, axis, arrays in _series(axes):
        if axis == "y":
            yield from (v for arr in arrays for v in arr if v is not None and math.isfinite(v))


def cut_off(before: Scene | None, after: Scene | None) -> bool:
    """Whether a y value inside the reference's y limits lies outside the candidate's."""
    for a, b in zip(_axes(before), _axes(after), strict=False):
        old, new = _span(a.get("ylim"), False), _span(b.get("ylim"), False)
        if old is None or new is None or _is_3d(a) or _is_3d(b):  # projected values: not in data units
            continue
        tol = CUT_TOLERANCE * (old[1] - old[0])
        for v in _y_values(a):
            if old[0] - tol <= v <= old[1] + tol and not new[0] - tol <= v <= new[1] + tol:
                return True
    return False


Box = tuple[float, float, float, float]


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
    `CUT_TOLERANCE` of the span; on a log axis only above 0), or None when the limits cannot be read."""
    spans = []
    for axis in ("x", "y"):
        log = axes.get(f"{axis}scale") == "log"
        span = _span(axes.get(f"{axis}lim"), log)
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
        place_x, place_y = _placer(axes, "x"), _placer(axes, "y")
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
    """An artist with the same values pressed into a sliver of the plot along either axis (`SQUEEZED_TO`)."""
    (old_boxes, old_artist, old_axes), (new_boxes, new_artist, new_axes) = old, new
    if len(old_boxes) != len(new_boxes) or not all(
        math.isclose(u, v, rel_tol=1e-6, abs_tol=1e-9) or u == v
        for a, b in zip(old_boxes, new_boxes, strict=True)
        for u, v in zip(a, b, strict=True)
    ):
        return False  # the values changed: the marks read as their new values, not as squeezed
    before = _extent(kind, old_boxes, old_artist, old_axes)
    after = _extent(kind, new_boxes, new_artist, new_axes)
    if before is None or after is None:
        return False
    return any(b >= SQUEEZED_FROM and a < SQUEEZED_TO for b, a in zip(before, after, strict=True))


def hidden_share(before: Scene | None, after: Scene | None) -> float | None:
    """The share of the data in view before that is out of view or squeezed out of reading after, in the axes
    where the most went: the mean over the data artists that showed before of the share of their marks
    (vertices, bars) that no longer show, or all of them for an artist squeezed into a sliver. Only artists
    that exist in both scenes count (same kind and order in their axes): a series dropped or retyped is
    missing, not hidden. None when the scenes hold nothing to compare."""
    best: float | None = None
    for a, b in zip(_axes(before), _axes(after), strict=False):
        if _is_3d(a) or _is_3d(b) or a.get("name", "rectilinear") != "rectilinear":
            continue  # projected or polar coordinates: not boxes in data units
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
            share = sum(shares) / len(shares)
            best = share if best is None else max(best, share)
    return best


def _colours(axes: dict[str, Any]) -> list[tuple[str, int, str | None]]:
    """(kind, index, colour) of the data artists: a line's colour, a patch's face (or edge), a
    collection's single face (or edge) colour."""
    out: list[tuple[str, int, str | None]] = []
    for i, ln in enumerate(axes.get("lines") or []):
        out.append(("line", i, ln.get("color")))
    for i, p in enumerate(axes.get("patches") or []):
        out.append(("patch", i, p.get("facecolor") or p.get("edgecolor")))
    for i, c in enumerate(axes.get("collections") or []):
        faces = set(c.get("facecolors") or []) or set(c.get("edgecolors") or [])
        out.append(("collection", i, next(iter(faces)) if len(faces) == 1 else None))
    return out


def confusable(before: Scene | None, after: Scene | None) -> bool:
    """Whether a recoloured data artist now looks like another series (or the background) of its axes."""
    for a, b in zip(_axes(before), _axes(after), strict=False):
        old, new = _colours(a), _colours(b)
        if [(k, i) for k, i, _ in old] != [(k, i) for k, i, _ in new]:
            continue
        changed = [(o[2], n[2]) for o, n in zip(old, new, strict=True) if o[2] != n[2] and o[2] and n[2]]
        kept = [n[2] for o, n in zip(old, new, strict=True) if o[2] == n[2] and n[2]]
        if b.get("facecolor"):
            kept.append(b["facecolor"])
        for was, now in changed:
            was_rgb, now_rgb = hex_rgb(was), hex_rgb(now)
            if was_rgb is None or now_rgb is None:
                continue
            for other in kept:
                rgb = hex_rgb(other)
                if rgb is None or delta_e(rgb, was_rgb) <= SAME_SERIES_DE:
                    continue  # the recoloured artist's own series
                if delta_e(rgb, now_rgb) < CONFUSABLE_DE:
                    return True
    return False


def plot_box(scene: Scene | None, box: tuple[float, float, float, float]) -> tuple[float, float, float, float] | None:
    """The box of the axes that holds most of ``box`` (fractions), or None."""
    best, area = None, 0.0
    for a in _axes(scene):
        bb = a.get("bbox")
        if not bb:
            continue
        w = min(bb[2], box[2]) - max(bb[0], box[0])
        h = min(bb[3], box[3]) - max(bb[1], box[1])
        if w > 0 and h > 0 and w * h > area:
            best, area = tuple(bb), w * h
    return best  # type: ignore[return-value]
