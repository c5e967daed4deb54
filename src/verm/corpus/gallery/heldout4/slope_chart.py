# Slope chart of median rent (EUR per m2) in ten cities, 2014 versus 2024, with risers highlighted and labels on both ends
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fast")
plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 10, "axes.spines.top": False})

cities = ["Lisbon", "Berlin", "Vienna", "Madrid", "Prague", "Warsaw", "Dublin", "Milan", "Helsinki", "Athens"]
rent_2014 = np.array([9.1, 8.6, 10.2, 11.0, 8.0, 7.4, 16.1, 13.5, 15.2, 6.8])
rent_2024 = np.array([17.8, 14.9, 12.1, 15.6, 14.2, 13.1, 21.4, 18.9, 16.7, 9.6])
change = (rent_2024 - rent_2014) / rent_2014 * 100

plt.figure(figsize=(6.2, 7), dpi=100)
for city, a, b, pct in zip(cities, rent_2014, rent_2024, change):
    hot = pct > 70
    color = "#b2182b" if hot else "#8c8c8c"
    plt.plot([0, 1], [a, b], color=color, lw=2.4 if hot else 1.3, marker="o", ms=6, zorder=3 if hot else 2)
    plt.text(-0.04, a, f"{city}  {a:.1f}", ha="right", va="center", color=color, fontsize=9)
    plt.text(
        1.04,
        b,
        f"{b:.1f}  ({pct:+.0f}%)",
        ha="left",
        va="center",
        color=color,
        fontsize=9,
        fontweight="bold" if hot else "normal",
    )

plt.xlim(-0.55, 1.5)
plt.ylim(5, 23)
plt.xticks([0, 1], ["2014", "2024"], fontsize=12, fontweight="bold")
plt.axvline(0, color="0.2", lw=0.8)
plt.axvline(1, color="0.2", lw=0.8)
plt.gca().spines[["left", "right", "bottom"]].set_visible(False)
plt.yticks([])
plt.title("Median asking rent, EUR per m\u00b2\nred: rose by more than 70%", fontsize=12, loc="left")
plt.tight_layout()
