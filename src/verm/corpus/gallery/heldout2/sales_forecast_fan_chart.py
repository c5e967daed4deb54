# Weekly unit sales history and a 12-week forecast with 50/80/95% prediction intervals (fan chart)
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-darkgrid")

rng = np.random.default_rng(19)
weeks = np.arange(52)
history = 420 + 2.5 * weeks + 40 * np.sin(2 * np.pi * weeks / 26) + rng.normal(0, 18, len(weeks))

horizon = np.arange(52, 64)
steps = horizon - 51
point = 420 + 2.5 * horizon + 40 * np.sin(2 * np.pi * horizon / 26)
sigma = 18 * np.sqrt(steps)

fig, ax = plt.subplots(figsize=(10, 4.8))
ax.plot(weeks, history, color="#2c3e50", linewidth=1.6, label="Observed")
for z, alpha, label in [(1.96, 0.18, "95% PI"), (1.28, 0.3, "80% PI"), (0.67, 0.45, "50% PI")]:
    ax.fill_between(
        horizon, point - z * sigma, point + z * sigma, color="#e67e22", alpha=alpha, linewidth=0, label=label
    )
ax.plot(horizon, point, color="#d35400", linewidth=2, linestyle="--", label="Forecast")
ax.axvline(51.5, color="0.3", linewidth=1)
ax.text(52, ax.get_ylim()[0] + 10, "forecast →", fontsize=9, color="0.3")

ax.set_xlim(0, 63)
ax.set_xlabel("Week")
ax.set_ylabel("Units sold")
ax.set_title("Store #118: weekly sales and 12-week forecast")
ax.legend(loc="upper left", ncols=5, fontsize=9)
fig.tight_layout()
plt.show()
