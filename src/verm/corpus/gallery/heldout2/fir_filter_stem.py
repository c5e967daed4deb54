# Impulse response of a 31-tap windowed-sinc low-pass FIR filter as a stem plot
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")

taps = 31
cutoff = 0.2  # fraction of the sampling rate
n = np.arange(taps) - (taps - 1) / 2
h = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(taps)
h /= h.sum()

fig, ax = plt.subplots(figsize=(8, 4))
markerline, stemlines, baseline = ax.stem(np.arange(taps), h, basefmt="k-")
plt.setp(markerline, markersize=5, color="#348ABD")
plt.setp(stemlines, linewidth=1.2, color="#348ABD")
ax.set_xlabel("Tap index n")
ax.set_ylabel("h[n]")
ax.set_title("Low-pass FIR, Hamming window, $f_c = 0.2 f_s$")
ax.annotate("centre tap", xy=(15.2, h[15]), xytext=(20, 0.3), arrowprops=dict(arrowstyle="->", color="black", lw=1))
fig.tight_layout()
plt.show()
