# Autocorrelation (acorr) of a synthetic monthly sunspot-like series and its cross-correlation (xcorr) with a lagged proxy
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")

rng = np.random.default_rng(1859)
months = np.arange(600)
cycle = 80 * np.clip(np.sin(2 * np.pi * months / 132), 0, None) ** 1.5
sunspots = cycle + rng.normal(0, 12, months.size)
proxy = np.roll(sunspots, 18) * 0.5 + rng.normal(0, 15, months.size)
sunspots = sunspots - sunspots.mean()
proxy = proxy - proxy.mean()

fig, axes = plt.subplots(3, 1, figsize=(8, 8))
axes[0].plot(months / 12 + 1950, sunspots, lw=0.8, color="#A60628", label="sunspot number")
axes[0].plot(months / 12 + 1950, proxy, lw=0.8, color="#348ABD", alpha=0.8, label="proxy (lagged)")
axes[0].set_xlabel("Year")
axes[0].set_ylabel("Anomaly")
axes[0].legend(loc="upper right", ncols=2, fontsize=9)

axes[1].acorr(sunspots, maxlags=200, usevlines=True, normed=True, lw=1.2, color="#A60628")
axes[1].axvline(132, color="k", ls="--", lw=1)
axes[1].text(136, 0.8, "11-year cycle", fontsize=9)
axes[1].set_ylabel("Autocorrelation")

lags, c, _, _ = axes[2].xcorr(sunspots, proxy, maxlags=60, usevlines=True, normed=True, lw=1.2, color="#348ABD")
best = lags[np.argmax(c)]
axes[2].plot(best, c.max(), "o", color="#E24A33", ms=8)
axes[2].annotate(
    f"peak at lag {best} months",
    xy=(best, c.max()),
    xytext=(15, 0.5),
    fontsize=9,
    arrowprops={"arrowstyle": "->", "color": "black"},
)
axes[2].set_xlabel("Lag (months)")
axes[2].set_ylabel("Cross-correlation")
fig.suptitle("Solar activity: periodicity and proxy lag", fontsize=13)
fig.tight_layout()
plt.show()
