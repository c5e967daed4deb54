"""Chart kinds that vary the axes: twin axes, log scales, and annotated charts."""

from __future__ import annotations

import math

from verm.corpus.charts.bars_lines import (
    _annotate_peak,
)
from verm.corpus.charts.program import (
    _CATEGORY_VOCABS,
    _LEGEND_LOCS,
    _METRICS,
    _SCATTER_PAIRS,
    _SINGLE_COLORS,
    MONTHS,
    _call,
    _finish_axes,
    _lit,
    _Metric,
    _Program,
    _rotate_ticks,
    _round,
    _slug,
    _Target,
    _title,
    _title_text,
)


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
