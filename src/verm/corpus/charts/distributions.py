"""Chart kinds that show parts and distributions: pies and donuts, histograms, boxes, violins, errorbars
and heatmaps."""

from __future__ import annotations

from verm.corpus.charts.program import (
    _CATEGORY_VOCABS,
    _DIVERGING_CMAPS,
    _HEAT_CMAPS,
    _SINGLE_COLORS,
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
