"""Tesseract through tesserocr (one engine per thread), and comparing what it reads.

Crops are made dark-on-light, upscaled to ~40 px a line, turned upright or level when set rotated or
on a slant. Without tesserocr or English data OCR is off (one warning) and text is judged by shape.
Reads compare as numbers (`is_numeric_change`), as typos (`_levenshtein`, a swap is one edit) and
up to OCR's confusions (`_ocr_same`, `_same_read`).
"""

from __future__ import annotations

import glob
import logging
import math
import os
import re
import threading
from typing import Any, ClassVar

import cv2
import numpy as np
from PIL import Image

log = logging.getLogger(__name__)


#: Where Debian/Ubuntu (tesseract-ocr-eng), Fedora and Homebrew keep ``eng.traineddata``.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)


TESSDATA_GLOB = "/usr/share/tesseract-ocr/*/tessdata"


class _Ocr:
    """Tesseract in-process through tesserocr, one engine per thread (the C API is not thread-safe).

    Missing tesserocr or missing English data is logged once and OCR is off:
    the judge then classifies text by shape alone.
    """

    _local = threading.local()
    _checked: ClassVar[bool] = False
    _path: ClassVar[str | None] = None

    @classmethod
    def available(cls) -> bool:
        if not cls._checked:
            cls._checked = True
            try:
                import tesserocr  # noqa: F401
            except ImportError:
                log.warning("pixel judge: tesserocr is not installed, OCR is off (pip install 'verm[ocr]')")
                return False
            dirs = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS, *sorted(glob.glob(TESSDATA_GLOB))]
            for d in dirs:
                if d and os.path.exists(os.path.join(d, "eng.traineddata")):
                    cls._path = d
                    break
            else:
                log.warning(
                    "pixel judge: no eng.traineddata in %s, OCR is off (apt-get install tesseract-ocr-eng)", dirs
                )
        return cls._path is not None

    @classmethod
    def api(cls) -> Any:
        api = getattr(cls._local, "api", None)
        if api is None:
            import tesserocr

            api = tesserocr.PyTessBaseAPI(path=cls._path, lang="eng", oem=tesserocr.OEM.LSTM_ONLY)
            cls._local.api = api
        return api


def ocr_available() -> bool:
    """True when the pixel judge can read text (tesserocr and English data are installed)."""
    return _Ocr.available()


def read_text(
    grey: np.ndarray,
    *,
    vertical: bool = False,
    block: bool = False,
    slant: float = 0.0,
    line_px: int | None = None,
    zoom: float = 1.0,
) -> str | None:
    """Text in a grey crop (dark or light text on a plain background); None when OCR is off.

    The crop is made dark-on-light, upscaled so that a line is ~40 px tall
    (Tesseract reads 10 px glyphs poorly), padded, and read as one line, or as
    a block of lines (``block``). ``vertical`` text (a y-axis label) is turned
    upright first; ``slant`` text (degrees, counter-clockwise: tick labels set
    at 45°) is turned level. ``line_px``: the height of one line of a block (padded as a
    one-line crop is), when the caller measured it; ``zoom`` scales the upscaling (a second read
    of a crop Tesseract was unsure of: its glyphs fall on other pixels).
    """
    if not _Ocr.available() or grey.size == 0:
        return None
    import tesserocr

    g = grey
    if vertical:
        g = np.rot90(g, k=-1)
    elif slant:
        h, w = g.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), slant, 1.0)
        side = math.ceil(math.hypot(h, w))  # room for the turned crop
        m[:, 2] += ((side - w) / 2, (side - h) / 2)
        g = cv2.warpAffine(g, m, (side, side), flags=cv2.INTER_CUBIC, borderValue=int(np.median(grey)))
        ys = np.nonzero((np.abs(g.astype(np.int16) - int(np.median(grey))) > 40).any(axis=1))[0]
        if ys.size:
            g = g[max(0, ys[0] - 2) : ys[-1] + 3]  # one line tall again, so the upscaling below fits it
    if float(np.median(g)) < 128:  # light text on a dark fill (heatmap cells)
        g = 255 - g
    h = g.shape[0]
    line_h = h if not block else min(h, line_px or 24)
    scale = min(4.0 * zoom, max(1.0, 40.0 * zoom / max(line_h, 1)))
    if scale > 1.01:
        g = cv2.resize(g, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    g = cv2.copyMakeBorder(np.ascontiguousarray(g), 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)
    api = _Ocr.api()
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK if block else tesserocr.PSM.SINGLE_LINE)
    api.SetImage(Image.fromarray(g))
    text = api.GetUTF8Text() or ""
    _Ocr._local.conf = int(api.MeanTextConf())
    return " ".join(text.replace("|", " ").split()).strip(" _—-~.,'‘’\"")


def _last_conf() -> int:
    """Tesseract's mean word confidence (0-100) for the last `read_text` call on this thread."""
    return int(getattr(_Ocr._local, "conf", 0))


def _levenshtein(a: str, b: str) -> int:
    """Edit distance where swapping two neighbouring characters is one edit (a typo)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


_NUMERIC = re.compile(r"^[+\-−–]?\s?[$€£¥]?\s?[+\-−–]?[\d][\d.,\s]*\s?(%|[A-Za-zµ°]{1,3}\.?)?$")


_NUMBER = re.compile(r"[+\-−–]?\d[\d,]*(?:\.\d+)?")


def is_numeric_change(ref: str, cand: str) -> bool:
    """A difference confined to digits, decimal marks, signs, currency and short units."""
    a, b = ref.strip(), cand.strip()
    if not a or not b or a == b:
        return False
    return bool(_NUMERIC.match(a) and _NUMERIC.match(b))


def _number(s: str) -> float | None:
    m = _NUMBER.search(s)
    if not m:
        return None
    try:
        return float(m.group().replace(",", "").replace("−", "-").replace("–", "-"))
    except ValueError:
        return None


_OCR_CONFUSABLE = str.maketrans(
    {"I": "l", "i": "l", "1": "l", "|": "l", "/": "l", "!": "l", "0": "O", "o": "O", "S": "5"}
    | {"[": "(", "{": "(", "]": ")", "}": ")"}
    | dict.fromkeys(".,'\"`‘’“” _", None)  # spaces and underscores: OCR loses or invents them in small text
)


def _ocr_same(a: str, b: str) -> bool:
    """Reads that differ only in characters OCR confuses or loses at small sizes (N/A vs NIA, 0 vs O,
    7S vs 75, [ vs {, % vs 96 or 9%, a decimal point, a quote mark, a space or an underscore)."""
    return _PERCENT.sub("%", a).translate(_OCR_CONFUSABLE) == _PERCENT.sub("%", b).translate(_OCR_CONFUSABLE)


#: A small per-cent sign reads as "96" or "9%".
_PERCENT = re.compile(r"9[6%]")


def _same_read(a: str, b: str) -> bool:
    """The same cell text up to OCR noise: case, spacing, punctuation, a wrong letter in five (digits exact).

    Texts under two letters or digits never match: single characters trade places by chance.
    """
    a, b = re.sub(r"\W", "", a.lower()), re.sub(r"\W", "", b.lower())
    if min(len(a), len(b)) < 2 or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    return _levenshtein(a, b) <= len(max(a, b, key=len)) // 5


def _alnum(s: str) -> int:
    return sum(ch.isalnum() for ch in s)


def _q(s: str, limit: int = 60) -> str:
    return repr(s if len(s) <= limit else s[: limit - 1] + "…")
