# Accelerometer trace with a transient spike, and an inset axes that zooms into the spike with connector lines.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(8)
t = np.linspace(0, 10, 4000)
signal = 0.6 * np.sin(2 * np.pi * 0.8 * t) + 0.15 * rng.normal(size=t.size)
burst = (t > 6.1) & (t < 6.4)
signal[burst] += 2.5 * np.sin(2 * np.pi * 25 * (t[burst] - 6.1)) * np.exp(-12 * (t[burst] - 6.1))

fig, ax = plt.subplots(figsize=(8, 4.2))
ax.plot(t, signal, lw=0.7, color="#34495e")
ax.set_xlabel("Time (s)")
ax.set_ylabel("Acceleration (g)")
ax.set_xlim(0, 10)
ax.set_ylim(-3.5, 4.5)
ax.set_title("Impact event on channel Z")

axins = ax.inset_axes([0.06, 0.62, 0.38, 0.33])
axins.plot(t, signal, lw=0.9, color="#e67e22")
axins.set_xlim(6.0, 6.5)
axins.set_ylim(-2.4, 2.8)
axins.tick_params(labelsize=7)
axins.set_title("6.0–6.5 s", fontsize=8)
ax.indicate_inset_zoom(axins, edgecolor="0.3")
fig.tight_layout()
plt.show()
