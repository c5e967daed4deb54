# Textbook DSP figure: a sampled, windowed sinusoid as a stem plot with the axes crossing at zero, and a secondary x axis in milliseconds
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")

fs = 8000.0  # Hz
n = np.arange(0, 40)
x = np.sin(2 * np.pi * 440 * n / fs + 0.3) * np.hanning(n.size) + 0.4 * np.sin(2 * np.pi * 1300 * n / fs)

fig = plt.figure(figsize=(8, 4.5))
ax = fig.add_subplot(111)
markerline, stemlines, baseline = ax.stem(n, x, linefmt="b-", markerfmt="bo", basefmt="k-")
plt.setp(markerline, markersize=5)
plt.setp(stemlines, linewidth=1.2)

# continuous-time envelope behind the samples
tc = np.linspace(0, n[-1], 600)
xc = np.sin(2 * np.pi * 440 * tc / fs + 0.3) * np.interp(tc, n, np.hanning(n.size)) + 0.4 * np.sin(
    2 * np.pi * 1300 * tc / fs
)
ax.plot(tc, xc, "r--", lw=0.8, zorder=0, label="x(t)")

# move the left spine to x=0 and the bottom spine to y=0
ax.spines["left"].set_position("zero")
ax.spines["bottom"].set_position("zero")
ax.spines["right"].set_color("none")
ax.spines["top"].set_color("none")
ax.xaxis.set_ticks_position("bottom")
ax.yaxis.set_ticks_position("left")

ax.set_xlim(-1, 41)
ax.set_ylim(-1.6, 1.6)
ax.set_xlabel("n (samples)", labelpad=60)
ax.set_ylabel("x[n]")
ax.set_title("Windowed two-tone signal, $f_s$ = 8 kHz", pad=34)

sec = ax.secondary_xaxis("top", functions=(lambda k: k / fs * 1e3, lambda ms: ms * fs / 1e3))
sec.set_xlabel("t (ms)")
ax.legend(loc="upper right", fontsize=10, numpoints=1)
fig.subplots_adjust(left=0.08, right=0.96, top=0.80, bottom=0.08)
plt.show()
