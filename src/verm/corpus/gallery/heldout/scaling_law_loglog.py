# Log-log scaling law: validation loss vs training compute for three model sizes with a fitted power-law frontier.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import NullFormatter

rng = np.random.default_rng(9)
plt.rcParams.update({"font.size": 11, "axes.titlesize": 12, "font.family": "serif"})

fig, ax = plt.subplots(figsize=(7, 5))
sizes = {"125M": 1.25e8, "350M": 3.5e8, "1.3B": 1.3e9}
cmap = plt.get_cmap("viridis")
frontier_c, frontier_l = [], []
for i, (name, params) in enumerate(sizes.items()):
    tokens = np.logspace(8.5, 11.3, 25)
    compute = 6 * params * tokens
    loss = 1.7 + 410 / params**0.34 + 410 / tokens**0.28
    loss *= np.exp(rng.normal(0, 0.006, loss.size))
    ax.plot(compute, loss, color=cmap(i / 2.5), lw=1.8, label=f"{name} params")
    best = np.argmin(loss)
    frontier_c.append(compute[best])
    frontier_l.append(loss[best])

c = np.logspace(17, 21.5, 50)
slope, intercept = np.polyfit(np.log10(frontier_c), np.log10(frontier_l), 1)
ax.plot(c, 10 ** (intercept + slope * np.log10(c)), "k--", lw=1.2, label=f"frontier $L \\propto C^{{{slope:.3f}}}$")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_yticks([2.4, 2.7, 3.0, 3.5, 4.0], labels=["2.4", "2.7", "3.0", "3.5", "4.0"])
ax.yaxis.set_minor_formatter(NullFormatter())
ax.set_xlabel("Training compute (FLOPs)")
ax.set_ylabel("Validation loss (nats/token)")
ax.grid(True, which="both", ls=":", alpha=0.5)
ax.legend(loc="upper right", fontsize=9)
ax.set_title("Compute scaling on the held-out set")
fig.tight_layout()
plt.show()
