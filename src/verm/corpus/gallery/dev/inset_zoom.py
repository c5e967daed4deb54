"""A noisy signal with an inset axes that zooms on one burst, linked to its region with indicate_inset_zoom."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(8)
t = np.linspace(0, 20, 2000)
signal = np.sin(2 * np.pi * 0.3 * t) + 0.15 * rng.normal(size=t.size)
burst = (t > 11) & (t < 12.5)
signal[burst] += 0.8 * np.sin(2 * np.pi * 6 * t[burst])

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(t, signal, color="0.3", linewidth=0.8)
ax.set_xlabel("time (s)")
ax.set_ylabel("amplitude")
ax.set_title("Recording with a high-frequency burst")
ax.set_ylim(-2.5, 3.5)

axins = ax.inset_axes([0.58, 0.62, 0.38, 0.33])
axins.plot(t, signal, color="tab:red", linewidth=0.8)
axins.set_xlim(10.8, 12.7)
axins.set_ylim(-1.8, 2.2)
axins.set_xticklabels([])
axins.set_yticklabels([])
ax.indicate_inset_zoom(axins, edgecolor="black")
plt.show()
