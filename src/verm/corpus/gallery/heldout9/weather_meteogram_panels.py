# A five-day weather meteogram: temperature and dew point, precipitation bars, wind and pressure in stacked panels
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(902)
hours = np.arange(0, 120, 3)
temp = 11 + 6 * np.sin((hours - 9) / 24 * 2 * np.pi) - 0.03 * hours + rng.normal(0, 0.6, hours.size)
dew = temp - 3 - 2 * np.abs(np.sin(hours / 30)) + rng.normal(0, 0.4, hours.size)
precip = np.clip(rng.gamma(0.6, 1.6, hours.size) - 0.8, 0, None)
precip[(hours > 40) & (hours < 70)] *= 3
wind = 12 + 8 * np.exp(-(((hours - 55) / 18) ** 2)) + rng.normal(0, 1.2, hours.size)
gust = wind * 1.45 + rng.uniform(0, 3, hours.size)
pressure = 1014 - 11 * np.exp(-(((hours - 52) / 22) ** 2)) + 0.02 * hours

plt.rcParams.update({"font.size": 9, "axes.spines.top": False, "axes.spines.right": False})
fig, (ax1, ax2, ax3, ax4) = plt.subplots(
    4, 1, figsize=(8, 8.5), sharex=True, gridspec_kw={"height_ratios": [3, 1.6, 1.6, 1.6]}
)

ax1.plot(hours, temp, color="#d62728", lw=2, label="Temperature")
ax1.plot(hours, dew, color="#2ca02c", lw=1.5, ls="--", label="Dew point")
ax1.fill_between(hours, dew, temp, color="#d62728", alpha=0.08)
ax1.axhline(0, color="#1f77b4", lw=0.8, ls=":")
ax1.set_ylabel("°C")
ax1.legend(loc="upper right", ncol=2, frameon=False)
ax1.set_title("Meteogram for Bergen (60.39N 5.32E), model run Mon 00 UTC", loc="left", fontweight="bold")

ax2.bar(hours, precip, width=2.6, color="#1f77b4", edgecolor="#0b3d6b", lw=0.5)
ax2.set_ylabel("mm / 3 h")
ax2.text(0.99, 0.85, f"total {precip.sum():.1f} mm", transform=ax2.transAxes, ha="right", fontsize=8)

ax3.plot(hours, wind, color="#444444", lw=1.6, label="Mean wind")
ax3.plot(hours, gust, color="#ff7f0e", lw=0, marker="^", ms=3.5, label="Gust")
ax3.set_ylabel("m/s")
ax3.legend(loc="upper left", frameon=False, ncol=2)

ax4.plot(hours, pressure, color="#9467bd", lw=1.8)
ax4.set_ylabel("hPa")
lo = np.argmin(pressure)
ax4.annotate(
    f"{pressure[lo]:.0f} hPa",
    (hours[lo], pressure[lo]),
    xytext=(15, 12),
    textcoords="offset points",
    arrowprops={"arrowstyle": "->", "color": "#9467bd"},
    color="#9467bd",
)

days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
for ax in (ax1, ax2, ax3, ax4):
    for d in range(0, 120, 24):
        ax.axvline(d, color="0.75", lw=0.7)
    ax.grid(axis="y", color="0.9")
ax4.set_xticks(np.arange(0, 121, 12))
ax4.set_xticklabels(
    [f"{days[h // 24]} {h % 24:02d}" if h % 24 == 0 and h < 120 else f"{h % 24:02d}" for h in range(0, 121, 12)],
    fontsize=8,
)
ax4.set_xlim(0, 117)
ax4.set_xlabel("Forecast time (UTC)")
fig.align_ylabels()
fig.tight_layout(h_pad=0.4)
