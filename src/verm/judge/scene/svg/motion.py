"""How a paired SVG element moved or changed shape: its box, its appended transform, its path data.

The stage of `verm.judge.scene.svg.diff` that reads one element's geometry change: how far its box or outline
moved (a share of the canvas side), an appended transform split into the edits that wrote it, a changed path read
as a uniform resize and/or a moved point, a transform small enough to be a shape change.
"""

from __future__ import annotations

import math
import re
from typing import Any

from verm.judge.scene.boxes import clean_box
from verm.judge.scene.svg.grade import Ink, outline_moved, resize_moved, to_polyline, transformed_moved
from verm.svg_path import parse_transform, path_vertices

#: A path's points fit a resize when they lie within this share of the canvas of where it puts them (`path_edits`).
RESIZE_FIT = 0.02
#: A box within this share of the canvas side from its edge is cut there (`at_canvas_edge`).
CANVAS_EDGE = 0.002


def stroke_box(e: dict[str, Any], ink: Ink) -> tuple[float, float]:
    """The stroke's share of an element's box width and height (a box holds half a stroke each side)."""
    if e.get("stroke") in (None, "none"):
        return 0.0, 0.0
    width = float(e.get("stroke_width") or 0) * ink.scale
    return width / ink.w, width / ink.h


def at_canvas_edge(bbox: Any) -> bool:
    """Whether a (normalised) box reaches the canvas edge, where the drawing is cut."""
    box = clean_box(bbox)
    return box is not None and (min(box) <= CANVAS_EDGE or max(box) >= 1 - CANVAS_EDGE)


def canvas_side(scene: dict[str, Any]) -> float | None:
    """The canvas size in user units (the larger viewBox side), for path-point moves."""
    vb = scene.get("viewBox")
    if isinstance(vb, (list, tuple)) and len(vb) == 4 and vb[2] and vb[3]:
        return float(max(vb[2], vb[3]))
    return None


def box_moved(ba: Any, bb: Any, da: str | None, db: str | None, canvas: float | None) -> float:
    """How far an element's outline moved, a share of the canvas side: a uniform resize by its edges' move, else
    the largest move of a box edge or a path point."""
    if ba is None or bb is None:
        return 0.1
    wa, ha, wb, hb = ba[2] - ba[0], ba[3] - ba[1], bb[2] - bb[0], bb[3] - bb[1]
    ratios = [y / x for x, y in ((wa, wb), (ha, hb)) if x > 0.005]
    if ratios and max(ratios) < 1.1 * min(ratios) and abs(ratios[0] - 1) > 0.01:
        return max(abs(ba[k] - bb[k]) for k in range(4))
    shift = max(abs(ba[k] - bb[k]) for k in range(4))
    if da and db and canvas and not da.endswith("...") and not db.endswith("..."):
        pa, pb = path_vertices(da), path_vertices(db)
        if pa and len(pa) == len(pb):
            moved = max(math.hypot(x1 - x2, y1 - y2) for (x1, y1), (x2, y2) in zip(pa, pb, strict=True))
            shift = max(shift, moved / canvas)
    return shift


def resize_outline(ink: Ink, e: dict[str, Any], ga: str | None, gb: str | None) -> float:
    """How far a resized path's outline moved (its vertices before and after)."""
    pa, pb = (path_vertices(ga) if ga else []), (path_vertices(gb) if gb else [])
    if len(pa) < 2 or len(pa) != len(pb):
        return resize_moved(ink, e, 1.0)
    return outline_moved(ink, pa, pb)


def transform_moved(ink: Ink, e: dict[str, Any], part: str, percentile: float = 98) -> float:
    """How far an appended transform moves an element's outline, a share of the canvas side (the ``percentile``
    of its points' distances to the other outline)."""
    matrix = parse_transform(part)
    return transformed_moved(ink, e, matrix, percentile) if matrix is not None else 0.1


_TRANSFORM_FN_RE = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\([^)]*\)")


def transform_parts(extra: str | None) -> list[str]:
    """An appended transform split into the edits that wrote it: ``translate(c) scale(s) translate(-c)`` (a
    resize or mirror about a centre) is one part, any other function is a part of its own."""
    if not extra:
        return []
    fns = [m.group(0) for m in _TRANSFORM_FN_RE.finditer(extra)]
    out: list[str] = []
    k = 0
    while k < len(fns):
        if (
            k + 2 < len(fns)
            and fns[k].startswith("translate")
            and fns[k + 1].startswith("scale")
            and fns[k + 2].startswith("translate")
        ):
            out.append(" ".join(fns[k : k + 3]))
            k += 3
        else:
            out.append(fns[k])
            k += 1
    return out or [extra]


PathEdit = tuple[str, float, str, float, list[tuple[float, float]]]


def path_edits(da: str | None, db: str | None, canvas: float | None) -> list[PathEdit] | None:
    """A changed path read as a uniform resize and/or a moved point (the engine's shape_size and path_coords):
    ("resize", factor, words, 0, []) and ("point", how far its outline moved as a share of the canvas, words,
    how far the point itself moved, its wedge: the moved points before and after with their neighbours, in the
    candidate's user units); None when the paths cannot be compared point by point."""
    if not da or not db or not canvas or da.endswith("...") or db.endswith("..."):
        return None
    pa, pb = path_vertices(da), path_vertices(db)
    if len(pa) < 2 or len(pa) != len(pb):
        return None
    if len(pa) == 2:  # a line: resized about its centre (same centre and direction), else an end point moved
        (ax0, ay0), (ax1, ay1) = pa
        (bx0, by0), (bx1, by1) = pb
        va, vb = (ax1 - ax0, ay1 - ay0), (bx1 - bx0, by1 - by0)
        la, lb = math.hypot(*va), math.hypot(*vb)
        centre = math.hypot((ax0 + ax1 - bx0 - bx1) / 2, (ay0 + ay1 - by0 - by1) / 2) / canvas
        cross = abs(va[0] * vb[1] - va[1] * vb[0]) / (la * lb) if la > 0 and lb > 0 else 1.0
        if centre < 0.002 and cross < 0.01 and la > 0 and abs(lb / la - 1) > 0.01:
            return [("resize", lb / la, f"its size is scaled by {lb / la:.2f}", 0.0, [])]
        moved = max(math.hypot(x1 - x2, y1 - y2) for (x1, y1), (x2, y2) in zip(pa, pb, strict=True)) / canvas
        if moved <= 0.005:
            return None
        return [("point", moved, f"a point moved by {moved:.0%} of the canvas", moved, [*pa, *pb])]
    f, tx, ty, keep = _resize_fit(pa, pb, canvas)

    def residual(i: int, f: float, tx: float, ty: float) -> float:
        return math.hypot(pb[i][0] - (f * pa[i][0] + tx), pb[i][1] - (f * pa[i][1] + ty))

    out: list[PathEdit] = []
    # A resize is read only when the points it kept fit it (within `RESIZE_FIT` of the canvas: a resize
    # written with rounded numbers): a point moved on a path of three or four (a wedge) bends the fit of all
    # of them into a resize that is not there.
    fits = max(residual(i, f, tx, ty) for i in keep) <= RESIZE_FIT * canvas
    if abs(f - 1) > 0.01 and fits:
        out.append(("resize", f, f"its size is scaled by {f:.2f}", 0.0, []))
    else:
        f, tx, ty = 1.0, 0.0, 0.0
    moved = max(residual(i, f, tx, ty) for i in range(len(pa))) / canvas
    if moved > 0.005 and (not out or moved > 0.01):
        # What shows is how far the outline moved, not the point: a point slid along the outline moves little.
        fitted = [(f * x + tx, f * y + ty) for x, y in pa]
        off = [i for i in range(len(pa)) if residual(i, f, tx, ty) > 1e-3 * canvas]
        outline = max(max(to_polyline(pb[i], fitted), to_polyline(fitted[i], pb)) for i in off) / canvas
        wedge = [p for i in off for p in (fitted[i], pb[i], pb[max(0, i - 1)], pb[min(len(pb) - 1, i + 1)])]
        out.append(("point", outline, f"a point moved by {moved:.0%} of the canvas", moved, wedge))
    return out or None


def _resize_fit(
    pa: list[tuple[float, float]], pb: list[tuple[float, float]], canvas: float
) -> tuple[float, float, float, list[int]]:
    """The uniform resize ``pb = f * pa + t`` that the points fit, moved points dropped as its outliers: ``(f, tx,
    ty, the points kept)``."""
    keep = list(range(len(pa)))

    def fit(idx: list[int]) -> tuple[float, float, float]:
        # Least squares pb = f * pa + t over the kept points (both coordinates share f).
        mx = sum(pa[i][0] for i in idx) / len(idx)
        my = sum(pa[i][1] for i in idx) / len(idx)
        nx = sum(pb[i][0] for i in idx) / len(idx)
        ny = sum(pb[i][1] for i in idx) / len(idx)
        var = sum((pa[i][0] - mx) ** 2 + (pa[i][1] - my) ** 2 for i in idx)
        cov = sum((pa[i][0] - mx) * (pb[i][0] - nx) + (pa[i][1] - my) * (pb[i][1] - ny) for i in idx)
        f = cov / var if var > 1e-12 else 1.0
        return f, nx - f * mx, ny - f * my

    def residual(i: int, f: float, tx: float, ty: float) -> float:
        return math.hypot(pb[i][0] - (f * pa[i][0] + tx), pb[i][1] - (f * pa[i][1] + ty))

    f, tx, ty = fit(keep)
    for _ in range(3):  # moved points are outliers of the resize: drop them and fit again
        res = [residual(i, f, tx, ty) for i in keep]
        worst = max(range(len(keep)), key=lambda k: res[k])
        if len(keep) <= 3 or res[worst] <= 1e-3 * canvas:
            break
        keep.pop(worst)
        f, tx, ty = fit(keep)
    return f, tx, ty, keep


def path_resize(da: str | None, db: str | None, canvas: float | None) -> tuple[float, float, float] | None:
    """The uniform resize ``(f, tx, ty)`` (``db ≈ f * da + t`` in user units) that `path_edits` reads in a changed
    path, ``(1, 0, 0)`` when it reads none; None when the paths cannot be compared point by point."""
    edits = path_edits(da, db, canvas)
    if edits is None or not da or not db:
        return None
    if not any(kind == "resize" for kind, *_ in edits):
        return 1.0, 0.0, 0.0
    pa, pb = path_vertices(da), path_vertices(db)
    f, tx, ty, _ = _resize_fit(pa, pb, canvas)  # type: ignore[arg-type]
    return f, tx, ty


def added_transform(old: str | None, new: str | None) -> str | None:
    """The part of ``new`` appended to ``old`` (how transforms are usually edited), else the whole of ``new``."""
    old, new = (old or "").strip(), (new or "").strip()
    if new.startswith(old):
        return new[len(old) :].strip() or None
    return new or None


def small_transform(ba: Any, bb: Any, extra: str | None = None, canvas: float | None = None) -> bool:
    """Small as the perturbation engine draws them (rotate < 10°, scale within 8 %, shift < 5 % of the canvas):
    read from the added transform where it parses, else from the boxes."""
    if extra:
        m = re.search(r"rotate\(\s*([-+\d.eE]+)", extra)
        if m:
            return abs(float(m.group(1))) < 10
        m = re.search(r"scale\(\s*([-+\d.eE]+)(?:[\s,]+([-+\d.eE]+))?", extra)
        if m:
            sx = float(m.group(1))
            sy = float(m.group(2)) if m.group(2) else sx
            return max(abs(sx - 1), abs(sy - 1)) <= 0.08 + 1e-9
        m = re.fullmatch(r"translate\(\s*([-+\d.eE]+)(?:[\s,]+([-+\d.eE]+))?\s*\)", extra)
        if m and canvas:
            return math.hypot(float(m.group(1)), float(m.group(2) or 0)) / canvas < 0.05
    if ba is None or bb is None:
        return False
    wa, ha, wb, hb = ba[2] - ba[0], ba[3] - ba[1], bb[2] - bb[0], bb[3] - bb[1]
    ratio_ok = all(0.9 <= (y / x if x > 1e-6 else 1.0) <= 1.1 for x, y in ((wa, wb), (ha, hb)))
    return ratio_ok and max(abs(ba[k] - bb[k]) for k in range(4)) < 0.05


def box_motion(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, float, float, float]:
    cxa, cya, cxb, cyb = (a[0] + a[2]) / 2, (a[1] + a[3]) / 2, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    sx = (b[2] - b[0]) / (a[2] - a[0]) if a[2] > a[0] else 1.0
    sy = (b[3] - b[1]) / (a[3] - a[1]) if a[3] > a[1] else 1.0
    return (round(cxb - cxa, 2), round(cyb - cya, 2), round(sx, 1), round(sy, 1))
