"""A model fit with a shaded confidence band (fill_between) and the observations as points."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(42)
x = np.linspace(0, 10, 60)
truth = 1.5 * np.sqrt(x) + 0.3 * np.sin(2 * x)
obs = truth + rng.normal(0, 0.35, x.size)
coef = np.polyfit(x, obs, 3)
fit = np.polyval(coef, x)
sigma = np.std(obs - fit)

plt.style.use("seaborn-v0_8-whitegrid")
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.fill_between(x, fit - 2 * sigma, fit + 2 * sigma, color="tab:blue", alpha=0.15, label="95 % band")
ax.fill_between(x, fit - sigma, fit + sigma, color="tab:blue", alpha=0.3, label="68 % band")
ax.plot(x, fit, color="tab:blue", linewidth=2, label="cubic fit")
ax.scatter(x, obs, s=14, color="black", zorder=3, label="observations")
ax.fill_between(x, 0, 1, where=obs > fit + sigma, color="tab:red", alpha=0.4, transform=ax.get_xaxis_transform())
ax.set_title("Growth curve with confidence bands")
ax.set_xlabel("time (weeks)")
ax.set_ylabel("height (cm)")
ax.legend(loc="upper left")
plt.show()
