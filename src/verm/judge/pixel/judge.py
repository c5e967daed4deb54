"""`PixelJudge`: two images in, discrepancies out, registered as ``pixel``.

Runs the stages in order (normalise, difference, missing elements, the task's items, grade), maps
each item's box back to the candidate's pixels as fractions and names its place. A candidate
stretched to another aspect ratio (beyond ``aspect_tolerance``) is one more item, severity 2.
"""

from __future__ import annotations

import logging
import math
import time
from typing import ClassVar

import cv2
import numpy as np
from PIL import Image

from verm.errors import ContractError, InputError
from verm.judge.base import Judge
from verm.judge.pixel.chart import _chart_items, _chart_location
from verm.judge.pixel.chart_missing import _chart_element_items
from verm.judge.pixel.chart_rearranged import _subplots_rearranged
from verm.judge.pixel.classify import _CATS
from verm.judge.pixel.colour import EDGE_BACKGROUND, _as_array
from verm.judge.pixel.context import _Ctx, _Item
from verm.judge.pixel.difference import compare
from verm.judge.pixel.grade import _cap_scattered
from verm.judge.pixel.group import _fold_slivers, _items_from_regions, _merge_overlapping
from verm.judge.pixel.layout import TableGrid, chart_frame, table_grid
from verm.judge.pixel.memo import _MEMO
from verm.judge.pixel.normalise import _Normalised, _resize_to, normalise
from verm.judge.pixel.ocr import _Ocr
from verm.judge.pixel.svg import SVG_MAX_SHIFT, _svg_drawn_instead, _svg_element_items, _svg_items, _svg_location
from verm.judge.pixel.table import _table_location, table_grid_items, table_hidden_items
from verm.judge.pixel.table_elements import _table_element_items
from verm.types import Discrepancy, Judgment, Rendering, Status, Task

log = logging.getLogger(__name__)


_warm = False


def _warm_up() -> None:
    """OpenCV builds its Lab tables on the first conversion (~100 ms): pay that when the judge is made."""
    global _warm
    if not _warm:
        cv2.cvtColor(np.zeros((1, 1, 3), np.float32), cv2.COLOR_RGB2Lab)
        _warm = True


def _at_working_scale(img: Image.Image, f: float) -> np.ndarray:
    """An image as drawn (not stretched to the reference's size), scaled by the reference's working scale ``f``."""
    w, h = img.size
    return _resize_to(_as_array(img), max(1, round(w * f)), max(1, round(h * f)))


class PixelJudge(Judge):
    """Two images in, discrepancies out; the rules: docs/judges.md, "Pixel judge"."""

    name: ClassVar[str] = "pixel"

    def __init__(
        self,
        de_threshold: float = 10.0,
        max_shift: int = 3,
        max_regions: int = 12,
        work_side: int = 1024,
        aspect_tolerance: float = 0.05,
        ocr: bool = True,
        max_ocr_calls: int = 16,
    ) -> None:
        self.de_threshold = de_threshold
        self.max_shift = max_shift
        self.max_regions = max_regions
        self.work_side = work_side
        self.aspect_tolerance = aspect_tolerance
        self.max_ocr_calls = max_ocr_calls if ocr else 0
        _warm_up()
        if ocr:
            _Ocr.available()  # log once, at construction, when OCR is off

    def judge(self, task: Task, reference: Rendering, candidate: Rendering) -> Judgment:
        t0 = time.perf_counter()
        task = Task.parse(task)

        def done(**kw: object) -> Judgment:
            return Judgment(task=task, judge=self.name, elapsed_ms=(time.perf_counter() - t0) * 1e3, **kw)

        for role, r in (("reference", reference), ("candidate", candidate)):
            if r.png is None:
                return done(
                    status=Status.JUDGE_ERROR,
                    reason=f"{role} has no image (status {r.status.value}: {r.reason or 'no reason given'})",
                )
        try:
            ref_img = reference.image()
            cand_img = candidate.image()
            discrepancies = self.judge_images(task, ref_img, cand_img)
        except (InputError, ContractError) as exc:
            return done(status=Status.JUDGE_ERROR, reason=f"cannot judge these images: {exc}")
        return done(discrepancies=discrepancies)

    def judge_images(self, task: Task, ref_img: Image.Image, cand_img: Image.Image) -> list[Discrepancy]:
        """The discrepancies between two PIL images (the core of `judge`)."""
        token = _MEMO.set({})
        edge = EDGE_BACKGROUND.set(task is Task.CHART)  # (a chart's figure round its data: `colour._find_background`)
        try:
            return self._judge_images(task, ref_img, cand_img)
        finally:
            EDGE_BACKGROUND.reset(edge)
            _MEMO.reset(token)

    def _table_cells(
        self,
        ref: np.ndarray,
        cand_own: np.ndarray,
        norm: _Normalised,
        grid: TableGrid | None,
        elements_missing: bool,
    ) -> list[Discrepancy] | None:
        """A table compared through its grid (`table_grid_items`), or None: the region steps decide.

        A row or column or two more or fewer is one structural error each, whatever it moved; with
        the same grid shape, cell by cell (a wider column shifts no cell after it). Only for a
        candidate neither rescaled nor stretched; ``cand_own``: the candidate as drawn, at the
        reference's working scale (`_at_working_scale`)."""
        if norm.scale != 1.0 or norm.stretched:
            return None
        cells = table_grid_items(ref, cand_own, grid, self.max_ocr_calls * 2, elements_missing=elements_missing)
        if cells is None:
            return None
        sh, sw = cand_own.shape[:2]
        return [
            Discrepancy(
                category=it.category, severity=it.severity, location=it.location, description=it.description,
                bbox=(x0 / sw, y0 / sh, min(1.0, x1 / sw), min(1.0, y1 / sh)),
            )
            for it, (x0, y0, x1, y1) in cells
        ]  # fmt: skip

    def _judge_images(self, task: Task, ref_img: Image.Image, cand_img: Image.Image) -> list[Discrepancy]:
        task = Task.parse(task)
        cats = _CATS[task]
        out: list[Discrepancy] = []
        rw, rh = ref_img.size
        cw, ch = cand_img.size
        if rw == 0 or rh == 0 or cw == 0 or ch == 0:
            raise InputError("cannot judge an empty (0-pixel) image")
        norm = normalise(task, ref_img, cand_img, self.work_side)
        if norm.stretched and abs(math.log((cw / ch) / (rw / rh))) > math.log1p(self.aspect_tolerance):
            out.append(
                Discrepancy(
                    category=cats["aspect"],
                    severity=2,
                    location="whole image",
                    description=(
                        f"Aspect ratio differs (reference {rw}x{rh}, candidate {cw}x{ch}); "
                        "the candidate was stretched to compare."
                    ),
                    bbox=(0.0, 0.0, 1.0, 1.0),
                )
            )
        ref = norm.ref
        h, w = ref.shape[:2]
        # An icon renders on the reference's own canvas: no global shift (one that aligns a large shape
        # that moved misaligns every other shape; the drawing moved as a whole is read per group).
        max_shift = min(self.max_shift, SVG_MAX_SHIFT) if task is Task.SVG else self.max_shift
        diff = compare(
            ref, norm.cand, de_threshold=self.de_threshold, max_shift=max_shift, max_regions=4 * self.max_regions,
            # A resampled candidate is blurred by the interpolation: blur the reference alike.
            blur_sigma=0.7 if norm.scale == 1.0 else 1.2,
        )  # fmt: skip
        if not diff.regions:
            if task is Task.TABLE and not np.array_equal(ref, norm.cand):
                # A change under the region size (a minus sign, a per-mille for a per-cent): the grid reads
                # it. No structural change leaves no difference region: only cell reads count here.
                cells = self._table_cells(
                    ref, _at_working_scale(cand_img, w / rw), norm, table_grid(ref), elements_missing=False
                )
                out.extend(d for d in cells or [] if d.category != "layout_error")
            return out
        dx, dy = diff.shift
        cand, ref_ink, cand_ink = diff.cand, diff.ref_ink, diff.cand_ink
        assert cand is not None and ref_ink is not None and cand_ink is not None  # compare() found changes
        frame = chart_frame(ref, ref_ink) if task is Task.CHART else None
        grid = table_grid(ref) if task is Task.TABLE else None
        c = _Ctx(task, ref, cand, ref_ink, cand_ink, frame, grid)

        element_items = {
            Task.CHART: _chart_element_items,
            Task.TABLE: _table_element_items,
            Task.SVG: _svg_element_items,
        }
        rearranged = _subplots_rearranged(c) if task is Task.CHART else []
        if rearranged:
            # One layout change (and the data its subplots no longer draw): every other reading compares a
            # subplot with what now stands there.
            items, covered = list(rearranged), []
        else:
            items, covered = element_items[task](c, diff.regions)

        def placed(it: _Item) -> Discrepancy:
            """An item in the reference's working pixels as a discrepancy on the original image."""
            x0, y0, x1, y1 = it.box
            bbox = (
                min(max(norm.ax * (x0 + dx) + norm.bx, 0.0), 1.0),
                min(max(norm.ay * (y0 + dy) + norm.by, 0.0), 1.0),
                min(max(norm.ax * (x1 + dx) + norm.bx, 0.0), 1.0),
                min(max(norm.ay * (y1 + dy) + norm.by, 0.0), 1.0),
            )
            if bbox[2] < bbox[0] or bbox[3] < bbox[1]:
                bbox = (bbox[0], bbox[1], max(bbox[0], bbox[2]), max(bbox[1], bbox[3]))
            if (x1 - x0) * (y1 - y0) >= 0.8 * h * w:
                location = "whole image"
            elif task is Task.CHART:
                location = _chart_location(it.box, frame, w, h)
            elif task is Task.TABLE:
                location = _table_location(grid, it.box, w, h)
            else:
                location = _svg_location(it.box, w, h)
            return Discrepancy(
                category=it.category, severity=it.severity, location=location, description=it.description, bbox=bbox
            )

        if task is Task.TABLE:
            cand_own = _at_working_scale(cand_img, w / rw)
            cells = self._table_cells(ref, cand_own, norm, grid, elements_missing=bool(items))
            if cells is not None:
                hidden = table_hidden_items(c, cand_own, have=sum(d.severity == 3 for d in cells))
                return out + cells + [placed(it) for it in hidden]
        # Charts and tables: one item per change (changes on one place are one item, texts apart), no
        # cap on their number. SVGs keep their cap (`grade._cap_scattered`): measured, it grades better.
        if task is Task.SVG:
            assert diff.changed is not None  # compare() found changes
            regional = _cap_scattered(
                task, _svg_items(c, diff.regions, covered, diff.changed, self.max_ocr_calls), self.max_regions
            )
        elif rearranged:
            regional = []
        elif task is Task.CHART:
            regional = _fold_slivers(
                _merge_overlapping(_chart_items(c, diff.regions, covered, self.max_ocr_calls), ("text_error",))
            )
        else:
            regional = _merge_overlapping(
                _items_from_regions(c, diff.regions, covered, self.max_ocr_calls), ("text_error", "numeric_error")
            )
        if task is Task.SVG:
            items = _svg_drawn_instead(c, items, regional)
        if any(it.kind == "hidden" for it in items):
            # Hidden content counted once (an SVG's hidden drawing also stands for its missing shapes).
            gone = ("hidden", "missing") if task is Task.SVG else ("hidden",)
            regional = [it for it in regional if it.kind not in gone]
        # Largest first (the order a reader meets them in; an SVG's are, its scattered rest last).
        if task is not Task.SVG:
            regional.sort(key=lambda it: -(it.box[2] - it.box[0]) * (it.box[3] - it.box[1]))
        items.extend(regional)
        if task is Task.TABLE:
            items.extend(table_hidden_items(c, cand_own, have=sum(it.severity == 3 for it in items)))
        out.extend(placed(it) for it in items)
        log.debug(
            "pixel judge: %d regions -> %d discrepancies, shift %s, scale %.3f, %d OCR reads, size %dx%d",
            len(diff.regions), len(out), diff.shift, norm.scale, c.ocr_calls, w, h,
        )  # fmt: skip
        return out
