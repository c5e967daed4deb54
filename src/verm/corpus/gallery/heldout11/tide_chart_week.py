# A week of predicted tide heights at a harbour with high and low waters labelled, night shading and a chart-datum line
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-whitegrid")

start = np.datetime64("2024-06-10T00:00")
minutes = np.arange(0, 7 * 24 * 60, 10)
t = start + minutes.astype("timedelta64[m]")
hours = minutes / 60.0

# Semi-diurnal tide: M2 + S2 (spring-neap) + a small diurnal K1 term, heights in metres above chart datum
m2 = 1.55 * np.cos(2 * np.pi * hours / 12.42 - 0.6)
s2 = 0.48 * np.cos(2 * np.pi * hours / 12.0 - 1.1)
k1 = 0.22 * np.cos(2 * np.pi * hours / 23.93 + 0.4)
height = 2.35 + m2 + s2 + k1

fig, ax = plt.subplots(figsize=(11, 4.6))
ax.fill_between(t, 0, height, color="#7fb3d5", alpha=0.55, lw=0)
ax.plot(t, height, color="#1f5f8b", lw=1.6)
ax.axhline(0, color="#5d4037", lw=1.2)
ax.text(t[-1], 0.08, "chart datum (LAT)", ha="right", va="bottom", fontsize=8, color="#5d4037")

# Nights, roughly 21:45 to 05:00 local
for d in range(8):
    night_start = start + np.timedelta64(d, "D") - np.timedelta64(135, "m")
    night_end = start + np.timedelta64(d, "D") + np.timedelta64(300, "m")
    ax.axvspan(max(night_start, t[0]), min(night_end, t[-1]), color="0.2", alpha=0.08, lw=0)

# Label each local high and low water
d1 = np.diff(height)
turn = np.where(np.sign(d1[1:]) != np.sign(d1[:-1]))[0] + 1
for i in turn:
    hw = d1[i - 1] > 0
    label = f"{str(t[i])[11:16]}\n{height[i]:.1f} m"
    ax.annotate(
        label,
        xy=(t[i], height[i]),
        xytext=(0, 7 if hw else -9),
        textcoords="offset points",
        ha="center",
        va="bottom" if hw else "top",
        fontsize=6.5,
        color="#0b3954" if hw else "#7a4e00",
    )
    ax.plot(t[i], height[i], marker="v" if not hw else "^", ms=4, color="#0b3954" if hw else "#b07100")

ax.set_ylim(-0.8, 5.6)
ax.set_xlim(t[0], t[-1])
locator = mdates.AutoDateLocator(minticks=6, maxticks=10)
ax.xaxis.set_major_locator(locator)
ax.xaxis.set_major_formatter(mdates.DateFormatter("%a %d %b"))
ax.xaxis.set_minor_locator(mdates.HourLocator(byhour=[6, 12, 18]))
ax.grid(which="minor", axis="x", lw=0.4, alpha=0.5)
ax.set_ylabel("Height above chart datum (m)")
ax.set_title("Tide predictions - Port Aven, 10-16 June 2024 (times in local time)", loc="left", fontsize=11)
fig.tight_layout()
