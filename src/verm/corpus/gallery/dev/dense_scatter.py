"""Six hundred points coloured by a third variable with a colormap, sized by a fourth, with a colorbar."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1234)
n = 600
gdp = rng.lognormal(mean=9.5, sigma=0.9, size=n)
life = 50 + 7 * np.log10(gdp) + rng.normal(0, 2.5, n)
population = rng.lognormal(mean=2.0, sigma=1.1, size=n)
urban = np.clip(rng.normal(0.55, 0.2, n) + 0.05 * np.log10(gdp), 0, 1)

fig, ax = plt.subplots(figsize=(7.5, 5))
sc = ax.scatter(gdp, life, c=urban, s=population * 4, cmap="plasma", alpha=0.7, edgecolors="k", linewidths=0.3)
ax.set_xscale("log")
cbar = fig.colorbar(sc, ax=ax)
cbar.set_label("urban share")
ax.set_xlabel("GDP per capita (USD, log scale)")
ax.set_ylabel("life expectancy (years)")
ax.set_title("Health and wealth of 600 regions")
ax.grid(True, which="both", alpha=0.25)
plt.show()
