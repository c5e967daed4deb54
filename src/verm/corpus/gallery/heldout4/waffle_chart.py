# Waffle charts built from Rectangle patches: how 100 survey respondents in three age groups commute, one square per percent, with a shared legend
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

plt.rcParams.update({"font.family": "DejaVu Sans", "axes.titleweight": "bold"})

modes = ["Car", "Public transit", "Bicycle", "Walk", "Remote"]
colors = ["#e15759", "#4e79a7", "#59a14f", "#edc948", "#bab0ac"]
groups = {"18-29": [22, 38, 18, 12, 10], "30-49": [41, 24, 9, 6, 20], "50+": [58, 20, 4, 10, 8]}

fig, axes = plt.subplots(1, 3, figsize=(12, 4.8))
for ax, (group, shares) in zip(axes, groups.items()):
    cell = np.repeat(np.arange(len(modes)), shares)
    for i, m in enumerate(cell):
        col, row = divmod(i, 10)
        ax.add_patch(Rectangle((col, row), 0.88, 0.88, facecolor=colors[m], edgecolor="none"))
    ax.set_xlim(-0.2, 10)
    ax.set_ylim(-0.2, 10)
    ax.set_aspect("equal")
    ax.axis("off")
    top = int(np.argmax(shares))
    ax.set_title(f"Age {group}\nmostly {modes[top].lower()} ({shares[top]}%)", fontsize=11)

handles = [Rectangle((0, 0), 1, 1, color=c) for c in colors]
fig.legend(handles, modes, loc="lower center", ncols=5, frameon=False, fontsize=10, handlelength=1.2)
fig.suptitle("How do you usually get to work?  (n = 100 per group, 1 square = 1%)", fontsize=13)
fig.subplots_adjust(left=0.02, right=0.98, bottom=0.12, top=0.82, wspace=0.12)
