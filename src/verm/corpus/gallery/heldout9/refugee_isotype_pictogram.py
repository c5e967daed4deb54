# Isotype pictogram: each person marker stands for 100,000 displaced people, by region of origin
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.path import Path

head = Path.circle((0, 0.62), 0.22)
body = Path(
    [(-0.3, 0.3), (0.3, 0.3), (0.22, -0.6), (-0.22, -0.6), (-0.3, 0.3)],
    [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY],
)
person = Path.make_compound_path(head, body)

regions = ["Syria", "Ukraine", "Afghanistan", "South Sudan", "Myanmar", "DR Congo"]
counts = np.array([6.5, 5.9, 5.7, 2.3, 1.3, 1.0]) * 10  # hundreds of thousands
colors = ["#c1121f", "#fdc500", "#669bbc", "#386641", "#bc6c25", "#6a4c93"]
per_row = 20

with plt.style.context("fast"):
    fig, ax = plt.subplots(figsize=(10, 5.5))
    row = 0
    for name, n, col in zip(regions, counts, colors):
        full = int(n)
        rows_needed = int(np.ceil(n / per_row))
        for k in range(full):
            r, cidx = divmod(k, per_row)
            ax.scatter(cidx, -(row + r), marker=person, s=180, color=col, lw=0)
        ax.text(-1.2, -row, name, ha="right", va="center", fontsize=10, fontweight="bold")
        ax.text(-1.2, -row - 0.45, f"{n / 10:.1f} M", ha="right", va="center", fontsize=8, color="0.35")
        row += rows_needed + 0.6
    ax.scatter(14, 1.4, marker=person, s=180, color="0.4")
    ax.text(14.5, 1.4, "= 100,000 people", va="center", fontsize=9)
    ax.set_xlim(-6, per_row)
    ax.set_ylim(-row + 0.3, 2.1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Refugees under UNHCR mandate by country of origin, mid-2023", loc="left", fontsize=13)
    fig.text(0.02, 0.02, "Figures rounded; one marker per 100,000 people", fontsize=7, color="0.45")
    fig.tight_layout()
