# Waterfall plot of best percentage change in tumour size per patient in a phase II trial, coloured by RECIST response
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

rng = np.random.default_rng(4)
n = 38
change = np.concatenate([rng.uniform(-100, -30, 11), rng.uniform(-29, 19, 18), rng.uniform(20, 85, 9)])
change[0] = -100.0
change = np.sort(change)[::-1]
cohort = rng.choice(["A", "B"], size=n, p=[0.55, 0.45])

colours = {"PD": "#c0392b", "SD": "#95a5a6", "PR": "#2e86c1", "CR": "#1b4f72"}
response = np.where(change >= 20, "PD", np.where(change > -30, "SD", np.where(change > -100, "PR", "CR")))

plt.style.use("seaborn-v0_8-ticks")
fig, ax = plt.subplots(figsize=(9, 4.6))
x = np.arange(n)
bars = ax.bar(x, change, width=0.8, color=[colours[r] for r in response], edgecolor="white", linewidth=0.4)
for xi, c, h in zip(x, cohort, change):
    if c == "B":
        ax.text(xi, h + (3 if h >= 0 else -3), "*", ha="center", va="bottom" if h >= 0 else "top", fontsize=9)

ax.axhline(20, color="k", ls="--", lw=0.9)
ax.axhline(-30, color="k", ls="--", lw=0.9)
ax.axhline(0, color="k", lw=0.8)
ax.text(n - 0.5, 22, "+20% (progression)", ha="right", va="bottom", fontsize=8)
ax.text(n - 0.5, -32, "\u221230% (partial response)", ha="right", va="top", fontsize=8)

ax.set_xlim(-1, n)
ax.set_ylim(-110, 100)
ax.set_xticks([])
ax.set_ylabel("Best change from baseline in\nsum of target lesions (%)")
ax.set_xlabel("Individual patients (n = 38)")
ax.set_title("Best overall response, efficacy-evaluable population")
orr = np.isin(response, ["CR", "PR"]).mean()
ax.text(0.98, 0.97, f"ORR = {orr:.0%}\n* cohort B", transform=ax.transAxes, ha="right", va="top", fontsize=9)
handles = [
    Patch(color=colours[k], label=lab)
    for k, lab in [
        ("CR", "Complete response"),
        ("PR", "Partial response"),
        ("SD", "Stable disease"),
        ("PD", "Progressive disease"),
    ]
]
ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8)
sns_spines = ax.spines
sns_spines["top"].set_visible(False)
sns_spines["right"].set_visible(False)
sns_spines["bottom"].set_visible(False)
fig.tight_layout()
