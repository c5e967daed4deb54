# Bullet charts of five quarterly KPIs against targets, each with poor/ok/good qualitative bands, an actual bar and a target tick
import matplotlib.pyplot as plt

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

kpis = [
    ("Revenue", "USD k", 270, 250, [150, 225, 300]),
    ("Profit", "%", 22.5, 27, [20, 25, 30]),
    ("Avg order", "USD", 330, 550, [350, 500, 600]),
    ("New customers", "count", 1650, 2100, [1400, 2000, 2500]),
    ("Satisfaction", "score 1-5", 4.4, 4.2, [3.5, 4.25, 5]),
]

fig, axes = plt.subplots(len(kpis), 1, figsize=(8, 5.5))
band_colors = ["#bdbdbd", "#d9d9d9", "#f0f0f0"]
for ax, (name, unit, actual, target, bands) in zip(axes, kpis):
    left = 0
    for edge, c in zip(bands, band_colors):
        ax.barh(0, edge - left, left=left, height=1, color=c, edgecolor="none")
        left = edge
    hit = actual >= target
    ax.barh(0, actual, height=0.36, color="#08519c" if hit else "#cb181d")
    ax.vlines(target, -0.32, 0.32, color="black", lw=2.5)
    ax.set_xlim(0, bands[-1])
    ax.set_ylim(-0.5, 0.5)
    ax.set_yticks([])
    ax.text(-0.015, 0.1, name, transform=ax.transAxes, ha="right", va="center", fontweight="bold", fontsize=10)
    ax.text(-0.015, -0.25, unit, transform=ax.transAxes, ha="right", va="center", color="0.4", fontsize=8)
    ax.text(
        1.015,
        0,
        f"{actual:g}\n{'on' if hit else 'below'} target",
        transform=ax.transAxes,
        va="center",
        fontsize=8,
        color="#08519c" if hit else "#cb181d",
    )
    for s in ax.spines.values():
        s.set_visible(False)
    ax.tick_params(axis="x", length=3, labelsize=8)

fig.suptitle("Q3 scorecard: actual (bar) vs target (tick)", x=0.02, ha="left", fontsize=12, fontweight="bold")
plt.subplots_adjust(left=0.2, right=0.86, hspace=0.9, top=0.9, bottom=0.06)
