"""A stem plot of a sampled signal beside stairs of a histogram, two panels side by side."""

import matplotlib.pyplot as plt
import numpy as np

t = np.linspace(0.1, 2 * np.pi, 24)
signal = np.cos(t) * np.exp(-t / 4)

rng = np.random.default_rng(3)
counts, edges = np.histogram(rng.normal(0, 1, 400), bins=np.linspace(-3, 3, 16))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.6), layout="constrained")
markerline, stemlines, baseline = ax1.stem(t, signal, linefmt="C0-", markerfmt="D", basefmt="k:")
markerline.set_markerfacecolor("none")
ax1.set_title("Damped cosine, sampled")
ax1.set_xlabel("t (s)")
ax1.set_ylabel("amplitude")

ax2.stairs(counts, edges, fill=True, alpha=0.35, color="tab:green", label="filled")
ax2.stairs(counts, edges, linewidth=2, color="darkgreen", label="outline")
ax2.stairs(counts * 0.5, edges, baseline=None, linestyle="--", color="tab:orange", label="half, no baseline")
ax2.set_title("Histogram drawn with stairs")
ax2.set_xlabel("value")
ax2.legend(frameon=False)
plt.show()
