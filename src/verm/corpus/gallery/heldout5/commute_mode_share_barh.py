# Share of commute modes by city as 100% stacked horizontal bars with percentage labels inside each segment
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")

cities = ["Amsterdam", "Copenhagen", "Berlin", "Paris", "London", "Madrid", "Houston"]
modes = ["Car", "Public transport", "Bicycle", "Walking"]
shares = np.array(
    [
        [22, 19, 38, 21],
        [25, 21, 41, 13],
        [26, 27, 18, 29],
        [13, 43, 6, 38],
        [30, 45, 4, 21],
        [29, 42, 1, 28],
        [86, 4, 1, 9],
    ],
    dtype=float,
)
shares = shares / shares.sum(axis=1, keepdims=True) * 100
colors = ["#d1495b", "#edae49", "#00798c", "#66a182"]

fig, ax = plt.subplots(figsize=(9, 4.8))
left = np.zeros(len(cities))
for j, (mode, color) in enumerate(zip(modes, colors)):
    bars = ax.barh(cities, shares[:, j], left=left, color=color, label=mode, edgecolor="white", height=0.7)
    labels = [f"{v:.0f}%" if v >= 6 else "" for v in shares[:, j]]
    ax.bar_label(bars, labels=labels, label_type="center", color="white", fontsize=9, fontweight="bold")
    left += shares[:, j]

ax.invert_yaxis()
ax.set_xlim(0, 100)
ax.xaxis.set_major_formatter(lambda x, pos: f"{x:.0f}%")
ax.set_xlabel("Share of trips to work")
ax.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
ax.set_title("How people get to work", pad=30, loc="left", fontsize=13)
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
ax.tick_params(axis="y", length=0)
fig.tight_layout()
plt.show()
