# Waterfall chart bridging last year's operating profit to this year's, with signed value labels and connector lines.
import matplotlib.pyplot as plt
import numpy as np

steps = [
    ("FY22 profit", 48.0),
    ("Volume", 12.5),
    ("Price", 6.2),
    ("Mix", -3.1),
    ("Input costs", -9.8),
    ("FX", -2.4),
    ("Opex savings", 4.7),
    ("FY23 profit", None),
]
labels = [s[0] for s in steps]
deltas = [s[1] for s in steps]
total = deltas[0] + sum(d for d in deltas[1:-1])

bottoms, heights, colors = [], [], []
running = 0.0
for i, d in enumerate(deltas):
    if i == 0:
        bottoms.append(0)
        heights.append(d)
        colors.append("#4d4d4d")
        running = d
    elif d is None:
        bottoms.append(0)
        heights.append(total)
        colors.append("#4d4d4d")
    else:
        bottoms.append(running if d >= 0 else running + d)
        heights.append(abs(d))
        colors.append("#2e8b57" if d >= 0 else "#c0392b")
        running += d

plt.rcParams["font.family"] = "sans-serif"
fig, ax = plt.subplots(figsize=(9, 4.8))
x = np.arange(len(labels))
ax.bar(x, heights, bottom=bottoms, color=colors, width=0.6)
levels = np.cumsum([d if d is not None else 0.0 for d in deltas])  # running profit after each bar
for i in range(len(labels) - 1):
    ax.plot([x[i] + 0.3, x[i + 1] - 0.3], [levels[i], levels[i]], color="0.5", lw=0.8, ls="--")
for i, d in enumerate(deltas):
    value = total if d is None else d
    text = f"{value:.1f}" if i in (0, len(deltas) - 1) else f"{value:+.1f}"
    ax.text(x[i], bottoms[i] + heights[i] + 0.8, text, ha="center", fontsize=9)
ax.set_xticks(x, labels, rotation=20, ha="right")
ax.set_ylabel("Operating profit (€ m)")
ax.set_ylim(0, 80)
ax.set_title("Operating profit bridge, FY22 → FY23")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
plt.show()
