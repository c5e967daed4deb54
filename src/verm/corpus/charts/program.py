"""The generator's building blocks: vocabularies, code-writing helpers, the program being written, and
the decorations every chart kind shares (titles, labels, ticks, grids, spines, legends)."""

from __future__ import annotations

import keyword
import logging
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

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
# Kinds that make sense as one panel of a subplot grid: all but the two that are layouts of their own.
_PANEL_KINDS = tuple(k for k in CHART_KINDS if k not in ("subplots", "twin_axes"))


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
