# Dashboard of three semicircular gauges (CPU, memory, disk) built from Wedge patches with needles and readouts.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Wedge

plt.style.use("dark_background")

gauges = [("CPU load", 72, "%"), ("Memory", 41, "%"), ("Disk I/O", 93, "%")]
bands = [(0, 60, "#2ca02c"), (60, 85, "#ffbf00"), (85, 100, "#d62728")]

fig, axes = plt.subplots(1, 3, figsize=(11, 4))
for ax, (name, value, unit) in zip(axes, gauges):
    for lo, hi, col in bands:
        a1 = 180 - hi * 1.8
        a2 = 180 - lo * 1.8
        ax.add_patch(Wedge((0, 0), 1.0, a1, a2, width=0.28, facecolor=col, edgecolor="black", lw=1.5))
    for tick in range(0, 101, 20):
        ang = np.deg2rad(180 - tick * 1.8)
        ax.plot([0.66 * np.cos(ang), 0.7 * np.cos(ang)], [0.66 * np.sin(ang), 0.7 * np.sin(ang)], color="0.8", lw=1)
        ax.text(0.57 * np.cos(ang), 0.57 * np.sin(ang), str(tick), ha="center", va="center", fontsize=8, color="0.8")
    ang = np.deg2rad(180 - value * 1.8)
    ax.annotate(
        "",
        xy=(0.85 * np.cos(ang), 0.85 * np.sin(ang)),
        xytext=(0, 0),
        arrowprops=dict(arrowstyle="wedge,tail_width=0.5", color="white", shrinkA=0, shrinkB=0),
    )
    ax.add_patch(Circle((0, 0), 0.06, color="white", zorder=3))
    ax.text(0, -0.22, f"{value}{unit}", ha="center", va="center", fontsize=22, fontweight="bold")
    ax.text(0, -0.45, name, ha="center", va="center", fontsize=12, color="0.75")
    ax.set_xlim(-1.1, 1.1)
    ax.set_ylim(-0.6, 1.1)
    ax.set_aspect("equal")
    ax.axis("off")
fig.suptitle("prod-db-03 · live health", fontsize=15, x=0.02, ha="left")
fig.subplots_adjust(left=0.02, right=0.98, top=0.86, bottom=0.02, wspace=0.05)
