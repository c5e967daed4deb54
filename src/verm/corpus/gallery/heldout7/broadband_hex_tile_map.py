# Hexagonal tile map of twenty districts coloured by share of homes with gigabit broadband, with a colorbar
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "axes.titleweight": "bold"})

tiles = {
    "NW": (0, 0),
    "NO": (1, 0),
    "NE": (2, 0),
    "WM": (0, 1),
    "CM": (1, 1),
    "HB": (2, 1),
    "EA": (3, 1),
    "SW": (-1, 2),
    "WC": (0, 2),
    "CC": (1, 2),
    "RV": (2, 2),
    "EC": (3, 2),
    "CO": (-1, 3),
    "SO": (0, 3),
    "SH": (1, 3),
    "SE": (2, 3),
    "IS": (3, 3),
    "PE": (0, 4),
    "HA": (1, 4),
    "KE": (2, 4),
}
rng = np.random.default_rng(5)
share = {code: float(v) for code, v in zip(tiles, np.clip(rng.beta(4, 3, len(tiles)) * 100, 8, 97))}
share["CC"], share["CM"], share["PE"] = 96.0, 91.5, 12.5


def hexagon(cx, cy, r=0.95):
    angles = np.deg2rad(np.arange(30, 390, 60))
    return np.column_stack([cx + r * np.cos(angles), cy + r * np.sin(angles)])


centres = {}
for code, (col, row) in tiles.items():
    cx = col * np.sqrt(3) + (np.sqrt(3) / 2 if row % 2 else 0)
    cy = -row * 1.5
    centres[code] = (cx, cy)

codes = list(tiles)
polys = [hexagon(*centres[c]) for c in codes]
values = np.array([share[c] for c in codes])

fig, ax = plt.subplots(figsize=(7, 6))
coll = PolyCollection(polys, array=values, cmap="YlGnBu", edgecolors="white", linewidths=2)
coll.set_clim(0, 100)
ax.add_collection(coll)
for c in codes:
    cx, cy = centres[c]
    dark = share[c] > 60
    ax.text(cx, cy + 0.18, c, ha="center", va="center", fontweight="bold", color="white" if dark else "black")
    ax.text(cx, cy - 0.3, f"{share[c]:.0f}%", ha="center", va="center", fontsize=8, color="white" if dark else "0.2")

ax.autoscale_view()
ax.set_aspect("equal")
ax.axis("off")
cbar = fig.colorbar(coll, ax=ax, orientation="horizontal", fraction=0.05, pad=0.02, shrink=0.7)
cbar.set_label("Homes with gigabit-capable broadband (%)")
ax.set_title("Gigabit coverage by district, Q3", loc="left")
fig.text(0.02, 0.02, "Tiles are equal-area; positions approximate geography.", fontsize=7, color="0.4")
