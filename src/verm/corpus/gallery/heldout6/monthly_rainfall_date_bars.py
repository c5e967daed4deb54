# Pandas-style monthly rainfall bars on a datetime64 axis, with bar widths in days, a 12-month rolling mean and a stroked record label
import matplotlib.dates as mdates
import matplotlib.patheffects as pe
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-deep")
plt.rcParams.update({"font.family": "DejaVu Serif", "axes.spines.top": False, "axes.spines.right": False})

rng = np.random.default_rng(1987)
months = np.arange("2019-01", "2024-01", dtype="datetime64[M]")
season = 70 + 35 * np.cos(2 * np.pi * (np.arange(months.size) - 0.5) / 12)
rain = rng.gamma(4.0, season / 4.0)
rain[40] = 248.0  # the wet May 2022
normal = 70 + 35 * np.cos(2 * np.pi * (np.arange(12) - 0.5) / 12)
rolling = np.convolve(rain, np.ones(12) / 12, mode="valid")

dates = months.astype("datetime64[D]")
fig, ax = plt.subplots(figsize=(11, 4.8))
colors = np.where(rain > np.tile(normal, 5), "#2166ac", "#b2b2b2")
ax.bar(dates, rain, width=25, align="edge", color=colors)
ax.plot(dates[11:] + np.timedelta64(15, "D"), rolling, color="#d6604d", lw=2.2, label="12-month rolling mean")
ax.step(dates, np.tile(normal, 5), where="post", color="black", lw=0.8, ls="--", label="1991–2020 monthly normal")
peak = int(np.argmax(rain))
ax.annotate(
    f"{rain[peak]:.0f} mm\nwettest month",
    xy=(dates[peak] + np.timedelta64(12, "D"), rain[peak]),
    xytext=(35, -10),
    textcoords="offset points",
    fontsize=10,
    color="#2166ac",
    arrowprops={"arrowstyle": "->", "color": "#2166ac"},
    path_effects=[pe.withStroke(linewidth=4, foreground="white")],
)
ax.xaxis.set_major_locator(mdates.YearLocator())
ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=[4, 7, 10]))
ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
ax.set_xlim(np.datetime64("2019-01-01"), np.datetime64("2024-01-01"))
ax.set_ylabel("Rainfall (mm)")
ax.legend(loc="upper left", frameon=False)
ax.set_title("Monthly rainfall at the airport gauge (blue: above normal)")
fig.tight_layout()
plt.show()
