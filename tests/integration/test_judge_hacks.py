"""Reward hacks rank below honest candidates, through the real pipeline with the pixel judge.

For each task, a few references; honest candidates are the reference perturbed with
1-3 known edits (`verm.perturb`); hacks are a blank canvas, random noise, only the
title, axes (a grid) without data, and the reference's text only. Every hack must get
a lower reward than every honest candidate of the same reference.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from verm.corpus import generate_chart_programs
from verm.perturb import perturb
from verm.pipeline import Scorer
from verm.types import Status, Task

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
N_HONEST = 4

# --------------------------------------------------------------------------- chart hacks (code appended)

_CHART_PRELUDE = "\nimport matplotlib.pyplot as _p\nimport numpy as _np\n_f = _p.gcf()\n"
_HIDE_DATA = """
for _ax in _f.axes:
    for _a in [*_ax.lines, *_ax.patches, *_ax.collections, *_ax.images, *_ax.texts]:
        _a.set_visible(False)
    if _ax.get_legend() is not None:
        _ax.get_legend().set_visible(False)
"""
CHART_HACKS = {
    "blank canvas": "_f.clf()\n",
    "random noise": (
        "_n = _f.add_axes([0, 0, 1, 1])\n"
        "_n.imshow(_np.random.default_rng(0).random((120, 160, 3)), aspect='auto')\n"
        "_n.set_axis_off()\n"
    ),
    "only the title": _HIDE_DATA + "for _ax in _f.axes:\n    _ax.set_axis_off()\n",
    "axes without data": _HIDE_DATA,
    "text only": _HIDE_DATA
    + (
        "for _ax in _f.axes:\n"
        "    _ax.patch.set_visible(False)\n"
        "    _ax.grid(False)\n"
        "    _ax.tick_params(length=0)\n"
        "    for _s in _ax.spines.values():\n"
        "        _s.set_visible(False)\n"
    ),
}


def chart_hacks(source: str) -> dict[str, str]:
    return {name: f"```python\n{source}{_CHART_PRELUDE}{code}```" for name, code in CHART_HACKS.items()}


# --------------------------------------------------------------------------- table hacks (markdown in, HTML out)


def _md_rows(source: str) -> list[list[str]]:
    rows = []
    for line in source.strip().splitlines():
        if re.match(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$", line):
            continue
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def _html(rows: list[list[str]], cell_style: str = "") -> str:
    style = f' style="{cell_style}"' if cell_style else ""
    head = "".join(f"<th{style}>{c}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td{style}>{c}</td>" for c in r) + "</tr>" for r in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def table_hacks(source: str) -> dict[str, str]:
    rows = _md_rows(source)
    rng = random.Random(0)
    noise = [["".join(rng.choice("@%*$!?0123456789") for _ in range(rng.randint(1, 12))) for _ in r] for r in rows]
    return {
        "blank canvas": "<table><tr><td style='border:0'></td></tr></table>",
        "random noise": _html(noise),
        "only the title": _html(rows[:1]),
        "axes without data": _html([rows[0]] + [[""] * len(r) for r in rows[1:]]),
        "text only": _html(rows, "border:0"),
    }


# --------------------------------------------------------------------------- svg hacks


def svg_hacks(source: str) -> dict[str, str]:
    m = re.search(r"<svg\b[^>]*>", source, re.DOTALL)
    assert m, "an SVG reference"
    open_tag = m.group(0)
    vb = re.search(r'viewBox="([^"]+)"', open_tag)
    x0, y0, w, h = (float(v) for v in vb.group(1).replace(",", " ").split()) if vb else (0.0, 0.0, 24.0, 24.0)
    rng = random.Random(0)
    cells = []
    for i in range(24):
        for j in range(24):
            colour = f"#{rng.randrange(1 << 24):06x}"
            cells.append(
                f'<rect x="{x0 + j * w / 24:.3f}" y="{y0 + i * h / 24:.3f}" width="{w / 24:.3f}" '
                f'height="{h / 24:.3f}" fill="{colour}" stroke="none"/>'
            )
    texts = "".join(re.findall(r"<text\b.*?</text>", source, re.DOTALL))
    titles = "".join(re.findall(r"<title\b.*?</title>", source, re.DOTALL))
    return {
        "blank canvas": f"{open_tag}</svg>",
        "random noise": f"{open_tag}{''.join(cells)}</svg>",
        "only the title": f"{open_tag}{titles}</svg>",
        "text only": f"{open_tag}{texts}</svg>",
    }


# --------------------------------------------------------------------------- the test


def _references(task: Task) -> list[str]:
    if task is Task.CHART:
        return [p.code for p in generate_chart_programs(2, seed=11, kinds=["bar_grouped", "line"])]
    folder = CORPORA / ("tables/md" if task is Task.TABLE else "svg/feather")
    suffix = ".md" if task is Task.TABLE else ".svg"
    files = sorted(folder.glob(f"*{suffix}"))
    if not files:
        pytest.skip(f"no {task.value} corpus at {folder}")
    return [files[0].read_text(encoding="utf-8"), files[len(files) // 2].read_text(encoding="utf-8")]


def _fence(task: Task, code: str) -> str:
    return {Task.CHART: f"```python\n{code}\n```", Task.TABLE: f"```markdown\n{code}\n```", Task.SVG: code}[task]


HACKS = {Task.CHART: chart_hacks, Task.TABLE: table_hacks, Task.SVG: svg_hacks}


@pytest.mark.parametrize("task", list(Task), ids=lambda t: t.value)
def test_hacks_rank_below_every_honest_candidate(task: Task) -> None:
    with Scorer(task, judge="pixel") as scorer:
        for ref_source in _references(task):
            honest = []
            for k in range(N_HONEST):
                result = perturb(task, ref_source, random.Random(f"hacks:{task.value}:{k}"), n_edits=1 + k % 3)
                honest.append(_fence(task, result.source))
            hacks = HACKS[task](ref_source)
            rewards = scorer.score_batch([ref_source] * (len(honest) + len(hacks)), [*honest, *hacks.values()])
            honest_r, hack_r = rewards[: len(honest)], dict(zip(hacks, rewards[len(honest) :], strict=True))
            assert all(r.status is Status.OK for r in honest_r), [(r.status, r.reason) for r in honest_r]
            floor = min(r.score for r in honest_r if r.score is not None)
            for name, r in hack_r.items():
                assert r.score is not None
                total = r.parts.get("total_severity")
                assert r.score < floor, (
                    f"{task.value} hack {name!r} scored {r.score:.3f} (severity {total}, status {r.status.value}) "
                    f"but the worst honest candidate scored {floor:.3f}"
                )
