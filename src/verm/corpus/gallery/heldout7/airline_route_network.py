# Node-link diagram of a regional airline's route network: airports sized by number of routes, coloured by hub, labelled
import matplotlib.pyplot as plt
import numpy as np

airports = {
    "OSL": (10.7, 60.2),
    "BGO": (5.2, 60.3),
    "TRD": (10.9, 63.5),
    "SVG": (5.6, 58.9),
    "KRS": (8.1, 58.2),
    "BOO": (14.4, 67.3),
    "TOS": (18.9, 69.7),
    "ALF": (23.4, 70.0),
    "CPH": (12.6, 55.6),
    "ARN": (17.9, 59.6),
    "GOT": (12.3, 57.7),
    "HEL": (24.9, 60.3),
    "AES": (6.1, 62.6),
    "EVE": (16.7, 68.5),
    "LYR": (15.5, 78.2),
    "KKN": (29.9, 69.7),
}
routes = [
    ("OSL", "BGO"),
    ("OSL", "TRD"),
    ("OSL", "SVG"),
    ("OSL", "KRS"),
    ("OSL", "BOO"),
    ("OSL", "TOS"),
    ("OSL", "CPH"),
    ("OSL", "ARN"),
    ("OSL", "GOT"),
    ("OSL", "HEL"),
    ("OSL", "AES"),
    ("OSL", "EVE"),
    ("BGO", "SVG"),
    ("BGO", "TRD"),
    ("BGO", "AES"),
    ("BGO", "CPH"),
    ("TRD", "BOO"),
    ("TRD", "TOS"),
    ("TRD", "AES"),
    ("BOO", "TOS"),
    ("BOO", "EVE"),
    ("TOS", "ALF"),
    ("TOS", "LYR"),
    ("TOS", "KKN"),
    ("TOS", "EVE"),
    ("CPH", "ARN"),
    ("CPH", "GOT"),
    ("ARN", "HEL"),
    ("SVG", "CPH"),
    ("OSL", "LYR"),
]
hubs = {"OSL": "#ff6b6b", "BGO": "#4ecdc4", "TRD": "#ffd93d", "TOS": "#a29bfe"}

degree = {code: 0 for code in airports}
for a, b in routes:
    degree[a] += 1
    degree[b] += 1

plt.style.use("dark_background")
fig, ax = plt.subplots(figsize=(7, 8))
for a, b in routes:
    (x1, y1), (x2, y2) = airports[a], airports[b]
    colour = hubs.get(a, "0.6")
    ax.plot([x1, x2], [y1, y2], color=colour, lw=0.6 + 0.15 * min(degree[a], degree[b]), alpha=0.55, zorder=1)

codes = list(airports)
xy = np.array([airports[c] for c in codes])
sizes = np.array([40 + 28 * degree[c] for c in codes])
colours = [hubs.get(c, "#dfe6e9") for c in codes]
ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=colours, edgecolors="black", linewidths=0.8, zorder=3)
for c, (x, y) in zip(codes, xy):
    ax.annotate(
        c,
        (x, y),
        xytext=(0, 7 + np.sqrt(40 + 28 * degree[c]) / 2),
        textcoords="offset points",
        ha="center",
        fontsize=8,
        fontweight="bold" if c in hubs else "normal",
        zorder=4,
    )

for code, colour in hubs.items():
    ax.scatter([], [], s=90, c=colour, edgecolors="black", label=f"{code} hub")
ax.scatter([], [], s=90, c="#dfe6e9", edgecolors="black", label="Spoke airport")
ax.legend(loc="lower right", frameon=False, fontsize=9, labelspacing=1.0)

ax.set_xlim(2, 33)
ax.set_ylim(54, 80)
ax.set_aspect(1.8)
ax.set_xlabel("Longitude (°E)")
ax.set_ylabel("Latitude (°N)")
ax.set_title("Nordic route network, summer schedule\n30 routes, 16 airports", fontsize=12)
ax.grid(alpha=0.15)
fig.tight_layout()
