"""Which SVG findings on different elements change the same pixels: the bench's truth lists those as one change.

The truth (`verm.perturb.truth`) merges two edits when at least half of the smaller one's changed pixels lie on
(within 2 px of) the other's: an arrowhead dropped from a card whose fill was recoloured (the arrowhead's place
is recoloured too), a sea shrunk over the land a swap sent below it, a flap mirrored over the stripes dropped
along its edge. An annotator sees one change there. Each finding's changed pixels are read off the scene's
shapes painted flat (`cover.Shapes`, 168 px): the drawing before and after that one change, as the truth's
chain makes it (structural edits first, on the reference: a dropped or swapped element there; the other edits in
the candidate, with the element as it was put back). Shapes that cannot be read (text, cut path data) give no
pixels, and their findings stay apart.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from verm.judge.scene.boxes import clean_box
from verm.judge.scene.findings import Finding
from verm.judge.scene.svg.cover import RASTER_SIDE, Shapes, differ
from verm.judge.scene.svg.motion import path_resize

#: Two changes are one when this share of the smaller one's changed pixels lies on the other's (grown by
#: `TOUCH_PX` at the shapes' 168 px, about the truth's 2 px at 336 px).
OVERLAP_SHARE = 0.5
TOUCH_PX = 1
#: A change's pixels on the image are its shapes' grown by this many image pixels (`ChangedShapes.on_image`).
IMAGE_TOUCH = 2
#: Fewer changed pixels than this (at 168 px) are too few to tell where a change lies.
MIN_PIXELS = 4

Element = dict[str, Any]


class ChangedShapes:
    """The pixels each finding changes (`changed`), worked out when two findings' boxes meet.

    The truth's chain applies the structural edit first, on the reference (an element dropped, copied or
    swapped), and the others after it in an order the judge cannot know: each of those is measured here both
    early (on the drawing the structural edit made, every other element as it was) and late (in the candidate,
    every other change made). Two findings are one when they overlap in each of these where both show (a
    change unseen in one was not made there: the truth keeps only what shows)."""

    CONTEXTS = ("early", "late")

    def __init__(
        self, items: list[Finding], shapes: Shapes, ref: list[Element], ra: list[Element], ca: list[Element],
        pairs: list[tuple[int, int]], canvas: float | None = None,
    ) -> None:  # fmt: skip
        self.items = items
        #: The canvas side in user units (`motion.canvas_side`), for path points read one by one.
        self.canvas = canvas
        self.shapes = shapes
        #: The reference's elements (``ra`` may hold, past them, the shifted originals of edited copies).
        self.ref, self.ra, self.ca = ref, ra, ca
        self.partner = {j: i for i, j in pairs}
        #: The drawing after the structural edit only: the candidate's elements as the reference drew them.
        self.early = [ra[self.partner[j]] if j in self.partner else e for j, e in enumerate(ca)]
        self._masks: dict[tuple[int, str], np.ndarray | None] = {}
        self._grown: dict[tuple[int, str], np.ndarray] = {}
        self._boxes: dict[int, tuple[float, float, float, float] | None] = {}

    def changed(self, k: int, context: str) -> np.ndarray | None:
        if (k, context) not in self._masks:
            self._masks[k, context] = self._changed(self.items[k], context)
        return self._masks[k, context]

    def _changed(self, f: Finding, context: str) -> np.ndarray | None:
        if f.tags.get("text") or f.tags.get("pile"):
            return None
        els = f.tags.get("els") or set()
        swap = f.tags.get("swap")
        if swap is not None:
            ia, ib = swap
            after = list(self.ref)
            after[ia], after[ib] = after[ib], after[ia]
            return self._differ(self.ref, after, [self.ref[ia], self.ref[ib]])
        reorder = f.tags.get("reorder")
        if reorder is not None and f.tags.get("stacking"):
            # An element drawn at another place in the order: the reference with it moved there, against the
            # reference (what it now covers, or what now covers it: a sea sent over the land hides the land).
            i, j = reorder
            if i >= len(self.ref):
                return None
            after = list(self.ref)
            moved = after.pop(i)
            after.insert(min(j, len(after)), moved)
            lo, hi = sorted((i, min(j, len(self.ref) - 1)))
            return self._differ(self.ref, after, self.ref[lo : hi + 1])
        if f.tags.get("stacking"):
            return None
        if f.tags.get("missing"):
            gone = {i for side, i in els if side == "r"}
            if not gone or any(side != "r" for side, _ in els):
                return None
            return self._differ(self.ref, [e for i, e in enumerate(self.ref) if i not in gone],
                                [self.ref[i] for i in gone])  # fmt: skip
        js = {j for side, j in els if side == "c"}
        if not js:
            return None
        touched = [self.ca[j] for j in js] + [self.ra[self.partner[j]] for j in js if j in self.partner]
        drawing = self.early if context == "early" else self.ca
        if f.tags.get("extra"):
            # An extra element (a copy) is structural, made first: the drawing without it against the drawing,
            # as the structural edit left it (a copy edited afterwards drawn as it was copied).
            return self._differ([e for j, e in enumerate(self.early) if j not in js], self.early, touched)
        paint = f.tags.get("paint")
        if paint is not None:  # a recolour: the elements in the old paint against the new, as the context draws them
            attr, old, new = paint
            before = [self.shapes.variant(e, **{attr: old}) if j in js else e for j, e in enumerate(drawing)]
            after = [self.shapes.variant(e, **{attr: new}) if j in js else e for j, e in enumerate(drawing)]
            return self._differ(before, after, touched)
        # The element(s) as they were against as they are, in the paint they have now (a recolour of the element
        # is a change of its own: a group's, or joined to this one as a change of the same element).
        before = [self._in_paint(self.early[j], self.ca[j]) if j in js else e for j, e in enumerate(drawing)]
        after = [self.ca[j] if j in js else e for j, e in enumerate(drawing)]
        return self._differ(before, after, touched)

    def _in_paint(self, e: Element, like: Element) -> Element:
        """``e`` painted as ``like`` is."""
        if all(e.get(attr) == like.get(attr) for attr in ("fill", "stroke")):
            return e
        return self.shapes.variant(e, fill=like.get("fill"), stroke=like.get("stroke"))

    def _differ(self, before: list[Element], after: list[Element], touched: list[Element]) -> np.ndarray | None:
        """The pixels that differ visibly between two drawings; only shapes whose boxes meet the changed
        elements' can change a pixel, so only those are painted."""
        near = [b for b in (self._box(e) for e in touched) if b is not None]
        pad = 1.0 / RASTER_SIDE
        keep = {
            id(e) for e in [*before, *after]
            if (b := self._box(e)) is not None
            and any(b[0] - pad < n[2] and n[0] - pad < b[2] and b[1] - pad < n[3] and n[1] - pad < b[3] for n in near)
        }  # fmt: skip
        mask = differ(self.shapes, [e for e in before if id(e) in keep], [e for e in after if id(e) in keep])
        return mask if mask is not None and int(mask.sum()) >= MIN_PIXELS else None

    def _box(self, e: Element) -> tuple[float, float, float, float] | None:
        if id(e) not in self._boxes:
            self._boxes[id(e)] = clean_box(e.get("bbox"))
        return self._boxes[id(e)]

    def overlap(self, i: int, j: int) -> bool | None:
        """Whether findings ``i`` and ``j`` change the same pixels (the class docstring); None when their pixels
        cannot tell (a shape unread, a change too small to place)."""
        if not _boxes_meet(self.items[i].bbox, self.items[j].bbox):
            return False
        shown = 0
        # Which of the two the truth's chain made first is unknown: each order must overlap where both show.
        for first, second in (("early", "late"), ("late", "early")):
            a, b = self.changed(i, first), self.changed(j, second)
            if a is None or b is None:
                continue
            shown += 1
            if not (self._on(a, (j, second)) if a.sum() <= b.sum() else self._on(b, (i, first))):
                return False
        return True if shown else None

    def on_image(self, k: int, size: tuple[int, int]) -> np.ndarray | None:
        """Finding ``k``'s changed pixels in the candidate, on an image of ``size`` (rows, columns), grown by
        `IMAGE_TOUCH` (anti-aliased edges); None when its shapes cannot be read."""
        import cv2

        mask = self.changed(k, "late")
        if mask is None:
            return None
        h, w = size
        big = cv2.resize(mask.astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST)
        kernel = np.ones((2 * IMAGE_TOUCH + 1, 2 * IMAGE_TOUCH + 1), np.uint8)
        return cv2.dilate(big, kernel).astype(bool)

    def point_apart(self, point: int, other: int) -> bool | None:
        """Whether a moved point (finding ``point``) and another change of its path (``other``: a resize, a mirror,
        a slight transform) change different pixels, so that the truth lists them apart: each made alone on the
        reference's path or on the path the other left, the point's pixels (its wedge) against the other's (a band
        along the whole outline). None when the path cannot be read point by point."""
        import cv2

        fp, fx = self.items[point], self.items[other]
        js = {j for side, j in fp.tags.get("els", set()) if side == "c"}
        i = self.partner.get(next(iter(js))) if len(js) == 1 else None
        if i is None or i >= len(self.ref):
            return None
        a, b = self.ra[i], self.ca[next(iter(js))]
        if a.get("tag") != "path" or b.get("tag") != "path":
            return None
        db = b.get("d_full") or b.get("d")
        fit = path_resize(a.get("d_full") or a.get("d"), db, self.canvas)
        if fit is None or abs(fit[0]) < 1e-6:
            return None
        f, tx, ty = fit
        own = (a.get("transform") or "").strip()

        def drawn(**attrs: Any) -> np.ndarray | None:
            return self.shapes.mask(self.shapes.variant(a, placed_as_written=True, **attrs))

        # The candidate's path with the resize undone: the moved point alone.
        point_alone = drawn(d=db, d_full=db, transform=f"{own} matrix({1 / f:g} 0 0 {1 / f:g} {-tx / f:g} {-ty / f:g})")
        if fx.tags.get("edit") == "resize":
            other_alone = drawn(transform=f"{own} matrix({f:g} 0 0 {f:g} {tx:g} {ty:g})")
        elif fx.tags.get("part"):
            other_alone = drawn(transform=f"{own} {fx.tags['part']}")
        else:
            return None
        base, whole = drawn(), drawn(d=db, d_full=db, transform=(b.get("transform") or "").strip())
        if base is None or whole is None or point_alone is None or other_alone is None:
            return None
        kernel = np.ones((2 * TOUCH_PX + 1, 2 * TOUCH_PX + 1), np.uint8)
        shown = 0
        # Which came first is unknown, as in `overlap`: the first made on the reference's path, the second on
        # the path the first left; one change in each order must lie on the other where both show.
        for first, second in ((point_alone ^ base, whole ^ point_alone), (other_alone ^ base, whole ^ other_alone)):
            if int(first.sum()) < MIN_PIXELS or int(second.sum()) < MIN_PIXELS:
                continue
            shown += 1
            small, large = (first, second) if first.sum() <= second.sum() else (second, first)
            grown = cv2.dilate(large.astype(np.uint8), kernel).astype(bool)
            if int((grown & small).sum()) < OVERLAP_SHARE * int(small.sum()):
                return True
        return False if shown else None

    def _on(self, small: np.ndarray, large: tuple[int, str]) -> bool:
        """Whether `OVERLAP_SHARE` of ``small``'s pixels lie on (within `TOUCH_PX` of) the ``large`` mask's."""
        if large not in self._grown:
            import cv2

            kernel = np.ones((2 * TOUCH_PX + 1, 2 * TOUCH_PX + 1), np.uint8)
            self._grown[large] = cv2.dilate(self._masks[large].astype(np.uint8), kernel).astype(bool)  # type: ignore[union-attr]
        return int((self._grown[large] & small).sum()) >= OVERLAP_SHARE * int(small.sum())


def _boxes_meet(a: Any, b: Any, pad: float = 0.01) -> bool:
    a, b = clean_box(a), clean_box(b)
    if a is None or b is None:
        return False
    return a[0] - pad < b[2] and b[0] - pad < a[2] and a[1] - pad < b[3] and b[1] - pad < a[3]
