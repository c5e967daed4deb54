# Power spectral densities (psd) of two gearbox accelerometers and their coherence (cohere), with the gear mesh frequency marked
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("ggplot")

rng = np.random.default_rng(3)
fs = 2048
t = np.arange(0, 8, 1 / fs)
shaft = 24.0
mesh = shaft * 17
common = 0.8 * np.sin(2 * np.pi * mesh * t) + 0.3 * np.sin(2 * np.pi * 2 * mesh * t)
a = common + 0.4 * np.sin(2 * np.pi * shaft * t) + rng.normal(0, 0.6, t.size)
b = 0.6 * np.roll(common, 7) + 0.25 * np.sin(2 * np.pi * 150 * t) + rng.normal(0, 0.6, t.size)

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(8, 6.5), sharex=True)
ax1.psd(a, NFFT=1024, Fs=fs, color="#E24A33", label="housing, drive end")
ax1.psd(b, NFFT=1024, Fs=fs, color="#348ABD", label="housing, free end")
ax1.set_xlabel("")
ax1.legend(loc="upper right", fontsize=9)
ax1.set_title("Gearbox vibration at 1440 rpm")
ax2.cohere(a, b, NFFT=512, Fs=fs, color="#988ED5")
ax2.set_ylim(0, 1.05)
ax2.set_xlabel("Frequency (Hz)")
for ax in (ax1, ax2):
    for k in (1, 2):  # mesh frequency and its first harmonic
        ax.axvline(k * mesh, color="0.3", ls="--", lw=0.9)
ax2.annotate(
    "gear mesh\n408 Hz",
    xy=(mesh, 0.95),
    xytext=(mesh + 90, 0.75),
    fontsize=9,
    arrowprops={"arrowstyle": "->", "color": "0.2"},
)
ax2.set_xlim(0, 1024)
fig.tight_layout()
plt.show()
