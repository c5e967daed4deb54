# Monthly airline passengers: the full series above a seasonal subseries plot with each month's years and mean
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-darkgrid")
rng = np.random.default_rng(1949)

years = np.arange(2012, 2024)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
season = np.array([0.86, 0.84, 0.97, 0.96, 0.98, 1.1, 1.22, 1.21, 1.04, 0.93, 0.82, 0.92])
level = 310 * 1.055 ** (years - years[0])
pax = level[:, None] * season[None, :] * rng.normal(1, 0.025, (len(years), 12))
pax[8, 3:] *= 0.35  # 2020 collapse from April
pax[9, :] *= np.linspace(0.45, 0.8, 12)
pax[10, :6] *= 0.9

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10.5, 7), gridspec_kw={"height_ratios": [1, 1.4]})
t = years[0] + np.arange(pax.size) / 12
ax1.plot(t, pax.ravel(), lw=1.3, color="#2d6a9f")
ax1.axvspan(2020.2, 2021.9, color="#c44e52", alpha=0.15, lw=0)
ax1.text(2021.05, pax.max() * 0.95, "pandemic", ha="center", fontsize=9, color="#8b2f32")
ax1.set_ylabel("Passengers (thousands)")
ax1.set_title("Monthly passengers, regional airport, 2012-2023", loc="left", fontsize=11)
ax1.set_xlim(t[0], t[-1] + 1 / 12)

span = 0.8
for m in range(12):
    x = m + np.linspace(-span / 2, span / 2, len(years))
    ax2.plot(x, pax[:, m], color="#2d6a9f", lw=1.1)
    ax2.plot(x[8:10], pax[8:10, m], "o", ms=3, color="#c44e52")
    mean = np.delete(pax[:, m], [8, 9]).mean()
    ax2.hlines(mean, x[0], x[-1], color="k", lw=2)
ax2.set_xticks(range(12), months)
ax2.set_xlim(-0.6, 11.6)
ax2.set_ylabel("Passengers (thousands)")
ax2.set_title(
    "Seasonal subseries (one line per month, 2012 -> 2023; black: mean excl. 2020-21)", loc="left", fontsize=11
)
ax2.text(11.55, ax2.get_ylim()[0] + 8, "red dots: 2020, 2021", ha="right", fontsize=8, color="#8b2f32")
fig.tight_layout()
