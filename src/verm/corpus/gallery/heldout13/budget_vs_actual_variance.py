# Monthly budget-versus-actual revenue chart in a business-reporting style: actual bars over hollow plan bars, absolute variance bars and percent variance pins.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.spines.left": False,
    }
)

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
plan = np.array([410, 395, 450, 470, 480, 505, 490, 470, 520, 540, 585, 640], dtype=float)
rng = np.random.default_rng(303)
actual = plan * (1 + rng.normal(0.01, 0.055, 12))
actual[[3, 7]] *= [0.9, 0.93]
actual[9:] = np.nan
fc = plan * (1 + np.array([0] * 9 + [0.02, -0.01, 0.03]))
var = np.where(np.isnan(actual), fc, actual) - plan
pct = var / plan * 100
x = np.arange(12)

fig, axs = plt.subplots(
    3, 1, figsize=(10, 7.2), sharex=True, gridspec_kw={"height_ratios": [1, 1.1, 2.6], "hspace": 0.15}
)
pin, dv, main = axs
good, bad = "#8bc34a", "#e53935"
for i in x:
    c = good if pct[i] >= 0 else bad
    pin.plot([i, i], [0, pct[i]], color="0.25", lw=1.2)
    pin.plot(i, pct[i], "s", ms=7, color=c, mfc=c if i < 9 else "white", mec=c)
    pin.text(
        i,
        pct[i] + (1.5 if pct[i] >= 0 else -1.5),
        f"{pct[i]:+.1f}%",
        ha="center",
        va="bottom" if pct[i] >= 0 else "top",
        fontsize=7,
    )
pin.axhline(0, color="black", lw=1)
pin.set_ylim(-16, 14)
pin.set_yticks([])
pin.set_ylabel("ΔPL %", rotation=0, ha="right", va="center")
cols = [(good if v >= 0 else bad) for v in var]
bars = dv.bar(
    x,
    var,
    width=0.62,
    color=cols,
    hatch=[None] * 9 + ["////"] * 3,
    edgecolor=[(c if i >= 9 else "none") for i, c in enumerate(cols)],
)
for b in bars[9:]:
    b.set_facecolor("white")
dv.bar_label(bars, labels=[f"{v:+.0f}" for v in var], fontsize=7, padding=2)
dv.axhline(0, color="black", lw=1)
dv.set_yticks([])
dv.set_ylim(-70, 55)
dv.set_ylabel("ΔPL", rotation=0, ha="right", va="center")

main.bar(x + 0.12, plan, width=0.6, facecolor="white", edgecolor="0.3", lw=1, label="PL (plan)")
main.bar(x[:9] - 0.06, actual[:9], width=0.6, color="#404040", label="AC (actual)")
main.bar(x[9:] - 0.06, fc[9:], width=0.6, color="white", edgecolor="#404040", hatch="////", label="FC (forecast)")
for i in x:
    v = actual[i] if i < 9 else fc[i]
    main.text(i - 0.06, v + 8, f"{v:.0f}", ha="center", fontsize=7.5)
main.axhline(0, color="black", lw=1)
main.set_yticks([])
main.set_xticks(x, months)
main.tick_params(axis="x", length=0)
main.legend(loc="upper left", ncol=3, frameon=False, fontsize=8)
main.set_ylim(0, 760)
ytd_ac, ytd_pl = np.nansum(actual[:9]), plan[:9].sum()
fig.text(0.02, 0.97, "Alpine Outdoor GmbH", fontsize=11, fontweight="bold")
fig.text(
    0.02,
    0.945,
    "Net revenue in kEUR, FY2025  |  YTD Sep: AC "
    + f"{ytd_ac:,.0f} vs PL {ytd_pl:,.0f} ({(ytd_ac / ytd_pl - 1) * 100:+.1f}%)",
    fontsize=9,
)
fig.subplots_adjust(left=0.08, right=0.98, top=0.9, bottom=0.06)
