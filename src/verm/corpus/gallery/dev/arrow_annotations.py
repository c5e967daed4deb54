"""A curve annotated with several arrow and connection styles (the matplotlib annotation demo)."""

import matplotlib.pyplot as plt
import numpy as np

t = np.arange(0.0, 5.0, 0.01)
s = np.cos(2 * np.pi * t)

fig, ax = plt.subplots(figsize=(7, 5))
ax.plot(t, s, lw=2, color="steelblue")
ax.annotate(
    "local max",
    xy=(2, 1),
    xytext=(3, 1.5),
    arrowprops=dict(facecolor="black", shrink=0.05),
)
ax.annotate(
    "minimum",
    xy=(2.5, -1),
    xytext=(0.6, -1.6),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=-0.3", color="crimson"),
    color="crimson",
)
ax.annotate(
    "zero crossing",
    xy=(0.75, 0),
    xytext=(1.3, 0.9),
    bbox=dict(boxstyle="round,pad=0.3", fc="lightyellow", ec="gray"),
    arrowprops=dict(arrowstyle="fancy", fc="0.6", ec="none", connectionstyle="angle3,angleA=0,angleB=-90"),
)
ax.annotate(
    "period = 1",
    xy=(4, 1),
    xytext=(4.5, 1),
    ha="center",
    va="center",
    arrowprops=dict(arrowstyle="|-|", shrinkA=0, shrinkB=0),
)
ax.annotate("", xy=(3, 1.05), xytext=(4, 1.05), arrowprops=dict(arrowstyle="<->", color="gray"))
ax.set_ylim(-2, 2)
ax.set_title("Annotating a cosine")
ax.set_xlabel("time (s)")
plt.show()
