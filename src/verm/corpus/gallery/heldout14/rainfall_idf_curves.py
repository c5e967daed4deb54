# Rainfall intensity-duration-frequency (IDF) curves for six return periods on log-log axes, with a storm event overlaid and a design-point call-out
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

plt.rcParams.update({"font.family": "DejaVu Sans", "axes.grid": True, "grid.color": "0.85", "axes.edgecolor": "0.3"})
rng = np.random.default_rng(1413)

dur = np.logspace(np.log10(5), np.log10(1440), 200)  # minutes
periods = [2, 5, 10, 25, 50, 100]
cmap = plt.get_cmap("YlGnBu")


def idf(d, T):
    a = 1100 * T**0.19
    return a / (d + 12) ** 0.78


fig, ax = plt.subplots(figsize=(9, 6.2))
for i, T in enumerate(periods):
    col = cmap(0.3 + 0.7 * i / (len(periods) - 1))
    ax.plot(dur, idf(dur, T), color=col, lw=2.2)
    ax.text(1500, idf(1440, T), f"{T}-yr", va="center", fontsize=9, color=col, fontweight="bold")
    obs_d = np.array([5, 10, 15, 30, 60, 120, 360, 720, 1440])
    ax.plot(obs_d, idf(obs_d, T) * np.exp(rng.normal(0, 0.05, obs_d.size)), "o", ms=3.5, color=col, mec="0.2", mew=0.4)

ev_d = np.array([5, 10, 15, 30, 60, 120, 360, 720, 1440])
ev = idf(ev_d, 35) * np.array([0.7, 0.85, 1.0, 1.15, 1.2, 1.05, 0.8, 0.65, 0.55])
ax.plot(ev_d, ev, "k--", marker="D", ms=5, lw=1.2, label="storm of 14 Aug (max running means)")
ax.fill_between(dur, idf(dur, 10), idf(dur, 100), color="tab:blue", alpha=0.06)

tc = 45
ax.axvline(tc, color="firebrick", lw=1, ls=":")
ax.plot(tc, idf(tc, 25), "o", ms=10, mfc="none", mec="firebrick", mew=2)
ax.annotate(
    f"design storm: $t_c$ = {tc} min, 25-yr\ni = {idf(tc, 25):.0f} mm/h",
    xy=(tc, idf(tc, 25)),
    xytext=(110, 140),
    arrowprops=dict(arrowstyle="->", color="firebrick", connectionstyle="angle3,angleA=0,angleB=90"),
    color="firebrick",
    bbox=dict(boxstyle="round", fc="white", ec="firebrick"),
)
ax.set_xscale("log")
ax.set_yscale("log")
ticks = [5, 10, 30, 60, 120, 360, 720, 1440]
ax.xaxis.set_major_locator(FixedLocator(ticks))
ax.xaxis.set_minor_formatter(NullFormatter())
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f} min" if v < 60 else f"{v / 60:.0f} h"))
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
ax.set_xlim(5, 1440)
ax.set_ylim(3, 400)
ax.set_xlabel("Duration")
ax.set_ylabel("Rainfall intensity (mm/h)")
ax.set_title("IDF curves, city raingauge 1961-2020 (Gumbel fit)", loc="left", fontsize=13)
ax.legend(loc="lower left")
fig.subplots_adjust(right=0.9)
