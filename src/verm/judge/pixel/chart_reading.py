"""Charts: what the marks read on a numeric axis whose tick labels changed. Each image's tick labels
are placed (ink blobs in the band beside its frame) and read (OCR, in order), giving that image's
pixel-to-value map; the marks' ink, spread along the axis, is read through each image's own map. New
ticks over marks that read the same values are the axis's change only (limits set, the marks
following them); marks that read other values are a data change (a series scaled under an axis that
autoscaled with it: the bars drawn as long as before, the tick labels not).
Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

import numpy as np

from verm.judge.pixel.chart_axis import AXIS_WIDENED, _AxisFit, _marks_inset, _numbers, _plot_marks
from verm.judge.pixel.chart_marks import _alike, _faces
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _cand_frame, _Ctx, _Item
from verm.judge.pixel.geometry import PxBox
from verm.judge.pixel.ocr import _Ocr
from verm.judge.pixel.text import _read_pair

#: Where the marks' ink reaches these shares of its total along the axis: the readings compared.
READ_QUANTILES = (0.25, 0.5, 0.75, 0.95)

#: A tick label's value may sit this far (share of the ticks' value span) off the line through all of
#: them: further, the read or the placing is wrong (or the axis is not linear), and nothing is read.
TICK_FIT = 0.02


def _runs(profile: np.ndarray, gap: int = 0) -> list[tuple[int, int]]:
    """[start, end) runs of a boolean profile, runs closer than ``gap`` joined."""
    runs: list[tuple[int, int]] = []
    for i in np.flatnonzero(profile):
        if runs and i - runs[-1][1] <= gap:
            runs[-1] = (runs[-1][0], int(i) + 1)
        else:
            runs.append((int(i), int(i) + 1))
    return runs


def _tick_band(c: _Ctx, ink: np.ndarray, frame: PxBox, ax: str) -> tuple[PxBox, list[float]] | None:
    """The band of ``ax``'s tick labels beside ``frame`` (x: below it; y: left of it) and the centres
    of its labels along the axis; None when no band is found. The band is the run of inked rows
    (columns) nearest the frame as tall (wide) as half the tallest beside it: tick marks are shorter."""
    fx0, fy0, fx1, fy1 = frame
    if ax == "x":
        x0, x1 = max(0, int(fx0 - 0.04 * c.w)), min(c.w, int(fx1 + 0.04 * c.w))
        y0, y1 = min(c.h, fy1 + 2), min(c.h, int(fy1 + 0.12 * c.h))
        strip = ink[y0:y1, x0:x1]
        runs = _runs(strip.any(axis=1))
    else:
        x0, x1 = max(0, int(fx0 - 0.15 * c.w)), max(0, fx0 - 2)
        y0, y1 = max(0, int(fy0 - 0.03 * c.h)), min(c.h, int(fy1 + 0.03 * c.h))
        strip = ink[y0:y1, x0:x1]
        # (a label's digits stand a pixel or two apart: joined; the axis label stands further off)
        runs = _runs(strip.any(axis=0), gap=max(2, round(0.006 * c.w)))[::-1]  # nearest the frame first
    if not runs:
        return None
    tallest = max(b - a for a, b in runs)
    a, b = next(r for r in runs if r[1] - r[0] >= 0.5 * tallest)
    if ax == "x":
        band = strip[a:b]
        box = (x0, y0 + a, x1, y0 + b)
        along, offset = band.any(axis=0), x0
    else:
        band = strip[:, a:b]
        box = (x0 + a, y0, x0 + b, y1)
        along, offset = band.any(axis=1), y0
    # (a label's glyphs lie closer than a glyph's height; labels stand further apart)
    labels = _runs(along, gap=max(2, round(0.5 * (b - a)) if ax == "x" else 1))
    return box, [offset + (s + e - 1) / 2 for s, e in labels]


def _value_map(nums: list[float], centres: list[float]) -> tuple[float, float] | None:
    """(slope, intercept) of value against position through the tick labels; None unless every label
    was read as one number and they lie on one line (`TICK_FIT`)."""
    if len(nums) < 3 or len(nums) != len(centres):
        return None
    span = max(nums) - min(nums)
    if span <= 0:
        return None
    slope, intercept = np.polyfit(np.asarray(centres), np.asarray(nums), 1)
    fit = slope * np.asarray(centres) + intercept
    if float(np.abs(fit - np.asarray(nums)).max()) > TICK_FIT * span:
        return None
    return float(slope), float(intercept)


def _readings(marks: np.ndarray, ax: str, start: float, value: tuple[float, float]) -> list[float] | None:
    """The values at which the marks' ink reaches `READ_QUANTILES` of its total along ``ax``."""
    profile = marks.sum(axis=0 if ax == "x" else 1).astype(np.float64)
    total = profile.sum()
    if total <= 0:
        return None
    cum = np.cumsum(profile) / total
    slope, intercept = value
    return [slope * (start + float(np.searchsorted(cum, q))) + intercept for q in READ_QUANTILES]


def _twin_axis(c: _Ctx, ink: np.ndarray, frame: PxBox) -> bool:
    """Tick labels right of the frame: a twin y axis (three or more labels, ink rows apart, in the
    band within 5 % of the image of the frame's right edge; a legend beside the plot counts too, and
    the marks are then not read either)."""
    _, fy0, fx1, fy1 = frame
    band = ink[fy0:fy1, min(c.w, fx1 + 3) : min(c.w, int(fx1 + 0.05 * c.w))]
    return band.size > 0 and len(_runs(band.any(axis=1), gap=1)) >= 3


def reading_change(c: _Ctx, ax: str) -> float | None:
    """How far the marks' values read on numeric axis ``ax`` ('x' or 'y') moved between the images:
    the median over `READ_QUANTILES` of |candidate - reference| over the reference reading (at
    least a quarter of the ticks' span). None when either image's ticks or marks cannot be read."""
    cand_frame = _cand_frame(c)
    if c.frame is None or cand_frame is None or ax not in ("x", "y") or not _Ocr.available():
        return None
    if ax == "y" and any(_twin_axis(c, ink, f) for ink, f in ((c.ref_ink, c.frame), (c.cand_ink, cand_frame))):
        return None  # (the marks are read on two y axes: which marks are whose is not told)
    found = [_tick_band(c, ink, f, ax) for ink, f in ((c.ref_ink, c.frame), (c.cand_ink, cand_frame))]
    if found[0] is None or found[1] is None:
        return None
    (ra, ca) = found[0], found[1]
    box = (min(ra[0][0], ca[0][0]), min(ra[0][1], ca[0][1]), max(ra[0][2], ca[0][2]), max(ra[0][3], ca[0][3]))
    if min(len(ra[1]), len(ca[1])) < 3:
        return None  # (fewer than three labels give no map)
    # An extra read beside the judgment's: the OCR budget is left to the changes it reads (a changed
    # label's text is no less read for it).
    calls = c.ocr_calls
    pair = _read_pair(c, box, block=ax != "x")
    c.ocr_calls = calls
    if pair is None:
        return None
    maps = []
    for text, (_, centres) in zip(pair, (ra, ca), strict=True):
        # (both in reading order: left to right, top to bottom)
        maps.append(_value_map(_numbers(text), centres))
    if maps[0] is None or maps[1] is None:
        return None
    (ref_lab, _), (cand_lab, _) = _lab_ink(c.ref), _lab_ink(c.cand)
    face = _faces(ref_lab, [c.frame], _alike(ref_lab, cand_lab))[0]
    read = []
    for lab, ink, f, value in ((ref_lab, c.ref_ink, c.frame, maps[0]), (cand_lab, c.cand_ink, cand_frame, maps[1])):
        marks = _plot_marks(lab, ink, f, face)
        start = f[0] + _marks_inset(c.w) if ax == "x" else f[1] + 2
        r = _readings(marks, ax, start, value)
        if r is None:
            return None
        read.append(r)
    nums_ref = _numbers(pair[0])
    floor = 0.25 * (max(nums_ref) - min(nums_ref))
    return float(np.median([abs(b - a) / max(abs(a), floor) for a, b in zip(*read, strict=True)]))


#: Marks whose readings moved by this share at least read other values: the data changed (the
#: perturbation rule grades a series scaled by 10 % or more severity 3).
READ_CHANGED = 0.10

#: Marks whose readings moved by less than this share read the same values: the axis changed alone.
READ_SAME = 0.05


def values_read_anew(c: _Ctx, ax: str, sev: int, note: str) -> tuple[int, str]:
    """A numeric axis's new limits where the plot shows no change of its own: marks that read other
    values on the new ticks (`READ_CHANGED`) are a data change, severity 3; else as it was."""
    change = reading_change(c, ax)
    if change is None or change < READ_CHANGED:
        return sev, note
    return 3, f"{note}; the marks read values {100 * change:.0f}% off the reference's"


def graded_by_reading(c: _Ctx, ax: str, sev: int, fit: _AxisFit | None, note: str) -> tuple[int, str, _Item | None]:
    """A numeric axis's new limits over the plot's changes, graded by what the marks read on it
    (`reading_change`): other values (`READ_CHANGED`) are a data change, severity 3; the same values
    (`READ_SAME`) on the y axis, every mark following the new axis, are a range change graded by
    how much wider the range is (the perturbation rule's steps: narrowed 3, under `AXIS_WIDENED`
    times 1, else 2). On the x axis, where ``sev`` was the y range's (limits set by hand: the marks
    squeezed along y), that range is an edit of its own, returned as an item. Returns (severity, note,
    that item or None); unreadable ticks leave ``sev`` as it was."""
    change = reading_change(c, ax)
    if change is None:
        return sev, note, None
    if change >= READ_CHANGED:
        note = f"{note}; the marks read values {100 * change:.0f}% off the reference's"
        if ax == "x" and fit is not None and fit.item is None and fit.limits_set and c.frame is not None:
            # (its place the plot's inside, clear of the x tick labels the x change holds: two edits)
            fx0, fy0, fx1, fy1 = c.frame
            inset = max(3, round(0.02 * c.h))
            y_range = _Item(
                "data_error", _range_severity(fit), c.frame,
                f"The y range changed (the marks span {fit.widened:.2g} times less of the plot's height).", "plot",
                parts=[(fx0 + inset, fy0 + inset, fx1 - inset, fy1 - inset)],
            )  # fmt: skip
            return 3, note, y_range
        return 3, note, None
    if change < READ_SAME and ax == "y" and fit is not None and fit.item is None:
        return _range_severity(fit), f"{note}; the marks read the same values", None
    return sev, note, None


def _range_severity(fit: _AxisFit) -> int:
    """The perturbation rule's steps for a y range set anew: narrowed 3, under `AXIS_WIDENED` times 1,
    else 2."""
    return 3 if fit.widened < 0.95 else (1 if fit.widened < AXIS_WIDENED else 2)
