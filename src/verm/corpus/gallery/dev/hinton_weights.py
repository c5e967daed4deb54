"""Hinton diagram of a weight matrix: one square per weight, sized by magnitude, coloured by sign."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(7)
weights = rng.normal(0, 0.6, size=(12, 14))
weights[3, 4] = 2.1
weights[8, 10] = -1.9

fig, ax = plt.subplots(figsize=(6.4, 5.2))
ax.patch.set_facecolor("gray")
ax.set_aspect("equal", "box")
max_weight = 2 ** np.ceil(np.log2(np.abs(weights).max()))

for (row, col), w in np.ndenumerate(weights):
    color = "white" if w > 0 else "black"
    size = np.sqrt(abs(w) / max_weight)
    rect = plt.Rectangle([col - size / 2, row - size / 2], size, size, facecolor=color, edgecolor=color)
    ax.add_patch(rect)

ax.xaxis.set_major_locator(plt.NullLocator())
ax.yaxis.set_major_locator(plt.NullLocator())
ax.autoscale_view()
ax.invert_yaxis()
ax.set_title("Layer 2 weights (white = positive, black = negative)")
ax.set_xlabel("input unit")
ax.set_ylabel("hidden unit")
plt.show()
