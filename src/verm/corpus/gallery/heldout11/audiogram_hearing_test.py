# Pure-tone audiogram of both ears on an inverted dB HL scale with hearing-loss bands and the speech banana
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, NullLocator

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10})

freqs = np.array([250, 500, 1000, 2000, 3000, 4000, 6000, 8000])
right_ac = np.array([15, 15, 20, 30, 45, 60, 55, 50])
left_ac = np.array([10, 15, 15, 25, 40, 55, 60, 45])
right_bc = np.array([10, 15, 20, 25, 40, 55])  # bone conduction only to 4 kHz
left_bc = np.array([10, 10, 15, 25, 35, 50])

fig, ax = plt.subplots(figsize=(7.5, 7))
ax.set_xscale("log")
bands = [
    (-10, 25, "normal", "#ffffff"),
    (25, 40, "mild", "#fff7d6"),
    (40, 55, "moderate", "#ffe3b3"),
    (55, 70, "moderately severe", "#ffc9a6"),
    (70, 90, "severe", "#f7a69a"),
    (90, 120, "profound", "#e77f7f"),
]
for lo, hi, name, col in bands:
    ax.axhspan(lo, hi, color=col, zorder=0)
    ax.text(11500, (lo + hi) / 2, name, ha="right", va="center", fontsize=8, color="0.3", style="italic")

# Speech banana (approximate region of conversational speech sounds)
bf = np.geomspace(250, 6000, 40)
upper = 20 + 10 * np.sin(np.linspace(0.2, 2.9, 40))
lower = 50 + 8 * np.sin(np.linspace(0.3, 3.0, 40)) - 8 * np.linspace(0, 1, 40)
ax.fill_between(bf, upper, lower, color="#f0c419", alpha=0.35, lw=0, zorder=1)
ax.text(900, 37, "speech\nbanana", ha="center", va="center", fontsize=8, color="#8a6d00")
for f, y, ph in ((300, 33, "z v"), (500, 40, "j m b"), (1500, 42, "e u i"), (3000, 28, "p h g"), (4500, 32, "f s th")):
    ax.text(f, y, ph, fontsize=8, color="#8a6d00", ha="center")

ax.plot(freqs, right_ac, "-o", color="#d62728", mfc="none", mew=1.8, ms=9, lw=1.5, zorder=4)
ax.plot(freqs, left_ac, "-x", color="#1f4ea8", mew=2, ms=9, lw=1.5, zorder=4)
ax.plot(freqs[:6] * 0.94, right_bc, ls="none", marker="$<$", color="#d62728", ms=10, zorder=4)
ax.plot(freqs[:6] * 1.06, left_bc, ls="none", marker="$>$", color="#1f4ea8", ms=10, zorder=4)

pta_r, pta_l = right_ac[1:4].mean(), left_ac[1:4].mean()
ax.text(
    0.02,
    0.03,
    f"PTA (0.5-2 kHz)\nright {pta_r:.0f} dB HL\nleft  {pta_l:.0f} dB HL",
    transform=ax.transAxes,
    fontsize=9,
    family="DejaVu Sans Mono",
    va="bottom",
    bbox={"boxstyle": "round", "fc": "white", "ec": "0.6"},
)

ax.set_xlim(180, 12000)
ax.set_ylim(120, -10)  # louder is lower on an audiogram
ax.xaxis.set_major_locator(FixedLocator([250, 500, 1000, 2000, 4000, 8000]))
ax.xaxis.set_minor_locator(NullLocator())
ax.set_xticks([250, 500, 1000, 2000, 4000, 8000], ["250", "500", "1k", "2k", "4k", "8k"])
ax.set_yticks(np.arange(-10, 121, 10))
ax.xaxis.tick_top()
ax.xaxis.set_label_position("top")
ax.grid(True, which="major", color="0.55", lw=0.6)
for f in (3000, 6000):
    ax.axvline(f, color="0.7", lw=0.5, ls="--")
ax.set_xlabel("Frequency (Hz)")
ax.set_ylabel("Hearing level (dB HL)")
handles = [
    Line2D([], [], color="#d62728", marker="o", mfc="none", mew=1.8, label="Right AC"),
    Line2D([], [], color="#1f4ea8", marker="x", mew=2, label="Left AC"),
    Line2D([], [], color="#d62728", marker="$<$", ls="none", ms=9, label="Right BC"),
    Line2D([], [], color="#1f4ea8", marker="$>$", ls="none", ms=9, label="Left BC"),
]
ax.legend(handles=handles, loc="lower right", fontsize=9, ncol=2, framealpha=1, bbox_to_anchor=(1, 0.12))
fig.suptitle("Audiogram - noise-induced notch at 4 kHz", y=0.975, fontsize=12, weight="bold")
fig.subplots_adjust(left=0.12, right=0.96, top=0.86, bottom=0.05)
