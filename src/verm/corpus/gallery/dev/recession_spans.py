"""Unemployment rate over time with shaded recessions (axvspan) and a target band (axhspan)."""

import matplotlib.pyplot as plt
import numpy as np

years = np.arange(1990, 2024)
rng = np.random.default_rng(11)
rate = 5.5 + np.cumsum(rng.normal(0, 0.35, years.size))
rate[18:21] += [1.5, 3.0, 2.2]
rate[30:32] += [3.5, 1.0]

recessions = [(1990.5, 1991.2), (2001.2, 2001.9), (2007.9, 2009.5), (2020.1, 2020.4)]

plt.style.use("bmh")
fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(years, rate, color="navy", linewidth=1.8, label="unemployment rate")
for start, end in recessions:
    ax.axvspan(start, end, color="grey", alpha=0.3, linewidth=0)
ax.axhspan(4, 5, color="tab:green", alpha=0.15, label="target band")
ax.axhline(rate.mean(), color="crimson", linestyle="--", linewidth=1, label="period mean")
ax.set_xlim(years[0], years[-1])
ax.set_title("Unemployment and recessions, 1990-2023")
ax.set_ylabel("% of labour force")
ax.legend(loc="upper left")
ax.text(2008.2, rate.max() + 0.2, "financial crisis", fontsize=8, style="italic")
plt.show()
