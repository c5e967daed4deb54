# Two polar panels: a stacked wind rose (polar bars by speed class per 16 compass sectors) and a 24-hour polar line of mean traffic by weekday/weekend
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-pastel")
rng = np.random.default_rng(31)

# --- wind observations: prevailing south-westerlies
n = 4000
direction = np.mod(rng.vonmises(np.deg2rad(225), 1.6, n), 2 * np.pi)
speed = rng.weibull(2.0, n) * 7.5
sectors = 16
width = 2 * np.pi / sectors
sector = np.round(direction / width).astype(int) % sectors  # 0 = N, 4 = E, ...
classes = [(0, 3, "0-3 m/s"), (3, 6, "3-6 m/s"), (6, 10, "6-10 m/s"), (10, 99, ">10 m/s")]

fig = plt.figure(figsize=(11, 5.4))
ax1 = fig.add_subplot(1, 2, 1, projection="polar")
ax1.set_theta_zero_location("N")
ax1.set_theta_direction(-1)
theta = np.arange(sectors) * width
bottom = np.zeros(sectors)
colors = plt.cm.viridis(np.linspace(0.15, 0.9, len(classes)))
for (lo, hi, label), c in zip(classes, colors):
    mask = (speed >= lo) & (speed < hi)
    freq = np.bincount(sector[mask], minlength=sectors) / n * 100
    ax1.bar(theta, freq, width=width * 0.92, bottom=bottom, color=c, edgecolor="white", lw=0.6, label=label)
    bottom += freq
ax1.set_xticks(np.deg2rad(np.arange(0, 360, 45)))
ax1.set_xticklabels(["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
ax1.set_rlabel_position(100)
ax1.set_rticks([4, 8, 12, 16])
ax1.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0f}%"))
ax1.set_title("Wind rose, station 0417 (2023)", pad=18)
ax1.legend(loc="lower left", bbox_to_anchor=(-0.28, -0.06), fontsize=8, title="speed", title_fontsize=8)

# --- traffic by hour on a 24-hour clock
hours = np.arange(24)
weekday = (
    200
    + 900 * np.exp(-((hours - 8) ** 2) / 3)
    + 750 * np.exp(-((hours - 17.5) ** 2) / 4)
    + 300 * np.exp(-((hours - 13) ** 2) / 10)
)
weekend = 150 + 600 * np.exp(-((hours - 14) ** 2) / 14)
weekday = weekday * rng.normal(1, 0.03, 24)
weekend = weekend * rng.normal(1, 0.03, 24)
ang = hours / 24 * 2 * np.pi

ax2 = fig.add_subplot(1, 2, 2, projection="polar")
ax2.set_theta_zero_location("N")
ax2.set_theta_direction(-1)
for y, lab, style in [(weekday, "weekday", "-o"), (weekend, "weekend", "--s")]:
    yy = np.append(y, y[0])
    aa = np.append(ang, ang[0])
    ax2.plot(aa, yy, style, ms=3.5, lw=1.6, label=lab)
    ax2.fill(aa, yy, alpha=0.15)
ax2.set_xticks(np.deg2rad(np.arange(0, 360, 30)))
ax2.set_xticklabels([f"{h:02d}:00" for h in range(0, 24, 2)], fontsize=8)
ax2.set_ylim(0, 1300)
ax2.set_rticks([400, 800, 1200])
ax2.set_title("Vehicles per hour, Main St. counter", pad=18)
ax2.legend(loc="upper right", bbox_to_anchor=(1.2, 1.08), fontsize=9)

fig.subplots_adjust(left=0.13, right=0.93, wspace=0.35, top=0.85, bottom=0.08)
