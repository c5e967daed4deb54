# Life expectancy vs GDP per capita for 30 countries as bubbles sized by population, with a size legend
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(3)
regions = {
    "Africa": ("#e41a1c", 8, 2500, 62),
    "Americas": ("#377eb8", 6, 15000, 75),
    "Asia": ("#4daf4a", 9, 9000, 73),
    "Europe": ("#984ea3", 7, 38000, 80),
}

fig, ax = plt.subplots(figsize=(9, 6))
for region, (color, n, gdp_center, life_center) in regions.items():
    gdp = gdp_center * rng.lognormal(0, 0.5, n)
    life = life_center + 3.5 * np.log(gdp / gdp_center) + rng.normal(0, 2, n)
    pop = rng.lognormal(3.2, 1.1, n)  # millions
    ax.scatter(gdp, life, s=pop * 4, color=color, alpha=0.6, edgecolors="white", linewidths=0.8, label=region)

ax.set_xscale("log")
ax.set_xlim(500, 150000)
ax.set_xlabel("GDP per capita (PPP, international $)")
ax.set_ylabel("Life expectancy at birth (years)")
ax.set_title("Wealth and health, 2019")

region_legend = ax.legend(loc="upper left", title="Region", markerscale=0.4)
ax.add_artist(region_legend)

# size legend with reference bubbles
handles = [ax.scatter([], [], s=p * 4, color="0.6", alpha=0.6) for p in (10, 50, 200)]
ax.legend(handles, ["10 M", "50 M", "200 M"], title="Population", loc="lower right", labelspacing=1.6, borderpad=1.2)
ax.grid(True, which="major", linestyle=":", color="0.8")
fig.tight_layout()
plt.show()
