"""Seeded generator of self-contained matplotlib chart programs.

Each program embeds its data as literals (the generator draws them from ``random.Random``; nothing is random
at run time), so the same seed and kind always give byte-identical code and the same picture. The code is
written the way people write plotting scripts: values, colors and texts are literals assigned to named
variables or passed straight to calls, so AST-based tools can find and edit them.

Layout: ``program.py`` holds the vocabularies, the code-writing helpers and the decorations every kind shares;
``bars_lines.py``, ``distributions.py`` and ``axes_variants.py`` write the chart kinds; this module assembles a
program (header, figure, body, ending) and is the public API.
"""

from __future__ import annotations

import logging
import random
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from verm.corpus.charts.axes_variants import (
    _k_annotated,
    _k_log_scale,
    _k_twin_axes,
)
from verm.corpus.charts.bars_lines import (
    _k_area,
    _k_bar_grouped,
    _k_bar_horizontal,
    _k_bar_stacked,
    _k_line,
    _k_scatter,
    _k_stackplot,
)
from verm.corpus.charts.distributions import (
    _k_box,
    _k_donut,
    _k_errorbar,
    _k_heatmap,
    _k_histogram,
    _k_pie,
    _k_violin,
)
from verm.corpus.charts.program import (
    _FIGSIZES,
    _FONT_FAMILIES,
    _GRID_FIGSIZES,
    _HEX_PALETTES,
    _PANEL_KINDS,
    _PYPLOT_KINDS,
    _QUAL_CMAPS,
    _SEQ_CMAPS,
    _SINGLE_COLORS,
    _STYLES,
    CHART_KINDS,
    ChartProgram,
    _assign,
    _call,
    _lit,
    _Program,
    _Target,
)

logger = logging.getLogger(__name__)

__all__ = [
    "CHART_KINDS",
    "ChartProgram",
    "generate_chart_program",
    "generate_chart_programs",
    "write_chart_programs",
]

# "subplots" has no entry: _layout_subplots builds it from these, one kind per panel.
_KIND_FUNCS: dict[str, Callable[[_Program, _Target], None]] = {
    "bar_grouped": _k_bar_grouped,
    "bar_stacked": _k_bar_stacked,
    "bar_horizontal": _k_bar_horizontal,
    "line": _k_line,
    "scatter": _k_scatter,
    "area": _k_area,
    "stackplot": _k_stackplot,
    "pie": _k_pie,
    "donut": _k_donut,
    "histogram": _k_histogram,
    "box": _k_box,
    "violin": _k_violin,
    "errorbar": _k_errorbar,
    "heatmap": _k_heatmap,
    "twin_axes": _k_twin_axes,
    "log_scale": _k_log_scale,
    "annotated": _k_annotated,
}


# --------------------------------------------------------------------------------------------------------------
# Program assembly
# --------------------------------------------------------------------------------------------------------------


def _choose_palette(p: _Program) -> None:
    r = p.rng.random()
    if r < 0.33:
        p.palette_mode, p.palette_name = "hex", p.choice(sorted(_HEX_PALETTES))
    elif r < 0.58:
        p.palette_mode, p.palette_name = "qual", p.choice(_QUAL_CMAPS)
    elif r < 0.68:
        p.palette_mode, p.palette_name = "seq", p.choice(_SEQ_CMAPS)
    else:
        p.palette_mode = "default"
    if p.chance(0.55):
        p.single_color = p.choice(_SINGLE_COLORS)


def _header(p: _Program) -> list[str]:
    """rcParams / style lines that go right after the imports."""
    out: list[str] = []
    if p.chance(0.12):
        style = p.choice(_STYLES)
        out.append(f"plt.style.use({_lit(style)})")
        p.feat(f"style:{style}")
    r = p.rng.random()
    family = p.choice(_FONT_FAMILIES)
    size = p.choice((8, 9, 10, 11, 12, 13, 14))
    if r < 0.15:
        out.append(f'plt.rcParams["font.family"] = {_lit(family)}')
        p.feat(f"font:{family}")
    elif r < 0.27:
        out.append(f'plt.rcParams["font.size"] = {size}')
        p.feat(f"fontsize:{size}")
    elif r < 0.42:
        params: dict[str, object] = {"font.family": family, "font.size": size}
        if p.chance(0.4):
            params["axes.titlesize"] = size + p.choice((2, 3, 4))
        if p.chance(0.3):
            params["axes.labelsize"] = size + 1
        if p.chance(0.3):
            out.extend([*_assign("params", params), "plt.rcParams.update(params)"])
        else:
            out.append(f"plt.rcParams.update({_lit(params)})")
        p.feat(f"font:{family}", f"fontsize:{size}")
    elif r < 0.47:
        out.append(f'plt.rc("font", family={_lit(family)}, size={size})')
        p.feat(f"font:{family}", f"fontsize:{size}")
    return out


def _figure_line(p: _Program, kind: str, pyplot: bool) -> tuple[str, _Target, str | None]:
    w, h = p.choice(_FIGSIZES)
    if kind in ("pie", "donut"):
        w, h = p.choice(((5, 5), (6, 6), (6, 5), (7, 5), (8, 6), (5, 4)))
    p.feat(f"figsize:{w:g}x{h:g}")
    layout = None
    if pyplot:
        return f"plt.figure(figsize=({w}, {h}))", _Target("plt"), None
    kw = {"figsize": f"({w}, {h})"}
    if p.chance(0.1):
        kw["layout"] = '"constrained"'
        layout = "constrained"
        p.feat("constrained_layout")
    if p.chance(0.08):
        kw["dpi"] = p.choice(("100", "110", "120"))
    if p.chance(0.1) and layout is None:
        return (
            f"fig = {_call('plt.figure', **kw)}\nax = fig.add_subplot({p.choice(('111', '1, 1, 1'))})",
            _Target("ax"),
            layout,
        )
    return f"fig, ax = {_call('plt.subplots', **kw)}", _Target("ax"), layout


def _layout_subplots(p: _Program) -> str | None:
    """A 2x1, 1x2 or 2x2 grid mixing panel kinds; returns the layout engine name if one was set."""
    shape = p.choice(((2, 1), (1, 2), (2, 2), (1, 2), (2, 2)))
    rows, cols = shape
    w, h = p.choice(_GRID_FIGSIZES[shape])
    p.feat("subplots", f"subplots:{rows}x{cols}", f"figsize:{w:g}x{h:g}")
    kw = {"figsize": f"({w}, {h})"}
    layout = None
    if p.chance(0.15):
        kw["layout"] = '"constrained"'
        layout = "constrained"
        p.feat("constrained_layout")
    n = rows * cols
    style = p.rng.randint(0, 2)
    if style == 0:
        names = ["ax1", "ax2", "ax3", "ax4"][:n]
        lhs = "(ax1, ax2)" if n == 2 else "((ax1, ax2), (ax3, ax4))"
        first = f"fig, {lhs} = {_call('plt.subplots', str(rows), str(cols), **kw)}"
        extra: list[str] = []
    elif style == 1 or n == 2:
        names = [f"axes[{i}]" for i in range(n)] if n == 2 else [f"axes[{i}, {j}]" for i in range(2) for j in range(2)]
        first = f"fig, axes = {_call('plt.subplots', str(rows), str(cols), **kw)}"
        extra = []
    else:
        names = ["ax1", "ax2", "ax3", "ax4"]
        first = f"fig, axs = {_call('plt.subplots', str(rows), str(cols), **kw)}"
        extra = ["ax1, ax2, ax3, ax4 = axs.flatten()"]
    p.used_names.update({"ax1", "ax2", "ax3", "ax4", "axs"})
    panels = [p.choice(_PANEL_KINDS) for _ in range(n)]
    p.lines.append(first)
    p.lines.extend(extra)
    p.panel = True
    for name, kind in zip(names, panels, strict=True):
        p.add("", f"# {kind.replace('_', ' ').capitalize()}")
        p.feat(f"panel:{kind}")
        _KIND_FUNCS[kind](p, _Target(name))
    p.panel = False
    if p.chance(0.5):
        sup = p.choice(
            (
                "Quarterly report",
                "Dashboard overview",
                "Sales summary",
                "Experiment results",
                "Overview",
                "Key metrics",
                "Annual review 2023",
            )
        )
        p.add(
            "",
            _call(
                "fig.suptitle", _lit(sup), fontsize=p.choice(("14", "16", None)), fontweight=p.choice(('"bold"', None))
            ),
        )
        p.feat("suptitle")
    return layout


def _ending(p: _Program, layout: str | None) -> list[str]:
    r = p.rng.random()
    tight = r < 0.5 or (p.needs_layout and r < 0.8)
    show = 0.35 <= r < 0.75 or (r >= 0.8 and p.chance(0.3))
    out: list[str] = []
    if tight and layout is None:
        out.append("plt.tight_layout()")
        p.feat("tight_layout")
    elif p.needs_layout and layout is None:
        side = "bottom=0.25" if "legend:outside_below" in p.features else "right=0.75"
        fig = "plt" if p.pyplot or p.chance(0.4) else "fig"
        out.append(f"{fig}.subplots_adjust({side})")
        p.feat("subplots_adjust")
    if show:
        out.append("plt.show()")
        p.feat("show")
    return out


def _build(seed: int, kind: str) -> ChartProgram:
    # String seeds hash deterministically (sha512), independent of PYTHONHASHSEED.
    p = _Program(random.Random(f"verm-chart:{seed}:{kind}"))
    _choose_palette(p)
    header = _header(p)
    body_start = len(p.lines)
    layout: str | None
    if kind == "subplots":
        layout = _layout_subplots(p)
    else:
        pyplot = kind in _PYPLOT_KINDS and p.chance(0.18)
        if pyplot:
            p.feat("pyplot_style")
            p.pyplot = True
        fig_line, target, layout = _figure_line(p, kind, pyplot)
        # Data first, then the figure, is the most common script shape; sometimes the figure comes first.
        data_first = p.chance(0.7)
        if not data_first:
            p.lines.extend([*fig_line.split("\n"), ""])
        _KIND_FUNCS[kind](p, target)
        if data_first:
            # Insert the figure line right before the first plotting call on the target.
            idx = _first_use(p.lines, body_start)
            p.lines[idx:idx] = fig_line.split("\n")
    ending = _ending(p, layout)
    if p.uses_numpy or p.chance(0.3):
        imports = ["import matplotlib.pyplot as plt", "import numpy as np"]
    else:
        imports = ["import matplotlib.pyplot as plt"]
    body = _tidy(p.lines[body_start:])
    parts = [*imports, "", *header, *([""] if header else []), *body, *([""] if ending else []), *ending]
    code = "\n".join(parts).rstrip("\n") + "\n"
    features = tuple(p.features)
    return ChartProgram(seed=seed, kind=kind, code=code, features=features)


def _first_use(lines: list[str], start: int) -> int:
    """Index of the first line after the leading block of literal data assignments, where the figure goes."""
    depth = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if depth == 0 and line and not line.startswith("#") and not _DATA_LINE.match(line):
            return i
        depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
    return len(lines)


_DATA_LINE = re.compile(r"^[a-z_][a-z0-9_]* = [\[{\"0-9-]")


def _tidy(lines: list[str]) -> list[str]:
    """Collapse repeated blank lines and strip leading/trailing blanks."""
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


# --------------------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------------------


def generate_chart_program(seed: int, kind: str | None = None) -> ChartProgram:
    """Generate one chart program; with ``kind=None`` the kind is picked from the seed."""
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    if kind is None:
        kind = random.Random(f"verm-kind:{seed}").choice(CHART_KINDS)
    elif kind not in CHART_KINDS:
        raise ValueError(f"unknown chart kind {kind!r}; expected one of {', '.join(CHART_KINDS)}")
    return _build(seed, kind)


def generate_chart_programs(n: int, seed: int = 0, kinds: Iterable[str] | None = None) -> list[ChartProgram]:
    """Generate ``n`` programs with seeds ``seed .. seed + n - 1``; given ``kinds`` are cycled in order."""
    if n < 0:
        raise ValueError("n must be >= 0")
    kind_list = list(kinds) if kinds is not None else None
    if kind_list is not None and not kind_list:
        raise ValueError("kinds must not be empty")
    return [generate_chart_program(seed + i, kind_list[i % len(kind_list)] if kind_list else None) for i in range(n)]


def write_chart_programs(out_dir: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` programs as ``chart_<seed>.py`` files into ``out_dir``; returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for prog in generate_chart_programs(n, seed):
        path = out / f"chart_{prog.seed}.py"
        path.write_text(prog.code, encoding="utf-8")
        paths.append(path)
    logger.debug("wrote %d chart programs to %s", len(paths), out)
    return paths
