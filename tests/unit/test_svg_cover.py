"""The scene's shapes rasterised (`verm.judge.scene.svg.cover.Shapes`)."""

from __future__ import annotations

import numpy as np

from verm.judge.scene.svg.cover import RASTER_SIDE, Shapes


def test_stroked_rect_outline_runs_half_a_stroke_inside_its_box() -> None:
    # The scene's box holds the stroke: a rect drawn from it runs its outline half a stroke inside, so its ink
    # ends at the box (it reached half a stroke beyond, onto shapes beside it).
    box = [0.25, 0.25, 0.75, 0.75]
    scene = {"png_size": [336, 336], "viewBox": [0, 0, 24, 24],
             "elements": [{"tag": "rect", "bbox": box, "fill": "none", "stroke": "#000000", "stroke_width": 2}]}  # fmt: skip
    shapes = Shapes(scene)
    mask = shapes.mask(scene["elements"][0])
    assert mask is not None
    ys, xs = np.nonzero(mask)
    side = RASTER_SIDE
    assert xs.min() >= box[0] * side - 1 and xs.max() <= box[2] * side + 1
    assert ys.min() >= box[1] * side - 1 and ys.max() <= box[3] * side + 1


def test_variant_repaints_an_element_in_its_own_units() -> None:
    scene = {"png_size": [336, 336], "viewBox": [0, 0, 24, 24],
             "elements": [{"tag": "path", "d": "M4 4h8v8H4z", "bbox": [1 / 6, 1 / 6, 0.5, 0.5], "fill": "#ff0000"}]}  # fmt: skip
    shapes = Shapes(scene)
    e = scene["elements"][0]
    v = shapes.variant(e, fill="#00ff00")
    assert v["fill"] == "#00ff00" and e["fill"] == "#ff0000"
    assert shapes.variant(e, fill="#00ff00") is v
    assert np.array_equal(shapes.mask(v), shapes.mask(e))
