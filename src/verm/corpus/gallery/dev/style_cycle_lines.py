"""Twelve lines through a custom property cycle of colours and line styles (cycler), with a two-column legend."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import cycler

colors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
custom = cycler(color=colors) * cycler(linestyle=["-", "--"])
plt.rc("axes", prop_cycle=custom)
plt.rc("lines", linewidth=1.6)
plt.rc("font", size=9)

x = np.linspace(0, 4 * np.pi, 300)
fig, ax = plt.subplots(figsize=(8, 5))
for k in range(12):
    phase = k * np.pi / 12
    ax.plot(x, np.sin(x + phase) * (1 + k / 10) + k * 0.6, label=f"phase {k * 15}°")

ax.set_xlim(0, 4 * np.pi)
ax.set_xticks(np.arange(0, 4 * np.pi + 0.1, np.pi))
ax.set_xticklabels(["0", "π", "2π", "3π", "4π"])
ax.set_title("Phase-shifted sines with a property cycle")
ax.set_xlabel("angle (rad)")
ax.set_ylabel("offset amplitude")
ax.legend(ncols=2, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
fig.tight_layout()
plt.show()
