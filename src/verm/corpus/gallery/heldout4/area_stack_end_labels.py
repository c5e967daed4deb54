# Stacked area chart of a regional electricity mix 2000-2024 (TWh by source) with each source labelled at the right end of its band
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-colorblind")

years = np.arange(2000, 2025)
t = (years - 2000) / 24.0
rng = np.random.default_rng(4101)

coal = 310 - 190 * t**1.3 + rng.normal(0, 6, years.size)
gas = 120 + 90 * np.sin(np.pi * t * 0.9) + rng.normal(0, 5, years.size)
nuclear = 150 - 25 * t + rng.normal(0, 3, years.size)
hydro = 60 + 6 * np.sin(years * 0.8) + rng.normal(0, 2, years.size)
wind = 2 + 160 * t**2.2 + rng.normal(0, 3, years.size).clip(0)
solar = 0.5 + 95 * t**3.1
sources = {"Coal": coal, "Gas": gas, "Nuclear": nuclear, "Hydro": hydro, "Wind": wind, "Solar": solar}
stack = np.vstack([np.clip(v, 0, None) for v in sources.values()])

fig, ax = plt.subplots(figsize=(9, 5.2), layout="constrained")
colors = ["#4d4d4d", "#e08214", "#8073ac", "#2166ac", "#5aae61", "#fdb863"]
ax.stackplot(years, stack, colors=colors, alpha=0.9, edgecolor="white", linewidth=0.6)

tops = np.cumsum(stack[:, -1])
bottoms = tops - stack[:, -1]
for name, color, lo, hi in zip(sources, colors, bottoms, tops):
    share = (hi - lo) / tops[-1] * 100
    ax.text(
        years[-1] + 0.4,
        (lo + hi) / 2,
        f"{name}  {share:.0f}%",
        va="center",
        ha="left",
        color=color,
        fontsize=10,
        fontweight="bold",
    )

ax.plot(years, stack.sum(axis=0), color="black", lw=1.2, ls="--")
ax.annotate(
    "total demand",
    xy=(2006, stack.sum(axis=0)[6]),
    xytext=(2002, 820),
    arrowprops=dict(arrowstyle="-", color="black", lw=0.8),
    fontsize=9,
)
ax.set_xlim(2000, 2024)
ax.set_ylim(0, 900)
ax.set_ylabel("Generation (TWh)")
ax.set_title("Electricity generation by source", loc="left", fontsize=13, fontweight="bold")
ax.spines[["top", "right"]].set_visible(False)
ax.margins(x=0)
ax.set_xticks(np.arange(2000, 2025, 4))
plt.setp(ax.get_xticklabels(), fontsize=9)
ax.text(
    1.0,
    -0.1,
    "Synthetic data, regional grid operator style",
    transform=ax.transAxes,
    ha="right",
    fontsize=8,
    color="0.4",
)
