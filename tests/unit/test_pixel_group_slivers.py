"""Pixel judge: the slivers an edit leaves, folded into one item, or none beside a severe change."""

from __future__ import annotations

from verm.judge.pixel.context import _Item
from verm.judge.pixel.group import SLIVERS, _fold_slivers


def _slivers(n: int) -> list[_Item]:
    return [_Item("style_error", 1, (10 * k, 0, 10 * k + 4, 4), "Extra ink in candidate.", "extra") for k in range(n)]


def test_slivers_beyond_the_allowance_are_one_item() -> None:
    minor = _slivers(SLIVERS + 2)
    legend = _Item("style_error", 2, (0, 100, 50, 120), "A block moved by 30% of the image.", "moved")
    out = _fold_slivers([legend, *minor])
    assert out[0] is legend and len(out) == 2
    assert out[1].description == f"{SLIVERS + 2} further small differences." and out[1].severity == 1
    assert sorted(out[1].pieces) == sorted(it.box for it in minor)


def test_slivers_beside_a_severe_data_or_structure_change_are_its_own() -> None:
    # A series added, an axis turned log: the slivers about it are that change's, no item of their own.
    for category in ("data_error", "structure_error"):
        severe = _Item(category, 3, (0, 0, 200, 150), "Plotted data differ over 5 place(s).", "plot")
        assert _fold_slivers([severe, *_slivers(SLIVERS + 1)]) == [severe]
    # Texts and a medium change keep the slivers' item; so do slivers within the allowance.
    typo = _Item("text_error", 3, (0, 0, 200, 20), "The text reads 'x' instead of 'y'.", "text")
    assert len(_fold_slivers([typo, *_slivers(SLIVERS + 1)])) == 2
    few = _slivers(SLIVERS)
    assert _fold_slivers([severe, *few]) == [severe, *few]
