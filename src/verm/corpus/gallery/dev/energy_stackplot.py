"""Electricity mix over three decades as a stackplot of shares, with an annotated milestone and a legend below."""

import matplotlib.pyplot as plt
import numpy as np

years = np.arange(1995, 2025)
t = (years - 1995) / 29
coal = 45 - 35 * t**1.3
gas = 20 + 10 * np.sin(t * np.pi)
nuclear = 20 - 5 * t
hydro = np.full(years.size, 10.0)
wind_solar = 1 + 38 * t**2
total = coal + gas + nuclear + hydro + wind_solar
shares = [100 * s / total for s in (coal, gas, nuclear, hydro, wind_solar)]

plt.style.use("fivethirtyeight")
fig, ax = plt.subplots(figsize=(9, 5.5))
ax.stackplot(
    years,
    *shares,
    labels=["coal", "gas", "nuclear", "hydro", "wind & solar"],
    colors=["#4d4d4d", "#f4a582", "#92c5de", "#0571b0", "#1a9850"],
    alpha=0.9,
)
ax.set_xlim(years[0], years[-1])
ax.set_ylim(0, 100)
ax.set_ylabel("share of generation (%)")
ax.set_title("Electricity mix, 1995-2024", fontsize=14)
ax.annotate(
    "renewables overtake coal",
    xy=(2017, 88),
    xytext=(1998, 92),
    arrowprops=dict(arrowstyle="->", color="white"),
    color="white",
    fontsize=10,
)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), fontsize=9, ncols=5)
fig.tight_layout()
plt.show()
