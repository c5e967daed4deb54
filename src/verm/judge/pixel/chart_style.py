"""Charts: a line drawn dashed or dotted along the same path (or its markers dropped), markers drawn
otherwise in place (`markers_changed`), a dash pattern redrawn on the same path (`dashes_changed`).

A plot change that only takes ink away (the candidate gains under a fifth as much), thin ink (line
strokes, no filled strip: a bar shortened is a value change) running a quarter of the plot or more
(a style is the whole line's), lying within a dash gap of the candidate's ink of its own colour, is
its line still drawn where it was with gaps opened: a line style, style_error 1, not a series
dropped (a dropped series leaves no ink of its colour where it was). Ink gained along a line is not
read so: measured on the tune sets, markers added came with the series' colour or values changed as
often as not. Rules in full: docs/judges.md, "Pixel judge", "Charts".
"""

from __future__ import annotations

import cv2
import numpy as np

from verm.judge.pixel.classify import _looks_like_text
from verm.judge.pixel.colour import _lab, _lab_ink
from verm.judge.pixel.context import _Ctx
from verm.judge.pixel.difference import Region
from verm.judge.pixel.layout import _long_lines

#: The candidate gains at most this share of the ink it loses (a value change moves a line: both sides change).
ONE_SIDED = 0.2


#: Share of the lost ink that must lie within a dash gap of the candidate's ink of its colour.
ALONG = 0.7


#: A dash gap, as a share of the image's width (matplotlib's dotted line at 2 px width: gaps of ~5 px at 500 px).
DASH_GAP = 0.014


#: Colours alike (ΔE) for the ink kept along the changed ink.
SAME_COLOUR_DE = 20.0


#: A line style runs along the line: the lost ink spans at least this share of the plot's width or height.
RUN = 0.25


#: Thin strokes: a 5x5 erosion keeps under this share of the lost ink (a filled strip keeps most).
THIN = 0.15


def _line_style_changed(c: _Ctx, inner: list[Region]) -> bool:
    """Whether the plot's changed places (``inner``) are a line drawn dashed or dotted where it was:
    thin ink lost along the candidate's ink of its colour (see the module docstring)."""
    if not inner or all(_looks_like_text(r, c.h) for r in inner):
        return False  # (a legend's label retyped inside the plot is a text, read as such or not)
    ref_only = sum(r.changed_ref_only for r in inner)
    cand_only = sum(r.changed_cand_only for r in inner)
    if cand_only > ONE_SIDED * ref_only or ref_only < 20:
        return False  # (ink gained along a line is markers added as often as a series' colour or values too)
    gap = max(3, round(DASH_GAP * c.w))
    grow = np.ones((3, 3), np.uint8)
    mask = np.zeros(c.ref_ink.shape, bool)
    for x0, y0, x1, y1 in (r.bbox for r in inner):
        mask[y0:y1, x0:x1] = True
    # The lost ink: the reference's, with no candidate ink within a pixel.
    lost = c.ref_ink & mask & ~(cv2.dilate(c.cand_ink.astype(np.uint8), grow) > 0)
    n = int(lost.sum())
    if n < 20:
        return False
    ys, xs = np.nonzero(lost)
    fx0, fy0, fx1, fy1 = c.frame or (0, 0, c.w, c.h)
    if xs.max() - xs.min() < RUN * (fx1 - fx0) and ys.max() - ys.min() < RUN * (fy1 - fy0):
        return False  # a style is the whole line's: a short piece gone is a mark or a segment gone
    eroded = cv2.erode(lost.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    if int(eroded.sum()) >= THIN * n:
        return False  # a filled strip: a bar or an area that changed size
    ys, xs = np.nonzero(mask)
    y0, y1 = max(0, ys.min() - gap), min(c.h, ys.max() + gap + 1)
    x0, x1 = max(0, xs.min() - gap), min(c.w, xs.max() + gap + 1)
    cand_lab = _lab_ink(c.cand)[0][y0:y1, x0:x1]
    lost = lost[y0:y1, x0:x1]
    # Each line in its own colour (lines of several colours dotted at once, a bump chart's): the lost ink read
    # by its main colours, each near the candidate's ink of that colour.
    lost_lab = _lab(c.ref[y0:y1, x0:x1])
    kept = 0
    cand_ink = c.cand_ink[y0:y1, x0:x1]
    for colour in _lost_colours(lost_lab[lost]):
        own = lost & (np.linalg.norm(lost_lab - colour, axis=2) < SAME_COLOUR_DE)
        alike = cand_ink & (np.linalg.norm(cand_lab - colour, axis=2) < SAME_COLOUR_DE)
        # (a darker line's anti-aliased rim takes a light colour too: light bars gone beside a dark line kept
        # are no light line dotted)
        darker = cand_ink & (cand_lab[..., 0] < colour[0] - SAME_COLOUR_DE)
        alike &= ~(cv2.dilate(darker.astype(np.uint8), grow) > 0)
        near = cv2.dilate(alike.astype(np.uint8), np.ones((2 * gap + 1, 2 * gap + 1), np.uint8)) > 0
        kept += int((own & near).sum())
        lost &= ~own
    return kept >= ALONG * n


#: The lost ink's main colours (`_lost_colours`): at most this many, each this share of it at least.
LOST_COLOURS, LOST_COLOUR_SHARE = 6, 0.05


def _lost_colours(lab: np.ndarray) -> list[np.ndarray]:
    """The main colours of the lost ink's Lab pixels ``lab`` (quantised by `SAME_COLOUR_DE` / 2), most common first:
    the lines it belongs to (one line: its median colour alone)."""
    step = SAME_COLOUR_DE / 2
    _, inverse, counts = np.unique(
        np.round(lab / step).astype(np.int32), axis=0, return_inverse=True, return_counts=True
    )
    inverse = inverse.ravel()
    out = []
    for k in np.argsort(-counts)[:LOST_COLOURS]:
        if counts[k] < LOST_COLOUR_SHARE * len(lab):
            break
        out.append(np.median(lab[inverse == k], axis=0))
    return out or [np.median(lab, axis=0)]


#: Markers: blobs of changed ink (ink in one image with none of the other's within a pixel, pieces closer than
#: 2 px joined) whose sides are at most this share of the image's shorter side, each with ink of both images
#: within a third of that of its centre.
MARKER_SIDE = 0.035
#: Markers drawn otherwise in place: at least this many blobs, this share of the changed ink in them, spread
#: over `RUN` of the plot (a marker style is the whole series').
MARKER_MIN, MARKER_SHARE = 3, 0.8


def markers_changed(c: _Ctx, inner: list[Region]) -> bool:
    """Whether the plot's changed places (``inner``) are markers drawn otherwise where they were: the changed
    ink is marker-sized blobs (`MARKER_SIDE`) by marks of both images (long lines aside) (an 'x' over an 'o', squares added along
    a line still drawn), at least `MARKER_MIN` of them holding `MARKER_SHARE` of the changed ink, spread over
    `RUN` of the plot's width or height. A value changed moves its marker off the reference's ink, in one
    place; a series added, retyped or scaled changes ink longer than a marker."""
    inner = [r for r in inner if not _looks_like_text(r, c.h)]  # (a legend's label retyped inside the plot)
    if not inner or c.frame is None:
        return False
    mask = np.zeros(c.ref_ink.shape, bool)
    for x0, y0, x1, y1 in (r.bbox for r in inner):
        mask[y0:y1, x0:x1] = True
    grow = np.ones((3, 3), np.uint8)
    ref, cand = c.ref_ink.astype(np.uint8), c.cand_ink.astype(np.uint8)
    # (marks near a spine or grid line are not by the other image's marks: a broken axis's tick marks gone)
    ruled = [np.logical_or(*_long_lines(ink, 0.3)) for ink in (c.ref_ink, c.cand_ink)]
    marks = [(ink & ~lines).astype(np.uint8) for ink, lines in zip((c.ref_ink, c.cand_ink), ruled, strict=True)]
    changed = mask & ((c.ref_ink & ~(cv2.dilate(cand, grow) > 0)) | (c.cand_ink & ~(cv2.dilate(ref, grow) > 0)))
    total = int(changed.sum())
    if total < 20:
        return False
    n, labels, stats, centres = cv2.connectedComponentsWithStats(
        cv2.dilate(changed.astype(np.uint8), grow), connectivity=8
    )
    side = max(4, round(MARKER_SIDE * min(c.h, c.w)))
    reach = np.ones((2 * (side // 3) + 1,) * 2, np.uint8)
    near_both = (cv2.dilate(marks[0], reach) > 0) & (cv2.dilate(marks[1], reach) > 0)
    weights = np.bincount(labels[changed], minlength=n)
    found = [
        k
        for k in range(1, n)
        if stats[k, cv2.CC_STAT_WIDTH] <= side
        and stats[k, cv2.CC_STAT_HEIGHT] <= side
        and near_both[round(centres[k][1]), round(centres[k][0])]
    ]
    if len(found) < MARKER_MIN or int(weights[found].sum()) < MARKER_SHARE * total:
        return False
    xs, ys = centres[found, 0], centres[found, 1]
    fx0, fy0, fx1, fy1 = c.frame
    return bool(np.ptp(xs) >= RUN * (fx1 - fx0) or np.ptp(ys) >= RUN * (fy1 - fy0))


#: A dash pattern redrawn: pixels whose colour changed by over this ΔE (over a bar as on white).
DASH_DE = 12.0
#: ... in at least this many pieces (dashes, dots, the gaps between them) ...
DASH_PIECES = 6
#: ... which, closed over a dash gap, join into at most this share as many (one line, or a few).
DASH_JOINED = 0.34
#: Dashes redrawn are spread along the line: changed pixels in at least this share of the changed span's
#: eighths (a value change changes one place of a line; a line style, all of it).
SPREAD = 0.75
#: The line's ink in each image, closed over a dash gap, agrees within this many pixels ...
PATH_TOLERANCE = 1
#: ... over all but this share of the path near the changed pixels (a value change moves the path).
PATH_MISMATCH = 0.25


def dashes_changed(c: _Ctx, inner: list[Region]) -> bool:
    """Whether the plot's changed places (``inner``) are lines whose dash pattern changed where they were
    (dotted to dashed, dashed to solid, over a bar as on white): the pixels whose colour changed
    (`DASH_DE`) are thin pieces (`DASH_PIECES`) that join into a thin path when closed over a dash gap
    (`DASH_JOINED`), running `RUN` of the plot and spread along it (`SPREAD`). A line moved (a value
    changed, a series scaled) changes a band as wide as the shift beside the line, or one place of it;
    a filled mark resized changes a strip."""
    if not inner:
        return False
    x0, y0 = min(r.bbox[0] for r in inner), min(r.bbox[1] for r in inner)
    x1, y1 = max(r.bbox[2] for r in inner), max(r.bbox[3] for r in inner)
    mask = np.zeros((y1 - y0, x1 - x0), bool)
    for bx0, by0, bx1, by1 in (r.bbox for r in inner):
        mask[by0 - y0 : by1 - y0, bx0 - x0 : bx1 - x0] = True
    gap = max(3, round(DASH_GAP * c.w))
    # (padded: morphology near the array's edge would take the outside for ink)
    pad = gap + 5
    labs = [
        np.pad(_lab_ink(img)[0][y0:y1, x0:x1], ((pad, pad), (pad, pad), (0, 0)), mode="edge") for img in (c.ref, c.cand)
    ]
    changed = np.pad(((np.linalg.norm(labs[0] - labs[1], axis=2)[pad:-pad, pad:-pad] > DASH_DE) & mask), pad)
    changed = changed.astype(np.uint8)
    n = int(changed.sum())
    if n < 20:
        return False
    box = np.ones((5, 5), np.uint8)
    if int(cv2.erode(changed, box).sum()) >= THIN * n:
        return False  # a filled strip changed: a bar or an area, not a line's dashes
    closed = cv2.morphologyEx(changed, cv2.MORPH_CLOSE, np.ones((gap, gap), np.uint8))
    if int(cv2.erode(closed, box).sum()) >= THIN * int(closed.sum()):
        return False  # a band: a line moved beside itself, or marks packed together
    pieces = cv2.connectedComponents(changed, connectivity=8)[0] - 1
    joined = cv2.connectedComponents(closed, connectivity=8)[0] - 1
    if pieces < DASH_PIECES or joined > DASH_JOINED * pieces:
        return False  # (a line moved whole changes along it without a break; scattered marks stay apart)
    ys, xs = np.nonzero(changed)
    fx0, fy0, fx1, fy1 = c.frame or (0, 0, c.w, c.h)
    along_x = np.ptp(xs) >= RUN * (fx1 - fx0)
    if not along_x and np.ptp(ys) < RUN * (fy1 - fy0):
        return False  # a style is the whole line's: a short piece is a mark or a segment changed
    coords = xs if along_x else ys
    bins = np.bincount((coords - coords.min()) * 8 // (int(np.ptp(coords)) + 1), minlength=8)
    if int((bins > 0).sum()) < SPREAD * 8:
        return False
    # The line's own colour (where ink is in one image only), and each image's ink of it closed over a
    # dash gap: one path where it was, not a line drawn beside the old one (a value changed).
    ref_ink, cand_ink = (np.pad(ink[y0:y1, x0:x1], pad) for ink in (c.ref_ink, c.cand_ink))
    on = changed > 0
    line = np.concatenate([labs[0][on & ref_ink & ~cand_ink], labs[1][on & cand_ink & ~ref_ink]])
    if len(line) < 10:
        return False
    colour = np.median(line, axis=0)
    close = np.ones((gap, gap), np.uint8)
    paths = [
        cv2.morphologyEx(
            (np.linalg.norm(lab - colour, axis=2) < SAME_COLOUR_DE).astype(np.uint8), cv2.MORPH_CLOSE, close
        )
        for lab in labs
    ]
    tol = np.ones((2 * PATH_TOLERANCE + 1,) * 2, np.uint8)
    off = (paths[0] & ~cv2.dilate(paths[1], tol)) | (paths[1] & ~cv2.dilate(paths[0], tol))
    near = cv2.dilate(changed, np.ones((2 * gap + 1,) * 2, np.uint8))
    covered = int(((paths[0] | paths[1]) & near).sum())
    return covered > 0 and int((off & near).sum()) <= PATH_MISMATCH * covered
