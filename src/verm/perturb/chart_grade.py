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
- `hidden_share` (`verm.chart_view`): the share of the plotted data out of view
  or squeezed out of reading.
- `confusable`: a recoloured data artist now has (nearly) the colour of another
  series in its axes, or of the axes' background, so the series can no longer
  be told apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from verm.chart_view import CUT_TOLERANCE, Scene, axes_of, is_3d, placer, placer_on, scaled, span_of
from verm.perturb.mutate import delta_e, hex_rgb

#: Two colours a reader cannot tell apart as series (CIE76).
CONFUSABLE_DE = 20.0
#: Colours closer than this to a recoloured artist's old colour belong to its own series.
SAME_SERIES_DE = 10.0


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
            spans = [span_of(c, False) for c in clims if c]
            if spans and spans[0]:
                return spans[0]
        vals = [v for arr in arrays for v in arr if v is not None and math.isfinite(v)]
        return (min(vals), max(vals)) if vals and max(vals) > min(vals) else None
    if is_3d(a):
        return _projected_span(axis, a)
    return span_of(a.get(f"{axis}lim"), a.get(f"{axis}scale") == "log")


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
    for a, b in zip(axes_of(before), axes_of(after), strict=False):
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
                    su, sv = scaled(u, log), scaled(v, log)
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
    kept = {scaled(v, log) for v in shrunk}
    near = sorted({s for arr in others for v in arr if (s := scaled(v, log)) is not None})
    if not near:
        return None
    best: float | None = None
    for v in grown:
        s = scaled(v, log)
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
    for a, b in zip(axes_of(before), axes_of(after), strict=False):
        for (_, axis, old), (_, _, new) in zip(_series(a), _series(b), strict=True):
            if axis not in ("x", "y") or len(old) != len(new):
                continue
            if is_3d(a) or is_3d(b):
                span = _projected_span(axis, a, b)
                place_a = place_b = None if span is None else placer_on(span, False)
            else:
                place_a, place_b = placer(a, axis), placer(b, axis)
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


def _y_values(axes: dict[str, Any]) -> Iterator[float]:
    """Every plotted y value (a bar's base and top)."""
    for _, axis, arrays in _series(axes):
        if axis == "y":
            yield from (v for arr in arrays for v in arr if v is not None and math.isfinite(v))


def cut_off(before: Scene | None, after: Scene | None) -> bool:
    """Whether a y value inside the reference's y limits lies outside the candidate's."""
    for a, b in zip(axes_of(before), axes_of(after), strict=False):
        old, new = span_of(a.get("ylim"), False), span_of(b.get("ylim"), False)
        if old is None or new is None or is_3d(a) or is_3d(b):  # projected values: not in data units
            continue
        tol = CUT_TOLERANCE * (old[1] - old[0])
        for v in _y_values(a):
            if old[0] - tol <= v <= old[1] + tol and not new[0] - tol <= v <= new[1] + tol:
                return True
    return False


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
    for a, b in zip(axes_of(before), axes_of(after), strict=False):
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
    for a in axes_of(scene):
        bb = a.get("bbox")
        if not bb:
            continue
        w = min(bb[2], box[2]) - max(bb[0], box[0])
        h = min(bb[3], box[3]) - max(bb[1], box[1])
        if w > 0 and h > 0 and w * h > area:
            best, area = tuple(bb), w * h
    return best  # type: ignore[return-value]
