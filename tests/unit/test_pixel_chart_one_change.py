"""The pixel judge reads one edit of a chart as one change: a colour cycle shifted, a line turned
dotted, new axis limits with the data changed beside them."""

from __future__ import annotations

import io
from functools import cache

import matplotlib
import pytest
from PIL import Image

from verm.judge.pixel import PixelJudge, ocr_available
from verm.types import Task

matplotlib.use("Agg")
import matplotlib.pyplot as plt

C0, C1, C2 = "#1f77b4", "#ff7f0e", "#2ca02c"
X = list(range(8))
SERIES = ([3, 5, 4, 8, 12, 10, 15, 20], [2, 3, 3, 4, 6, 5, 7, 9], [6, 7, 9, 11, 10, 13, 12, 14])


@pytest.fixture(scope="module")
def judge() -> PixelJudge:
    return PixelJudge()


def _image(fig: plt.Figure) -> Image.Image:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return Image.open(buf).convert("RGB")


@cache
def three_lines(
    colours: tuple[str, str, str] = (C0, C1, C2), styles: tuple[str, str, str] = ("-", "-", "-"), drop: int = -1
) -> Image.Image:
    """Three lines, the legend right of the plot (outside its frame)."""
    fig, ax = plt.subplots(figsize=(7, 5), dpi=96)
    for k, (ys, colour, style) in enumerate(zip(SERIES, colours, styles, strict=True)):
        if k != drop:
            ax.plot(X, ys, color=colour, linestyle=style, linewidth=2, label=f"team {k + 1}")
    ax.set_ylim(0, 22)  # (a series dropped leaves the others in place)
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5))
    ax.set_title("Visits by team")
    fig.tight_layout()
    return _image(fig)


def test_series_colours_permuted_are_one_recolouring(judge: PixelJudge) -> None:
    # Each series takes the next one's colour (a colour cycle shifted): every line and legend swatch
    # changes colour, A -> B, B -> C, C -> A; an annotator sees one change, not one per colour.
    out = judge.judge_images(Task.CHART, three_lines(), three_lines(colours=(C1, C2, C0)))
    assert [(d.category, d.severity) for d in out] == [("style_error", 2)], out


def test_a_line_turned_dotted_is_a_line_style_not_a_series_dropped(judge: PixelJudge) -> None:
    dotted = judge.judge_images(Task.CHART, three_lines(), three_lines(styles=("-", ":", "-")))
    plot = [d for d in dotted if d.location.startswith("plot")]
    assert plot and all((d.category, d.severity) == ("style_error", 1) for d in plot), dotted
    assert not any(d.category == "data_error" for d in dotted), dotted
    # The same line dropped leaves no ink of its colour along its path: a series missing.
    dropped = judge.judge_images(Task.CHART, three_lines(), three_lines(drop=1))
    assert any(d.category == "data_error" and d.severity == 3 for d in dropped), dropped


@cache
def two_lines(scale_second: float = 1.0, clip_at: float | None = None) -> Image.Image:
    fig, ax = plt.subplots(figsize=(8, 6), dpi=96)
    ax.plot(X, SERIES[0], color=C0, marker="o", label="north")
    ax.plot(X, [scale_second * v for v in SERIES[1]], color="#d62728", marker="s", label="south")
    if clip_at is not None:
        ax.set_ylim(top=clip_at)  # the bottom still follows the data
    ax.set_title("Sales by region")
    return _image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_limits_set_by_hand_and_data_changed_beside_them_are_one_change(judge: PixelJudge) -> None:
    # New limits move every mark; a series doubled beside them lies on the same marks: one change to
    # an annotator (the ground truth merges edits that overlap), as severe as the worse of the two.
    out = judge.judge_images(Task.CHART, two_lines(), two_lines(scale_second=1.6, clip_at=17))
    assert len(out) == 1 and out[0].category == "data_error" and out[0].severity == 3, out
    assert "tick labels changed" in out[0].description and "beyond the new axis" in out[0].description


@cache
def band(last: float = 10.2, mean_line: bool = True) -> Image.Image:
    """A shaded range with its mean drawn over it (most of the plot's ink is the band's)."""
    lower = [5.4, 6.8, 7.3, 7.0, 6.1, 6.2, 7.5, 7.5, 8.5, 8.1, 8.2, 9.0, 8.7]
    upper = [6.2, 8.3, 8.7, 7.9, 7.6, 7.4, 8.1, 9.0, 9.2, 9.4, 8.8, 9.6, last]
    fig, ax = plt.subplots(figsize=(7, 5), dpi=96)
    xs = list(range(2008, 2021))
    ax.fill_between(xs, lower, upper, color="#8c7fd6", alpha=0.25, label="Range")
    if mean_line:
        ax.plot(xs, [(a + b) / 2 for a, b in zip(lower, upper, strict=True)], color="#6a5acd", label="Mean")
    ax.legend(loc="lower right")
    ax.set_title("Monthly satisfaction")
    return _image(fig)


@pytest.mark.skipif(not ocr_available(), reason="needs Tesseract")
def test_a_series_dropped_beside_a_wider_range_is_severe(judge: PixelJudge) -> None:
    # The top value grew (autoscale widens the range, the band's marks follow it): values read the same,
    # minor. With the mean line dropped too, a series is gone: severe, whatever the range did.
    grown = judge.judge_images(Task.CHART, band(), band(last=13.2))
    assert max(d.severity for d in grown) < 3, grown
    dropped = judge.judge_images(Task.CHART, band(), band(last=13.2, mean_line=False))
    assert any(d.category == "data_error" and d.severity == 3 for d in dropped), dropped
