"""3D bar chart: monthly sales of four products as depth-stacked rows of bars."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(5)
fig = plt.figure(figsize=(7, 5))
ax = fig.add_subplot(projection="3d")

colors = ["tab:red", "tab:green", "tab:blue", "tab:purple"]
yticks = [3, 2, 1, 0]
for c, k in zip(colors, yticks):
    xs = np.arange(12)
    ys = rng.random(12) * 40 + 10 * k
    cs = [c] * len(xs)
    cs[0] = "tab:cyan"
    ax.bar(xs, ys, zs=k, zdir="y", color=cs, alpha=0.8)

ax.set_xlabel("month")
ax.set_ylabel("product")
ax.set_zlabel("units sold")
ax.set_yticks(yticks)
ax.set_yticklabels(["D", "C", "B", "A"])
ax.set_title("Sales per product and month")
plt.show()
