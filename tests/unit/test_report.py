"""Reports: the side-by-side PNG, the HTML page and reward.json."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

from verm.imaging import to_png
from verm.report import PANEL_MAX_SIDE, render_side_by_side, write_report
from verm.types import Discrepancy, Judgment, Rendering, Reward, Status, Task

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def chart_like(bar_colour: str) -> Image.Image:
    img = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(img)
    draw.line([(40, 20), (40, 260), (380, 260)], fill="black", width=2)
    draw.rectangle([80, 120, 140, 259], fill="#1f77b4")
    draw.rectangle([200, 60, 260, 259], fill=bar_colour)
    return img


def make_reward(discrepancies: list[Discrepancy], status: Status = Status.OK) -> Reward:
    judgment = Judgment(task=Task.CHART, judge="pixel", discrepancies=discrepancies, elapsed_ms=12.5)
    total = judgment.total_severity
    return Reward(
        score=1.0 + max(0.0, 1 - total / 50) if status is Status.OK else 0.0,
        status=status,
        reason=None if status is Status.OK else f"render failed {HOSTILE}",
        parts={"render": 1.0 if status is Status.OK else 0.0, "total_severity": float(total)},
        judgment=judgment if status is Status.OK else None,
    )


def test_write_report_writes_three_files(tmp_path: Path) -> None:
    ref = chart_like("#1f77b4")
    cand = chart_like("#d62728")
    d = Discrepancy(
        category="style_error",
        severity=2,
        location="plot area, centre",
        description=HOSTILE,
        bbox=(0.5, 0.2, 0.65, 0.87),
    )
    reward = make_reward([d, d.model_copy(update={"severity": 3, "bbox": None, "location": "legend"})])
    paths = write_report(
        tmp_path / "out",
        Rendering(task=Task.CHART, png=to_png(ref)),
        Rendering(task=Task.CHART, png=to_png(cand)),
        reward,
    )
    assert set(paths) == {"side_by_side", "html", "reward"}
    for p in paths.values():
        assert p.exists() and p.stat().st_size > 0
        assert p.parent == tmp_path / "out"

    with Image.open(paths["side_by_side"]) as png:
        png.load()
        # Three panels of the reference's width (400 px fits under PANEL_MAX_SIDE), plus small gaps.
        assert 3 * ref.width <= png.width <= 3 * ref.width + 64
        assert png.height >= ref.height
        # The boxed bar in the candidate panel has a severity-2 (orange) outline somewhere.
        arr = png.convert("RGB")
        assert (240, 110, 0) in {c for _, c in arr.getcolors(maxcolors=1 << 20) or []}

    page = paths["html"].read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    assert "data:image/png;base64," in page
    assert "style_error" in page and "plot area, centre" in page and "[0.500, 0.200, 0.650, 0.870]" in page

    data = json.loads(paths["reward"].read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(reward.to_json_dict()))
    assert data["judgment"]["errors"][0]["description"] == HOSTILE
    assert Judgment.from_paper(data["judgment"], Task.CHART).total_severity == 5


def test_failed_candidate_gets_a_status_panel(tmp_path: Path) -> None:
    ref = chart_like("#1f77b4")
    failed = Rendering(task=Task.CHART, status=Status.RENDER_ERROR, reason=f"SyntaxError {HOSTILE}")
    reward = make_reward([], status=Status.RENDER_ERROR)
    paths = write_report(tmp_path, Rendering(task=Task.CHART, png=to_png(ref)), failed, reward)
    with Image.open(paths["side_by_side"]) as png:
        assert 3 * ref.width <= png.width <= 3 * ref.width + 64
    page = paths["html"].read_text(encoding="utf-8")
    assert "render_error" in page and "<script>" not in page
    assert json.loads(paths["reward"].read_text(encoding="utf-8"))["status"] == "render_error"


def test_render_side_by_side_scales_large_images_and_handles_missing_candidate() -> None:
    big = Image.new("RGB", (2000, 1000), "white")
    d = Discrepancy(category="text_error", severity=1, location="title", description="t", bbox=(0.0, 0.0, 1.0, 1.0))
    out = render_side_by_side(big, big.copy(), [d])
    assert 3 * PANEL_MAX_SIDE <= out.width <= 3 * PANEL_MAX_SIDE + 64
    missing = render_side_by_side(big, None, [d], caption_status="render_error: Timeout after 10 s")
    assert missing.size == out.size
