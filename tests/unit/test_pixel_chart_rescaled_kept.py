"""Pixel judge, charts: honest edits that rescale the data keep it (no "hidden data" items): stacked bars whose
values varied little, squeezed closer by a grown y axis, are no series set to one level; a frameless plot drawn
smaller under wider limits keeps every series' colour and shape, and is no plot emptied."""

from __future__ import annotations

import numpy as np
from PIL import Image
from tests.unit.test_pixel_chart_rules import _image, judge, plt

from verm.judge.pixel import PixelJudge
from verm.types import Task

__all__ = ["judge"]  # the shared PixelJudge fixture


def _hidden(judge: PixelJudge, ref: Image.Image, cand: Image.Image) -> list:
    return [d for d in judge.judge_images(Task.CHART, ref, cand) if "hid" in d.description]


def _stacked(value: float | None = None, flat: bool = False) -> Image.Image:
    """Two stacked series of four bars, the lower one's values close together (85 to 97); ``value``: the upper
    series' last value set to it (the y axis autoscales up to it); ``flat``: both series at their means."""
    men, women = np.array([86.0, 89.0, 85.0, 97.0]), np.array([54.0, 54.0, 44.0, 55.0])
    if value is not None:
        women[3] = value
    if flat:
        men, women = np.full(4, men.mean()), np.full(4, women.mean())
    fig, ax = plt.subplots(figsize=(8, 4.5))
    teams = ["Team A", "Team B", "Team C", "Team E"]
    ax.bar(teams, men, color="#7b00a8", label="Men")
    ax.bar(teams, women, bottom=men, color="#fdb42f", label="Women")
    ax.legend(loc="lower left")
    ax.set_title("Team energy use")
    return _image(fig)


def test_stacked_bars_under_a_grown_axis_are_not_flattened(judge: PixelJudge) -> None:
    # The lower segments' tops, 85 to 97 under a y axis grown from 160 to 220, end within 4 px of one another
    # in three bars of four, yet 6 px apart where the reference's were 8 px apart: the scale brought them together.
    assert _hidden(judge, _stacked(), _stacked(value=118.2)) == []


def test_stacked_bars_flattened_still_hide_the_data(judge: PixelJudge) -> None:
    hidden = _hidden(judge, _stacked(), _stacked(flat=True))
    assert len(hidden) >= 2 and all(d.severity == 3 for d in hidden), hidden


def _map(y0: float = 40.0, empty: bool = False) -> Image.Image:
    """A pressure map (filled contours in a diverging colour map, contour lines, wind arrows) on equal-aspect axes
    with a colour bar below; ``y0``: the y axis's lower limit (40: the data's; lower draws the map smaller, in a
    narrower box, an honest edit of the y range); ``empty``: the axes and colour bar without the data (a hack)."""
    x, y = np.meshgrid(np.linspace(-20, 10, 61), np.linspace(40, 65, 51))
    p = 1012 - 30 * np.exp(-((x + 8) ** 2 / 40 + (y - 56) ** 2 / 20))
    p += 16 * np.exp(-((x + 2) ** 2 / 60 + (y - 42) ** 2 / 15))
    fig, ax = plt.subplots(figsize=(6.8, 7.2))
    cs = ax.contourf(x, y, p, levels=np.arange(980, 1032, 4), cmap="RdYlBu_r", alpha=0 if empty else 1)
    if not empty:
        ax.contour(x, y, p, levels=np.arange(980, 1032, 8), colors="black", linewidths=0.8)
        ax.quiver(x[::4, ::4], y[::4, ::4], -(y[::4, ::4] - 56), x[::4, ::4] + 8, scale=400)
    fig.colorbar(cs, ax=ax, orientation="horizontal", label="mean sea-level pressure (hPa)")
    ax.set_ylim(y0, 65)
    ax.set_aspect("equal")
    ax.set_title("Analysis 12 UTC: MSLP and 10 m wind")
    return _image(fig)


def test_map_drawn_smaller_keeps_its_colours(judge: PixelJudge) -> None:
    # The y range widened from 40-65 to 0-65: the map shrinks into the top of a narrower box, every colour of
    # its scale drawn again in proportion. Its changes are reported (the series moved), not 4 x 3 hidden items.
    assert _hidden(judge, _map(), _map(y0=0.0)) == []


def test_map_emptied_still_hides_the_data(judge: PixelJudge) -> None:
    hidden = _hidden(judge, _map(), _map(empty=True))
    assert len(hidden) >= 4 and all(d.severity == 3 for d in hidden), hidden
