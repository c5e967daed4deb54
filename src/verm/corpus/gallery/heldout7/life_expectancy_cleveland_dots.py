# Cleveland dot plot of life expectancy at birth in 2000, 2010 and 2021 for fifteen countries, sorted, on dotted guide lines
import matplotlib.pyplot as plt
import numpy as np

countries = [
    "Japan",
    "Switzerland",
    "Spain",
    "Italy",
    "Australia",
    "Norway",
    "Canada",
    "France",
    "Germany",
    "United Kingdom",
    "Chile",
    "United States",
    "China",
    "Brazil",
    "India",
]
y2010 = np.array([82.9, 82.2, 81.6, 82.1, 81.7, 81.0, 81.2, 81.3, 80.3, 80.4, 78.8, 78.5, 75.2, 73.6, 66.0])
y2000 = np.array([81.2, 79.7, 79.0, 79.6, 79.2, 78.7, 79.1, 79.0, 78.0, 77.9, 76.9, 76.6, 71.4, 69.9, 62.7])
y2021 = np.array([84.5, 83.9, 83.0, 82.9, 83.3, 83.2, 81.7, 82.3, 80.6, 80.7, 78.9, 76.4, 78.2, 72.8, 67.2])

order = np.argsort(y2021)
countries = [countries[i] for i in order]
y2000, y2010, y2021 = y2000[order], y2010[order], y2021[order]
pos = np.arange(len(countries))

with plt.style.context("fivethirtyeight"):
    fig, ax = plt.subplots(figsize=(8, 6.5))
    ax.hlines(pos, 60, 88, color="0.6", lw=1, linestyles="dotted")
    ax.scatter(
        y2000, pos, s=55, marker="o", facecolors="none", edgecolors="#fc4f30", linewidths=1.6, zorder=3, label="2000"
    )
    ax.scatter(y2010, pos, s=45, marker="^", color="#e5ae38", zorder=3, label="2010")
    ax.scatter(y2021, pos, s=60, marker="o", color="#008fd5", zorder=3, label="2021")
    for p, a, b in zip(pos, y2000, y2021):
        delta = b - a
        ax.text(88.4, p, f"{delta:+.1f}", va="center", fontsize=9, color="#b22222" if delta < 0 else "0.3")
    ax.set_yticks(pos)
    ax.set_yticklabels(countries, fontsize=10)
    ax.set_xlim(60, 88)
    ax.text(88.4, len(countries) - 0.3, "Δ 2000–21", fontsize=9, fontweight="bold", va="bottom")
    ax.set_xlabel("Life expectancy at birth (years)", fontsize=11)
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", ncol=3, fontsize=10)
    ax.set_title("Two decades of longevity gains", fontsize=15, loc="left")
    fig.text(0.02, 0.01, "Figures are illustrative.", fontsize=8, color="0.4")
    fig.tight_layout()
