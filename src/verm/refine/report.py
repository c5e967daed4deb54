"""The refine run's HTML page: the reward of the kept attempt by round over every
reference, then each reference with its rounds side by side (the image each round
kept, its reward, status and discrepancies, numbered as the boxes drawn on it), and
every other sample's reward. Images are the run's own files (``images/``), linked,
not inlined, so the page stays light for thousands of references.

Descriptions, reasons and code come from models: they are escaped, never markup.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from verm.bench.dataset import read_jsonl
from verm.imaging import load_rgb
from verm.report import draw_boxes
from verm.types import Task, parse_discrepancy

log = logging.getLogger(__name__)

REPORT_FILE = "report.html"

_CSS = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 14px; }
th, td { border: 1px solid #bbb; padding: 3px 7px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.ref { border-top: 1px solid #ccc; padding: 0.8em 0; }
.rounds { display: flex; gap: 12px; align-items: flex-start; overflow-x: auto; }
.cell { width: 300px; flex: none; font-size: 13px; }
.cell img { max-width: 300px; max-height: 300px; border: 1px solid #ddd; display: block; }
.cell.best { outline: 3px solid #00963c; }
.status { font-weight: bold; } .bad { color: #b00; } .ok { color: #00963c; }
ol { padding-left: 1.3em; margin: 0.3em 0; }
small { color: #666; }
.empty { width: 300px; height: 120px; background: #f3f3f3; color: #999; display: flex;
         align-items: center; justify-content: center; }
"""


def _fmt(v: Any) -> str:
    return "—" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def _boxed(out: Path, rel: str, errors: list[Any]) -> str:
    """The attempt's image with its discrepancies' boxes drawn (written once beside it)."""
    if not any(e.bbox for e in errors):
        return rel
    boxed = rel.removesuffix(".png") + ".boxes.png"
    if not (out / boxed).is_file():
        try:
            draw_boxes(load_rgb(out / rel), errors).save(out / boxed)
        except OSError as exc:  # a missing or unreadable image: show the plain one
            log.warning("cannot draw boxes on %s: %s", rel, exc)
            return rel
    return boxed


def _errors(task: Task, att: dict[str, Any]) -> list[Any]:
    j = (att.get("reward") or {}).get("judgment") or {}
    out = []
    for i, e in enumerate(j.get("discrepancies") or []):
        try:
            out.append(parse_discrepancy(e, task, where=f"discrepancies[{i}]"))
        except ValueError:
            continue
    return out


def _attempt_cell(out: Path, task: Task, rnd: dict[str, Any], att: dict[str, Any], best: bool) -> str:
    errors = _errors(task, att)
    status = att.get("status", "?")
    score = (att.get("reward") or {}).get("score")
    img = (
        f'<img src="{html.escape(_boxed(out, att["image"], errors))}" alt="round {rnd["index"]}">'
        if att.get("image")
        else f'<div class="empty">{html.escape(status)}</div>'
    )
    cls = "ok" if status == "ok" else "bad"
    head = (
        f'<b>round {rnd["index"]}</b> · reward {_fmt(score)} · <span class="status {cls}">{html.escape(status)}</span>'
    )
    ms = att.get("timings", {}).get("total_ms")
    lines = [head, img]
    if att.get("reason") and status != "ok":
        lines.append(f"<small>{html.escape(str(att['reason'])[:400])}</small>")
    if errors:
        items = "".join(
            f"<li>[{html.escape(e.category)}, {e.severity}] {html.escape(e.location)}: {html.escape(e.description)}</li>"
            for e in errors
        )
        lines.append(f"<ol>{items}</ol>")
    elif status == "ok":
        lines.append("<small>no discrepancy</small>")
    others = [a for a in rnd["attempts"] if a is not att]
    if others:
        scores = ", ".join(f"{_fmt((a.get('reward') or {}).get('score'))} ({a.get('status')})" for a in others)
        lines.append(f"<small>other samples: {html.escape(scores)}</small>")
    if ms is not None:
        lines.append(f"<small>{ms:.0f} ms</small>")
    return f'<div class="cell{" best" if best else ""}">{"<br>".join(lines)}</div>'


def _summary(rows: list[dict[str, Any]]) -> str:
    n_rounds = max((len(r["rounds"]) for r in rows), default=0)
    head = "".join(f"<th>round {k}</th>" for k in range(1, n_rounds + 1))
    means, perfect, reached = [], [], []
    for k in range(n_rounds):
        scores = []
        for r in rows:
            # A reference that stopped early keeps its last kept score for the later rounds.
            rnd = r["rounds"][min(k, len(r["rounds"]) - 1)]
            s = (rnd["attempts"][rnd["chosen"]].get("reward") or {}).get("score")
            scores.append(0.0 if s is None else float(s))
        means.append(sum(scores) / len(scores) if scores else None)
        perfect.append(sum(1 for r in rows if r["stop_reason"] == "perfect" and len(r["rounds"]) <= k + 1))
        reached.append(sum(1 for r in rows if len(r["rounds"]) > k))
    best = [
        (r["rounds"][r["best_round"] - 1]["attempts"][r["rounds"][r["best_round"] - 1]["chosen"]].get("reward") or {})
        for r in rows
    ]
    best_mean = sum(float(b.get("score") or 0.0) for b in best) / len(best) if best else None
    return (
        f"<table><tr><th></th>{head}<th>best round</th></tr>"
        f"<tr><td>mean reward (kept attempt; a stopped reference keeps its last)</td>"
        f"{''.join(f'<td>{_fmt(m)}</td>' for m in means)}<td>{_fmt(best_mean)}</td></tr>"
        f"<tr><td>references still refining</td>{''.join(f'<td>{n}</td>' for n in reached)}<td></td></tr>"
        f"<tr><td>perfect by this round</td>{''.join(f'<td>{n}</td>' for n in perfect)}<td></td></tr></table>"
    )


def write_refine_report(out_dir: str | Path, order: Mapping[str, int] | None = None) -> Path:
    """Write ``report.html`` for the results in ``out_dir`` (in ``order`` of ids when given)."""
    out = Path(out_dir)
    results = out / "results.jsonl"
    rows = read_jsonl(results) if results.is_file() else []
    if order:
        rows.sort(key=lambda r: order.get(str(r["id"]), len(order)))
    config = json.loads((out / "refine.json").read_text(encoding="utf-8")) if (out / "refine.json").is_file() else {}
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>verm refine</title><style>{_CSS}</style>"
        "</head><body><h1>verm refine</h1>",
        f"<p><small>{html.escape(json.dumps(config, sort_keys=True))}</small></p>",
        f"<p>{len(rows)} references.</p>",
        _summary(rows),
    ]
    for r in rows:
        task = Task.parse(r["task"])
        ref_rel = f"images/{r['id']}/reference.png"
        ref_cell = (
            f'<div class="cell"><b>reference</b><br><img src="{html.escape(ref_rel)}" alt="reference"></div>'
            if (out / ref_rel).is_file()
            else '<div class="cell"><b>reference</b></div>'
        )
        cells = [ref_cell]
        for rnd in r["rounds"]:
            att = rnd["attempts"][rnd["chosen"]]
            cells.append(_attempt_cell(out, task, rnd, att, best=rnd["index"] == r["best_round"]))
        parts.append(
            f'<div class="ref"><h3>{html.escape(str(r.get("name") or r["id"]))}</h3>'
            f"<small>{len(r['rounds'])} rounds, stopped: {html.escape(r['stop_reason'])}, "
            f"best round {r['best_round']}</small>"
            f'<div class="rounds">{"".join(cells)}</div></div>'
        )
    parts.append("</body></html>")
    path = out / REPORT_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(parts), encoding="utf-8")
    tmp.replace(path)
    return path
