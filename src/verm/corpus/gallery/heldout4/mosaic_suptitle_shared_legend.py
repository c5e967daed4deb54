# Subplot mosaic of four city air-quality panels (daily PM2.5 for three pollutant sources plus a wide weekly summary) with suptitle, supxlabel, supylabel and one shared legend
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-poster")
plt.rcParams.update(
    {
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.labelsize": 11,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "lines.linewidth": 1.6,
        "legend.fontsize": 11,
    }
)

rng = np.random.default_rng(4124)
days = np.arange(1, 92)
cities = {"A": "Delhi", "B": "Krakow", "C": "Santiago", "D": "Lagos"}
levels = {"Delhi": (90, 40, 25), "Krakow": (20, 35, 8), "Santiago": (28, 12, 10), "Lagos": (30, 10, 40)}
sources = ["traffic", "heating", "dust"]
colors = ["#1b9e77", "#d95f02", "#7570b3"]

fig, axd = plt.subplot_mosaic(
    [["A", "B"], ["C", "D"], ["E", "E"]],
    figsize=(15, 11),
    layout="constrained",
    sharex=False,
    height_ratios=[1, 1, 0.9],
)
weekly = {}
for key, city in cities.items():
    ax = axd[key]
    total = 0
    for src, base, color in zip(sources, levels[city], colors):
        season = 1 + (0.5 if src == "heating" else 0.1) * np.cos(days / 91 * np.pi)
        series = base * season * rng.lognormal(0, 0.25, days.size)
        series = np.convolve(series, np.ones(3) / 3, mode="same")
        ax.plot(days, series, color=color, label=src)
        total = total + series
    ax.fill_between(days, 0, total, color="0.85", zorder=0, label="total")
    ax.axhline(15, color="black", ls="--", lw=1, label="WHO 24-h guideline")
    ax.set_title(city, loc="left")
    ax.set_xlim(1, 91)
    ax.set_ylim(0, None)
    weekly[city] = total[: 13 * 7].reshape(13, 7).mean(axis=1)

ax = axd["E"]
weeks = np.arange(1, 14)
last = {city: w[-1] for city, w in weekly.items()}
for (city, w), marker in zip(weekly.items(), "osD^"):
    ax.plot(weeks, w, marker=marker, color="0.3", lw=1, ms=7, mfc="white", mec="0.3", mew=1.2)
    nudge = 7 if last[city] == max(v for v in last.values() if abs(v - last[city]) < 8) else -7
    nudge = nudge if sum(abs(v - last[city]) < 8 for v in last.values()) > 1 else 0
    ax.annotate(city, xy=(13, w[-1]), xytext=(8, nudge), textcoords="offset points", va="center", fontsize=10)
ax.set_yscale("log")
ax.set_yticks([30, 50, 100, 200, 300], ["30", "50", "100", "200", "300"])
ax.minorticks_off()
ax.set_xticks(weeks, [f"W{w}" for w in weeks])
ax.set_xlim(0.5, 14.2)
ax.set_title("Weekly mean of the total (log scale)", loc="left")

handles, labels = axd["A"].get_legend_handles_labels()
fig.legend(handles, labels, loc="outside right upper", ncols=1, frameon=False, title="source")
fig.suptitle("PM2.5 by source, winter quarter", fontweight="bold", fontsize=17)
fig.supxlabel("day of quarter (top panels) / week (bottom panel)", fontsize=11)
fig.supylabel("PM2.5 (\u00b5g/m\u00b3)", fontsize=12)
