# Commute time vs population density for 60 cities, coloured by median rent with a colorbar
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(11)
n = 60
density = rng.lognormal(mean=8.0, sigma=0.6, size=n)  # people per km2
commute = 18 + 4.5 * np.log(density / 1000) + rng.normal(0, 3, n)
rent = 700 + 0.12 * density + rng.normal(0, 250, n)

fig, ax = plt.subplots(figsize=(7.5, 5.5))
sc = ax.scatter(density, commute, c=rent, cmap="plasma", s=45, edgecolors="k", linewidths=0.4)
cbar = fig.colorbar(sc, ax=ax)
cbar.set_label("Median rent, 1-bed (USD / month)")

# label the three densest cities
for i, offset in zip(np.argsort(density)[-3:], [(-70, -30), (-45, 28), (-5, 24)]):
    ax.annotate(
        "City %d" % (i + 1),
        (density[i], commute[i]),
        xytext=offset,
        textcoords="offset points",
        fontsize=8,
        arrowprops=dict(arrowstyle="-", color="0.4"),
    )

ax.set_xscale("log")
ax.set_ylim(13.5, 35)
ax.set_xlabel("Population density (people / km²)")
ax.set_ylabel("Mean one-way commute (min)")
ax.set_title("Denser cities, longer commutes?")
ax.grid(alpha=0.3, which="both")
fig.tight_layout()
plt.show()
