# Paleoclimate stack of ice-core proxies (δ18O, CO2, CH4, dust) on a shared age axis with alternating y axes
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(420)
age = np.linspace(0, 420, 1400)  # ka BP
cycle = (
    np.sin(2 * np.pi * age / 100) + 0.45 * np.sin(2 * np.pi * age / 41 + 1) + 0.25 * np.sin(2 * np.pi * age / 23 + 2)
)
warm = (cycle - cycle.min()) / (cycle.max() - cycle.min())
proxies = [
    ("δ¹⁸O (‰)", -44 + 7 * warm + rng.normal(0, 0.35, age.size), "#1f77b4"),
    ("CO₂ (ppmv)", 185 + 100 * warm + rng.normal(0, 4, age.size), "#2ca02c"),
    ("CH₄ (ppbv)", 350 + 380 * warm**1.5 + rng.normal(0, 15, age.size), "#d62728"),
    ("Dust (ppm)", np.exp(3 - 3.2 * warm + rng.normal(0, 0.25, age.size)), "#8c564b"),
]

plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 9, "xtick.direction": "in", "ytick.direction": "in"})
fig, axes = plt.subplots(len(proxies), 1, figsize=(8, 8), sharex=True)
fig.subplots_adjust(hspace=-0.25, left=0.12, right=0.88, top=0.93, bottom=0.08)
for i, (ax, (label, y, col)) in enumerate(zip(axes, proxies)):
    ax.plot(age, y, color=col, lw=0.9)
    ax.patch.set_alpha(0)
    side = "left" if i % 2 == 0 else "right"
    other = "right" if side == "left" else "left"
    ax.spines[other].set_visible(False)
    ax.spines["top"].set_visible(False)
    if i < len(proxies) - 1:
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="x", bottom=False)
    ax.yaxis.set_label_position(side)
    ax.yaxis.tick_right() if side == "right" else ax.yaxis.tick_left()
    ax.spines[side].set_color(col)
    ax.tick_params(axis="y", colors=col)
    ax.set_ylabel(label, color=col)
    if label.startswith("Dust"):
        ax.set_yscale("log")
        ax.invert_yaxis()
for t in (0, 125, 240, 330, 410):
    axes[0].text(t, -36.2, "interglacial" if t == 125 else "", fontsize=7, ha="center", style="italic")
    for ax in axes:
        ax.axvspan(t - 6, t + 6, color="#fde9b5", alpha=0.6, lw=0)
axes[-1].set_xlim(420, 0)
axes[-1].set_xlabel("Age (thousand years before present)")
fig.suptitle("Four glacial cycles in an Antarctic ice core (synthetic reconstruction)", fontsize=11)
