"""A region by its pixels alone: (category, kind), and one sentence about it.

Kinds: colour (same ink, dominant colours ΔE > 30, or a background tint), text (thin strokes in a
short band), missing / extra (>= 75 % of the changed ink on one side; structure_error from 8 % of
the image), else geometry. `_CATS` maps kinds to each task's categories (the paper's vocabulary).
"""

from __future__ import annotations

from verm.judge.pixel.colour import INK_DE, _hex, _rgb_de
from verm.judge.pixel.difference import Region
from verm.types import Task

_CATS: dict[Task, dict[str, str]] = {
    Task.CHART: {
        "style": "style_error",
        "text": "text_error",
        "numeric": "text_error",
        "structure": "structure_error",
        "small_presence": "data_error",
        "geometry": "data_error",
        "aspect": "structure_error",
        "moved": "style_error",
    },
    Task.SVG: {
        "style": "style_error",
        "text": "text_symbol_error",
        "numeric": "text_symbol_error",
        "structure": "structure_error",
        "small_presence": "structure_error",
        "geometry": "shape_error",
        "aspect": "structure_error",
        "moved": "shape_error",
    },
    Task.TABLE: {
        "style": "layout_error",
        "text": "text_error",
        "numeric": "numeric_error",
        "structure": "layout_error",
        "small_presence": "layout_error",
        "geometry": "layout_error",
        "aspect": "layout_error",
        "moved": "layout_error",
    },
}


def classify(task: Task, r: Region, h: int, w: int) -> tuple[str, str]:
    """(category, kind) of a region by its pixels alone; kind is colour | text | missing | extra | geometry.

    The judge refines this with OCR, the plot frame, moved blocks and grouping.
    """
    cats = _CATS[task]
    cover = r.box_area / float(h * w)
    text = _looks_like_text(r, h)
    if _colour_only(r):
        if task is Task.TABLE:
            return (cats["text"] if text else cats["style"]), "colour"
        return cats["style"], "colour"
    if text:
        return cats["text"], "text"
    kind = _presence(r)
    if kind:
        return (cats["structure"] if cover >= 0.08 else cats["small_presence"]), kind
    return cats["geometry"], "geometry"


def describe(r: Region, kind: str, h: int, w: int) -> str:
    """One sentence about a region by its pixels."""
    pct = 100.0 * r.box_area / (h * w)
    if kind == "colour":
        return f"Region differs in colour only (reference {_hex(r.ref_colour)}, candidate {_hex(r.cand_colour)})."
    if kind == "text":
        if r.cand_ink < 0.2 * r.ref_ink:
            return "Text present in the reference is missing in the candidate."
        if r.ref_ink < 0.2 * r.cand_ink:
            return "Candidate has text that the reference does not have."
        return f"Text-like content differs (ink overlap {100 * r.ink_iou:.0f}%)."
    if kind == "missing":
        return f"Ink missing in candidate over {pct:.1f}% of the image (reference colour {_hex(r.ref_colour)})."
    if kind == "extra":
        return f"Extra ink in candidate over {pct:.1f}% of the image (candidate colour {_hex(r.cand_colour)})."
    inked = max(r.changed_both_ink + r.changed_ref_only + r.changed_cand_only, 1)
    return (
        f"Shapes differ in position or size over {pct:.1f}% of the image (of the changed ink "
        f"{100 * r.changed_ref_only / inked:.0f}% is only in the reference, "
        f"{100 * r.changed_cand_only / inked:.0f}% only in the candidate, "
        f"{100 * r.changed_both_ink / inked:.0f}% recoloured)."
    )


def _looks_like_text(r: Region, h: int) -> bool:
    """Short band of thin strokes, wide or made of several glyphs."""
    if r.ink_union == 0:
        return False
    short = r.height <= 0.07 * h
    thin = r.stroke_ratio >= 0.35
    wordish = r.width >= 1.5 * r.height or r.ink_blobs >= 2
    return short and thin and wordish


def _colour_only(r: Region) -> bool:
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    colour_diff = _rgb_de(r.ref_colour, r.cand_colour)
    if r.changed_no_ink >= 0.7 * (inked + r.changed_no_ink):
        # Mostly pixels that are ink in neither image: a background or faint fill changed tint.
        return colour_diff > INK_DE / 2
    return r.ink_iou >= 0.8 and r.changed_both_ink >= 0.6 * inked and colour_diff > 2 * INK_DE


def _presence(r: Region) -> str | None:
    """'missing' or 'extra' when most changed ink is on one side only."""
    inked = r.changed_both_ink + r.changed_ref_only + r.changed_cand_only
    if inked and max(r.changed_ref_only, r.changed_cand_only) >= 0.75 * inked:
        return "missing" if r.changed_ref_only > r.changed_cand_only else "extra"
    return None
