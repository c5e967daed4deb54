# Parliament hemicycle: 349 seats of a national assembly coloured by party, with a seat-count legend.
import matplotlib.pyplot as plt
import numpy as np

parties = ["Left", "Greens", "Social Dem.", "Centre", "Liberal", "Christian Dem.", "Conservative", "Nationalist"]
seats = [24, 18, 107, 24, 16, 19, 70, 71]
colors = ["#b00000", "#3c9a3c", "#e8112d", "#009933", "#6ab2e7", "#231977", "#52bdec", "#dddd00"]

total = sum(seats)
rows = 12
radii = np.linspace(1.0, 2.2, rows)
per_row = np.round(radii / radii.sum() * total).astype(int)
per_row[-1] += total - per_row.sum()

points = []
for r, n in zip(radii, per_row):
    theta = np.linspace(np.pi, 0, n)
    for t in theta:
        points.append((t, r * np.cos(t), r * np.sin(t)))
points.sort(key=lambda p: (-p[0], p[1]))
xy = np.array([(x, y) for _, x, y in points])

seat_colors = np.repeat(np.arange(len(parties)), seats)
fig, ax = plt.subplots(figsize=(9, 5.2))
for i, (name, n, c) in enumerate(zip(parties, seats, colors)):
    sel = seat_colors == i
    ax.scatter(xy[sel, 0], xy[sel, 1], s=42, color=c, edgecolor="0.3", linewidth=0.4, label=f"{name} ({n})")

majority = total // 2 + 1
ax.text(0, 0.25, f"{total}", ha="center", va="bottom", fontsize=30, fontweight="bold")
ax.text(0, 0.12, f"seats · majority {majority}", ha="center", va="top", fontsize=11, color="0.35")
ax.plot([0, 0], [0.95, 2.3], ls=":", color="0.4", lw=1)
ax.set_aspect("equal")
ax.set_xlim(-2.4, 2.4)
ax.set_ylim(-0.1, 2.4)
ax.axis("off")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=4, frameon=False, fontsize=9, handletextpad=0.2)
ax.set_title("Riksdag election result, seats by party", fontsize=14, loc="left")
fig.tight_layout()
