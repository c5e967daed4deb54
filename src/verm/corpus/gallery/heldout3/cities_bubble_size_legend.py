# Scatter of cities (GDP per capita vs life expectancy, log x) with marker size = population, colour = continent-free metric (CO2 per capita) on a colorbar, and a size legend from legend_elements
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

rng = np.random.default_rng(1960)
n = 90
log_gdp = rng.normal(9.6, 0.9, n)
gdp = np.exp(log_gdp)
life = 50 + 6.2 * (log_gdp - 7) + rng.normal(0, 2.3, n)
life = np.clip(life, 52, 85)
pop = np.round(rng.lognormal(np.log(3.0), 1.0, n), 1)  # millions
co2 = np.clip(0.9 * np.exp(0.55 * (log_gdp - 8)) + rng.normal(0, 0.8, n), 0.1, 20)

fig, ax = plt.subplots(figsize=(8.5, 5.8))
sc = ax.scatter(
    gdp, life, s=pop * 12, c=co2, cmap="viridis", vmin=0, vmax=10, alpha=0.75, edgecolors="k", linewidths=0.4
)
ax.set_xscale("log")
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"${v / 1000:g}k"))
ax.set_xlabel("GDP per capita (PPP, log scale)")
ax.set_ylabel("life expectancy at birth (years)")
ax.set_title("Metro areas: income, health and emissions")
ax.grid(True, which="major", alpha=0.3)

cbar = fig.colorbar(sc, ax=ax, pad=0.02)
cbar.set_label("CO$_2$ per capita (t/yr)")

handles, labels = sc.legend_elements(
    prop="sizes", num=[5, 20, 45], func=lambda s: s / 12, color="0.5", alpha=0.6, fmt="{x:g} M"
)
ax.legend(handles, labels, title="population", loc="lower right", labelspacing=1.6, borderpad=1.0, frameon=True)

for i in np.argsort(pop)[-3:]:
    ax.annotate(f"{pop[i]:.0f} M people", (gdp[i], life[i]), xytext=(6, 6), textcoords="offset points", fontsize=8)
fig.tight_layout()
