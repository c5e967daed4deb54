"""A profit bridge (waterfall): floating bars for gains and losses between start and end totals, labelled."""

import matplotlib.pyplot as plt
import numpy as np

steps = ["Revenue 2023", "Price", "Volume", "Mix", "FX", "Costs", "Revenue 2024"]
deltas = [412.0, 38.5, 22.1, -9.4, -17.8, -25.3]
running = np.cumsum(deltas)
bottoms = [0.0] + list(running[:-1])
heights = list(deltas) + [running[-1]]
bottoms = bottoms + [0.0]
colors = ["#7f7f7f"] + ["#2ca02c" if d > 0 else "#d62728" for d in deltas[1:]] + ["#1f77b4"]

plt.style.use("seaborn-v0_8-white")
fig, ax = plt.subplots(figsize=(9, 4.8))
bars = ax.bar(steps, heights, bottom=bottoms, color=colors, edgecolor="black", linewidth=0.6, width=0.6)
ax.bar_label(bars, labels=[f"{h:+.1f}" if 0 < i < 6 else f"{h:.0f}" for i, h in enumerate(heights)], padding=2)
for i in range(len(steps) - 2):
    level = bottoms[i] + heights[i]
    ax.plot([i + 0.3, i + 0.7], [level, level], color="black", linewidth=0.8)
ax.set_ylim(350, 490)
ax.set_ylabel("EUR million")
ax.set_title("What moved revenue from 2023 to 2024")
ax.tick_params(axis="x", labelrotation=20)
fig.tight_layout()
plt.show()
