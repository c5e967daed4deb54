# A 12-second lead II ECG rhythm strip on pink millimetre grid paper with heart-rate annotation
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MultipleLocator

rng = np.random.default_rng(3301)
fs = 500
t = np.arange(0, 10, 1 / fs)


def beat(tt):
    p = 0.12 * np.exp(-(((tt - 0.16) / 0.025) ** 2))
    q = -0.10 * np.exp(-(((tt - 0.25) / 0.008) ** 2))
    r = 1.15 * np.exp(-(((tt - 0.27) / 0.010) ** 2))
    s = -0.25 * np.exp(-(((tt - 0.295) / 0.010) ** 2))
    tw = 0.30 * np.exp(-(((tt - 0.52) / 0.045) ** 2))
    return p + q + r + s + tw


rr = 0.82 + rng.normal(0, 0.03, 14)
onsets = np.concatenate([[0.0], np.cumsum(rr)])[:-1]
ecg = np.zeros_like(t)
for on in onsets:
    ecg += beat(t - on)
ecg += 0.05 * np.sin(2 * np.pi * 0.25 * t) + rng.normal(0, 0.012, t.size)

fig, ax = plt.subplots(figsize=(11, 3.4))
ax.set_facecolor("#fff5f5")
ax.plot(t, ecg, color="black", lw=0.9)
ax.xaxis.set_major_locator(MultipleLocator(0.2))
ax.xaxis.set_minor_locator(MultipleLocator(0.04))
ax.yaxis.set_major_locator(MultipleLocator(0.5))
ax.yaxis.set_minor_locator(MultipleLocator(0.1))
ax.grid(which="major", color="#f08080", lw=0.8)
ax.grid(which="minor", color="#f8c8c8", lw=0.4)
ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
ax.set_xlim(0, 10)
ax.set_ylim(-0.75, 1.6)
for spine in ax.spines.values():
    spine.set_visible(False)

# 1 mV calibration pulse at the start
ax.plot([0.05, 0.05, 0.25, 0.25], [0, 1, 1, 0], color="black", lw=1.2)
hr = 60 / rr.mean()
ax.text(
    0.4, 1.45, f"II   25 mm/s   10 mm/mV   HR {hr:.0f} bpm   sinus rhythm", fontsize=10, family="monospace", va="top"
)
ax.annotate(
    "",
    xy=(onsets[4] + 0.27, -0.45),
    xytext=(onsets[5] + 0.27, -0.45),
    arrowprops={"arrowstyle": "<->", "color": "#b00020"},
)
ax.text(
    (onsets[4] + onsets[5]) / 2 + 0.27, -0.65, f"RR {rr[4] * 1000:.0f} ms", ha="center", color="#b00020", fontsize=8
)
fig.tight_layout()
