"""Where two renderings differ, to grade a finding by what shows.

The scenes say what changed; the pixels say how much of it shows. A pixel changed when a channel differs by
more than 24 (of 255), as in the bench's ground truth (`verm.perturb.effect`): a finding's share is the
changed pixels inside its box over the ink of both images. Renderings of different sizes are not compared.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from verm.errors import InputError
from verm.imaging import load_rgb
from verm.judge.scene.boxes import clean_box

PIXEL_DIFF = 24
#: Images are read at about this many px on the longer side (at most; the bench's 336 px icons as they are).
MAX_SIDE = 400
#: Ink: a pixel whose channels differ from the white canvas by more than this.
INK_DIFF = 40


class ChangedPixels:
    """The changed pixels of two same-size renderings (see the module docstring)."""

    def __init__(self, ref_png: bytes, cand_png: bytes) -> None:
        from PIL import ImageChops

        a, b = _decode_both(ref_png, cand_png)
        self.ok = a.size == b.size
        if not self.ok:
            return
        # Shares are ratios: a large image is read at about MAX_SIDE px (a box average keeps thin strokes).
        k = self.k = max(1, math.ceil(max(a.size) / MAX_SIDE))
        if k > 1:
            a, b = a.reduce(k), b.reduce(k)
        changed = _channel_max(ImageChops.difference(a, b)) > PIXEL_DIFF
        ink_a, ink_b = (_channel_max(ImageChops.invert(x)) > INK_DIFF for x in (a, b))
        self.ink = max(1, int((ink_a | ink_b).sum()))
        #: Changed pixels that were painted before and after (recoloured), and those painted on one side only
        #: (a shape gone, added or moved).
        self.kinds = {"any": changed, "recolour": changed & ink_a & ink_b, "shape": changed & (ink_a ^ ink_b)}
        #: Both images as read (RGB arrays): how far changed pixels moved (`svg.grade.PixelMoves`), a plot's ink
        #: (`plot_share`).
        self.images = (np.asarray(a), np.asarray(b))
        self.h, self.w = changed.shape

    def _window(self, box: Any) -> tuple[slice, slice] | None:
        b = clean_box(box)
        if not self.ok or b is None:
            return None
        x0, y0 = int(b[0] * self.w), int(b[1] * self.h)
        x1, y1 = max(x0 + 1, int(np.ceil(b[2] * self.w))), max(y0 + 1, int(np.ceil(b[3] * self.h)))
        return slice(y0, y1), slice(x0, x1)

    def share(self, box: Any, kind: str = "any", only: np.ndarray | None = None) -> float:
        """The changed pixels inside ``box`` as a share of the ink (the pixels either image paints): all of them,
        the ``recolour``ed ones, or those of a ``shape`` gone, added or moved; with ``only`` (a mask of the
        images' size as read), those in it."""
        win = self._window(box)
        if win is None:
            return 0.0
        changed = self.kinds[kind][win] if only is None else self.kinds[kind][win] & only[win]
        return float(changed.sum()) / self.ink

    def count_near(self, box: Any, pad_px: float) -> int | None:
        """The changed pixels inside ``box`` widened by ``pad_px`` image pixels on every side (a line's box has
        no thickness: its stroke lies around it); None when the box cannot be read."""
        b = clean_box(box)
        if not self.ok or b is None:
            return None
        full_w, full_h = self.w * self.k, self.h * self.k
        dx, dy = pad_px / full_w, pad_px / full_h
        win = self._window((max(0.0, b[0] - dx), max(0.0, b[1] - dy), min(1.0, b[2] + dx), min(1.0, b[3] + dy)))
        return None if win is None else int(self.kinds["any"][win].sum())

    def plot_share(self, frame: Any, boxes: Sequence[Any]) -> float | None:
        """The changed pixels inside ``boxes`` as a share of the ink of the inner part of a plot ``frame`` (its
        box less a 2 % rim: its spines and ticks), ink being what differs from the plot's most common colour in
        either image: how much of a plot a recolouring covers, as the bench's ground truth reads it (a band
        recoloured in a stack of areas covers the plot though the band below is its most common colour)."""
        win = self._window(_inner(frame))
        if win is None:
            return None
        inside = np.zeros((self.h, self.w), dtype=bool)
        for box in boxes:
            part = self._window(box)
            if part is not None:
                inside[part] = True
        a, b = (x[win].astype(np.int16) for x in self.images)
        flat = a.reshape(-1, 3).astype(np.int32)
        codes, counts = np.unique((flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2], return_counts=True)
        c = int(codes[np.argmax(counts)]) if len(codes) else 0xFFFFFF
        bg = np.array([(c >> 16) & 255, (c >> 8) & 255, c & 255], dtype=np.int16)
        ink = int(((np.abs(a - bg).max(axis=2) > INK_DIFF) | (np.abs(b - bg).max(axis=2) > INK_DIFF)).sum())
        changed = int((self.kinds["any"][win] & inside[win]).sum())
        return min(1.0, changed / ink) if ink else float(changed > 0)


#: The rim of a plot's box left out of `ChangedPixels.plot_share` (its spines and ticks), a share of its sides.
PLOT_RIM = 0.02


def _inner(frame: Any) -> Any:
    b = clean_box(frame)
    if b is None:
        return None
    dx, dy = PLOT_RIM * (b[2] - b[0]), PLOT_RIM * (b[3] - b[1])
    return (b[0] + dx, b[1] + dy, b[2] - dx, b[3] - dy)


def _channel_max(img: Any) -> np.ndarray:
    """The largest of an RGB image's three channels, per pixel."""
    from PIL import ImageChops

    r, g, b = img.split()
    return np.asarray(ImageChops.lighter(ImageChops.lighter(r, g), b))


class LazyChangedPixels:
    """`changed_pixels` of two renderings, worked out on first use (a chart needs them for a few findings)."""

    def __init__(self, reference: Any, candidate: Any) -> None:
        self._pair: tuple[Any, Any] | None = (reference, candidate)
        self._found: ChangedPixels | None = None

    def get(self) -> ChangedPixels | None:
        if self._pair is not None:
            self._found = changed_pixels(*self._pair)
            self._pair = None
        return self._found


def _decode_both(ref_png: bytes, cand_png: bytes) -> tuple[Any, Any]:
    """Both PNGs decoded as RGB, the candidate's in a thread beside the reference's: Pillow decodes without
    the GIL, and decoding is half a scene SVG judgement at 768 px (5 ms an image). A thread a call, not a
    pool: render workers fork, and a pool's threads would not survive it."""
    out: dict[str, Any] = {}

    def cand() -> None:
        try:
            out["cand"] = load_rgb(cand_png)
        except Exception as exc:  # re-raised in the caller's thread
            out["error"] = exc

    worker = threading.Thread(target=cand, daemon=True)
    worker.start()
    try:
        ref = load_rgb(ref_png)
    finally:
        worker.join()
    if "error" in out:
        raise out["error"]
    return ref, out["cand"]


def changed_pixels(reference: Any, candidate: Any) -> ChangedPixels | None:
    """The changed pixels of two renderings, or None when either has no image or their sizes differ."""
    ref_png, cand_png = getattr(reference, "png", None), getattr(candidate, "png", None)
    if not ref_png or not cand_png:
        return None
    try:
        found = ChangedPixels(ref_png, cand_png)
    except (InputError, OSError, ValueError):
        return None
    return found if found.ok else None
