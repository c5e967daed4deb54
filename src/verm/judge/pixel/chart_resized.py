"""A candidate's plot drawn in a frame of another size: the data stretched back onto the reference's frame.

tight_layout re-fits the axes around a legend moved out of them or wider tick labels, and a layout change
squeezes subplots: the marks are the reference's, in a smaller or larger plot. `_refit_to_frame` stretches
the candidate's marks back, `_drawn_resized` asks whether they then are the reference's, `panels_hidden`
how much of the reference's data no candidate panel draws."""

from __future__ import annotations

import math

import cv2
import numpy as np

from verm.judge.pixel.chart_marks import MIN_COLOUR_INK, _both_marks, _faces, _unmatched, plot_marks
from verm.judge.pixel.colour import _lab_ink
from verm.judge.pixel.context import _cand_frame, _Ctx
from verm.judge.pixel.geometry import PxBox

#: The candidate's own plot frame is resized when its width or height differs from the reference's by this share.
RESIZED = 0.05


def _refit_to_frame(c: _Ctx, cand_marks: np.ndarray) -> np.ndarray | None:
    """The candidate's marks inside its own plot frame stretched onto the reference's frame, when its
    frame was resized (`RESIZED`: tight_layout re-fits the axes around a legend moved out of them or
    wider tick labels); None when the frames agree or either is not found."""
    cand_frame = _cand_frame(c)
    if c.frame is None or cand_frame is None:
        return None
    rx0, ry0, rx1, ry1 = c.frame
    cx0, cy0, cx1, cy1 = cand_frame
    rw, rh, cw, ch = rx1 - rx0, ry1 - ry0, cx1 - cx0, cy1 - cy0
    if min(cw, ch) < 8 or (abs(cw - rw) <= RESIZED * rw and abs(ch - rh) <= RESIZED * rh):
        return None
    crop = (cand_marks[cy0:cy1, cx0:cx1] * np.uint8(255)).astype(np.uint8)
    out = np.zeros_like(cand_marks)
    out[ry0:ry1, rx0:rx1] = cv2.resize(crop, (rw, rh), interpolation=cv2.INTER_LINEAR) > 0
    return out


#: A resized plot draws the reference's data alike when, stretched back onto the reference's frame,
#: under this share of either image's marks has no mark of the other within 2 px.
RESIZED_ALIKE = 0.15


def _drawn_resized(c: _Ctx) -> bool:
    """The candidate's plot frame was resized and, stretched back, its marks are the reference's:
    the same data in a smaller or larger plot (`RESIZED_ALIKE`)."""
    if c.frame is None or _refit_to_frame(c, c.cand_ink) is None:
        return False  # (the frames agree: no marks to compare)
    pm = _both_marks(c, [c.frame])
    refit = _refit_to_frame(c, pm.cand)
    ref_marks = pm.ref & pm.area
    n = int(ref_marks.sum())
    if refit is None or n < MIN_COLOUR_INK:
        return False
    refit &= pm.area
    hidden_mask, extra_mask = _unmatched(ref_marks, refit)
    hidden, extra = int(hidden_mask.sum()), int(extra_mask.sum())
    return hidden < RESIZED_ALIKE * n and extra < RESIZED_ALIKE * max(n, int(refit.sum()))


def panels_hidden(c: _Ctx, ref_frames: list[PxBox], cand_frames: list[PxBox]) -> float:
    """The share of the reference's marks (inside ``ref_frames``) that no candidate panel (one of
    ``cand_frames``), stretched back onto the reference's frame, draws: 0 when the candidate's
    subplots, laid out anew, hold the reference's data; near 1 when they are empty or hold other
    marks (`panel_hidden_marks`)."""
    counts = panel_hidden_marks(c, ref_frames, cand_frames)
    total = sum(n for n, _, _ in counts)
    return sum(hidden for _, hidden, _ in counts) / total if total else 0.0


def panel_hidden_marks(
    c: _Ctx, ref_frames: list[PxBox], cand_frames: list[PxBox]
) -> list[tuple[int, int, PxBox | None]]:
    """For each of ``ref_frames``: how many mark pixels the reference draws in it, how many of them
    the best candidate panel (one of ``cand_frames``), stretched back onto it (by its own factor in x
    and in y), leaves undrawn, and that panel (None when the reference draws no marks there). The
    tolerance grows with the stretch (a panel squeezed to a quarter comes back blurred)."""
    (ref_lab, _), (cand_lab, _) = _lab_ink(c.ref), _lab_ink(c.cand)
    ref_marks = plot_marks(c.ref_ink, ref_lab, ref_frames, _faces(ref_lab, ref_frames))
    cand_marks = plot_marks(c.cand_ink, cand_lab, cand_frames, _faces(cand_lab, cand_frames))
    out: list[tuple[int, int, PxBox | None]] = []
    for rx0, ry0, rx1, ry1 in ref_frames:
        ref = ref_marks[ry0 + 3 : ry1 - 3, rx0 + 3 : rx1 - 3]
        n = int(ref.sum())
        best, where = n, None
        for cx0, cy0, cx1, cy1 in cand_frames if n else []:
            crop = cand_marks[cy0 + 3 : cy1 - 3, cx0 + 3 : cx1 - 3]
            if min(crop.shape) < 4:
                continue
            back = cv2.resize(crop.astype(np.uint8) * np.uint8(255), (ref.shape[1], ref.shape[0])) > 0
            stretch = max(ref.shape[0] / crop.shape[0], ref.shape[1] / crop.shape[1], 1.0)
            hidden = int(_unmatched(ref, back, reach=math.ceil(stretch) + 1)[0].sum())
            if where is None or hidden < best:
                best, where = hidden, (cx0, cy0, cx1, cy1)
        out.append((n, best, where))
    return out
