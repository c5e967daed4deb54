# Helicorder (drum) display of a 12-hour seismogram, one trace row per 30 minutes, with an earthquake marked
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(6121)
fs = 10
rows = 24
per_row = 30 * 60 * fs
n = rows * per_row
noise = np.convolve(rng.normal(0, 1, n), np.ones(5) / 5, mode="same")
t = np.arange(n) / fs
micro = 0.8 * np.sin(2 * np.pi * t / 6.5)
signal = noise + micro
eq_start = 7 * 3600 + 22 * 60
env = np.where(t > eq_start, np.exp(-(t - eq_start) / 240), 0) * (1 - np.exp(-np.clip(t - eq_start, 0, None) / 8))
signal += 25 * env * np.sin(2 * np.pi * t / 1.4) * rng.normal(1, 0.2, n)
signal = np.clip(signal, -14, 14)

colors = ["#1a1a1a", "#c0392b", "#1f4e9c", "#138d75"]
fig, ax = plt.subplots(figsize=(10, 8))
minutes = np.arange(per_row) / fs / 60
for r in range(rows):
    seg = signal[r * per_row : (r + 1) * per_row]
    ax.plot(minutes[::2], -r * 1.0 + seg[::2] * 0.035, color=colors[r % 4], lw=0.35)
ax.set_yticks(-np.arange(rows))
ax.set_yticklabels([f"{(r // 2) % 24:02d}:{(r % 2) * 30:02d}" for r in range(rows)], fontsize=7, family="monospace")
ax.set_ylim(-rows + 0.3, 0.8)
ax.set_xlim(0, 30)
ax.set_xlabel("Minutes after the row start (UTC)")
row = eq_start // 1800
ax.annotate(
    "M5.1, 212 km NW\nP arrival 07:22:00",
    xy=((eq_start % 1800) / 60, -row),
    xytext=(3, -row + 3.2),
    fontsize=8,
    bbox={"boxstyle": "round", "fc": "lightyellow", "ec": "0.5"},
    arrowprops={"arrowstyle": "->", "connectionstyle": "angle,angleA=0,angleB=90"},
)
ax.set_title("Station KSR.HHZ, 2023-03-14 00:00-12:00 UTC, band-passed 0.5-5 Hz", fontsize=11, loc="left")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
