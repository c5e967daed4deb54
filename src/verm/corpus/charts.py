"""Seeded generator of self-contained matplotlib chart programs.

Each program embeds its data as literals (the generator draws them from ``random.Random``; nothing is random
at run time), so the same seed and kind always give byte-identical code and the same picture. The code is
written the way people write plotting scripts: values, colors and texts are literals assigned to named
variables or passed straight to calls, so AST-based tools can find and edit them.
"""

from __future__ import annotations

import keyword
import logging
import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = [
    "CHART_KINDS",
    "ChartProgram",
    "generate_chart_program",
    "generate_chart_programs",
    "write_chart_programs",
]

CHART_KINDS: tuple[str, ...] = (
    "bar_grouped",
    "bar_stacked",
    "bar_horizontal",
    "line",
    "scatter",
    "area",
    "stackplot",
    "pie",
    "donut",
    "histogram",
    "box",
    "violin",
    "errorbar",
    "heatmap",
    "subplots",
    "twin_axes",
    "log_scale",
    "annotated",
)


@dataclass(frozen=True)
class ChartProgram:
    """One generated chart program and what it uses."""

    seed: int
    kind: str
    code: str
    features: tuple[str, ...]


# --------------------------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------------------------

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class _Vocab:
    noun: str
    items: tuple[str, ...]
    ordered: bool = False


_CATEGORY_VOCABS = (
    _Vocab("Region", ("North", "South", "East", "West", "Central")),
    _Vocab("Product", ("Laptops", "Phones", "Tablets", "Monitors", "Headphones", "Cameras", "Printers")),
    _Vocab("City", ("Oslo", "Lisbon", "Toronto", "Osaka", "Nairobi", "Lima", "Perth", "Denver")),
    _Vocab("Department", ("Sales", "Marketing", "Engineering", "Support", "Finance", "HR", "Legal")),
    _Vocab("Fruit", ("Apples", "Bananas", "Cherries", "Grapes", "Mangoes", "Pears", "Plums")),
    _Vocab("Language", ("Python", "Rust", "Go", "Java", "C++", "Julia", "R")),
    _Vocab("Channel", ("Online", "Retail", "Wholesale", "Partners", "Direct")),
    _Vocab("Team", ("Team A", "Team B", "Team C", "Team D", "Team E")),
    _Vocab("Store", ("Store 1", "Store 2", "Store 3", "Store 4", "Store 5", "Store 6")),
    _Vocab("Segment", ("Consumer", "Corporate", "Small Biz", "Government", "Education")),
    _Vocab("Quarter", QUARTERS, ordered=True),
    _Vocab("Month", MONTHS, ordered=True),
    _Vocab("Day", WEEKDAYS, ordered=True),
)

_SERIES_VOCABS = (
    ("2021", "2022", "2023", "2024"),
    ("2019", "2020", "2021", "2022", "2023"),
    ("Baseline", "Optimistic", "Pessimistic"),
    ("Plan", "Actual", "Forecast"),
    ("Online", "In-store", "Phone"),
    ("Men", "Women"),
    ("Model A", "Model B", "Model C", "Model D"),
    ("Control", "Treatment"),
    ("Group 1", "Group 2", "Group 3", "Group 4"),
    ("Small", "Medium", "Large"),
)


@dataclass(frozen=True)
class _Metric:
    var: str
    label: str
    lo: float
    hi: float
    dec: int

    @property
    def title(self) -> str:
        return self.label.split(" (")[0]


_METRICS = (
    _Metric("sales", "Sales (k$)", 20, 120, 1),
    _Metric("revenue", "Revenue ($M)", 1, 15, 2),
    _Metric("visitors", "Visitors (k)", 5, 80, 1),
    _Metric("units", "Units sold", 100, 900, 0),
    _Metric("score", "Score", 40, 95, 1),
    _Metric("cost", "Cost ($k)", 10, 60, 1),
    _Metric("share", "Market share (%)", 2, 40, 1),
    _Metric("latency", "Latency (ms)", 20, 250, 1),
    _Metric("temperature", "Temperature (°C)", -5, 32, 1),
    _Metric("rainfall", "Rainfall (mm)", 10, 180, 1),
    _Metric("users", "Active users (k)", 1, 50, 2),
    _Metric("profit", "Profit ($k)", 5, 45, 1),
    _Metric("energy", "Energy use (MWh)", 30, 140, 1),
    _Metric("orders", "Orders", 50, 400, 0),
    _Metric("satisfaction", "Satisfaction (1-10)", 4, 9.5, 2),
)

# (x var, x label, x range, y var, y label, y range, slope sign)
_SCATTER_PAIRS = (
    ("height", "Height (cm)", (150, 195), "weight", "Weight (kg)", (48, 100), 1),
    ("hours", "Study hours", (0, 12), "exam_score", "Exam score", (35, 98), 1),
    ("ad_spend", "Ad spend ($k)", (5, 60), "sales", "Sales ($k)", (40, 220), 1),
    ("temperature", "Temperature (°C)", (12, 35), "ice_cream", "Ice cream sales", (80, 420), 1),
    ("engine_size", "Engine size (L)", (1.0, 5.0), "mpg", "Fuel economy (mpg)", (14, 45), -1),
    ("gdp", "GDP per capita ($k)", (2, 70), "life_exp", "Life expectancy (years)", (58, 84), 1),
    ("price", "Price ($)", (5, 80), "demand", "Units demanded", (20, 300), -1),
    ("age", "Age (years)", (18, 70), "reaction_ms", "Reaction time (ms)", (210, 420), 1),
)

_HEX_PALETTES = {
    "deep": ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"),
    "okabe_ito": ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"),
    "tableau": ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"),
    "nord": ("#5E81AC", "#BF616A", "#A3BE8C", "#EBCB8B", "#B48EAD", "#88C0D0", "#D08770", "#4C566A"),
    "earth": ("#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#8ab17d", "#6d597a", "#b56576"),
    "pastel": ("#a1c9f4", "#ffb482", "#8de5a1", "#ff9f9b", "#d0bbff", "#debb9b", "#fab0e4", "#cfcfcf"),
    "bold": ("#003f5c", "#ffa600", "#bc5090", "#58508d", "#ff6361", "#2f4b7c", "#665191", "#a05195"),
}
# Qualitative colormaps with at least 8 colors, so `.colors[:n]` never runs short.
_QUAL_CMAPS = ("tab10", "Set2", "Set1", "Dark2", "Pastel1", "Accent", "Paired", "Set3", "Pastel2", "tab20")
_SEQ_CMAPS = ("viridis", "plasma", "cividis", "magma", "Blues", "Greens", "coolwarm", "Spectral")
_HEAT_CMAPS = ("YlOrRd", "YlGnBu", "viridis", "magma", "Blues", "Greens", "inferno", "cividis", "plasma", "OrRd")
_DIVERGING_CMAPS = ("coolwarm", "RdBu_r", "PuOr", "RdYlGn", "bwr")
_SINGLE_COLORS = (
    "steelblue",
    "tab:blue",
    "#4C72B0",
    "darkorange",
    "seagreen",
    "slateblue",
    "indianred",
    "teal",
    "C0",
    "#2a9d8f",
    "mediumpurple",
    "goldenrod",
    "tab:green",
    "#e76f51",
)
_FONT_FAMILIES = ("serif", "monospace", "sans-serif", "DejaVu Serif", "DejaVu Sans Mono", "DejaVu Sans")
_STYLES = ("ggplot", "bmh", "seaborn-v0_8-whitegrid", "seaborn-v0_8-darkgrid", "fivethirtyeight", "Solarize_Light2")
_LEGEND_LOCS = (
    "best",
    "upper left",
    "upper right",
    "lower left",
    "lower right",
    "upper center",
    "lower center",
    "center left",
    "center right",
)
_FIGSIZES = (
    (4, 3),
    (5, 3.5),
    (5, 4),
    (6, 4),
    (6.4, 4.8),
    (7, 4),
    (7, 5),
    (8, 4.5),
    (8, 5),
    (8, 6),
    (9, 5),
    (9, 6),
    (10, 5),
    (10, 6),
)
_GRID_FIGSIZES = {
    (2, 1): ((6, 6), (7, 6), (8, 6), (6, 5.5)),
    (1, 2): ((9, 4), (10, 4), (10, 4.5), (10, 5), (8, 3.5)),
    (2, 2): ((8, 6), (9, 6), (10, 6), (10, 5.5)),
}
_PYPLOT_KINDS = frozenset(
    {
        "bar_grouped",
        "bar_stacked",
        "bar_horizontal",
        "line",
        "scatter",
        "area",
        "pie",
        "donut",
        "histogram",
        "box",
        "heatmap",
        "errorbar",
        "log_scale",
    }
)
# Kinds that make sense as one panel of a subplot grid.
_PANEL_KINDS = (
    "bar_grouped",
    "bar_stacked",
    "bar_horizontal",
    "line",
    "scatter",
    "area",
    "stackplot",
    "pie",
    "donut",
    "histogram",
    "box",
    "violin",
    "errorbar",
    "heatmap",
    "log_scale",
    "annotated",
)


# --------------------------------------------------------------------------------------------------------------
# Code formatting helpers
# --------------------------------------------------------------------------------------------------------------


def _lit(value: object) -> str:
    """Python source for a literal value, double-quoted strings as a person (or ruff) writes them."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(0.0 if value == 0 else value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, tuple):
        inner = ", ".join(_lit(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(_lit(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_lit(k)}: {_lit(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as a literal")


def _call(fn: str, *args: str, **kwargs: str | None) -> str:
    """A call expression; keyword arguments that are None are left out."""
    parts = list(args) + [f"{k}={v}" for k, v in kwargs.items() if v is not None]
    return f"{fn}({', '.join(parts)})"


def _assign(name: str, value: object, width: int = 100) -> list[str]:
    """``name = <literal>`` wrapped the way a formatter would when it gets long."""
    one = f"{name} = {_lit(value)}"
    if len(one) <= width:
        return [one]
    if isinstance(value, dict):
        return [f"{name} = {{"] + [f"    {_lit(k)}: {_lit(v)}," for k, v in value.items()] + ["}"]
    if isinstance(value, list) and value and isinstance(value[0], list):
        return [f"{name} = ["] + [f"    {_lit(row)}," for row in value] + ["]"]
    if isinstance(value, list):
        lines, cur = [f"{name} = ["], "   "
        for item in value:
            piece = f" {_lit(item)},"
            if len(cur) + len(piece) > width:
                lines.append(cur)
                cur = "   "
            cur += piece
        lines.extend([cur, "]"])
        return lines
    return [one]


def _slug(label: str) -> str:
    s = re.sub(r"[^0-9a-zA-Z]+", "_", label.replace("+", "p")).strip("_").lower() or "series"
    if s[0].isdigit():
        s = "y" + s
    if keyword.iskeyword(s):
        s += "_data"
    return s


def _round(value: float, dec: int) -> float | int:
    if dec == 0:
        return round(value)
    r = round(value, dec)
    return 0.0 if r == 0 else r


# --------------------------------------------------------------------------------------------------------------
# Program builder
# --------------------------------------------------------------------------------------------------------------


@dataclass
class _Colors:
    """Colors for n series: ``items`` are code expressions (None means matplotlib's default cycle)."""

    var: str | None
    items: list[str] | None

    def item(self, i: int) -> str | None:
        return None if self.items is None else self.items[i % len(self.items)]


@dataclass
class _Target:
    """Where plotting calls go: an Axes variable (``ax``, ``axes[0, 1]``) or the pyplot state machine."""

    name: str

    @property
    def pyplot(self) -> bool:
        return self.name == "plt"

    @property
    def axes(self) -> str:
        return "plt.gca()" if self.pyplot else self.name

    def call(self, method: str, *args: str, **kwargs: str | None) -> str:
        return _call(f"{self.name}.{method}", *args, **kwargs)

    def set(self, prop: str, *args: str, **kwargs: str | None) -> str:
        fn = f"plt.{prop}" if self.pyplot else f"{self.name}.set_{prop}"
        return _call(fn, *args, **kwargs)

    def colorbar(self, mappable: str, **kwargs: str | None) -> str:
        if self.pyplot:
            return _call("plt.colorbar", mappable, **kwargs)
        return _call("fig.colorbar", mappable, ax=self.name, **kwargs)


@dataclass
class _Program:
    rng: random.Random
    lines: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    used_names: set[str] = field(default_factory=set)
    uses_numpy: bool = False
    panel: bool = False
    palette_mode: str = "default"
    palette_name: str = ""
    single_color: str | None = None
    needs_layout: bool = False
    pyplot: bool = False

    # -- emitting --------------------------------------------------------------------------------------------
    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def assign(self, base: str, value: object) -> str:
        """Bind a literal to a fresh variable name and return the name."""
        name = self.name(base)
        self.lines.extend(_assign(name, value))
        return name

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def feat(self, *names: str) -> None:
        for n in names:
            if n not in self.features:
                self.features.append(n)

    def name(self, base: str) -> str:
        base = _slug(base)
        name, i = base, 2
        while name in self.used_names or name in {"plt", "np", "fig", "ax", "axes", "i", "j"}:
            name, i = f"{base}_{i}", i + 1
        self.used_names.add(name)
        return name

    def np(self) -> str:
        self.uses_numpy = True
        return "np"

    # -- random helpers --------------------------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def choice(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def walk(self, n: int, lo: float, hi: float, dec: int, trend: float = 0.0) -> list:
        """A bounded random walk, optionally drifting, so series look like real measurements."""
        span = hi - lo
        floor = lo + 0.02 * span
        if trend > 0:
            v = self.rng.uniform(lo + 0.1 * span, lo + 0.5 * span)
        elif trend < 0:
            v = self.rng.uniform(lo + 0.5 * span, hi - 0.1 * span)
        else:
            v = self.rng.uniform(lo + 0.2 * span, hi - 0.2 * span)
        out = []
        for _ in range(n):
            out.append(_round(v, dec))
            v += self.rng.gauss(trend * span / max(n, 1), span * 0.1)
            # Reflect at the bounds rather than clamp, so series never sit flat on a limit.
            if v > hi:
                v = max(floor, hi - (v - hi))
            if v < floor:
                v = min(hi, floor + (floor - v))
        return out

    def uniform(self, n: int, lo: float, hi: float, dec: int) -> list:
        return [_round(self.rng.uniform(lo, hi), dec) for _ in range(n)]

    def normal(self, n: int, mu: float, sigma: float, dec: int) -> list:
        return [_round(self.rng.gauss(mu, sigma), dec) for _ in range(n)]

    def categories(self, lo: int, hi: int, vocab: _Vocab | None = None) -> tuple[_Vocab, list[str]]:
        vocab = vocab or self.choice(_CATEGORY_VOCABS)
        n = self.rng.randint(lo, min(hi, len(vocab.items)))
        if vocab.ordered:
            start = self.rng.randint(0, len(vocab.items) - n)
            return vocab, list(vocab.items[start : start + n])
        picked = self.rng.sample(range(len(vocab.items)), n)
        return vocab, [vocab.items[i] for i in sorted(picked)]

    def series_names(self, lo: int, hi: int) -> list[str]:
        vocab = self.choice([v for v in _SERIES_VOCABS if len(v) >= lo])
        n = self.rng.randint(lo, min(hi, len(vocab)))
        return list(vocab[:n])

    def metric(self) -> _Metric:
        return self.choice(_METRICS)

    # -- colors ------------------------------------------------------------------------------------------------
    def colors(self, n: int, need_var: bool = False) -> _Colors:
        """Colors for n series in the program's palette, declaring a ``colors`` list when needed."""
        mode = self.palette_mode
        if mode == "default":
            self.feat("palette:default")
            return _Colors(None, None)
        self.feat(f"palette:{self.palette_name}")
        if mode == "hex":
            hexes = list(_HEX_PALETTES[self.palette_name][:n])
            if not need_var and self.chance(0.4):
                return _Colors(None, [_lit(h) for h in hexes])
            var = self.assign("colors", hexes)
        elif mode == "qual":
            var = self.name("colors")
            if self.chance(0.5):
                self.add(f"{var} = plt.colormaps[{_lit(self.palette_name)}].colors[:{n}]")
            else:
                self.add(f"{var} = plt.cm.{self.palette_name}.colors[:{n}]")
        else:
            var = self.name("colors")
            lo, hi = self.choice(((0.25, 0.85), (0.3, 0.9), (0.2, 0.8), (0.35, 0.95)))
            self.add(f"{var} = plt.colormaps[{_lit(self.palette_name)}]({self.np()}.linspace({lo}, {hi}, {n}))")
        return _Colors(var, [f"{var}[{i}]" for i in range(n)])

    def one_color(self) -> str | None:
        if self.single_color is None:
            return None
        self.feat(f"color:{self.single_color}")
        return _lit(self.single_color)


# --------------------------------------------------------------------------------------------------------------
# Shared decoration: titles, labels, ticks, legends, grids
# --------------------------------------------------------------------------------------------------------------


def _title_text(p: _Program, metric_title: str, noun: str | None = None) -> str:
    options = [f"{metric_title} over time", f"{metric_title} trend", f"Monthly {metric_title.lower()}"]
    if noun:
        options = [
            f"{metric_title} by {noun}",
            f"{metric_title} per {noun.lower()}",
            f"{noun} {metric_title.lower()}",
            f"{metric_title} by {noun.lower()}",
        ]
    text = p.choice(options)
    if p.chance(0.3):
        text += p.choice((" (2023)", ", 2024", " - FY2022", " 2021-2024", " (preliminary)"))
    if p.chance(0.3):
        text = text.title()
    return text[0].upper() + text[1:]


def _title(p: _Program, t: _Target, text: str) -> None:
    kw: dict[str, str | None] = {}
    if p.chance(0.45):
        size = p.choice(("12", "13", "14", "15", "16", '"large"', '"x-large"'))
        kw["fontsize"] = size
        p.feat("title_size:" + size.strip('"'))
    if p.chance(0.35):
        kw["fontweight"] = '"bold"'
        p.feat("title_bold")
    if p.chance(0.12):
        kw["loc"] = '"left"'
        p.feat("title_loc:left")
    if p.chance(0.15):
        kw["pad"] = p.choice(("10", "12", "15"))
    p.add(t.set("title", _lit(text), **kw))
    p.feat("title")


def _labels(p: _Program, t: _Target, xlabel: str | None, ylabel: str | None) -> None:
    size = p.choice(("10", "11", "12", '"medium"')) if p.chance(0.3) else None
    if xlabel and not p.chance(0.08):  # people sometimes skip the obvious axis label
        p.add(t.set("xlabel", _lit(xlabel), fontsize=size))
        p.feat("xlabel")
    if ylabel:
        p.add(t.set("ylabel", _lit(ylabel), fontsize=size))
        p.feat("ylabel")


def _rotate_ticks(p: _Program, t: _Target, force: bool = False, random_ok: bool = True) -> None:
    if not (force or (random_ok and p.chance(0.3))):
        return
    angle = p.choice((30, 45, 45, 60, 90))
    style = p.rng.randint(0, 2)
    if style == 0:
        p.add(t.call("tick_params", axis='"x"', labelrotation=str(angle)))
    elif t.pyplot:
        p.add(_call("plt.xticks", rotation=str(angle), ha='"right"' if angle < 90 else None))
    elif style == 1:
        p.add(
            _call("plt.setp", f"{t.name}.get_xticklabels()", rotation=str(angle), ha='"right"' if angle < 90 else None)
        )
    else:
        p.add(t.call("tick_params", axis='"x"', rotation=str(angle), labelsize=p.choice(("8", "9", "10"))))
    p.feat(f"tick_rotation:{angle}")


def _grid(p: _Program, t: _Target, axis: str | None = None) -> None:
    r = p.rng.random()
    if r < 0.35:
        p.feat("grid:off")
        return
    if r < 0.45 and not t.pyplot:
        p.add(t.call("set_axisbelow", "True"))
    if axis or r < 0.6:
        which = axis or p.choice(("y", "x", "both"))
        p.add(
            t.call("grid", axis=_lit(which), linestyle=p.choice(('"--"', '":"', None)), alpha=p.choice(("0.3", "0.5")))
        )
        p.feat(f"grid:{which}")
    elif r < 0.8:
        p.add(t.call("grid", "True", alpha=p.choice(("0.25", "0.3", "0.4"))))
        p.feat("grid")
    else:
        p.add(t.call("grid", "True", linestyle=p.choice(('"--"', '"-."', '":"')), linewidth="0.5"))
        p.feat("grid")


def _spines(p: _Program, t: _Target) -> None:
    if not p.chance(0.25):
        return
    if p.chance(0.5):
        p.add(f'{t.axes}.spines[["top", "right"]].set_visible(False)')
    else:
        p.add('for side in ("top", "right"):', f"    {t.axes}.spines[side].set_visible(False)")
    p.feat("spines:off")


def _legend(p: _Program, t: _Target, n_entries: int, *, handles: str | None = None, title: str | None = None) -> None:
    """A legend call with varied placement; outside placements only on single-axes figures."""
    kw: dict[str, str | None] = {}
    r = p.rng.random()
    if r < 0.14 and not p.panel:
        loc, anchor = p.choice(
            (("upper left", "(1.02, 1)"), ("center left", "(1, 0.5)"), ("upper left", "(1.01, 1.0)"))
        )
        kw["loc"], kw["bbox_to_anchor"] = _lit(loc), anchor
        if loc == "upper left" and p.chance(0.5):
            kw["borderaxespad"] = "0"
        p.feat("legend:outside", "legend:outside_right")
        p.needs_layout = True
    elif r < 0.22 and not p.panel:
        loc = "upper center"
        kw["loc"], kw["bbox_to_anchor"] = _lit(loc), p.choice(("(0.5, -0.15)", "(0.5, -0.12)", "(0.5, -0.2)"))
        kw["ncol"] = str(min(n_entries, 4))
        p.feat("legend:outside", "legend:outside_below")
        p.needs_layout = True
    elif r < 0.3:
        loc = "default"  # bare ax.legend() is the most common thing people write
    else:
        loc = p.choice(_LEGEND_LOCS)
        kw["loc"] = _lit(loc)
        if n_entries >= 3 and loc in ("upper center", "lower center") and p.chance(0.5):
            kw["ncol"] = str(n_entries)
    p.feat(f"legend:{loc}")
    if title:
        kw["title"] = _lit(title)
        p.feat("legend_title")
    if p.chance(0.25):
        kw["frameon"] = "False"
        p.feat("legend:frameless")
    if p.chance(0.25):
        kw["fontsize"] = p.choice(('"small"', "9", "10", "8"))
    args = (handles,) if handles else ()
    p.add(t.call("legend", *args, **kw))


def _finish_axes(
    p: _Program,
    t: _Target,
    *,
    title: str,
    xlabel: str | None,
    ylabel: str | None,
    legend_entries: int = 0,
    legend_title: str | None = None,
    rotate: bool = False,
    categorical_x: bool = False,
    grid_axis: str | None = None,
    grid: bool = True,
) -> None:
    _title(p, t, title)
    _labels(p, t, xlabel, ylabel)
    _rotate_ticks(p, t, force=rotate, random_ok=categorical_x)
    if legend_entries:
        _legend(p, t, legend_entries, title=legend_title if p.chance(0.4) else None)
    if grid:
        _grid(p, t, grid_axis)
    _spines(p, t)


# --------------------------------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------------------------------


def _k_bar_grouped(p: _Program, t: _Target) -> None:
    vocab, cats = p.categories(3, 6)
    series = p.series_names(2, 4 if len(cats) <= 5 else 3)
    m = p.metric()
    n = len(series)
    p.feat("bar", "bar:grouped")
    cat_var = p.assign(vocab.noun.lower() + "s" if vocab.noun != "Day" else "days", cats)
    width = {2: 0.35, 3: 0.25, 4: 0.2}[n]
    np_ = p.np()
    if p.chance(0.5):
        data = {s: p.walk(len(cats), m.lo, m.hi, m.dec) for s in series}
        data_var = p.assign("data", data)
        cols = p.colors(n, need_var=True)
        x = p.name("x")
        p.add(f"{x} = {np_}.arange(len({cat_var}))", f"width = {width}", "")
        p.add(f"for i, (label, values) in enumerate({data_var}.items()):")
        offset = (
            f"{x} + (i - {(n - 1) / 2}) * width" if n % 2 == 0 or p.chance(0.5) else f"{x} + (i - {n // 2}) * width"
        )
        bar = t.call("bar", offset, "values", "width", label="label", color=f"{cols.var}[i]" if cols.var else None)
        if p.chance(0.3) and not t.pyplot:
            label_call = t.call(
                "bar_label", "bars", fmt=_lit(p.choice(("%.0f", "%.1f", "%g"))), fontsize=p.choice(("8", None))
            )
            p.add(f"    bars = {bar}", f"    {label_call}")
            p.feat("bar_label")
        else:
            p.add(f"    {bar}")
    else:
        vars_ = [p.assign(f"{m.var}_{s}", p.walk(len(cats), m.lo, m.hi, m.dec)) for s in series]
        cols = p.colors(n)
        x = p.name("x")
        p.add("", f"{x} = {np_}.arange(len({cat_var}))", f"width = {width}")
        for i, (s, v) in enumerate(zip(series, vars_, strict=True)):
            off = (i - (n - 1) / 2) * width
            pos = f"{x} - {abs(off):g}" if off < 0 else f"{x} + {off:g}"
            p.add(t.call("bar", pos, v, "width", label=_lit(s), color=cols.item(i), edgecolor=None))
    p.blank()
    p.add(t.set("xticks", x, cat_var))
    _finish_axes(
        p,
        t,
        title=_title_text(p, m.title, vocab.noun),
        xlabel=vocab.noun,
        ylabel=m.label,
        legend_entries=n,
        legend_title="Series",
        rotate=len(cats) > 5 and p.chance(0.5),
        grid_axis="y",
        categorical_x=True,
    )


def _k_bar_stacked(p: _Program, t: _Target) -> None:
    vocab, cats = p.categories(3, 7)
    series = p.series_names(2, 4)
    m = p.metric()
    n = len(series)
    p.feat("bar", "bar:stacked")
    horizontal = p.chance(0.2)
    method = "barh" if horizontal else "bar"
    base_kw = "left" if horizontal else "bottom"
    cat_var = p.assign(vocab.noun.lower() + "_names", cats)
    hi = m.hi / n * 1.5
    if p.chance(0.5):
        data = {s: p.walk(len(cats), m.lo / n, hi, m.dec) for s in series}
        data_var = p.assign("data", data)
        cols = p.colors(n, need_var=True)
        np_ = p.np()
        p.add("", f"bottom = {np_}.zeros(len({cat_var}))")
        p.add(f"for i, (label, values) in enumerate({data_var}.items()):")
        col = f"{cols.var}[i]" if cols.var else None
        p.add(f"    {t.call(method, cat_var, 'values', label='label', color=col, **{base_kw: 'bottom'})}")
        p.add("    bottom += values")
    else:
        vars_ = [p.assign(_slug(s), p.walk(len(cats), m.lo / n, hi, m.dec)) for s in series]
        cols = p.colors(n)
        p.blank()
        for i, (s, v) in enumerate(zip(series, vars_, strict=True)):
            if i == 0:
                base = None
            elif i == 1:
                base = vars_[0]
            else:
                base = " + ".join(f"{p.np()}.array({b})" for b in vars_[:i])
            p.add(t.call(method, cat_var, v, label=_lit(s), color=cols.item(i), **{base_kw: base}))
    p.blank()
    if horizontal:
        p.feat("bar:horizontal")
        _finish_axes(
            p,
            t,
            title=_title_text(p, m.title, vocab.noun),
            xlabel=m.label,
            ylabel=None,
            legend_entries=n,
            grid_axis="x",
        )
    else:
        _finish_axes(
            p,
            t,
            title=_title_text(p, m.title, vocab.noun),
            xlabel=vocab.noun if p.chance(0.6) else None,
            ylabel=m.label,
            legend_entries=n,
            rotate=len(cats) > 5,
            grid_axis="y",
            categorical_x=True,
        )


def _k_bar_horizontal(p: _Program, t: _Target) -> None:
    vocab, cats = p.categories(4, 8)
    m = p.metric()
    p.feat("bar", "bar:horizontal")
    values = p.uniform(len(cats), m.lo, m.hi, m.dec)
    if p.chance(0.4):
        pairs = sorted(zip(values, cats, strict=True))
        values, cats = [v for v, _ in pairs], [c for _, c in pairs]
        p.feat("sorted")
    cat_var = p.assign(vocab.noun.lower() + "s" if not vocab.noun.endswith("y") else "items", cats)
    val_var = p.assign(m.var, values)
    color_kw: dict[str, str | None] = {}
    if p.chance(0.3) and p.palette_mode != "default":
        cols = p.colors(len(cats))
        color_kw["color"] = cols.var or "[" + ", ".join(cols.items or []) + "]"
    else:
        color_kw["color"] = p.one_color()
    if p.chance(0.3):
        color_kw["edgecolor"] = p.choice(('"black"', '"white"', '"none"'))
    if p.chance(0.3):
        color_kw["height"] = p.choice(("0.6", "0.7", "0.5"))
    p.blank()
    labelled = p.chance(0.45)
    call = t.call("barh", cat_var, val_var, **color_kw)
    if labelled and not t.pyplot and p.chance(0.5):
        p.add(f"bars = {call}", t.call("bar_label", "bars", fmt=_lit(p.choice(("%.1f", "%g", "%.0f"))), padding="3"))
        p.feat("bar_label")
    elif labelled:
        p.add(call, f"for i, v in enumerate({val_var}):")
        text = t.call("text", "v", "i", 'f" {v}"', va='"center"', fontsize=p.choice(("8", "9", "10")))
        p.add(f"    {text}")
        p.feat("text")
    else:
        p.add(call)
    if p.chance(0.3):
        p.add(t.call("invert_yaxis") if not t.pyplot else "plt.gca().invert_yaxis()")
        p.feat("inverted_y")
    _finish_axes(p, t, title=_title_text(p, m.title, vocab.noun), xlabel=m.label, ylabel=None, grid_axis="x")


def _line_style(p: _Program, i: int) -> dict[str, str | None]:
    kw: dict[str, str | None] = {}
    if p.chance(0.55):
        kw["marker"] = _lit(p.choice(("o", "s", "^", "D", "v", ".")))
        p.feat("markers")
    if p.chance(0.3) or (i > 0 and p.chance(0.3)):
        kw["linestyle"] = _lit(p.choice(("-", "--", "-.", ":")))
        p.feat("linestyles")
    if p.chance(0.4):
        kw["linewidth"] = p.choice(("1.5", "2", "2.5", "1"))
    return kw


def _k_line(p: _Program, t: _Target) -> None:
    p.feat("line")
    # Mostly literal data; now and then a computed curve (deterministic numpy, no randomness).
    xmode = p.choice(("months", "months", "years", "years", "days", "function"))
    m = p.metric()
    n = p.rng.randint(1, 4)
    series = p.series_names(max(n, 2), 4)[:n]
    legend = n > 1 or p.chance(0.3)
    if xmode == "function":
        np_ = p.np()
        x = p.name("x")
        p.add(f"{x} = {np_}.linspace(0, {p.choice((5, 10, 2 * 3.14, 20))}, {p.choice((50, 100, 200))})")
        funcs = [f"{np_}.sin({x})", f"{np_}.cos({x})", f"{np_}.exp(-{x} / 5)", f"{np_}.sin({x}) * {np_}.exp(-{x} / 8)"]
        p.rng.shuffle(funcs)
        cols = p.colors(n)
        for i in range(n):
            amp = _round(p.rng.uniform(0.5, 3), 1)
            y = p.name(f"y{i + 1}")
            p.add(f"{y} = {amp} * {funcs[i]}")
            kw = {"label": _lit(series[i] if n > 1 else f"{amp} * " + funcs[i].replace("np.", "")) if legend else None}
            kw.update(color=cols.item(i) if n > 1 else p.one_color())
            p.add(t.call("plot", x, y, **kw, **{k: v for k, v in _line_style(p, i).items() if k != "marker"}))
        _finish_axes(
            p,
            t,
            title=p.choice(("Damped oscillation", "Signal", "Waveforms", "Response curves")),
            xlabel="Time (s)",
            ylabel="Amplitude",
            legend_entries=n if legend else 0,
        )
        return
    if xmode == "months":
        _, xs = p.categories(6, 12, _CATEGORY_VOCABS[-2])
        x = p.assign("months", xs)
        xlabel = "Month"
    elif xmode == "years":
        start = p.rng.randint(2005, 2016)
        xs = list(range(start, start + p.rng.randint(6, 10)))
        x = p.assign("years", xs)
        xlabel = "Year"
    else:
        xs = list(range(1, p.rng.randint(10, 31)))
        x = p.assign("day", xs)
        xlabel = "Day"
    trend = p.choice((0.0, 0.5, 1.0, -0.3))
    vars_ = []
    for i in range(n):
        name = f"{m.var}_{_slug(series[i])}" if n > 1 else m.var
        vars_.append(p.assign(name, p.walk(len(xs), m.lo, m.hi, m.dec, trend)))
    cols = p.colors(n) if n > 1 else None
    p.blank()
    for i, v in enumerate(vars_):
        color = cols.item(i) if cols else p.one_color()
        kw = _line_style(p, i)
        if p.chance(0.15) and "marker" not in kw:
            fmt = _lit(p.choice(("o-", "s--", "^-", ".-")))
            p.add(t.call("plot", x, v, fmt, label=_lit(series[i]) if legend else None, color=color))
            p.feat("fmt_string")
        else:
            p.add(t.call("plot", x, v, label=_lit(series[i]) if legend else None, color=color, **kw))
    if p.chance(0.25):
        _annotate_peak(p, t, x, vars_[0])
    _finish_axes(
        p,
        t,
        title=_title_text(p, m.title),
        xlabel=xlabel,
        ylabel=m.label,
        legend_entries=n if legend else 0,
        rotate=xmode == "months" and len(xs) > 8 and p.chance(0.5),
        categorical_x=xmode == "months",
    )
    if xmode == "years" and p.chance(0.4):
        p.add(t.set("xticks", x))


def _annotate_peak(p: _Program, t: _Target, xvar: str, yvar: str) -> None:
    """Annotate the series maximum with an arrow, computed in the program so edits keep it consistent."""
    idx = p.name("peak")
    p.add(f"{idx} = {yvar}.index(max({yvar}))")
    arrow = p.choice(
        ('dict(arrowstyle="->")', 'dict(arrowstyle="->", color="gray")', 'dict(facecolor="black", shrink=0.05)')
    )
    p.add(
        t.call(
            "annotate",
            _lit(p.choice(("Peak", "Max", "Highest", "Record high"))),
            xy=f"({xvar}[{idx}], {yvar}[{idx}])",
            xytext=p.choice(("(0, 20)", "(-40, 15)", "(15, 25)")),
            textcoords='"offset points"',
            arrowprops=arrow,
            ha='"center"',
        )
    )
    p.feat("annotate", "annotate:arrow")


def _k_scatter(p: _Program, t: _Target) -> None:
    p.feat("scatter")
    xv, xl, (x0, x1), yv, yl, (y0, y1), sign = p.choice(_SCATTER_PAIRS)
    dec_x = 1 if x1 - x0 < 20 else p.choice((0, 1))
    variant = p.choice(("groups", "colored", "plain", "plain"))
    if variant == "groups":
        groups = p.series_names(2, 3)
        cols = p.colors(len(groups))
        for i, g in enumerate(groups):
            k = p.rng.randint(12, 25)
            shift = (i - 1) * 0.12
            xs = p.uniform(k, x0, x1, dec_x)
            ys = _corr(p, xs, x0, x1, y0 + shift * (y1 - y0), y1 + shift * (y1 - y0), sign)
            xn = p.assign(f"{xv}_{_slug(g)}", xs)
            yn = p.assign(f"{yv}_{_slug(g)}", ys)
            kw = {"label": _lit(g), "color": cols.item(i), "alpha": p.choice(("0.7", "0.8", None))}
            kw["marker"] = _lit(p.choice(("o", "s", "^", "D"))) if p.chance(0.4) else None
            kw["s"] = p.choice(("30", "40", "60", None))
            p.add(t.call("scatter", xn, yn, **kw))
        p.feat("scatter:groups")
        _finish_axes(
            p,
            t,
            title=f"{yl.split(' (')[0]} vs {xl.split(' (')[0].lower()}",
            xlabel=xl,
            ylabel=yl,
            legend_entries=len(groups),
        )
        return
    k = p.rng.randint(15, 45)
    xs = p.uniform(k, x0, x1, dec_x)
    ys = _corr(p, xs, x0, x1, y0, y1, sign)
    xn = p.assign(xv, xs)
    yn = p.assign(yv, ys)
    if variant == "colored":
        cn = p.assign(p.choice(("size", "weight_kg", "population", "rating")), p.uniform(k, 1, 10, 1))
        cmap = p.choice(_SEQ_CMAPS)
        p.blank()
        sizes = f"[v * {p.choice((10, 15, 20))} for v in {cn}]" if p.chance(0.4) else p.choice(("50", "40"))
        p.add(
            "sc = "
            + t.call(
                "scatter",
                xn,
                yn,
                c=cn,
                cmap=_lit(cmap),
                s=sizes,
                alpha="0.8",
                edgecolors='"k"' if p.chance(0.3) else None,
            )
        )
        p.add(t.colorbar("sc", label=_lit(cn.replace("_", " ").capitalize())))
        p.feat(f"cmap:{cmap}", "colorbar", "scatter:colored")
        legend = 0
    else:
        p.blank()
        p.add(
            t.call(
                "scatter",
                xn,
                yn,
                color=p.one_color(),
                alpha=p.choice(("0.6", "0.75", None)),
                edgecolor=p.choice(('"white"', '"black"', None)),
                s=p.choice(("25", "50", "80", None)),
            )
        )
        legend = 0
        if p.chance(0.4):
            np_ = p.np()
            p.add(f"coef = {np_}.polyfit({xn}, {yn}, 1)", f"xs = {np_}.linspace(min({xn}), max({xn}), 50)")
            p.add(
                t.call("plot", "xs", f"{np_}.polyval(coef, xs)", _lit(p.choice(("r--", "k--", "--"))), label='"Trend"')
            )
            p.feat("trendline")
            legend = 1 if p.chance(0.6) else 0
    _finish_axes(
        p, t, title=f"{yl.split(' (')[0]} vs. {xl.split(' (')[0].lower()}", xlabel=xl, ylabel=yl, legend_entries=legend
    )


def _corr(p: _Program, xs: list, x0: float, x1: float, y0: float, y1: float, sign: int) -> list:
    out = []
    for x in xs:
        frac = (x - x0) / (x1 - x0)
        if sign < 0:
            frac = 1 - frac
        y = y0 + frac * (y1 - y0) * 0.8 + p.rng.gauss(0.1, 0.08) * (y1 - y0)
        out.append(_round(y, 1))
    return out


def _k_area(p: _Program, t: _Target) -> None:
    p.feat("area", "fill_between")
    m = p.metric()
    xs = list(range(1, p.rng.randint(12, 31)))
    if p.chance(0.5):
        x = p.assign(p.choice(("day", "week", "hour")), xs)
        xlabel = {"day": "Day", "week": "Week", "hour": "Hour"}[x.split("_")[0]]
    else:
        start = p.rng.randint(1990, 2010)
        xs = list(range(start, start + p.rng.randint(8, 15)))
        x = p.assign("years", xs)
        xlabel = "Year"
    variant = p.choice(("under", "band", "two"))
    color = p.one_color() or _lit(p.choice(_SINGLE_COLORS))
    if variant == "under":
        y = p.assign(m.var, p.walk(len(xs), m.lo, m.hi, m.dec, 0.5))
        p.blank()
        p.add(t.call("fill_between", x, y, alpha=p.choice(("0.3", "0.4", "0.25")), color=color))
        p.add(t.call("plot", x, y, color=color, linewidth=p.choice(("2", "1.5"))))
        legend = 0
        if p.chance(0.3):
            p.add(t.set("ylim", "bottom=0"))
    elif variant == "band":
        mid = p.walk(len(xs), m.lo, m.hi, m.dec, 0.3)
        spread = [_round(p.rng.uniform(0.05, 0.15) * (m.hi - m.lo), m.dec) for _ in xs]
        mean = p.assign(f"{m.var}_mean", mid)
        lo = p.assign("lower", [_round(a - s, m.dec) for a, s in zip(mid, spread, strict=True)])
        hi = p.assign("upper", [_round(a + s, m.dec) for a, s in zip(mid, spread, strict=True)])
        p.blank()
        p.add(
            t.call(
                "fill_between",
                x,
                lo,
                hi,
                alpha="0.2",
                color=color,
                label=_lit(p.choice(("Range", "Min-max", "95% CI"))),
            )
        )
        p.add(t.call("plot", x, mean, color=color, label='"Mean"'))
        p.feat("fill_between:band")
        legend = 2
    else:
        a_name, b_name = p.choice(
            (("Income", "Expenses"), ("Supply", "Demand"), ("Actual", "Target"), ("Inflow", "Outflow"))
        )
        a = p.assign(_slug(a_name), p.walk(len(xs), m.lo, m.hi, m.dec))
        b = p.assign(_slug(b_name), p.walk(len(xs), m.lo, m.hi, m.dec))
        cols = p.colors(2)
        c1, c2 = cols.item(0) or '"tab:green"', cols.item(1) or '"tab:red"'
        p.blank()
        p.add(t.call("plot", x, a, label=_lit(a_name), color=c1), t.call("plot", x, b, label=_lit(b_name), color=c2))
        np_ = p.np()
        p.add(
            t.call(
                "fill_between",
                x,
                a,
                b,
                where=f"{np_}.array({a}) >= {np_}.array({b})",
                interpolate="True",
                alpha="0.3",
                color=c1,
            )
        )
        p.add(
            t.call(
                "fill_between",
                x,
                a,
                b,
                where=f"{np_}.array({a}) < {np_}.array({b})",
                interpolate="True",
                alpha="0.3",
                color=c2,
            )
        )
        p.feat("fill_between:where")
        legend = 2
    _finish_axes(p, t, title=_title_text(p, m.title), xlabel=xlabel, ylabel=m.label, legend_entries=legend)
    if p.chance(0.4):
        p.add(t.set("xlim", str(xs[0]), str(xs[-1])))


def _k_stackplot(p: _Program, t: _Target) -> None:
    p.feat("area", "stackplot")
    m = p.metric()
    start = p.rng.randint(2000, 2015)
    xs = list(range(start, start + p.rng.randint(6, 11)))
    x = p.assign("years", xs)
    vocab, cats = p.categories(2, 5, p.choice([v for v in _CATEGORY_VOCABS if not v.ordered]))
    n = len(cats)
    vars_ = [p.assign(_slug(c), p.walk(len(xs), m.lo / n, m.hi / n * 1.4, m.dec, 0.4)) for c in cats]
    labels = p.assign("labels", cats)
    cols = p.colors(n)
    colors = cols.var or ("[" + ", ".join(cols.items) + "]" if cols.items else None)
    p.blank()
    p.add(t.call("stackplot", x, *vars_, labels=labels, colors=colors, alpha=p.choice(("0.8", "0.85", None))))
    _finish_axes(
        p,
        t,
        title=_title_text(p, m.title, vocab.noun),
        xlabel="Year",
        ylabel=m.label,
        legend_entries=n,
        legend_title=vocab.noun,
    )
    if p.chance(0.5):
        p.add(t.set("xlim", x + "[0]", x + "[-1]"))


def _pie_common(p: _Program, t: _Target, donut: bool) -> None:
    vocab, cats = p.categories(3, 6, p.choice([v for v in _CATEGORY_VOCABS if v.noun not in ("Month", "Day")]))
    m = p.metric()
    n = len(cats)
    labels = p.assign("labels", cats)
    sizes = p.assign(p.choice(("sizes", "shares", m.var)), p.uniform(n, 5, 40, p.choice((0, 1))))
    cols = p.colors(n)
    colors = cols.var or ("[" + ", ".join(cols.items) + "]" if cols.items else None)
    kw: dict[str, str | None] = {"colors": colors}
    legend_mode = p.chance(0.3)
    if not legend_mode:
        kw["labels"] = labels
    if p.chance(0.7):
        kw["autopct"] = _lit(p.choice(("%1.1f%%", "%.0f%%", "%1.0f%%")))
        if donut:
            kw["pctdistance"] = p.choice(("0.8", "0.78", "0.85"))
        p.feat("autopct")
    kw["startangle"] = p.choice(("90", "140", "0", None))
    if not donut and p.chance(0.3):
        explode = [0.0] * n
        explode[p.rng.randrange(n)] = p.choice((0.1, 0.05, 0.08))
        kw["explode"] = p.assign("explode", explode)
        p.feat("explode")
    if p.chance(0.25):
        kw["textprops"] = p.choice(('{"fontsize": 9}', "dict(fontsize=10)", '{"color": "black", "fontsize": 8}'))
    if p.chance(0.2) and not donut:
        kw["shadow"] = "True"
    circle = False
    if donut:
        if p.chance(0.6):
            width = p.choice(("0.3", "0.4", "0.45"))
            kw["wedgeprops"] = p.choice((f'dict(width={width}, edgecolor="white")', f'{{"width": {width}}}'))
        else:
            kw["wedgeprops"] = p.choice(('{"edgecolor": "white"}', None))
            circle = True
        p.feat("donut")
    elif p.chance(0.25):
        kw["wedgeprops"] = '{"edgecolor": "white", "linewidth": 1}'
    p.blank()
    call = t.call("pie", sizes, **kw)
    if legend_mode:
        out = "wedges, texts, autotexts" if "autopct" in kw else "wedges, texts"
        p.add(f"{out} = {call}")
    else:
        p.add(call)
    p.feat("pie")
    if circle:
        p.add(f'centre = plt.Circle((0, 0), {p.choice(("0.6", "0.65", "0.7"))}, fc="white")')
        p.add("plt.gcf().gca().add_artist(centre)" if t.pyplot else f"{t.name}.add_artist(centre)")
        p.feat("donut:circle")
    if donut and p.chance(0.6):
        total = p.choice(("Total", m.title, "2023"))
        p.add(
            t.call(
                "text",
                "0",
                "0",
                f'f"{total}\\n{{sum({sizes}):g}}"',
                ha='"center"',
                va='"center"',
                fontsize=p.choice(("12", "14", "11")),
            )
        )
        p.feat("text")
    if p.chance(0.5):
        p.add(t.call("axis", '"equal"'))
    _title(p, t, _title_text(p, m.title, vocab.noun) if p.chance(0.6) else f"{vocab.noun} share")
    if legend_mode:
        handles = f"wedges, {labels}"
        kw2: dict[str, str | None] = {"title": _lit(vocab.noun)}
        if p.panel:
            kw2["loc"] = _lit(p.choice(("best", "lower left", "upper right")))
        else:
            kw2["loc"], kw2["bbox_to_anchor"] = '"center left"', p.choice(("(1, 0.5)", "(1, 0, 0.5, 1)", "(0.95, 0.5)"))
            p.feat("legend:outside", "legend:outside_right")
            p.needs_layout = True
        p.add(t.call("legend", handles, **kw2))
        p.feat("legend:center left" if not p.panel else "legend:" + kw2["loc"].strip('"'))


def _k_pie(p: _Program, t: _Target) -> None:
    _pie_common(p, t, donut=False)


def _k_donut(p: _Program, t: _Target) -> None:
    _pie_common(p, t, donut=True)


def _k_histogram(p: _Program, t: _Target) -> None:
    p.feat("hist")
    what = p.choice(
        (
            ("heights", "Height (cm)", 170, 9),
            ("scores", "Test score", 68, 12),
            ("wait_times", "Wait time (min)", 14, 5),
            ("response_ms", "Response time (ms)", 220, 45),
            ("ages", "Age (years)", 38, 11),
            ("weights", "Weight (g)", 250, 30),
        )
    )
    var, label, mu, sigma = what
    n_groups = 1 if p.chance(0.6) else 2
    groups = p.series_names(2, 2) if n_groups == 2 else []
    bins = p.choice(("10", "15", "20", "25", "30", '"auto"'))
    vars_ = []
    for g in range(n_groups):
        shift = g * sigma * p.rng.uniform(0.6, 1.5)
        name = var if n_groups == 1 else f"{var}_{_slug(groups[g])}"
        vars_.append(p.assign(name, p.normal(p.rng.randint(60, 160), mu + shift, sigma, 1)))
    density = p.chance(0.2)
    histtype = p.choice((None, None, '"stepfilled"', '"step"', '"bar"'))
    p.blank()
    if n_groups == 1:
        kw = {
            "bins": bins,
            "color": p.one_color(),
            "edgecolor": p.choice(('"white"', '"black"', None)),
            "alpha": p.choice(("0.8", "0.7", None)),
            "density": "True" if density else None,
            "histtype": histtype,
        }
        if histtype == '"step"':
            kw["edgecolor"] = None
            kw["linewidth"] = "2"
        p.add(t.call("hist", vars_[0], **kw))
        legend = 0
        if p.chance(0.4):
            np_ = p.np()
            p.add(
                t.call(
                    "axvline",
                    f"{np_}.mean({vars_[0]})",
                    color=_lit(p.choice(("red", "k", "black", "tab:red"))),
                    linestyle='"--"',
                    label=f'f"Mean: {{{np_}.mean({vars_[0]}):.1f}}"',
                )
            )
            p.feat("axvline")
            legend = 1
    else:
        cols = p.colors(2)
        for g in range(2):
            p.add(
                t.call(
                    "hist",
                    vars_[g],
                    bins=bins,
                    alpha="0.6",
                    label=_lit(groups[g]),
                    color=cols.item(g),
                    density="True" if density else None,
                    edgecolor=p.choice(('"white"', None)),
                )
            )
        legend = 2
    if density:
        p.feat("hist:density")
    _finish_axes(
        p,
        t,
        title=f"Distribution of {label.split(' (')[0].lower()}",
        xlabel=label,
        ylabel="Density" if density else p.choice(("Count", "Frequency", "Number of samples")),
        legend_entries=legend,
        grid_axis="y",
    )


def _groups(p: _Program) -> tuple[str, list[str], list[str], _Metric]:
    """Several samples (box/violin input) as named list literals; returns (noun, labels, var names)."""
    vocab, cats = p.categories(3, 5, p.choice([v for v in _CATEGORY_VOCABS if v.noun not in ("Month",)]))
    m = p.metric()
    span = m.hi - m.lo
    names = []
    for c in cats:
        mu = p.rng.uniform(m.lo + 0.25 * span, m.hi - 0.25 * span)
        names.append(p.assign(_slug(c), p.normal(p.rng.randint(15, 35), mu, span * p.rng.uniform(0.06, 0.15), 1)))
    return vocab.noun, cats, names, m


def _k_box(p: _Program, t: _Target) -> None:
    p.feat("boxplot")
    noun, cats, names, m = _groups(p)
    n = len(cats)
    data = p.name("data")
    p.add(f"{data} = [{', '.join(names)}]", "")
    patch = p.chance(0.6)
    kw = {
        "patch_artist": "True" if patch else None,
        "widths": p.choice(("0.5", "0.6", None)),
        "notch": "True" if p.chance(0.2) else None,
        "showfliers": "False" if p.chance(0.2) else None,
        "showmeans": "True" if p.chance(0.2) else None,
    }
    if patch:
        cols = p.colors(n, need_var=True)
        p.add(f"bp = {t.call('boxplot', data, **kw)}")
        if cols.var:
            p.add(f'for patch, color in zip(bp["boxes"], {cols.var}):', "    patch.set_facecolor(color)")
        else:
            p.add('for patch in bp["boxes"]:', f"    patch.set_facecolor({_lit(p.choice(_SINGLE_COLORS))})")
        if p.chance(0.5):
            p.add(
                'for median in bp["medians"]:', f"    median.set_color({_lit(p.choice(('black', 'white', 'darkred')))})"
            )
    else:
        p.add(t.call("boxplot", data, **kw))
    p.add(t.set("xticks", f"range(1, len({data}) + 1)", _lit(cats)))
    _finish_axes(
        p,
        t,
        title=_title_text(p, m.title, noun),
        xlabel=noun if p.chance(0.6) else None,
        ylabel=m.label,
        grid_axis="y",
        categorical_x=True,
    )


def _k_violin(p: _Program, t: _Target) -> None:
    p.feat("violinplot")
    noun, cats, names, m = _groups(p)
    n = len(cats)
    data = p.name("data")
    p.add(f"{data} = [{', '.join(names)}]", "")
    cols = p.colors(n, need_var=True)
    kw = {
        "showmeans": "True" if p.chance(0.4) else None,
        "showmedians": "True" if p.chance(0.6) else None,
        "showextrema": "False" if p.chance(0.2) else None,
        "widths": p.choice(("0.7", "0.8", None)),
    }
    p.add(f"parts = {t.call('violinplot', data, **kw)}")
    alpha = p.choice(("0.6", "0.7", "0.8"))
    if cols.var:
        p.add(f'for body, color in zip(parts["bodies"], {cols.var}):', "    body.set_facecolor(color)")
        p.add('    body.set_edgecolor("black")' if p.chance(0.5) else f"    body.set_alpha({alpha})")
    elif p.chance(0.6):
        p.add(
            'for body in parts["bodies"]:',
            f"    body.set_facecolor({_lit(p.choice(_SINGLE_COLORS))})",
            f"    body.set_alpha({alpha})",
        )
    p.add(t.set("xticks", f"range(1, {n + 1})", _lit(cats)))
    _finish_axes(
        p, t, title=_title_text(p, m.title, noun), xlabel=noun, ylabel=m.label, grid_axis="y", categorical_x=True
    )


def _k_errorbar(p: _Program, t: _Target) -> None:
    p.feat("errorbar")
    m = p.metric()
    variant = p.choice(("lines", "bars", "points"))
    span = m.hi - m.lo
    if variant == "bars":
        vocab, cats = p.categories(3, 6)
        c = p.assign(vocab.noun.lower() + "_labels", cats)
        means = p.assign("means", p.uniform(len(cats), m.lo + 0.2 * span, m.hi, m.dec or 1))
        errs = p.assign("errors", p.uniform(len(cats), 0.03 * span, 0.12 * span, 1))
        cols = p.colors(len(cats)) if p.chance(0.5) else None
        color = (cols.var or "[" + ", ".join(cols.items) + "]") if cols and cols.items else p.one_color()
        p.blank()
        p.add(
            t.call(
                "bar",
                c,
                means,
                yerr=errs,
                capsize=p.choice(("4", "5", "6")),
                color=color,
                ecolor=p.choice(('"black"', '"gray"', None)),
                alpha=p.choice(("0.85", None)),
            )
        )
        p.feat("bar", "errorbar:bar")
        _finish_axes(
            p,
            t,
            title=_title_text(p, m.title, vocab.noun),
            xlabel=vocab.noun,
            ylabel=m.label,
            grid_axis="y",
            categorical_x=True,
        )
        return
    xs = p.choice(
        ([1, 2, 3, 4, 5], [0, 5, 10, 20, 40], [10, 20, 30, 40, 50, 60], [1, 2, 4, 8, 16], [0.5, 1.0, 1.5, 2.0])
    )
    xlabel = p.choice(("Dose (mg)", "Concentration (uM)", "Week", "Batch size", "Temperature (°C)", "Load (kg)"))
    x = p.assign(_slug(xlabel.split(" (")[0]), xs)
    n = 1 if variant == "points" else p.rng.randint(1, 3)
    groups = p.series_names(max(n, 2), 3)[:n]
    cols = p.colors(n) if n > 1 else None
    p.blank()
    for i in range(n):
        y = p.assign(f"mean_{_slug(groups[i])}" if n > 1 else "mean", p.walk(len(xs), m.lo, m.hi, m.dec or 1, 0.6))
        e = p.assign(f"sd_{_slug(groups[i])}" if n > 1 else "sd", p.uniform(len(xs), 0.02 * span, 0.1 * span, 1))
        fmt = _lit(p.choice(("o-", "s--", "o", "^-", "-o", "D")))
        p.add(
            t.call(
                "errorbar",
                x,
                y,
                yerr=e,
                fmt=fmt,
                capsize=p.choice(("3", "4", "5", None)),
                label=_lit(groups[i]) if n > 1 else None,
                color=cols.item(i) if cols else p.one_color(),
                elinewidth=p.choice(("1", "1.5", None)),
            )
        )
    _finish_axes(
        p,
        t,
        title=f"{m.title} vs. {xlabel.split(' (')[0].lower()}",
        xlabel=xlabel,
        ylabel=m.label,
        legend_entries=n if n > 1 else 0,
    )


def _k_heatmap(p: _Program, t: _Target) -> None:
    p.feat("imshow", "heatmap", "colorbar")
    variant = p.choice(("grid", "grid", "corr"))
    if variant == "corr":
        names = p.rng.sample(
            ["Price", "Sales", "Ads", "Rating", "Returns", "Visits", "Stock", "Margin"], p.rng.randint(4, 6)
        )
        k = len(names)
        mat = [[1.0] * k for _ in range(k)]
        for i in range(k):
            for j in range(i + 1, k):
                mat[i][j] = mat[j][i] = _round(p.rng.uniform(-0.9, 0.9), 2)
        rows = cols = p.assign("variables", names)
        data = p.assign("corr", mat)
        cmap = p.choice(_DIVERGING_CMAPS)
        p.blank()
        p.add(f"im = {t.call('imshow', data, cmap=_lit(cmap), vmin='-1', vmax='1')}")
        clabel, fmt, thresh = "Correlation", ".2f", None
        title = p.choice(("Correlation matrix", "Feature correlations", "Pearson correlation"))
        n_rows = n_cols = k
    else:
        rvocab = p.choice(
            [v for v in _CATEGORY_VOCABS if v.noun in ("Day", "Region", "Store", "Team", "Product", "City")]
        )
        cvocab = p.choice([v for v in _CATEGORY_VOCABS if v.noun in ("Month", "Quarter")] + [None])
        _, rlabels = p.categories(3, 7, rvocab)
        if cvocab is None:
            start = p.choice((0, 6, 8))
            clabels = [f"{h}:00" for h in range(start, start + p.rng.randint(6, 10))]
            cnoun = "Hour"
        else:
            _, clabels = p.categories(4, 12, cvocab)
            cnoun = cvocab.noun
        m = p.metric()
        rows = p.assign(_slug(rvocab.noun) + "s", rlabels)
        cols = p.assign(_slug(cnoun) + "s", clabels)
        dec = min(m.dec, 1)
        mat = [p.walk(len(clabels), m.lo, m.hi, dec) for _ in rlabels]
        data = p.assign("data", mat)
        cmap = p.choice(_HEAT_CMAPS)
        p.blank()
        p.add(f"im = {t.call('imshow', data, cmap=_lit(cmap), aspect=p.choice((_lit('auto'), None)))}")
        clabel, fmt = m.label, ".0f" if dec == 0 or m.hi > 100 else ".1f"
        thresh = _round((m.lo + m.hi) / 2, 0)
        title = _title_text(p, m.title, f"{rvocab.noun.lower()} and {cnoun.lower()}")
        n_rows, n_cols = len(rlabels), len(clabels)
    p.feat(f"cmap:{cmap}")
    if p.chance(0.5):
        p.add(f"cbar = {t.colorbar('im')}", f"cbar.set_label({_lit(clabel)})")
    else:
        p.add(t.colorbar("im", label=_lit(clabel), shrink=p.choice(("0.8", None))))
    p.add(t.set("xticks", f"range(len({cols}))", cols), t.set("yticks", f"range(len({rows}))", rows))
    if n_rows * n_cols <= 60 and p.chance(0.55):
        p.add(f"for i in range(len({rows})):", f"    for j in range(len({cols})):")
        color = _lit(p.choice(("black", "w"))) if thresh is None else f'"white" if {data}[i][j] > {thresh} else "black"'
        cell = 'f"{' + f"{data}[i][j]:{fmt}" + '}"'
        size = p.choice(("8", "9", None))
        p.add("        " + t.call("text", "j", "i", cell, ha='"center"', va='"center"', color=color, fontsize=size))
        p.feat("annotated_cells", "text")
    _title(p, t, title)
    _rotate_ticks(p, t, force=n_cols > 6 and p.chance(0.6))


def _k_twin_axes(p: _Program, t: _Target) -> None:
    p.feat("twin_axes", "bar", "line")
    ax = t.name
    ax2 = p.name("ax2")
    pair = p.choice(
        (
            (_METRICS[9], _METRICS[8]),
            (_METRICS[1], _Metric("growth", "Growth (%)", -5, 25, 1)),
            (_METRICS[13], _Metric("avg_price", "Average price ($)", 20, 60, 2)),
            (_METRICS[2], _METRICS[4]),
            (_METRICS[0], _Metric("margin", "Margin (%)", 8, 30, 1)),
        )
    )
    m1, m2 = pair
    _, xs = p.categories(6, 12, _CATEGORY_VOCABS[-2]) if p.chance(0.6) else (None, list(map(str, range(2015, 2024))))
    x = p.assign("months" if xs[0] in MONTHS else "years", xs)
    a = p.assign(m1.var, p.walk(len(xs), m1.lo, m1.hi, m1.dec))
    b = p.assign(m2.var, p.walk(len(xs), m2.lo, m2.hi, m2.dec, 0.4))
    cols = p.colors(2)
    c1 = cols.item(0) or _lit(p.choice(("tab:blue", "steelblue", "#4C72B0")))
    c2 = cols.item(1) or _lit(p.choice(("tab:red", "darkorange", "#C44E52")))
    p.blank()
    p.add(t.call("bar", x, a, color=c1, alpha=p.choice(("0.7", "0.8", None)), label=_lit(m1.title)))
    p.add(t.set("ylabel", _lit(m1.label), color=c1))
    p.add(t.call("tick_params", axis='"y"', labelcolor=c1))
    p.add("", f"{ax2} = {ax}.twinx()")
    p.add(
        _call(
            f"{ax2}.plot", x, b, color=c2, marker=_lit(p.choice(("o", "s", "D"))), linewidth="2", label=_lit(m2.title)
        )
    )
    p.add(_call(f"{ax2}.set_ylabel", _lit(m2.label), color=c2), _call(f"{ax2}.tick_params", axis='"y"', labelcolor=c2))
    if p.chance(0.3):
        p.add(_call(f"{ax2}.set_ylim", "0"))
    p.blank()
    _title(p, t, f"{m1.title} and {m2.title.lower()}")
    if p.chance(0.6):
        r = p.rng.random()
        if r < 0.6:
            p.add(f"h1, l1 = {ax}.get_legend_handles_labels()", f"h2, l2 = {ax2}.get_legend_handles_labels()")
            loc = p.choice(_LEGEND_LOCS)
            p.add(_call(f"{ax}.legend", "h1 + h2", "l1 + l2", loc=_lit(loc)))
            p.feat(f"legend:{loc}")
        else:
            p.add(_call(f"{ax}.legend", loc='"upper left"'), _call(f"{ax2}.legend", loc='"upper right"'))
            p.feat("legend:upper left", "legend:upper right")
    _rotate_ticks(p, t, force=len(xs) > 8 and p.chance(0.5))
    if p.chance(0.4):
        p.add(t.call("grid", axis='"y"', alpha="0.3"))
        p.feat("grid:y")


def _k_log_scale(p: _Program, t: _Target) -> None:
    p.feat("log_scale")
    variant = p.choice(("growth", "loglog", "logx"))
    if variant == "growth":
        start = p.rng.randint(2000, 2012)
        xs = list(range(start, start + p.rng.randint(8, 13)))
        x = p.assign("years", xs)
        names = p.choice(
            (["Product A", "Product B", "Product C"], ["Asia", "Europe", "Americas"], ["iOS", "Android", "Web"])
        )
        n = p.rng.randint(1, 3)
        cols = p.colors(n)
        p.blank()
        for i in range(n):
            v, rate = p.rng.uniform(1, 50), p.rng.uniform(1.3, 2.2)
            vals = []
            for _ in xs:
                vals.append(_round(v, 1))
                v *= rate * p.rng.uniform(0.85, 1.15)
            y = p.assign(f"users_{_slug(names[i])}" if n > 1 else "users", vals)
            p.add(
                t.call(
                    "plot",
                    x,
                    y,
                    label=_lit(names[i]) if n > 1 else None,
                    color=cols.item(i) if n > 1 else p.one_color(),
                    marker=_lit(p.choice(("o", "s", "."))) if p.chance(0.5) else None,
                )
            )
        p.add(t.set("yscale", '"log"'))
        p.feat("log_scale:y")
        _finish_axes(
            p,
            t,
            title=p.choice(("User growth (log scale)", "Exponential growth", "Users over time")),
            xlabel="Year",
            ylabel="Users (log scale)" if p.chance(0.5) else "Users",
            legend_entries=n if n > 1 else 0,
            grid=False,
        )
    elif variant == "loglog":
        sizes = [10**k for k in range(1, p.rng.randint(5, 8))]
        x = p.assign("n", sizes)
        algos = p.choice((["Quicksort", "Bubble sort"], ["Naive", "Optimized", "Cached"], ["CPU", "GPU"]))
        cols = p.colors(len(algos))
        p.blank()
        for i, a in enumerate(algos):
            exp = p.choice((1.0, 1.2, 2.0, 1.5))
            c = p.rng.uniform(1e-6, 1e-4)
            vals = [float(f"{c * s**exp * p.rng.uniform(0.8, 1.2):.3g}") for s in sizes]
            y = p.assign(f"time_{_slug(a)}", vals)
            p.add(t.call("loglog", x, y, _lit(p.choice(("o-", "s-", "^--"))), label=_lit(a), color=cols.item(i)))
        p.feat("log_scale:both", "loglog")
        _finish_axes(
            p, t, title="Runtime scaling", xlabel="Input size", ylabel="Time (s)", legend_entries=len(algos), grid=False
        )
        p.add(t.call("grid", "True", which='"both"', linestyle='"--"', alpha="0.4"))
        p.feat("grid:both")
    else:
        xv, xl, _, yv, yl, (y0, y1), _ = _SCATTER_PAIRS[5]
        k = p.rng.randint(20, 40)
        xs = [_round(10 ** p.rng.uniform(0, 2), 1) for _ in range(k)]
        xn = p.assign(xv, xs)
        yn = p.assign(yv, [_round(y0 + (y1 - y0) * (0.2 + 0.35 * math.log10(v)) + p.rng.gauss(0, 2), 1) for v in xs])
        p.blank()
        p.add(t.call("scatter", xn, yn, color=p.one_color(), alpha="0.7"))
        p.add(t.set("xscale", '"log"'))
        p.feat("log_scale:x", "scatter")
        _finish_axes(p, t, title="Life expectancy vs. GDP", xlabel=xl + " (log)" if p.chance(0.3) else xl, ylabel=yl)


def _k_annotated(p: _Program, t: _Target) -> None:
    p.feat("annotate")
    m = p.metric()
    _, months = p.categories(8, 12, _CATEGORY_VOCABS[-2])
    x = p.name("x")
    labels = p.assign("months", months)
    y = p.assign(m.var, p.walk(len(months), m.lo, m.hi, m.dec, 0.3))
    p.add(f"{x} = list(range(len({labels})))", "")
    bar = p.chance(0.35)
    color = p.one_color() or _lit(p.choice(_SINGLE_COLORS))
    if bar:
        p.add(t.call("bar", x, y, color=color, label=_lit(m.title)))
        p.feat("bar")
    else:
        p.add(t.call("plot", x, y, marker='"o"', color=color, label=_lit(m.title)))
        p.feat("line")
    legend = 1
    # A few of the annotation idioms people reach for, in random combinations.
    if p.chance(0.8):
        _annotate_peak(p, t, x, y)
    if p.chance(0.5):
        target = _round(p.rng.uniform(m.lo, m.hi), 0)
        p.add(
            t.call(
                "axhline",
                str(target),
                color=_lit(p.choice(("red", "gray", "black", "tab:red"))),
                linestyle='"--"',
                linewidth="1",
                label=_lit(p.choice(("Target", "Average", "Goal", "Threshold"))),
            )
        )
        p.feat("axhline")
        legend += 1
    if p.chance(0.4):
        a = p.rng.randint(0, len(months) - 3)
        p.add(
            t.call(
                "axvspan", str(a - 0.5), str(a + 1.5), color=_lit(p.choice(("gray", "orange", "yellow"))), alpha="0.15"
            )
        )
        p.feat("axvspan")
    if p.chance(0.6):
        note = p.choice(
            (
                "Source: internal data",
                "Preliminary figures",
                f"Total: {sum(p.rng.sample(range(50, 900), 3))}",
                "Data as of Q3",
                "n = 1,204 respondents",
            )
        )
        box = p.choice(
            (None, 'dict(boxstyle="round", facecolor="wheat", alpha=0.5)', 'dict(facecolor="white", alpha=0.8)')
        )
        p.add(
            t.call(
                "text",
                p.choice(("0.02", "0.05")),
                p.choice(("0.95", "0.92")),
                _lit(note),
                transform=f"{t.axes}.transAxes",
                va='"top"',
                fontsize=p.choice(("9", "10", None)),
                bbox=box,
            )
        )
        p.feat("text", "text:transAxes")
    if p.chance(0.4):
        low = p.name("low")
        p.add(f"{low} = {y}.index(min({y}))")
        p.add(
            t.call(
                "annotate",
                _lit(p.choice(("Low", "Dip", "Minimum"))),
                xy=f"({x}[{low}], {y}[{low}])",
                xytext=f"({x}[{low}] + 0.5, {y}[{low}] - {_round((m.hi - m.lo) * 0.1, 1)})",
                arrowprops='dict(arrowstyle="->")',
            )
        )
    p.add(t.set("xticks", x, labels))
    _finish_axes(
        p,
        t,
        title=_title_text(p, m.title),
        xlabel="Month" if p.chance(0.5) else None,
        ylabel=m.label,
        legend_entries=legend if p.chance(0.7) else 0,
        categorical_x=True,
    )


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
