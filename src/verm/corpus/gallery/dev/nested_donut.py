"""A nested donut: an outer ring of three groups and an inner ring of their sub-groups, with a centre label."""

import matplotlib.pyplot as plt
import numpy as np

fig, ax = plt.subplots(figsize=(6, 6))
size = 0.3
vals = np.array([[60.0, 32.0], [37.0, 40.0], [29.0, 10.0]])

cmap = plt.colormaps["tab20c"]
outer_colors = cmap(np.arange(3) * 4)
inner_colors = cmap([1, 2, 5, 6, 9, 10])

ax.pie(
    vals.sum(axis=1),
    radius=1,
    colors=outer_colors,
    labels=["Mobile", "Desktop", "Tablet"],
    wedgeprops=dict(width=size, edgecolor="w"),
)
ax.pie(
    vals.flatten(),
    radius=1 - size,
    colors=inner_colors,
    autopct="%1.0f%%",
    pctdistance=0.78,
    textprops=dict(fontsize=8),
    wedgeprops=dict(width=size, edgecolor="w"),
)
ax.text(0, 0, "208k\nsessions", ha="center", va="center", fontsize=12, fontweight="bold")
ax.set(aspect="equal", title="Sessions by device and browser")
plt.show()
