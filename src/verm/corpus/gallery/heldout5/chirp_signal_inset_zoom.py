# Gravitational-wave-like chirp strain with an inset_axes zoom on the merger and indicate_inset_zoom connectors
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"axes.grid": True, "grid.alpha": 0.3, "font.size": 10, "lines.linewidth": 1.0})

rng = np.random.default_rng(150914)
t = np.linspace(-0.45, 0.05, 4000)
tc = 0.0
tau = np.clip(tc - t, 1e-4, None)
freq = 35 * (tau / 0.45) ** (-3 / 8)
phase = -2 * np.pi * 0.45 * 35 * (8 / 5) * (tau / 0.45) ** (5 / 8)
amp = (tau / 0.45) ** (-1 / 4)
amp = np.where(t < tc, amp, amp.max() * np.exp(-(t - tc) / 0.004))
strain = 0.12 * amp * np.cos(phase)
strain = np.where(t < tc, strain, 0.12 * amp * np.cos(2 * np.pi * 250 * (t - tc) + phase[t < tc][-1]))
noise = rng.normal(0, 0.05, t.size)
data = strain + noise

fig, ax = plt.subplots(figsize=(10, 4.8))
ax.plot(t, data, color="0.65", lw=0.6, label="whitened data")
ax.plot(t, strain, color="#d62728", label="template")
ax.set_xlim(-0.45, 0.05)
ax.set_ylim(-1.6, 1.6)
ax.set_xlabel("Time from merger (s)")
ax.set_ylabel("Strain (×10⁻²¹)")
ax.set_title("Binary black-hole chirp, detector H1", loc="left")
ax.legend(loc="lower left")

axins = ax.inset_axes([0.05, 0.58, 0.42, 0.38])
window = (t > -0.03) & (t < 0.012)
axins.plot(t[window], data[window], color="0.65", lw=0.6)
axins.plot(t[window], strain[window], color="#d62728", lw=1.2)
axins.set_xlim(-0.03, 0.012)
axins.set_ylim(-1.3, 1.3)
axins.set_xticks([-0.03, -0.02, -0.01, 0.0, 0.01])
axins.tick_params(labelsize=8)
axins.set_title("merger", fontsize=9)
ax.indicate_inset_zoom(axins, edgecolor="0.2")
ax.annotate("f ≈ 35 Hz", xy=(-0.40, 0.25), xytext=(-0.36, 1.2), fontsize=9, arrowprops=dict(arrowstyle="->"))
fig.tight_layout()
plt.show()
