# Two polar panels: a scatter of meteor sightings by azimuth and elevation sized by brightness, and a radar chart comparing three laptops with filled polygons
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-bright")

rng = np.random.default_rng(4115)
n = 140
azimuth = np.mod(rng.vonmises(np.deg2rad(60), 1.5, n), 2 * np.pi)
zenith = 90 * rng.beta(2, 3, n)
brightness = rng.gamma(2, 1.2, n)
duration = rng.uniform(0.2, 2.5, n)

fig = plt.figure(figsize=(12, 5.8))
ax1 = fig.add_subplot(1, 2, 1, projection="polar")
sc = ax1.scatter(
    azimuth, zenith, s=12 * brightness**1.6, c=duration, cmap="plasma", alpha=0.75, edgecolors="k", linewidths=0.3
)
ax1.set_theta_zero_location("N")
ax1.set_theta_direction(-1)
ax1.set_rlim(0, 90)
ax1.set_rticks([30, 60, 90], ["60\u00b0", "30\u00b0", "horizon"], fontsize=8)
ax1.set_rlabel_position(200)
ax1.set_xticks(np.deg2rad(np.arange(0, 360, 45)), ["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
cb = fig.colorbar(sc, ax=ax1, shrink=0.7, pad=0.1)
cb.set_label("duration (s)")
ax1.set_title("Meteor sightings, radiant toward NE", pad=18)

metrics = ["CPU", "GPU", "Battery", "Screen", "Weight", "Price", "Keyboard"]
laptops = {
    "Ultrabook 14": [7, 4, 9, 7, 9, 5, 6],
    "Creator 16": [9, 9, 5, 9, 4, 3, 7],
    "Budget 15": [5, 3, 6, 5, 6, 9, 5],
}
angles = np.linspace(0, 2 * np.pi, len(metrics), endpoint=False)
closed = np.r_[angles, angles[:1]]
ax2 = fig.add_subplot(1, 2, 2, projection="polar")
for (name, vals), color in zip(laptops.items(), ["#023eff", "#e8000b", "#1ac938"]):
    v = np.r_[vals, vals[:1]]
    ax2.plot(closed, v, color=color, lw=2, label=name)
    ax2.fill(closed, v, color=color, alpha=0.18)
    ax2.scatter(angles, vals, color=color, s=18, zorder=3)
ax2.set_xticks(angles, metrics)
ax2.set_ylim(0, 10)
ax2.set_yticks([2, 4, 6, 8, 10], ["2", "4", "6", "8", "10"], color="0.4", fontsize=8)
ax2.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=3, fontsize=9)
ax2.set_title("Review scores (0-10)", pad=32)
fig.tight_layout()
