"""Small image helpers shared by renderers, judges and reports (Pillow + numpy)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import numpy as np
from PIL import Image

from verm.errors import InputError

#: Decompression-bomb guard for images verm *reads* (references, candidates).
MAX_READ_PIXELS = 64_000_000


def load_rgb(src: str | Path | bytes | BinaryIO | Image.Image) -> Image.Image:
    """Open an image as RGB, compositing any transparency onto white."""
    if isinstance(src, Image.Image):
        img = src
    else:
        if isinstance(src, bytes):
            src = io.BytesIO(src)
        try:
            img = Image.open(src)
            if img.width * img.height > MAX_READ_PIXELS:
                raise InputError(
                    f"image is {img.width}x{img.height} px, more than {MAX_READ_PIXELS:,} pixels; downscale it first"
                )
            img.load()
        except InputError:
            raise
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            where = f" {src}" if isinstance(src, (str, Path)) else ""
            raise InputError(f"cannot read image{where}: {exc}") from None
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, rgba).convert("RGB")
    # An RGB image decoded here is returned as it is: ``convert`` would copy it (a third of a scene SVG judgement).
    return img if img.mode == "RGB" and img is not src else img.convert("RGB")


def to_png(img: Image.Image, compress_level: int = 1) -> bytes:
    """PNG bytes. Level 1: these PNGs travel between processes, not over a slow link,
    and level 6 costs several ms more per image for ~20% smaller files."""
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=compress_level)
    return buf.getvalue()


def is_blank(img: Image.Image, tolerance: int = 8, min_fraction: float = 0.0005) -> bool:
    """True when the image has no content: (almost) every pixel is the same colour.

    A pixel counts as content when any channel differs from the image's
    dominant colour by more than ``tolerance``; the image is blank when fewer
    than ``min_fraction`` of its pixels are content. This is a test on the
    pixels, never on the code that made them.
    """
    arr = np.asarray(img.convert("RGB"), dtype=np.int16)
    if arr.size == 0:
        return True
    flat = arr.reshape(-1, 3)
    # Dominant colour: the median is robust and cheap (the mode would be exact but slower).
    dominant = np.median(flat[:: max(1, len(flat) // 20000)], axis=0)
    content = np.abs(flat - dominant).max(axis=1) > tolerance
    return content.mean() < min_fraction
