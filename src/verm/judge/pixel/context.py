"""One judgment's working state (`_Ctx`: both images, ink masks, frame, grid, OCR budget, caches)
and one discrepancy in the making (`_Item`: working pixels, reference frame).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from verm.judge.pixel.geometry import PxBox
from verm.judge.pixel.layout import TableGrid, chart_frame
from verm.types import Task


@dataclass
class _Item:
    """One discrepancy in the making (working pixels, reference frame)."""

    category: str
    severity: int
    box: PxBox
    description: str
    kind: str
    location: str = ""
    colours: tuple[tuple[int, int, int], tuple[int, int, int]] | None = None  # a recolouring's (old, new)
    #: The boxes of the changed places it explains (default: its box); items whose places overlap are
    #: one change (`group._merge_overlapping`).
    parts: list[PxBox] = field(default_factory=list)
    #: A changed text's (reference, candidate) reads, when both sides read some (`text._text_item`).
    reads: tuple[str, str] | None = None
    #: An SVG drawing's transform as read (`svg_transform._svg_transformed`): the 2x3 matrix mapping the
    #: reference's pixels onto the candidate's, in image pixels (the same transform may move other parts).
    motion: np.ndarray | None = field(default=None, repr=False, compare=False)
    #: A change of its own that the SVG cap on scattered items never folds (a whole drawing erased).
    apart: bool = False
    #: An SVG group's changed pixels (image-sized), where its items read it: whether two readings are on
    #: one place goes by these, as the truth's overlap does (`svg_merge._one_element_transformed`).
    pixels: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def pieces(self) -> list[PxBox]:
        return self.parts or [self.box]


@dataclass
class _Ctx:
    task: Task
    ref: np.ndarray
    cand: np.ndarray  # aligned to the reference
    ref_ink: np.ndarray
    cand_ink: np.ndarray
    frame: PxBox | None
    grid: TableGrid | None
    ocr_calls: int = 0
    transform_searches: int = 0  # `_svg_transformed` runs, bounded by SVG_TRANSFORM_SEARCHES
    last_conf: int = 0
    ref_grey: np.ndarray = None  # type: ignore[assignment]
    cand_grey: np.ndarray = None  # type: ignore[assignment]
    axis_fit: Any = field(default=None, repr=False)  # `_axis_fit`'s answer, once asked (a 1-tuple)
    word_moves: Any = field(default=None, repr=False)  # `_word_moves`' answer, once asked
    cand_frame: Any = field(default=None, repr=False)  # `_cand_frame`'s answer, once asked (a 1-tuple)

    def __post_init__(self) -> None:
        self.ref_grey = cv2.cvtColor(self.ref, cv2.COLOR_RGB2GRAY).astype(np.float32)
        self.cand_grey = cv2.cvtColor(self.cand, cv2.COLOR_RGB2GRAY).astype(np.float32)

    @property
    def h(self) -> int:
        return self.ref.shape[0]

    @property
    def w(self) -> int:
        return self.ref.shape[1]


def _pad_box(box: PxBox, p: int, c: _Ctx) -> PxBox:
    return max(0, box[0] - p), max(0, box[1] - p), min(c.w, box[2] + p), min(c.h, box[3] + p)


def _cand_frame(c: _Ctx) -> PxBox | None:
    """The candidate's own plot frame (once per judgment)."""
    if c.cand_frame is None:
        c.cand_frame = (chart_frame(c.cand, c.cand_ink),)
    return c.cand_frame[0]  # type: ignore[no-any-return]
