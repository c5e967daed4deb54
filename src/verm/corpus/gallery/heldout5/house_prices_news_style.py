# News-graphic line chart of house-price indices with direct end labels, a headline, subtitle and source note
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.spines.left": False,
        "ytick.left": False,
    }
)

quarters = np.arange(2015, 2024.01, 0.25)
regions = {
    "London": (100, [0.020, 0.015, 0.004, -0.002, 0.003, 0.012, 0.008, -0.004, -0.006]),
    "North West": (100, [0.010, 0.012, 0.014, 0.013, 0.016, 0.030, 0.024, 0.010, 0.004]),
    "Scotland": (100, [0.004, 0.008, 0.010, 0.009, 0.012, 0.022, 0.018, 0.006, 0.005]),
    "Wales": (100, [0.008, 0.010, 0.012, 0.012, 0.018, 0.034, 0.026, 0.004, -0.002]),
}
colors = {"London": "#0a5a8c", "North West": "#e3120b", "Scotland": "#aaaaaa", "Wales": "#f2a900"}

fig, ax = plt.subplots(figsize=(8, 5.6))
fig.subplots_adjust(left=0.08, right=0.82, top=0.80, bottom=0.12)
for name, (base, yearly) in regions.items():
    quarterly = np.repeat(yearly, 4)[: len(quarters) - 1]
    index = base * np.concatenate([[1.0], np.cumprod(1 + quarterly)])
    ax.plot(quarters, index, color=colors[name], lw=2.6 if name in ("London", "North West") else 1.6)
    ax.text(
        quarters[-1] + 0.15,
        index[-1],
        f"{name}\n{index[-1]:.0f}",
        color=colors[name],
        va="center",
        fontsize=9,
        fontweight="bold",
    )
ax.axhline(100, color="black", lw=1)
ax.set_xlim(2015, 2024)
ax.set_ylim(95, 175)
ax.grid(axis="y", color="0.85")
ax.set_xticks([2015, 2017, 2019, 2021, 2023])
ax.tick_params(axis="y", length=0, labelsize=9)
fig.text(0.08, 0.93, "The north catches up", fontsize=17, fontweight="bold")
fig.text(0.08, 0.87, "House-price index by region, Q1 2015 = 100", fontsize=11, color="0.3")
fig.add_artist(plt.Line2D([0.08, 0.16], [0.975, 0.975], color="#e3120b", lw=5))
fig.text(0.08, 0.03, "Source: illustrative land-registry style data", fontsize=8, color="0.45")
plt.show()
