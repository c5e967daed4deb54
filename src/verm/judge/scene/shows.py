"""Where two renderings differ, to grade a finding by what shows.

The scenes say what changed; the pixels say how much of it shows. A pixel changed when a channel differs by
more than 24 (of 255), as in the bench's ground truth (`verm.perturb.effect`): a finding's share is the
changed pixels inside its box over the ink of both images. Renderings of different sizes are not compared.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from verm.judge.scene.boxes import clean_box

PIXEL_DIFF = 24
#: Ink: a pixel whose channels differ from the white canvas by more than this.
INK_DIFF = 40


class ChangedPixels:
    """The changed pixels of two same-size renderings (see the module docstring)."""

    def __init__(self, ref_png: bytes, cand_png: bytes) -> None:
        from PIL import Image

        a = np.asarray(Image.open(io.BytesIO(ref_png)).convert("RGB"), dtype=np.int16)
        b = np.asarray(Image.open(io.BytesIO(cand_png)).convert("RGB"), dtype=np.int16)
        self.ok = a.shape == b.shape
        if not self.ok:
            return
        changed = np.abs(a - b).max(axis=2) > PIXEL_DIFF
        ink_a, ink_b = (255 - a).max(axis=2) > INK_DIFF, (255 - b).max(axis=2) > INK_DIFF
        self.ink = max(1, int((ink_a | ink_b).sum()))
        #: Changed pixels that were painted before and after (recoloured), and those painted on one side only
        #: (a shape gone, added or moved).
        self.kinds = {"any": changed, "recolour": changed & ink_a & ink_b, "shape": changed & (ink_a ^ ink_b)}
        self.h, self.w = changed.shape

    def _window(self, box: Any) -> tuple[slice, slice] | None:
        b = clean_box(box)
        if not self.ok or b is None:
            return None
        x0, y0 = int(b[0] * self.w), int(b[1] * self.h)
        x1, y1 = max(x0 + 1, int(np.ceil(b[2] * self.w))), max(y0 + 1, int(np.ceil(b[3] * self.h)))
        return slice(y0, y1), slice(x0, x1)

    def share(self, box: Any, kind: str = "any") -> float:
        """The changed pixels inside ``box`` as a share of the ink (the pixels either image paints): all of them,
        the ``recolour``ed ones, or those of a ``shape`` gone, added or moved."""
        win = self._window(box)
        return 0.0 if win is None else float(self.kinds[kind][win].sum()) / self.ink


def changed_pixels(reference: Any, candidate: Any) -> ChangedPixels | None:
    """The changed pixels of two renderings, or None when either has no image or their sizes differ."""
    ref_png, cand_png = getattr(reference, "png", None), getattr(candidate, "png", None)
    if not ref_png or not cand_png:
        return None
    try:
        found = ChangedPixels(ref_png, cand_png)
    except (OSError, ValueError):
        return None
    return found if found.ok else None
