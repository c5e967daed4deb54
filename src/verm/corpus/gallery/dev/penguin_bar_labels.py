"""Grouped bars of penguin measurements per species, each bar labelled with its value (bar_label)."""

import matplotlib.pyplot as plt
import numpy as np

species = ("Adelie", "Chinstrap", "Gentoo")
penguin_means = {
    "Bill Depth": (18.35, 18.43, 14.98),
    "Bill Length": (38.79, 48.83, 47.50),
    "Flipper Length": (189.95, 195.82, 217.19),
}

x = np.arange(len(species))
width = 0.25
multiplier = 0

fig, ax = plt.subplots(layout="constrained", figsize=(8, 4.5))
for attribute, measurement in penguin_means.items():
    offset = width * multiplier
    rects = ax.bar(x + offset, measurement, width, label=attribute)
    ax.bar_label(rects, padding=3, fontsize=8)
    multiplier += 1

ax.set_ylabel("Length (mm)")
ax.set_title("Penguin attributes by species")
ax.set_xticks(x + width, species)
ax.legend(loc="upper left", ncols=3)
ax.set_ylim(0, 250)
plt.show()
