"""Boxes as the scenes write them: ``[x0, y0, x1, y1]`` in fractions of the image.

Every box the scene judge reports is in fractions of the candidate image: the
candidate element's box, the reference element's box for a missing element
(both images are laid out alike, so the fractions compare), or the union of
the boxes of a group.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def clean_box(b: Any) -> tuple[float, float, float, float] | None:
    """A valid [0, 1] box or None (scenes clip, but guard against anything odd)."""
    if not isinstance(b, (list, tuple)) or len(b) != 4:
        return None
    try:
        x0, y0, x1, y1 = (min(1.0, max(0.0, float(v))) for v in b)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)):
        return None
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def union_box(boxes: Sequence[Any]) -> tuple[float, float, float, float] | None:
    good = [b for b in (clean_box(x) for x in boxes) if b is not None]
    if not good:
        return None
    return (min(b[0] for b in good), min(b[1] for b in good), max(b[2] for b in good), max(b[3] for b in good))


def box_area(b: Any) -> float:
    c = clean_box(b)
    return 0.0 if c is None else (c[2] - c[0]) * (c[3] - c[1])


def box_iou(a: Any, b: Any) -> float:
    return box_iou_clean(clean_box(a), clean_box(b))


def box_iou_clean(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> float:
    """`box_iou` of boxes already cleaned by `clean_box`."""
    if a is None or b is None:
        return 0.0
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    if union <= 0:  # degenerate boxes (a horizontal line): compare by distance instead
        d = max(abs(a[i] - b[i]) for i in range(4))
        return 1.0 if d < 1e-3 else 0.0
    return inter / union


def intersection_area(a: Any, b: Any) -> float:
    a, b = clean_box(a), clean_box(b)
    if a is None or b is None:
        return 0.0
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def centre_distance(a: Any, b: Any) -> float:
    a, b = clean_box(a), clean_box(b)
    if a is None or b is None:
        return 0.0
    return math.hypot((a[0] + a[2] - b[0] - b[2]) / 2, (a[1] + a[3] - b[1] - b[3]) / 2)
