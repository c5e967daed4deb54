# Tufte-style daily temperature chart: record range bars, normal band, this year's highs and record-high markers.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Serif", "axes.spines.top": False, "axes.spines.right": False})
rng = np.random.default_rng(17)
day = np.arange(365)
seasonal = 12 - 14 * np.cos((day - 15) / 365 * 2 * np.pi)
rec_hi = seasonal + 14 + rng.normal(0, 1.5, 365)
rec_lo = seasonal - 16 + rng.normal(0, 1.5, 365)
norm_hi = seasonal + 5
norm_lo = seasonal - 5
this = seasonal + np.convolve(rng.normal(0, 5, 365), np.ones(5) / 5, mode="same") * 2.2
this = np.minimum(this, rec_hi + 1.2)
new_rec = this >= rec_hi

fig, ax = plt.subplots(figsize=(13, 5.5), facecolor="#fffff8")
ax.set_facecolor("#fffff8")
ax.vlines(day, rec_lo, rec_hi, color="#e5e0cf", lw=2)
ax.fill_between(day, norm_lo, norm_hi, color="#b8ad94", lw=0)
ax.plot(day, this, color="#5a3a1c", lw=1.3)
ax.scatter(day[new_rec], this[new_rec], s=14, color="firebrick", zorder=3)
for k in np.flatnonzero(new_rec)[:3]:
    ax.annotate(
        f"record high\n{this[k]:.1f} °C",
        (day[k], this[k]),
        xytext=(0, 25),
        textcoords="offset points",
        ha="center",
        fontsize=8,
        arrowprops=dict(arrowstyle="-", lw=0.6, color="firebrick"),
    )
starts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
for s in starts[1:]:
    ax.axvline(s, color="#fffff8", lw=1.2)
ax.set_xticks(np.array(starts) + 15)
ax.set_xticklabels(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    fontsize=9,
)
ax.tick_params(axis="x", length=0)
ax.set_yticks(range(-20, 41, 10))
ax.set_yticklabels([f"{t}°" for t in range(-20, 41, 10)])
ax.grid(axis="y", color="#fffff8", lw=1)
ax.set_xlim(-1, 365)
ax.text(
    183,
    rec_lo.min(),
    "bars: record range 1950–2024 · band: normal range · line: 2025",
    ha="center",
    fontsize=9,
    color="0.35",
)
ax.set_title("Toronto daily mean temperature, 2025", loc="left", fontsize=15)
fig.tight_layout()
