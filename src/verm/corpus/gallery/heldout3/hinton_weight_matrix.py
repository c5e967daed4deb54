# Hinton diagram of a 12x9 weight matrix: white squares for positive weights, black for negative, side length ~ sqrt(|w|)
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

rng = np.random.default_rng(7)

# a low-rank-ish weight matrix, like a trained layer
u = rng.normal(size=(12, 2))
v = rng.normal(size=(2, 9))
W = 0.6 * u @ v + 0.35 * rng.normal(size=(12, 9))
W[3, :] *= 0.2  # a nearly dead unit
W[:, 6] += 1.2


def hinton(matrix, max_weight=None, ax=None):
    """Draw a Hinton diagram for visualizing a weight matrix."""
    ax = ax if ax is not None else plt.gca()
    if not max_weight:
        max_weight = 2 ** np.ceil(np.log2(np.abs(matrix).max()))

    ax.patch.set_facecolor("0.55")
    ax.set_aspect("equal", "box")
    ax.xaxis.set_major_locator(plt.NullLocator())
    ax.yaxis.set_major_locator(plt.NullLocator())

    for (row, col), w in np.ndenumerate(matrix):
        color = "white" if w > 0 else "black"
        size = np.sqrt(abs(w) / max_weight)
        rect = Rectangle([col - size / 2, row - size / 2], size, size, facecolor=color, edgecolor=color)
        ax.add_patch(rect)

    ax.autoscale_view()
    ax.invert_yaxis()
    return max_weight


fig, ax = plt.subplots(figsize=(5.2, 6.0))
mw = hinton(W, ax=ax)
ax.set_title("Hidden layer 2 weights (12 units x 9 inputs)", fontsize=11)
ax.set_xlabel("input feature")
ax.set_ylabel("hidden unit")
for spine in ax.spines.values():
    spine.set_visible(False)

# manual legend: a positive and a negative square at full scale
handles = [
    Line2D([], [], marker="s", ls="", markersize=10, markerfacecolor="white", markeredgecolor="0.3", label="positive"),
    Line2D(
        [], [], marker="s", ls="", markersize=10, markerfacecolor="black", markeredgecolor="black", label="negative"
    ),
]
ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, frameon=False)
fig.text(0.98, 0.02, f"max |w| = {mw:g}", ha="right", fontsize=8, color="0.3")
fig.tight_layout()
