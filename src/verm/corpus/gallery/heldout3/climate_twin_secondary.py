# Climate chart for a city: monthly precipitation bars on a twin y axis, mean/min/max temperature lines in °C with a secondary °F axis
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
m = np.arange(12)
t_mean = 9.5 - 10.5 * np.cos(2 * np.pi * (m + 0.5 - 0.6) / 12)
t_max = t_mean + 5.5 + 1.0 * np.sin(2 * np.pi * m / 12)
t_min = t_mean - 5.0
precip = np.array([42, 38, 45, 52, 71, 88, 96, 84, 61, 55, 58, 49], dtype=float)
rain_days = np.array([9, 8, 9, 10, 12, 12, 13, 12, 9, 9, 10, 10])

fig, ax_t = plt.subplots(figsize=(8.5, 5))
ax_p = ax_t.twinx()
ax_t.set_zorder(ax_p.get_zorder() + 1)  # temperature lines on top of the bars
ax_t.patch.set_visible(False)

bars = ax_p.bar(m, precip, width=0.65, color="#7aa6c2", alpha=0.7, label="Precipitation")
for rect, d in zip(bars, rain_days):
    ax_p.text(
        rect.get_x() + rect.get_width() / 2, rect.get_height() + 2, f"{d}d", ha="center", fontsize=7.5, color="#34607d"
    )
ax_p.set_ylim(0, 300)
ax_p.set_ylabel("Precipitation (mm)", color="#34607d")
ax_p.tick_params(axis="y", colors="#34607d")
ax_p.grid(False)

ax_t.plot(m, t_max, "-o", color="#c0392b", ms=4, label="Mean daily max")
ax_t.plot(m, t_mean, "-", color="#7f3c8d", lw=2.2, label="Mean")
ax_t.plot(m, t_min, "-o", color="#2471a3", ms=4, label="Mean daily min")
ax_t.fill_between(m, t_min, t_max, color="#e59866", alpha=0.15)
ax_t.axhline(0, color="k", lw=0.8, ls="--")
ax_t.set_ylim(-15, 35)
ax_t.set_ylabel("Temperature (°C)")
ax_t.set_xticks(m, months)

secax = ax_t.secondary_yaxis("left", functions=(lambda c: c * 9 / 5 + 32, lambda f: (f - 32) * 5 / 9))
secax.spines["left"].set_position(("outward", 48))
secax.set_ylabel("(°F)")

h1, l1 = ax_t.get_legend_handles_labels()
h2, l2 = ax_p.get_legend_handles_labels()
ax_t.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=8.5, ncol=2)
ax_t.set_title("Climate normals 1991-2020, Minneapolis-like station")
fig.tight_layout()
