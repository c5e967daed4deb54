# Electricity demand history and a 14-day forecast with nested 50/80/95% prediction intervals, split by a vertical "forecast start" line.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(61)
hist_days = np.arange(0, 60)
fc_days = np.arange(60, 74)
weekly = 4 * np.sin(2 * np.pi * np.arange(74) / 7)
trend = 100 + 0.08 * np.arange(74)
demand = trend[:60] + weekly[:60] + rng.normal(0, 2.2, 60)
forecast = trend[60:] + weekly[60:]
horizon = np.arange(1, 15)
sigma = 2.2 * np.sqrt(1 + 0.25 * horizon)

fig, ax = plt.subplots(figsize=(9, 4.5))
ax.plot(hist_days, demand, color="black", lw=1.3, label="Observed")
for z, alpha, label in [(1.96, 0.15, "95% PI"), (1.28, 0.25, "80% PI"), (0.674, 0.4, "50% PI")]:
    ax.fill_between(
        fc_days, forecast - z * sigma, forecast + z * sigma, color="#2171b5", alpha=alpha, lw=0, label=label
    )
ax.plot(fc_days, forecast, color="#2171b5", lw=2, label="Point forecast")
ax.plot([59, 60], [demand[-1], forecast[0]], color="#2171b5", lw=2)
ax.axvline(59.5, color="0.4", ls="--", lw=1)
ax.text(59.8, 118, "forecast →", fontsize=9, color="0.3")
ax.set_xlim(0, 73)
ax.set_ylim(85, 122)
ax.set_xticks(np.arange(0, 74, 7), [f"Day {d}" for d in np.arange(0, 74, 7)], rotation=30)
ax.set_ylabel("Daily peak demand (GW)")
ax.set_title("National grid peak demand: last 60 days and 2-week forecast")
ax.legend(loc="upper left", ncols=3, fontsize=8)
fig.tight_layout()
plt.show()
