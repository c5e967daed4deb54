# Sunburst-style nested donut of a household's monthly spending: categories on the inner ring, subcategories on the outer ring, with the total in the centre
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

spend = {
    "Housing": {"Rent": 1450, "Utilities": 210, "Insurance": 60},
    "Food": {"Groceries": 520, "Restaurants": 240, "Coffee": 45},
    "Transport": {"Transit pass": 95, "Car share": 70, "Bike repair": 25},
    "Leisure": {"Streaming": 32, "Concerts": 90, "Books": 40, "Gym": 55},
    "Savings": {"Pension": 400, "ETF": 300},
}
cmaps = [plt.get_cmap(n) for n in ("Blues", "Oranges", "Greens", "Purples", "Greys")]
inner = [sum(v.values()) for v in spend.values()]
outer, outer_colors, outer_labels = [], [], []
for subs, cmap in zip(spend.values(), cmaps):
    shades = cmap(np.linspace(0.45, 0.8, len(subs)))
    for (name, value), shade in zip(subs.items(), shades):
        outer.append(value)
        outer_colors.append(shade)
        outer_labels.append(name if value / sum(inner) > 0.02 else "")

fig, ax = plt.subplots(figsize=(8, 8))
wedges_in, _ = ax.pie(
    inner,
    radius=0.68,
    colors=[c(0.9) for c in cmaps],
    startangle=90,
    counterclock=False,
    wedgeprops=dict(width=0.32, edgecolor="white", linewidth=1.5),
)
ax.pie(
    outer,
    radius=1.0,
    colors=outer_colors,
    startangle=90,
    counterclock=False,
    labels=outer_labels,
    labeldistance=1.06,
    wedgeprops=dict(width=0.32, edgecolor="white", linewidth=1),
)
for wedge, (cat, value) in zip(wedges_in, zip(spend, inner)):
    ang = np.deg2rad((wedge.theta1 + wedge.theta2) / 2)
    ax.text(
        0.52 * np.cos(ang),
        0.52 * np.sin(ang),
        f"{cat}\n{value / sum(inner):.0%}",
        ha="center",
        va="center",
        color="white",
        fontsize=9,
        fontweight="bold",
    )
ax.text(0, 0.05, f"{sum(inner):,}", ha="center", va="center", fontsize=22, fontweight="bold")
ax.text(0, -0.1, "EUR per month", ha="center", va="center", fontsize=10, color="0.35")
ax.set_title("Where the money goes", fontsize=15, fontweight="bold", pad=20)
ax.set(aspect="equal")
fig.tight_layout()
