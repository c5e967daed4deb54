"""Human-readable reports of one judged pair: a side-by-side PNG, a
self-contained HTML page and the reward as JSON.

``side_by_side.png`` has three panels of equal size — reference, candidate,
difference heat-map — each with a caption. Every discrepancy with a box is
drawn on the candidate and heat-map panels as a numbered rectangle coloured by
severity (1 amber, 2 orange, 3 red); the numbers match the HTML table. A
candidate without an image gets a panel with its status and reason instead.

Descriptions and reasons come from models and from model-written code: they
are escaped in HTML and only ever drawn as text in images.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import textwrap
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from verm.errors import InputError
from verm.types import Discrepancy, Rendering, Reward, Status

log = logging.getLogger(__name__)

#: Rectangle colours by severity.
SEVERITY_COLOURS: dict[int, tuple[int, int, int]] = {1: (230, 170, 0), 2: (240, 110, 0), 3: (210, 0, 0)}
#: Longest panel side in the side-by-side image (keeps reports light for big renderings).
PANEL_MAX_SIDE = 640
_CAPTION_H = 28
_GAP = 8
_FontT = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(size: int) -> _FontT:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError, ImportError):  # Pillow < 10.1 or without FreeType: bitmap font
        return ImageFont.load_default()


def _panel_size(reference_img: Image.Image | None) -> tuple[int, int]:
    if reference_img is None:
        return (PANEL_MAX_SIDE // 2, PANEL_MAX_SIDE // 2)
    w, h = reference_img.size
    scale = min(1.0, PANEL_MAX_SIDE / max(w, h, 1))
    return (max(1, round(w * scale)), max(1, round(h * scale)))


def _fit(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    img = img.convert("RGB")
    return img if img.size == size else img.resize(size, Image.Resampling.LANCZOS)


def _text_panel(size: tuple[int, int], title: str, body: str) -> Image.Image:
    """A grey panel with a title and wrapped text (status and reason of a failed rendering)."""
    panel = Image.new("RGB", size, (245, 245, 245))
    draw = ImageDraw.Draw(panel)
    big, small = _font(18), _font(13)
    draw.text((12, 12), title, fill=(150, 0, 0), font=big)
    # ~7 px per character at 13 px; wrap so nothing runs off the panel.
    width_chars = max(10, (size[0] - 24) // 7)
    y = 42
    for line in textwrap.wrap(body, width=width_chars)[: max(1, (size[1] - 50) // 17)]:
        draw.text((12, y), line, fill=(40, 40, 40), font=small)
        y += 17
    return panel


def _heat(reference_img: Image.Image, candidate_img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The reference faded to grey with the ΔE map on top (yellow = small, red = large)."""
    from verm.judge.pixel import difference_map  # the judge's own alignment, so the map matches the boxes

    de = difference_map(reference_img, candidate_img)
    t = np.clip(de / 40.0, 0.0, 1.0)[..., None]  # ΔE 40 and above is full red
    grey = np.asarray(reference_img.convert("L"), dtype=np.float32)[..., None]
    base = 255.0 - (255.0 - grey) * 0.25  # faint reference for orientation
    base = np.repeat(base, 3, axis=2)
    ramp = np.concatenate([np.full_like(t, 255.0), 220.0 * (1.0 - t), np.zeros_like(t)], axis=2)
    alpha = np.clip(t * 3.0, 0.0, 1.0)  # invisible where nothing changed
    out = base * (1.0 - alpha) + ramp * alpha
    return _fit(Image.fromarray(out.astype(np.uint8)), size)


def draw_boxes(
    img: Image.Image, discrepancies: Sequence[Discrepancy], colour: tuple[int, int, int] | None = None
) -> Image.Image:
    """A copy of ``img`` with each discrepancy's box and its number (1-based, as listed),
    coloured by severity unless ``colour`` is given."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    font = _font(13)
    w, h = out.size
    for i, d in enumerate(discrepancies, start=1):
        if d.bbox is None:
            continue
        c = colour or SEVERITY_COLOURS.get(d.severity, (210, 0, 0))
        x0, y0, x1, y1 = d.bbox
        box = (round(x0 * (w - 1)), round(y0 * (h - 1)), round(x1 * (w - 1)), round(y1 * (h - 1)))
        draw.rectangle(box, outline=c, width=2)
        label = str(i)
        tw, th = draw.textbbox((0, 0), label, font=font)[2:]
        lx = min(max(box[0], 0), max(w - tw - 4, 0))
        ly = box[1] - th - 4 if box[1] - th - 4 >= 0 else min(box[3] + 2, max(h - th - 4, 0))
        draw.rectangle((lx, ly, lx + tw + 4, ly + th + 3), fill=c)
        draw.text((lx + 2, ly + 1), label, fill=(255, 255, 255), font=font)
    return out


def render_side_by_side(
    reference_img: Image.Image | None,
    candidate_img: Image.Image | None,
    discrepancies: Sequence[Discrepancy] = (),
    caption_status: str | None = None,
) -> Image.Image:
    """Three captioned panels: reference, candidate, difference heat-map with numbered boxes.

    ``candidate_img=None`` (a failed rendering) shows ``caption_status`` (e.g.
    "render_error: SyntaxError ...") in the candidate panel and a note in the
    heat-map panel.
    """
    size = _panel_size(reference_img)
    ref_panel = _fit(reference_img, size) if reference_img is not None else _text_panel(size, "no reference image", "")
    if candidate_img is not None:
        cand_panel = _fit(candidate_img, size)
        if reference_img is not None:
            heat_panel = _heat(reference_img.convert("RGB"), candidate_img.convert("RGB"), size)
        else:
            heat_panel = _text_panel(size, "no difference map", "there is no reference image")
        cand_panel = draw_boxes(cand_panel, discrepancies)
        heat_panel = draw_boxes(heat_panel, discrepancies)
    else:
        status, _, reason = (caption_status or "no image").partition(":")
        cand_panel = _text_panel(size, status.strip() or "no image", reason.strip())
        heat_panel = _text_panel(size, "no difference map", "the candidate has no image")

    pw, ph = size
    canvas = Image.new("RGB", (3 * pw + 4 * _GAP, ph + _CAPTION_H + 2 * _GAP), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    font = _font(15)
    cand_caption = "candidate" + (f" ({caption_status.partition(':')[0].strip()})" if caption_status else "")
    captions = ("reference", cand_caption, "difference (boxes: discrepancies)")
    for k, (panel, caption) in enumerate(zip((ref_panel, cand_panel, heat_panel), captions, strict=True)):
        x = _GAP + k * (pw + _GAP)
        draw.text((x, _GAP), caption, fill=(0, 0, 0), font=font)
        canvas.paste(panel, (x, _GAP + _CAPTION_H))
        draw.rectangle((x - 1, _GAP + _CAPTION_H - 1, x + pw, _GAP + _CAPTION_H + ph), outline=(200, 200, 200))
    return canvas


def _image_or_none(r: Rendering) -> Image.Image | None:
    if r.png is None:
        return None
    try:
        return r.image()
    except InputError as exc:
        log.warning("report: cannot read a rendering's image: %s", exc)
        return None


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def _html(reward: Reward, png_b64: str, discrepancies: Sequence[Discrepancy], candidate: Rendering) -> str:
    e = html.escape
    parts = "".join(f"<tr><th>{e(str(k))}</th><td>{e(_fmt(v))}</td></tr>" for k, v in reward.parts.items())
    rows = []
    for i, d in enumerate(discrepancies, start=1):
        bbox = "" if d.bbox is None else "[" + ", ".join(f"{c:.3f}" for c in d.bbox) + "]"
        rows.append(
            f'<tr class="sev{d.severity}"><td>{i}</td><td>{e(d.category)}</td><td>{d.severity}</td>'
            f"<td>{e(d.location)}</td><td>{e(d.description)}</td><td>{e(bbox)}</td></tr>"
        )
    table = (
        "<table><tr><th>#</th><th>category</th><th>severity</th><th>location</th><th>description</th>"
        "<th>bbox (fractions)</th></tr>" + "".join(rows) + "</table>"
        if rows
        else "<p>No discrepancies.</p>"
    )
    judge = reward.judgment
    judge_line = ""
    if judge is not None:
        judge_line = (
            f"<p>Judge: {e(judge.judge)} — status {e(judge.status.value)}"
            + (f", reason: {e(judge.reason)}" if judge.reason else "")
            + (f", {judge.elapsed_ms:.0f} ms" if judge.elapsed_ms is not None else "")
            + "</p>"
        )
    cand_line = f"<p>Candidate rendering: {e(candidate.status.value)}"
    cand_line += f" — {e(candidate.reason)}</p>" if candidate.reason else "</p>"
    score = "none" if reward.score is None else f"{reward.score:.4f}"
    reason = f"<p>Reason: {e(reward.reason)}</p>" if reward.reason else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>verm report</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; color: #222; }}
table {{ border-collapse: collapse; margin: 0.8em 0; }}
th, td {{ border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }}
tr.sev1 td:nth-child(3) {{ background: #fde8a6; }}
tr.sev2 td:nth-child(3) {{ background: #fcc58a; }}
tr.sev3 td:nth-child(3) {{ background: #f59a9a; }}
img {{ max-width: 100%; border: 1px solid #ddd; }}
</style></head><body>
<h1>Reward {e(score)} <small>(status {e(reward.status.value)})</small></h1>
{reason}{cand_line}{judge_line}
<h2>Parts</h2><table>{parts}</table>
<h2>Side by side</h2>
<img alt="reference, candidate and difference map" src="data:image/png;base64,{png_b64}">
<h2>Discrepancies</h2>
{table}
</body></html>
"""


def write_report(out_dir: str | Path, reference: Rendering, candidate: Rendering, reward: Reward) -> dict[str, Path]:
    """Write ``side_by_side.png``, ``report.html`` and ``reward.json`` into ``out_dir``.

    Returns the paths by kind: ``{"side_by_side": ..., "html": ..., "reward": ...}``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    discrepancies = list(reward.judgment.discrepancies) if reward.judgment is not None else []
    ref_img = _image_or_none(reference)
    cand_img = _image_or_none(candidate)
    caption = None
    if cand_img is None or candidate.status is not Status.OK:
        caption = f"{candidate.status.value}: {candidate.reason or ''}"
    side = render_side_by_side(ref_img, cand_img, discrepancies, caption_status=caption)

    paths = {"side_by_side": out / "side_by_side.png", "html": out / "report.html", "reward": out / "reward.json"}
    side.save(paths["side_by_side"], format="PNG")
    png_b64 = base64.b64encode(paths["side_by_side"].read_bytes()).decode("ascii")
    paths["html"].write_text(_html(reward, png_b64, discrepancies, candidate), encoding="utf-8")
    paths["reward"].write_text(json.dumps(reward.to_json_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    log.info("report written to %s", out)
    return paths
