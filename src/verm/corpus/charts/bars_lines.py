"""Chart kinds on x/y axes: grouped, stacked and horizontal bars, lines, scatter, areas and stackplots."""

from __future__ import annotations

from verm.corpus.charts.program import (
    _CATEGORY_VOCABS,
    _SCATTER_PAIRS,
    _SEQ_CMAPS,
    _SINGLE_COLORS,
    _finish_axes,
    _lit,
    _Program,
    _round,
    _slug,
    _Target,
    _title_text,
)


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
