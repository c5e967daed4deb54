"""Pixel judge, charts: missing content costs what it hides, and no more (round 15, split 269's hack ties).

Horizontal bars recoloured under wider y limits (the categories squeezed into the top of the axes) hide
most of their old ink and redraw just under a quarter of the plot's, yet as much again as they left: the
bars are all there, at their lengths. Read as the plot's data hidden (four severe items), the honest
candidate scored below axes with no data at all."""

from __future__ import annotations

from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture

_MONTHS = ["Jul", "May", "Dec", "Nov", "Oct", "Aug", "Jun", "Sep"]
_USE = [37, 40.2, 54.8, 58.3, 59.2, 65.2, 112.2, 130]


def _barh(colour: str, widen: float | None = None, bars: bool = True):
    """Energy use per month as horizontal bars in ``colour``, the y range widened ``widen`` times downwards."""
    fig, ax = plt.subplots(figsize=(9, 5))
    ax.barh(_MONTHS, _USE if bars else [0] * len(_USE), color=colour)
    ax.invert_yaxis()
    lo, hi = ax.get_ylim()
    if widen is not None:
        ax.set_ylim(hi + widen * (lo - hi), hi)
    ax.set_xlim(0, 137)
    ax.set_title("Energy use per month")
    ax.set_xlabel("Energy use (MWh)")
    ax.grid(axis="x", alpha=0.3)
    return _image(fig)


def _cost(found) -> int:
    return sum(d.severity for d in found)


def test_bars_squeezed_by_wider_limits_are_not_hidden(judge: PixelJudge) -> None:
    ref = _barh("#1f77b4")
    found = judge.judge_images(Task.CHART, ref, _barh("#bcbd22", widen=2.2))
    assert not [d for d in found if "hides the reference's plotted data" in d.description]
    # and it stays above the axes emptied of their bars (a hack), which still cost what they hide
    empty = judge.judge_images(Task.CHART, ref, _barh("#1f77b4", bars=False))
    assert _cost(found) < _cost(empty)
    assert [d for d in empty if "hides the reference's plotted data" in d.description]
