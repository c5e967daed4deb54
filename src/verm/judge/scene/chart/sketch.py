"""Charts, where a change shows: an axes' marks painted flat, for the same-place merge.

The bench's truth (`verm.perturb.truth`) merges two edits when at least half of the smaller one's changed
pixels lie on (within 2 px of) the other's, each measured in the candidate: between the candidate the other
edits make without it and the candidate. An axis turned log beside a series scaled shows as one change where
the series' moved ends lie on the ends the axis moved, and as two where they lie apart (bars stretched up by
narrowed limits whose series then shrank below the new top: the axis moved the ends up to the new top, the
values' change lies above it).

`Sketch` paints one axes pair's candidate marks (lines, markers, bars, scatter points, filled areas, segments),
each in a palette index of its colour (a bar filled in the plot's background colour, hollow, as its outline),
on a raster of the image's size, and a change's footprint is where two such paintings differ:

- an axis whose range or scale changed: the candidate's marks in the reference's limits (or scale) on that
  axis against the candidate's, with that axis' tick labels and grid lines;
- a series' change: the candidate with that series as the reference drew it (its values: the reference's
  marks in the candidate's colours; its looks: the candidate's marks in the reference's colours; its kind:
  the reference's series) against the candidate, the limits autoscaled to that data along an axis whose
  range is not set (autoscaled limits follow the data, so every mark moved with it);
- a series missing or added: the candidate with and without it; with its legend entry (and a series drawn
  as another kind, its entry's handle).

An axes whose marks cannot all be painted (a pie, a heatmap, box plots, stacked bars, polar or 3-D, a scene
cut off past the renderer's cap of artists) gives no
footprints: the rules of `verm.judge.scene.chart.grade` decide there. The scenes keep no alpha: fills are
painted apart from strokes of their colour (a band around its own line is drawn lighter).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from verm.judge.scene.colour import delta_e

#: The raster's scale against the image (full size, as the truth measures: 2 px touch).
SCALE = 1.0
TOUCH_PX = 2
#: Two changes are one when this share of the smaller one's changed pixels lies on the other's (the truth's).
OVERLAP_SHARE = 0.5
#: Fewer changed pixels than this (on the raster) tell nothing of where a change lies.
MIN_PIXELS = 4
#: The share of a tick label's box its glyphs ink (digits at 10 pt: about 30 %).
TICK_INK = 0.3
#: Points to pixels at the renderer's 100 dpi.
PX_PER_PT = 100 / 72
#: Kinds whose marks can be painted from the scene's data coordinates.
#: (Box-plot lines are not: one box's change is read piece by piece, and no piece is where the box changed.)
PAINTED_KINDS = frozenset(
    {"line", "points", "errorbar", "stem", "bar", "barh", "scatter", "area", "segments", "shapes"}
)
#: A line style or marker that draws nothing (as `verm.judge.scene.chart.series` reads them).
_NO_LINE = {"None", "none", "", " "}
_NO_MARKER = {"nothing", "pixel", "None", "none", "", " ", ","}
#: A bar's fill within this ΔE of the plot's background does not show (hollow bars): only its outline does.
HOLLOW_DE = 10.0
#: Limits of an axis moved by less than this share of their span leave every mark in place.
MOVED_LIMITS = 0.02

Shape = tuple[str, np.ndarray, np.ndarray, Any, float]  # (poly | fill | dots, xs, ys, colour, width px)


@dataclass(frozen=True)
class Frame:
    """Data coordinates to raster pixels: the plot box (image fractions) and each axis' limits and scale."""

    box: tuple[float, float, float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    xscale: str
    yscale: str

    def with_axis(self, axis: str, lim: tuple[float, float], scale: str) -> Frame:
        if axis == "x":
            return Frame(self.box, lim, self.ylim, scale, self.yscale)
        return Frame(self.box, self.xlim, lim, self.xscale, scale)

    def with_box(self, box: tuple[float, float, float, float] | None) -> Frame:
        return self if box is None else Frame(box, self.xlim, self.ylim, self.xscale, self.yscale)

    def to_px(self, xs: np.ndarray, ys: np.ndarray, w: int, h: int) -> np.ndarray:
        """Points (N, 2) in raster pixels, NaN where a value cannot be placed (<= 0 on a log axis)."""
        fx = _fraction(xs, self.xlim, self.xscale)
        fy = _fraction(ys, self.ylim, self.yscale)
        x0, y0, x1, y1 = self.box
        px = (x0 + fx * (x1 - x0)) * w
        py = (y1 - fy * (y1 - y0)) * h
        # Far past the raster a point only sets a line's direction: clamp it so the integers stay small.
        return np.clip(np.stack([px, py], axis=1), -4 * max(w, h), 5 * max(w, h))


def _fraction(v: np.ndarray, lim: tuple[float, float], scale: str) -> np.ndarray:
    lo, hi = lim
    with np.errstate(divide="ignore", invalid="ignore"):
        if scale == "log":
            if lo <= 0 or hi <= 0:
                return np.full(v.shape, np.nan)
            lo, hi = math.log10(lo), math.log10(hi)
            # Matplotlib clips values <= 0 on a log axis to a tiny positive one: far past the low end.
            v = np.where(v > 0, np.log10(np.where(v > 0, v, 1.0)), lo - 10 * abs(hi - lo))
        return (v - lo) / (hi - lo) if hi != lo else np.full(v.shape, np.nan)


def frame_of(ax: dict[str, Any], box: Any) -> Frame | None:
    """An axes' frame (limits and scales) in the plot box ``box``; None when it has no usable limits."""
    xl, yl = ax.get("xlim") or [], ax.get("ylim") or []
    if box is None or len(xl) != 2 or len(yl) != 2 or None in xl or None in yl:
        return None
    return Frame(tuple(box), (float(xl[0]), float(xl[1])), (float(yl[0]), float(yl[1])),
                 str(ax.get("xscale") or "linear"), str(ax.get("yscale") or "linear"))  # fmt: skip


def _floats(values: Any) -> np.ndarray:
    return np.array([float(v) if isinstance(v, (int, float)) else np.nan for v in values or []], dtype=float)


def _line_shapes(line: dict[str, Any], colour: Any = None) -> list[Shape]:
    xs, ys = _floats(line.get("x")), _floats(line.get("y"))
    if len(xs) != len(ys) or not len(xs):
        return []
    colour = colour or line.get("color")
    out: list[Shape] = []
    if str(line.get("linestyle")) not in _NO_LINE:
        out.append(("poly", xs, ys, colour, float(line.get("linewidth") or 1.0) * PX_PER_PT))
    if str(line.get("marker")) not in _NO_MARKER:
        out.append(("dots", xs, ys, colour, float(line.get("markersize") or 6.0) * PX_PER_PT))
    return out


def _path_shapes(coll: dict[str, Any], kind: str) -> list[Shape]:
    out: list[Shape] = []
    faces = coll.get("facecolors") or []
    edges = coll.get("edgecolors") or []
    for k, path in enumerate(coll.get("paths") or []):
        flat = _floats(path)
        xs, ys = flat[0::2], flat[1::2]
        if len(xs) < 2 or len(xs) != len(ys):
            continue
        if kind == "area" and faces:
            out.append(("fill", xs, ys, faces[k % len(faces)], 0.0))
        elif edges or faces:
            colours = edges or faces
            out.append(("poly", xs, ys, colours[k % len(colours)], 1.5 * PX_PER_PT))
    return out


def series_shapes(s: Any, background: Any = None) -> list[Shape] | None:
    """A series' marks in data coordinates (None when its kind cannot be painted). A bar filled in the plot's
    ``background`` colour (hollow bars, white on white) shows only its outline: it is painted as one."""
    if s.kind not in PAINTED_KINDS:
        return None
    out: list[Shape] = []
    if s.kind == "shapes":
        # A span or box drawn over the data (``axvspan``, a highlight), placed partly in the axes' own
        # coordinates: where the candidate shows it, under the data, in either state.
        for p in s.items:
            b = _box(p.get("bbox"))
            if b is None:
                return None
            out.append(("box", np.array([b[0], b[2]]), np.array([b[1], b[3]]), p.get("facecolor"), 0))
        return out
    if s.kind in ("bar", "barh"):
        for p in s.items:
            try:
                x, y, w, h = (float(p[k]) for k in ("x", "y", "width", "height"))
            except (KeyError, TypeError, ValueError):
                return None
            xs, ys = np.array([x, x + w, x + w, x]), np.array([y, y, y + h, y + h])
            face = p.get("facecolor")
            if face in (None, "none") or (background is not None and delta_e(face, background) <= HOLLOW_DE):
                edge = p.get("edgecolor")
                if edge not in (None, "none"):
                    out.append(("poly", np.append(xs, x), np.append(ys, y), edge, PX_PER_PT))
                continue
            out.append(("fill", xs, ys, face, 0))
        return out
    for item in s.items:
        if s.kind == "scatter":
            xs, ys = _floats(item.get("x")), _floats(item.get("y"))
            sizes = [float(v) for v in item.get("sizes") or [36.0] if isinstance(v, (int, float))] or [36.0]
            faces = item.get("facecolors") or item.get("edgecolors") or [s.colour]
            out.append(("dots", xs, ys, faces[0], math.sqrt(max(sizes)) * PX_PER_PT))
        elif s.kind in ("area", "segments", "errorbar"):
            out += _path_shapes(item, "area" if s.kind == "area" else "segments")
        else:
            out += _line_shapes(item)
    for name, parts in s.parts.items():
        for part in parts:
            out += _path_shapes(part, "segments") if "paths" in part else _line_shapes(part)
        if name not in ("caps", "bars", "stems", "baseline"):
            return None
    return out


class Sketch:
    """One axes pair's marks, painted (module docstring). ``kr``/``kc``: each side's series by kind, the very
    objects the findings name."""

    def __init__(self, r: dict[str, Any], c: dict[str, Any], size: tuple[float, float],
                 kr: dict[str, list[Any]], kc: dict[str, list[Any]]) -> None:  # fmt: skip
        self.r, self.c = r, c
        self.w, self.h = max(8, round(size[0] * SCALE)), max(8, round(size[1] * SCALE))
        self.box, self.ref_box = _box(c.get("bbox")), _box(r.get("bbox"))
        self.frame = frame_of(c, self.box)
        self.kr, self.kc = kr, kc
        self.palette: dict[str, int] = {}
        self._shapes: dict[int, list[Shape]] | None = None
        self._read = False
        self._painted: dict[tuple[Any, ...], np.ndarray] = {}
        self._halves: list[_Half] = []
        #: Axes whose range change the judge reports: their limits did not follow the data.
        self.axis_changed: set[str] = set()
        #: Axes read another way (range, scale, direction): the plot box moved with their tick labels.
        self.axis_read: set[str] = set()

    @property
    def shapes(self) -> dict[int, list[Shape]] | None:
        """Each series' marks in data coordinates, by id; None when a mark cannot be painted (it would hide
        what the others paint), read when a footprint is first asked for."""
        if not self._read:
            self._read = True
            found = [(s, series_shapes(s, ax.get("facecolor") or "#ffffff")) for ax, kinds in ((self.r, self.kr),
                     (self.c, self.kc)) for ss in kinds.values() for s in ss]  # fmt: skip
            flat = all(ax.get("name", "rectilinear") == "rectilinear" for ax in (self.r, self.c))  # not polar, 3-D
            # A scene that recorded only its first artists (`artists_more`) does not hold every mark to paint.
            flat = flat and not any(ax.get("artists_more") for ax in (self.r, self.c))
            if self.frame is not None and flat and all(sh is not None for _, sh in found) and not self._stacked():
                self._shapes = {id(s): sh for s, sh in found if sh is not None}
        return self._shapes

    def _stacked(self) -> bool:
        """Whether bars stand on others (a stack, a waterfall): a change of one moves those above it, which the
        painting does not follow."""
        for kinds in (self.kr, self.kc):
            for kind, base in (("bar", "y"), ("barh", "x")):
                if any(abs(float(p.get(base) or 0)) > 1e-9 for s in kinds.get(kind, []) for p in s.items):
                    return True
        return False

    @property
    def usable(self) -> bool:
        return self.shapes is not None

    def _colour(self, c: Any) -> int:
        return self.palette.setdefault(str(c), 1 + len(self.palette) % 254)

    def _order(self, kinds: dict[str, list[Any]]) -> list[Any]:
        """The candidate's series in the order matplotlib draws them: fills and bars under points and lines."""
        rank = {"shapes": -1, "area": 0, "bar": 1, "barh": 1, "segments": 2, "scatter": 3, "errorbar": 4, "stem": 4}
        return [s for k in sorted(kinds, key=lambda k: rank.get(k, 5)) for s in kinds[k]]

    def paint(self, series: Sequence[Any], frame: Frame, grid: Sequence[tuple[str, float]] = ()) -> np.ndarray:
        """The series' marks (palette indices; 0 is the background) in ``frame``, over ``grid`` lines (axis,
        image fraction), clipped to the plot."""
        import cv2

        key = (tuple(id(s) for s in series), frame, tuple(grid))
        if key in self._painted:
            return self._painted[key]
        img = np.zeros((self.h, self.w), np.uint8)
        x0, y0, x1, y1 = frame.box
        for axis, f in grid:
            if axis == "x":
                cv2.line(img, (round(f * self.w), round(y0 * self.h)), (round(f * self.w), round(y1 * self.h)), 255, 1)
            else:
                cv2.line(img, (round(x0 * self.w), round(f * self.h)), (round(x1 * self.w), round(f * self.h)), 255, 1)
        assert self.shapes is not None
        for s in series:
            shapes = self.shapes.get(id(s), [])
            placed = [sh for sh in shapes if sh[0] != "box"]
            for how, xs, ys, colour, _ in shapes:
                if how == "box":
                    cv2.rectangle(img, (round(xs[0] * self.w), round(ys[0] * self.h)),
                                  (round(xs[1] * self.w), round(ys[1] * self.h)), self._colour(f"box {colour}"), -1)  # fmt: skip
            if not placed:
                continue
            # All of a series' points placed at once (a bar series is many small shapes).
            every = frame.to_px(np.concatenate([sh[1] for sh in placed]), np.concatenate([sh[2] for sh in placed]),
                                self.w, self.h)  # fmt: skip
            good = ~np.isnan(every).any(axis=1)
            start = 0
            for how, xs, _, colour, width in placed:
                pts, ok = every[start : start + len(xs)], good[start : start + len(xs)]
                start += len(xs)
                # Fills apart from strokes: the scene keeps no alpha, and a fill is mostly drawn lighter (a band
                # around its own line).
                index = self._colour(f"{'fill' if how == 'fill' else 'ink'} {colour}")
                if how == "dots":
                    radius = max(1, round(width * SCALE / 2))
                    for x, y in pts[ok].astype(np.int32):
                        cv2.circle(img, (int(x), int(y)), radius, index, -1)
                elif how == "fill" and ok.all():
                    cv2.fillPoly(img, [pts.astype(np.int32)], index)
                else:
                    thick = max(1, round(width * SCALE))
                    for run in _runs(pts, ok):
                        cv2.polylines(img, [run.astype(np.int32)], False, index, thick)
        # Clipped to the plot: nothing outside it.
        top, bottom = max(0, round(y0 * self.h)), round(y1 * self.h) + 1
        left, right = max(0, round(x0 * self.w)), round(x1 * self.w) + 1
        img[:top] = 0
        img[bottom:] = 0
        img[:, :left] = 0
        img[:, right:] = 0
        self._painted[key] = img
        return img

    def candidate(self) -> list[Any]:
        return self._order(self.kc)

    def without(self, pairs: Iterable[tuple[Any, ...]]) -> list[Any]:
        """The candidate's series with each pair's candidate series (or nothing, when added) replaced by the
        reference's (or nothing, when missing), in drawing order. A pair's third item, where given, says which
        of the series' changes: its ``values`` (the reference's marks in the candidate's colours) or its
        ``looks`` (the candidate's marks in the reference's colours)."""
        swap = {id(p[1]): self._half(*p) for p in pairs if p[1] is not None}
        gone = [p[0] for p in pairs if p[1] is None and p[0] is not None]
        kinds: dict[str, list[Any]] = {}
        for _k, ss in self.kc.items():
            for s in ss:
                put = swap.get(id(s), s)
                if put is not None:
                    kinds.setdefault(put.kind, []).append(put)
        for a in gone:
            kinds.setdefault(a.kind, []).append(a)
        return self._order(kinds)

    def _half(self, a: Any, b: Any, aspect: str = "all") -> Any:
        """Series ``a`` in place of ``b``, or, for one ``aspect`` of the change, a mix of the two (module
        docstring of `without`)."""
        if a is None or aspect == "all" or self.shapes is None or id(a) not in self.shapes or id(b) not in self.shapes:
            return a
        sa, sb = self.shapes[id(a)], self.shapes[id(b)]
        marks, looks = (sa, sb) if aspect == "values" else (sb, sa)
        mixed: list[Shape] = []
        for k, (how, xs, ys, colour, width) in enumerate(looks if aspect == "looks" else marks):
            if aspect == "values":  # the reference's marks, each in the candidate's colour at its place
                colour = (looks[k] if k < len(looks) else looks[-1])[3] if looks else colour
            elif k < len(marks) and marks[k][0] == how and len(marks[k][1]) == len(xs):
                xs, ys = marks[k][1], marks[k][2]  # the reference's look at the candidate's place
            mixed.append((how, xs, ys, colour, width))
        half = _Half(b.kind)
        self._halves.append(half)  # kept alive: its id names its shapes
        self.shapes[id(half)] = mixed
        return half

    def extent(self, series: Sequence[Any], axis: str, scale: str) -> tuple[float, float] | None:
        """The data's extent along ``axis`` in ``scale``'s coordinates (log10 on a log axis, where only values
        above 0 count): what autoscaled limits follow."""
        assert self.shapes is not None
        vals = np.array(
            [
                v
                for s in series
                for sh in self.shapes.get(id(s), [])
                if sh[0] != "box"
                for v in sh[1 if axis == "x" else 2]
            ]
        )
        vals = vals[np.isfinite(vals)] if len(vals) else vals
        if scale == "log":
            vals = np.log10(vals[vals > 0])
        return (float(vals.min()), float(vals.max())) if len(vals) else None

    def autoscaled(self, ax: dict[str, Any], kinds: dict[str, list[Any]], series: Sequence[Any], axis: str,
                   scale: str) -> tuple[float, float] | None:  # fmt: skip
        """The limits ``series`` would get on ``axis`` in ``scale``, autoscaled as ``ax`` frames its own data
        (``kinds``): the same margins, as shares of the extent (a bar's zero baseline keeps none); None when
        they cannot be told."""
        lim = ax.get(f"{axis}lim") or []
        if len(lim) != 2 or None in lim or str(ax.get(f"{axis}scale") or "linear") != scale:
            return None
        if scale == "log":
            if min(lim) <= 0:
                return None
            lo, hi = math.log10(lim[0]), math.log10(lim[1])
        else:
            lo, hi = float(lim[0]), float(lim[1])
        old = self.extent([s for ss in kinds.values() for s in ss], axis, scale)
        new = self.extent(series, axis, scale)
        if old is None or new is None or old[1] <= old[0] or new[1] <= new[0]:
            return None
        flip = lo > hi
        lo, hi = sorted((lo, hi))
        below, above = (old[0] - lo) / (old[1] - old[0]), (hi - old[1]) / (old[1] - old[0])
        if scale == "linear" and abs(lo + hi) <= 1e-9 * (hi - lo) and not (_auto_margin(below) and _auto_margin(above)):
            # Limits symmetric about zero with margins autoscaling never leaves (a population pyramid's
            # ``set_xlim(-lim, lim)``): set, they stay where they are.
            return None
        lo2, hi2 = new[0] - below * (new[1] - new[0]), new[1] + above * (new[1] - new[0])
        if scale == "log":
            lo2, hi2 = 10**lo2, 10**hi2
        return (hi2, lo2) if flip else (lo2, hi2)

    def ticks(self, ax: dict[str, Any], axis: str) -> list[tuple[str, float]]:
        """Grid lines at an axes' tick labels (axis, image fraction of the label's centre), when it draws a grid."""
        if not ax.get("grid"):
            return []
        at = 0 if axis == "x" else 1
        out = []
        for t in ax.get(f"{axis}ticklabels") or []:
            b = t.get("bbox")
            if isinstance(b, (list, tuple)) and len(b) == 4:
                out.append((axis, (b[at] + b[at + 2]) / 2))
        return out

    def box_moved(self) -> bool:
        """Whether the plot box moved (over a pixel): the layout followed other tick labels, and the axes' texts
        moved with it."""
        if self.box is None or self.ref_box is None:
            return False
        return max(abs(a - b) * n for a, b, n in zip(self.box, self.ref_box, (self.w, self.h) * 2, strict=True)) > 1

    def text_mask(self, keys: Sequence[str]) -> np.ndarray:
        """The axes' texts under ``keys`` (tick label lists, the axis labels, the title) that changed (text or
        place), as the middle `TICK_INK` of their boxes' height (about as many pixels as their glyphs' ink)."""
        img = np.zeros((self.h, self.w), bool)

        def texts(ax: dict[str, Any]) -> set[tuple[str, tuple[float, ...]]]:
            found: list[Any] = []
            for key in keys:
                v = ax.get(key) or []
                found += v if isinstance(v, list) else list(v.values()) if key == "title" else [v]
            return {(str(t.get("text")), tuple(round(x, 3) for x in t["bbox"]))
                    for t in found if isinstance(t, dict) and isinstance(t.get("bbox"), (list, tuple))}  # fmt: skip

        for _, (bx0, by0, bx1, by1) in texts(self.r) ^ texts(self.c):
            mid, half = (by0 + by1) / 2, (by1 - by0) * TICK_INK / 2
            img[
                round((mid - half) * self.h) : round((mid + half) * self.h) + 1,
                round(bx0 * self.w) : round(bx1 * self.w) + 1,
            ] = True
        return img

    def tick_mask(self, axis: str, layout: bool = True) -> np.ndarray:
        """The tick labels of ``axis`` that changed, and (``layout``: the change set the layout) the axes' other
        texts where the plot box moved."""
        texts = ["title", "xlabel", "ylabel"] if layout and self.box_moved() else []
        return self.text_mask([f"{axis}ticklabels", *texts])

    def axis_footprint(self, axis: str) -> np.ndarray | None:
        """Where an axis whose range or scale changed shows: the candidate's marks and grid in the reference's
        scale on that axis, autoscaled as the reference frames its data, against the candidate's, and the tick
        labels that changed."""
        if not self.usable or self.frame is None:
            return None
        scale = str(self.r.get(f"{axis}scale") or "linear")
        marks = self.candidate()
        lim = self.autoscaled(self.r, self.kr, marks, axis, scale)
        if lim is None:
            return None
        # Without the change the reference's tick labels set the layout: its plot box.
        then = self.frame.with_axis(axis, lim, scale).with_box(self.ref_box)
        a = self.paint(marks, then, self.ticks(self.r, axis))
        b = self.paint(marks, self.frame, self.ticks(self.c, axis))
        return (a != b) | self.tick_mask(axis)

    def layout_footprint(self) -> np.ndarray | None:
        """Where the layout moving the plot box shows (a legend the layout made room for moved): the candidate's
        marks in the reference's plot box against the candidate's, and the axes' texts that moved (a bar's or a
        slice's inside, drawn again over itself, does not change). None when the marks cannot be painted."""
        if not self.usable or self.frame is None or self.ref_box is None:
            return None
        marks = self.candidate()
        found = self.paint(marks, self.frame.with_box(self.ref_box)) != self.paint(marks, self.frame)
        return found | self.text_mask(["xticklabels", "yticklabels", "title", "xlabel", "ylabel"])

    def change_footprint(self, pairs: Sequence[tuple[Any, Any]]) -> np.ndarray | None:
        """Where a change of series shows (``pairs``: reference series, candidate series; None on a side that
        lacks it): the candidate with those series as the reference has them against the candidate, the limits
        autoscaled to the data then along an axis whose limits the judge does not report as set."""
        if not self.usable or self.frame is None:
            return None
        now, then = self.candidate(), self.without(pairs)
        frame = self.frame
        moved = []
        for axis in ("x", "y"):
            if axis in self.axis_changed:
                continue  # limits set: they did not follow the data
            scale = str(self.c.get(f"{axis}scale") or "linear")
            lim = self.autoscaled(self.c, self.kc, then, axis, scale)
            if lim is not None and self._moved(axis, lim):
                frame = frame.with_axis(axis, lim, scale)
                moved.append(axis)
        # Without an axis read another way, the tick labels the limits moved set the layout and the grid: the
        # reference's (with one, the axis change set them: only the marks moved here).
        layout = bool(moved) and not self.axis_read
        if layout:
            frame = frame.with_box(self.ref_box)
        grid_then = [g for axis in ("x", "y") for g in self.ticks(self.r if layout and axis in moved else self.c, axis)]
        grid_now = self.ticks(self.c, "x") + self.ticks(self.c, "y")
        found = self.paint(then, frame, grid_then) != self.paint(now, self.frame, grid_now)
        for axis in moved:  # the limits moved with the change: so did their tick labels
            found |= self.tick_mask(axis, layout)
        for p in pairs:  # a series gone, added or drawn as another kind: its legend entry too
            if p[1] is None and p[0] is not None:
                found |= self.legend_mask(self.r, p[0].name, "gone")
            elif p[0] is None and p[1] is not None:
                found |= self.legend_mask(self.c, p[1].name, "gone")
            elif p[0] is not None and p[2:] in ((), ("all",)) and p[0].kind != p[1].kind:
                found |= self.legend_mask(self.c, p[1].name, "handle")
                # Its entry moved to another row (a legend lists lines before bars): every entry between moved.
                rows_r = [str(t) for t in (self.r.get("legend") or {}).get("texts") or []]
                rows_c = [str(t) for t in (self.c.get("legend") or {}).get("texts") or []]
                name = p[1].name
                if name and name in rows_r and name in rows_c and rows_r.index(name) != rows_c.index(name):
                    found |= self.legend_mask(self.c, name, "gone", rows_r.index(name))
        return found

    def marks(self, series: Any) -> np.ndarray | None:
        """Where one candidate series' marks are painted (a look the painting does not draw, a line's dashes,
        changed every pixel of them); None when the axes cannot be painted."""
        if not self.usable or self.frame is None or self.shapes is None or id(series) not in self.shapes:
            return None
        return self.paint([series], self.frame) > 0

    def marks_meet(self, over: Sequence[Any], under: Sequence[Any]) -> bool:
        """Whether candidate series ``over``, each painted alone, lie on series ``under`` painted alone (`overlap`):
        where one hides the other, their changes' footprints cannot tell."""
        masks = [[m for s in group if (m := self.marks(s)) is not None] for group in (over, under)]
        if not masks[0] or not masks[1]:
            return False
        return bool(overlap(np.logical_or.reduce(masks[0]), np.logical_or.reduce(masks[1])))

    def legend_mask(self, ax: dict[str, Any], name: str | None, how: str, row_from: int | None = None) -> np.ndarray:
        """Where a series' legend entry changes: from its row down (``gone``: the entries below move up; from
        ``row_from`` where given) or its handle (the left third of its row); the legend's rows split its box
        evenly, every third raster row painted (about a legend's ink)."""
        img = np.zeros((self.h, self.w), bool)
        legend = ax.get("legend") or {}
        texts = [str(t) for t in legend.get("texts") or []]
        b = _box(legend.get("bbox"))
        if b is None or not name or name not in texts:
            return img
        k, n = texts.index(name), len(texts)
        if row_from is not None:
            k = min(k, row_from)
        row = (b[3] - b[1]) / n
        y0 = round((b[1] + k * row) * self.h)
        y1 = round((b[3] if how == "gone" else b[1] + (k + 1) * row) * self.h) + 1
        x1 = b[2] if how == "gone" else b[0] + (b[2] - b[0]) / 3
        img[y0:y1:3, round(b[0] * self.w) : round(x1 * self.w) + 1] = True
        return img

    def boxes_mask(self, boxes: Sequence[Any], every: int = 3) -> np.ndarray:
        """Boxes (image fractions) painted every third raster row (about a legend's ink: its texts, handles and
        frame over a plot's background; ``every``: another step)."""
        img = np.zeros((self.h, self.w), bool)
        for b in boxes:
            b = _box(b)
            if b is not None:
                img[
                    round(b[1] * self.h) : round(b[3] * self.h) + 1 : every,
                    round(b[0] * self.w) : round(b[2] * self.w) + 1,
                ] = True
        return img

    def hidden(self, added: Any) -> bool:
        """Whether a series only the candidate draws shows nothing: the candidate painted without it is the
        candidate (drawn over marks of its own colour, under marks that cover it)."""
        found = self.change_footprint([(None, added)])
        return found is not None and int(found.sum()) < MIN_PIXELS

    def _moved(self, axis: str, lim: tuple[float, float]) -> bool:
        """Whether limits ``lim`` lie over `MOVED_LIMITS` of the candidate's span from its own (in its scale)."""
        assert self.frame is not None
        now = self.frame.xlim if axis == "x" else self.frame.ylim
        scale = self.frame.xscale if axis == "x" else self.frame.yscale
        f = _fraction(np.array([lim[0], lim[1]], dtype=float), now, scale)
        return bool(np.isnan(f).any() or abs(f[0]) > MOVED_LIMITS or abs(f[1] - 1) > MOVED_LIMITS)


@dataclass
class _Half:
    """A series painted half as the reference, half as the candidate draws it (`Sketch.without`)."""

    kind: str


#: The margins autoscaled limits leave beyond the data, as shares of its extent: matplotlib's default
#: (``axes.xmargin``, 5 %) or none at a sticky edge (a bar's baseline, an image).
AUTO_MARGINS = (0.0, 0.05)
MARGIN_TOL = 0.006


def _auto_margin(share: float) -> bool:
    return any(abs(share - m) <= MARGIN_TOL for m in AUTO_MARGINS)


def _box(b: Any) -> tuple[float, float, float, float] | None:
    return (
        (float(b[0]), float(b[1]), float(b[2]), float(b[3])) if isinstance(b, (list, tuple)) and len(b) == 4 else None
    )


def _runs(pts: np.ndarray, ok: np.ndarray) -> list[np.ndarray]:
    """The stretches of a polyline between points that cannot be placed."""
    runs, start = [], None
    for k, good in enumerate([*ok.tolist(), False]):
        if good and start is None:
            start = k
        elif not good and start is not None:
            if k - start >= 1:
                runs.append(pts[start:k])
            start = None
    return runs


def overlap(a: np.ndarray, b: np.ndarray) -> bool | None:
    """The truth's rule on two footprints: at least half of the smaller one's pixels lie on (within `TOUCH_PX`
    of) the other's, either way round when as large; None when one of them is too small to tell."""
    import cv2

    na, nb = int(a.sum()), int(b.sum())
    if min(na, nb) < MIN_PIXELS:
        return None
    ya, xa = np.nonzero(a.any(axis=1))[0], np.nonzero(a.any(axis=0))[0]
    yb, xb = np.nonzero(b.any(axis=1))[0], np.nonzero(b.any(axis=0))[0]
    if ya[0] > yb[-1] + TOUCH_PX or yb[0] > ya[-1] + TOUCH_PX or xa[0] > xb[-1] + TOUCH_PX or xb[0] > xa[-1] + TOUCH_PX:
        return False  # far apart: no pixel of one near the other's
    kernel = np.ones((2 * TOUCH_PX + 1, 2 * TOUCH_PX + 1), np.uint8)

    def on_other(small: np.ndarray, large: np.ndarray) -> bool:
        grown = cv2.dilate(large.astype(np.uint8), kernel).astype(bool)
        return int((grown & small).sum()) >= OVERLAP_SHARE * int(small.sum())

    if na == nb:
        return on_other(a, b) or on_other(b, a)
    return on_other(a, b) if na < nb else on_other(b, a)
