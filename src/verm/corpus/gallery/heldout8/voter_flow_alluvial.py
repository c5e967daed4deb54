# Alluvial diagram of voter transitions between two elections: stacked columns joined by sigmoid fill_between bands.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
parties = ["Labour", "Conservative", "Lib Dem", "Reform", "Green", "Did not vote"]
colors = ["#e4003b", "#0087dc", "#faa61a", "#12b6cf", "#02a95b", "#aaaaaa"]
flow = np.array(
    [
        [62, 4, 5, 1, 6, 8],
        [9, 48, 7, 18, 1, 9],
        [5, 2, 14, 1, 2, 2],
        [1, 2, 0, 5, 0, 1],
        [2, 0, 1, 0, 4, 1],
        [8, 2, 2, 4, 2, 40],
    ],
    dtype=float,
)
pad = 3.0
left_tot = flow.sum(axis=1)
right_tot = flow.sum(axis=0)
left_y = np.concatenate([[0], np.cumsum(left_tot + pad)])[:-1]
right_y = np.concatenate([[0], np.cumsum(right_tot + pad)])[:-1]

fig, ax = plt.subplots(figsize=(9, 7))
x = np.linspace(0, 1, 80)
s = 1 / (1 + np.exp(-(x - 0.5) * 12))
lcur = left_y.copy()
rcur = right_y.copy()
for i in range(len(parties)):
    for j in range(len(parties)):
        v = flow[i, j]
        if v == 0:
            continue
        lo = lcur[i] + (rcur[j] - lcur[i]) * s
        ax.fill_between(x, lo, lo + v, color=colors[i], alpha=0.45, lw=0)
        lcur[i] += v
        rcur[j] += v
for k, name in enumerate(parties):
    ax.bar(-0.02, left_tot[k], bottom=left_y[k], width=0.04, color=colors[k])
    ax.bar(1.02, right_tot[k], bottom=right_y[k], width=0.04, color=colors[k])
    ax.text(-0.06, left_y[k] + left_tot[k] / 2, f"{name} {left_tot[k]:.0f}", ha="right", va="center", fontsize=10)
    ax.text(1.06, right_y[k] + right_tot[k] / 2, f"{right_tot[k]:.0f} {name}", ha="left", va="center", fontsize=10)
ax.text(-0.02, -6, "2019", ha="center", fontsize=12, fontweight="bold")
ax.text(1.02, -6, "2024", ha="center", fontsize=12, fontweight="bold")
ax.set_xlim(-0.45, 1.45)
ax.set_ylim(left_y[-1] + left_tot[-1] + 4, -10)
ax.axis("off")
ax.set_title("Where 2019 voters went in 2024 (panel of 400 respondents)", fontsize=13)
fig.tight_layout()
