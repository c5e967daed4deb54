# Greenhouse-gas emissions by sector as stacked bars distinguished by hatch patterns, for a grayscale print figure
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams.update({"hatch.linewidth": 0.8, "font.family": "serif"})

years = ["1990", "2000", "2010", "2015", "2020", "2022"]
sectors = {
    "Energy supply": [412, 388, 351, 298, 214, 205],
    "Industry": [286, 244, 205, 190, 171, 168],
    "Transport": [163, 181, 172, 168, 146, 154],
    "Buildings": [210, 178, 159, 131, 121, 112],
    "Agriculture": [88, 79, 72, 71, 69, 67],
}
hatches = ["", "///", "...", "xx", "\\\\"]
faces = ["0.25", "white", "0.75", "white", "0.55"]

x = np.arange(len(years))
fig, ax = plt.subplots(figsize=(8, 5.5))
bottom = np.zeros(len(years))
for (sector, values), hatch, face in zip(sectors.items(), hatches, faces):
    ax.bar(x, values, 0.62, bottom=bottom, label=sector, hatch=hatch, facecolor=face, edgecolor="black", lw=0.8)
    bottom += values
for xi, total in zip(x, bottom):
    ax.text(xi, total + 12, f"{total:.0f}", ha="center", fontsize=9)
target = 1159 * 0.45
ax.axhline(target, ls="--", color="black", lw=1)
ax.text(x[-1] + 0.35, target, "2030 target\n(−55%)", va="center", fontsize=8)
ax.set_xticks(x, years)
ax.set_xlim(-0.5, len(years) - 0.1)
ax.set_ylim(0, 1300)
ax.set_ylabel("Emissions (Mt CO₂-eq)")
ax.set_title("Figure 3. Territorial emissions by sector")
ax.legend(loc="upper right", ncols=2, fontsize=9, frameon=False)
fig.tight_layout()
plt.show()
