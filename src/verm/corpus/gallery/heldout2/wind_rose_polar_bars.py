# Wind rose for an airport: frequency of wind direction in 16 sectors, stacked by speed class on polar bars
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(12)
sectors = 16
theta = np.linspace(0, 2 * np.pi, sectors, endpoint=False)
width = 2 * np.pi / sectors * 0.9

# prevailing south-westerlies
base = 2 + 6 * np.exp(np.cos(theta - np.deg2rad(225)) * 1.5) / np.exp(1.5)
speed_classes = ["0-3 m/s", "3-6 m/s", "6-9 m/s", "> 9 m/s"]
fractions = [0.35, 0.35, 0.2, 0.1]
colors = plt.cm.viridis(np.linspace(0.15, 0.9, len(speed_classes)))

fig, ax = plt.subplots(figsize=(7, 7), subplot_kw={"projection": "polar"})
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
bottom = np.zeros(sectors)
for label, frac, color in zip(speed_classes, fractions, colors):
    freq = base * frac * rng.uniform(0.8, 1.2, sectors)
    ax.bar(theta, freq, width=width, bottom=bottom, color=color, edgecolor="white", linewidth=0.5, label=label)
    bottom += freq

ax.set_xticks(theta[::2])
ax.set_xticklabels(["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
ax.set_yticks([2, 4, 6, 8])
ax.set_yticklabels(["2%", "4%", "6%", "8%"], fontsize=8)
ax.set_title("Wind rose, runway 27 anemometer, 2022", pad=20)
ax.legend(title="Wind speed", loc="lower left", bbox_to_anchor=(-0.12, -0.08), fontsize=9)
plt.show()
