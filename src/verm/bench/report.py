"""Benchmark pages: metric tables (HTML and Markdown), the worst pairs side by
side, and an at-a-glance sample of pairs with their ground truth.

Panels are drawn with Pillow and embedded in one self-contained HTML file:
reference | candidate with the true boxes (green) | candidate with the
predicted boxes (orange to red by severity).
"""

from __future__ import annotations

import base64
import html
import io
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from verm.bench.dataset import Bench, BenchRecord
from verm.bench.run import load_results
from verm.errors import ContractError, InputError
from verm.imaging import load_rgb
from verm.report import draw_boxes
from verm.types import Discrepancy, Task, parse_discrepancy

log = logging.getLogger(__name__)

PANEL_SIDE = 440
TRUTH_COLOUR = (0, 150, 60)

_CSS = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 14px; }
th, td { border: 1px solid #bbb; padding: 3px 7px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td.errs { text-align: left; font-size: 13px; }
.pair { border-top: 1px solid #ccc; padding: 0.8em 0; }
.pair img { max-width: 100%; border: 1px solid #ddd; }
.truth { color: #00963c; } .pred { color: #c85000; }
small { color: #666; }
"""


# -- drawing -----------------------------------------------------------------------------------


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sized default font
        return ImageFont.load_default()


def _fit(img: Image.Image, side: int = PANEL_SIDE) -> Image.Image:
    scale = min(1.0, side / max(img.size))
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    return img.convert("RGB").resize(size, Image.Resampling.LANCZOS) if size != img.size else img.convert("RGB")


def pair_panels(
    reference: Image.Image,
    candidate: Image.Image,
    truth: Sequence[Discrepancy],
    predicted: Sequence[Discrepancy] | None = None,
) -> Image.Image:
    """Reference | candidate + true boxes [| candidate + predicted boxes], captioned."""
    ref = _fit(reference)
    cand = _fit(candidate)
    panels = [("reference", ref), ("candidate + truth", draw_boxes(cand, truth, TRUTH_COLOUR))]
    if predicted is not None:
        panels.append(("candidate + prediction", draw_boxes(cand, predicted)))
    gap, cap = 8, 20
    width = sum(p.width for _, p in panels) + gap * (len(panels) + 1)
    height = max(p.height for _, p in panels) + cap + 2 * gap
    canvas = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    font = _font(14)
    x = gap
    for caption, p in panels:
        draw.text((x, gap // 2), caption, fill=(0, 0, 0), font=font)
        canvas.paste(p, (x, cap + gap))
        draw.rectangle((x - 1, cap + gap - 1, x + p.width, cap + gap + p.height), outline=(200, 200, 200))
        x += p.width + gap
    return canvas


def _png_b64(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _load(bench: Bench, rec: BenchRecord, which: str) -> Image.Image:
    path = bench.image_path(rec, which)
    try:
        return load_rgb(path)
    except (InputError, OSError) as exc:
        log.warning("report: cannot read %s: %s", path, exc)
        return Image.new("RGB", (PANEL_SIDE, PANEL_SIDE // 2), (240, 240, 240))


def _errors_html(errors: Sequence[Discrepancy], cls: str) -> str:
    if not errors:
        return f'<p class="{cls}">none</p>'
    items = "".join(
        f"<li>{i}. <b>{html.escape(d.category)}</b> (severity {d.severity}) — {html.escape(d.location)}: "
        f"{html.escape(d.description)}</li>"
        for i, d in enumerate(errors, start=1)
    )
    return f'<ol class="{cls}" style="list-style:none;padding-left:0">{items}</ol>'


# -- tables ------------------------------------------------------------------------------------


def fmt(v: Any, digits: int = 3) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


COLUMNS = (
    ("pairs", "pairs"),
    ("failed", "failed"),
    ("P hard", "precision_hard"),
    ("R hard", "recall_hard"),
    ("F1 hard", "f1_hard"),
    ("P soft", "precision_soft"),
    ("R soft", "recall_soft"),
    ("F1 soft", "f1_soft"),
    ("r(severity)", "pearson"),
    ("ρ(reward, severity)", "spearman"),
    ("rank acc", "ranking"),
    ("rank pairs", "ranking_pairs"),
)


def block_row(block: dict[str, Any]) -> dict[str, Any]:
    """The figures of one evaluation block (overall or one task) by column key."""
    det = (block.get("detection") or {}).get("overall") or {}
    sev = block.get("severity") or {}
    rew = block.get("reward") or {}
    return {
        "pairs": block.get("n_pairs"),
        "failed": block.get("n_failed"),
        **{
            k: det.get(k)
            for k in ("precision_hard", "recall_hard", "f1_hard", "precision_soft", "recall_soft", "f1_soft")
        },
        "pearson": sev.get("pearson_total_severity"),
        "spearman": rew.get("spearman_reward_severity"),
        "ranking": rew.get("ranking_accuracy"),
        "ranking_pairs": rew.get("ranking_pairs"),
    }


def scopes(reports: Sequence[dict[str, Any]]) -> list[str]:
    scopes: list[str] = []
    for t in Task:
        if any(t.value in r["by_task"] for r in reports):
            scopes.append(t.value)
    return [*scopes, "overall"] if len(scopes) > 1 else scopes


def block_of(report: dict[str, Any], scope: str, all_reports: Sequence[dict[str, Any]] = ()) -> dict[str, Any] | None:
    if scope != "overall":
        return report["by_task"].get(scope)
    # An "overall" row only for judges run on every task (TEDS covers tables alone).
    tasks = set().union(*(r["by_task"] for r in all_reports)) if all_reports else set(report["by_task"])
    return report["overall"] if set(report["by_task"]) == tasks else None


def markdown_tables(reports: Sequence[dict[str, Any]]) -> str:
    """One Markdown table per task (and overall): a row per judge."""
    out: list[str] = []
    for scope in scopes(reports):
        out.append(f"### {scope}\n")
        out.append("| judge | " + " | ".join(c for c, _ in COLUMNS) + " |")
        out.append("|---|" + "---:|" * len(COLUMNS))
        for r in reports:
            b = block_of(r, scope, reports)
            if b is None:
                continue
            row = block_row(b)
            out.append(f"| {r['judge']} | " + " | ".join(fmt(row[k]) for _, k in COLUMNS) + " |")
        out.append("")
    cat_lines: list[str] = []
    for r in reports:
        if r.get("similarity_only"):
            continue
        for task, b in r["by_task"].items():
            det = (b.get("detection") or {}).get("by_category") or {}
            pear = ((b.get("severity") or {}).get("pearson_by_category")) or {}
            if not det:
                continue
            cat_lines.append(f"#### {r['judge']} — {task}, per category\n")
            cat_lines.append("| category | TP hard | TP soft | FP | FN | F1 hard | F1 soft | r(severity) |")
            cat_lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
            for c, k in det.items():
                cat_lines.append(
                    f"| {c} | {k['tp_hard']} | {fmt(k['tp_soft'], 1)} | {k['fp']} | {k['fn']} | {fmt(k['f1_hard'])} | "
                    f"{fmt(k['f1_soft'])} | {fmt(pear.get(c))} |"
                )
            cat_lines.append("")
    return "\n".join(out + cat_lines)


def _html_tables(reports: Sequence[dict[str, Any]]) -> str:
    parts = []
    for scope in scopes(reports):
        rows = []
        for r in reports:
            b = block_of(r, scope, reports)
            if b is None:
                continue
            row = block_row(b)
            rows.append(
                f"<tr><td>{html.escape(str(r['judge']))}</td>"
                + "".join(f"<td>{fmt(row[k])}</td>" for _, k in COLUMNS)
                + "</tr>"
            )
        head = "<tr><th>judge</th>" + "".join(f"<th>{html.escape(c)}</th>" for c, _ in COLUMNS) + "</tr>"
        parts.append(f"<h3>{html.escape(scope)}</h3><table>{head}{''.join(rows)}</table>")
    for r in reports:
        if r.get("similarity_only"):
            continue
        for task, b in r["by_task"].items():
            det = (b.get("detection") or {}).get("by_category") or {}
            pear = ((b.get("severity") or {}).get("pearson_by_category")) or {}
            if not det:
                continue
            rows = "".join(
                f"<tr><td>{html.escape(c)}</td><td>{k['tp_hard']}</td><td>{fmt(k['tp_soft'], 1)}</td><td>{k['fp']}</td>"
                f"<td>{k['fn']}</td><td>{fmt(k['f1_hard'])}</td><td>{fmt(k['f1_soft'])}</td><td>{fmt(pear.get(c))}</td></tr>"
                for c, k in det.items()
            )
            parts.append(
                f"<h4>{html.escape(str(r['judge']))} — {html.escape(task)}, per category</h4><table><tr><th>category</th>"
                "<th>TP hard</th><th>TP soft</th><th>FP</th><th>FN</th><th>F1 hard</th><th>F1 soft</th>"
                f"<th>r(severity)</th></tr>{rows}</table>"
            )
    return "".join(parts)


def worst_pairs(report: dict[str, Any], k: int) -> list[dict[str, Any]]:
    """The ``k`` pairs the judge did worst on: lowest soft F1, then the largest severity error."""

    def key(p: dict[str, Any]) -> tuple[float, float, str]:
        f1 = p["f1_soft"] if p["f1_soft"] is not None else 1.0
        return (f1, -abs(p["severity_pred"] - p["severity_true"]), p["id"])

    return sorted(report["pairs"], key=key)[:k]


def write_eval_html(reports: Sequence[dict[str, Any]], bench: Bench, path: str | Path, worst: int = 8) -> Path:
    """The evaluation page: metric tables, then each judge's worst pairs side by side."""
    by_id = bench.by_id()
    sections = []
    for r in reports:
        if r.get("similarity_only"):
            continue  # a baseline lists no discrepancies: nothing to show per pair
        rows = load_results(r["results"])
        items = []
        for p in worst_pairs(r, worst):
            rec = by_id.get(p["id"])
            if rec is None:
                continue
            predicted = _predicted_of(rows.get(rec.id), rec) if p["status"] == "ok" else []
            img = pair_panels(_load(bench, rec, "gt"), _load(bench, rec, "pred"), rec.human_errors, predicted)
            status = (
                ""
                if p["status"] == "ok"
                else f" — <b>{html.escape(str(p['status']))}</b>: {html.escape(str(p.get('reason')))}"
            )
            items.append(
                f'<div class="pair"><p><b>{html.escape(rec.id)}</b> ({html.escape(rec.source_name or "")}) — '
                f"soft F1 {fmt(p['f1_soft'])}, severity true {p['severity_true']:g} / predicted {p['severity_pred']:g}, "
                f"reward {fmt(p['reward'])}{status}</p>"
                f'<img alt="reference, candidate with truth, candidate with prediction" src="data:image/png;base64,{_png_b64(img)}">'
                f"<table><tr><th>truth</th><th>prediction</th></tr><tr><td class=errs>{_errors_html(rec.human_errors, 'truth')}</td>"
                f"<td class=errs>{_errors_html(predicted, 'pred')}</td></tr></table></div>"
            )
        sections.append(f"<h2>Worst pairs — {html.escape(str(r['judge']))}</h2>" + "".join(items))
    judges = ", ".join(html.escape(str(r["judge"])) for r in reports)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>verm bench — {judges}</title><style>{_CSS}</style></head><body>
<h1>verm bench: {judges}</h1>
<p>Bench <code>{html.escape(str(bench.path))}</code>, {len(bench)} pairs; matcher {html.escape(str(reports[0]["matcher"]) if reports else "")}.
P/R/F1 from pooled counts (partial match = 0.5 in soft); r = Pearson of total severity per pair;
ρ = Spearman of reward vs true total severity (−1 is best); rank acc = two candidates of one reference
put in the right order.</p>
<h2>Metrics</h2>{_html_tables(reports)}
{"".join(sections)}
</body></html>
"""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def _predicted_of(row: dict[str, Any] | None, rec: BenchRecord) -> list[Discrepancy]:
    out = []
    for e in (row or {}).get("errors") or []:
        try:
            out.append(parse_discrepancy(e, rec.category))
        except ContractError:  # already warned about during evaluation
            continue
    return out


def write_sample_html(bench: Bench, path: str | Path, n: int = 24) -> Path:
    """An at-a-glance page of ``n`` pairs spread over the bench: images with the true boxes, errors, edits."""
    recs = bench.records
    if not recs:
        raise InputError(f"{bench.path} has no records")
    step = max(1, len(recs) // max(1, n))
    chosen = recs[::step][:n]
    items = []
    for rec in chosen:
        img = pair_panels(_load(bench, rec, "gt"), _load(bench, rec, "pred"), rec.human_errors)
        edits = "".join(
            f"<li><code>{html.escape(str(e.get('op', '')))}</code> {html.escape(str(e.get('description', '')))}</li>"
            for e in rec.edits
        )
        items.append(
            f'<div class="pair"><p><b>{html.escape(rec.id)}</b> — {html.escape(rec.category.value)}, '
            f"{html.escape(rec.source_name or '')}, total severity {rec.total_severity}</p>"
            f'<img alt="reference and candidate with true boxes" src="data:image/png;base64,{_png_b64(img)}">'
            f"<p>Ground truth (numbers match the green boxes):</p>{_errors_html(rec.human_errors, 'truth')}"
            + (f"<p><small>edits applied:</small></p><ul><small>{edits}</small></ul>" if edits else "")
            + "</div>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>verm bench sample</title><style>{_CSS}</style></head><body>
<h1>Sample of {len(chosen)} pairs from {html.escape(str(bench.path))} ({len(bench)} pairs)</h1>
<p>Left: the reference. Right: the candidate with the true discrepancies boxed in green and numbered as listed.</p>
{"".join(items)}
</body></html>
"""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
