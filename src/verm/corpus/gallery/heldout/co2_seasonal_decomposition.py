# Seasonal decomposition of a monthly CO2 series into observed, trend, seasonal and residual panels sharing the time axis.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1958)
months = np.arange(12 * 20)
years = 2000 + months / 12
trend_true = 369 + 1.9 * months / 12 + 0.012 * (months / 12) ** 2
season_true = 3.1 * np.sin(2 * np.pi * (months - 1.5) / 12) + 0.9 * np.sin(4 * np.pi * months / 12)
co2 = trend_true + season_true + rng.normal(0, 0.25, months.size)

kernel = np.r_[0.5, np.ones(11), 0.5] / 12
trend = np.full(co2.size, np.nan)
trend[6:-6] = np.convolve(co2, kernel, mode="valid")
detrended = co2 - trend
month_means = np.array([np.nanmean(detrended[m::12]) for m in range(12)])
month_means -= month_means.mean()
seasonal = month_means[months % 12]
resid = co2 - trend - seasonal

plt.style.use("fivethirtyeight")
plt.rcParams.update({"font.size": 9, "lines.linewidth": 1.3, "axes.titlesize": 10})
fig, axes = plt.subplots(4, 1, figsize=(8, 8), sharex=True)
panels = [(co2, "Observed (ppm)"), (trend, "Trend"), (seasonal, "Seasonal"), (resid, "Residual")]
for ax, (series, name) in zip(axes, panels, strict=True):
    if name == "Residual":
        ax.scatter(years, series, s=6, color="#30a2da")
        ax.axhline(0, color="0.3", lw=1)
    else:
        ax.plot(years, series)
    ax.set_ylabel(name)
axes[0].set_title("Atmospheric CO$_2$, additive decomposition (12-month centred MA)", loc="left")
axes[-1].set_xlabel("Year")
fig.tight_layout()
plt.show()
