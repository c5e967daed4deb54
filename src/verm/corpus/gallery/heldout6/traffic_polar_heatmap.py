# Polar heatmap (pcolormesh on polar axes) of average traffic volume by hour of day (angle) and weekday (radius)
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("Solarize_Light2")

rng = np.random.default_rng(17)
hours = np.arange(24)
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
commute = np.exp(-0.5 * ((hours - 8) / 1.3) ** 2) + 0.9 * np.exp(-0.5 * ((hours - 17.5) / 1.6) ** 2)
leisure = np.exp(-0.5 * ((hours - 14) / 3.5) ** 2)
profiles = []
for k in range(7):
    shape = commute if k < 5 else 0.3 * leisure + 0.2 * commute
    profiles.append((0.25 + shape) * (1.1 if k == 4 else 1.0))
volume = 1800 * np.array(profiles) + rng.normal(0, 40, (7, 24))

theta = np.linspace(0, 2 * np.pi, 25)
radius = np.arange(2, 10)
fig, ax = plt.subplots(figsize=(7, 7), subplot_kw={"projection": "polar"})
mesh = ax.pcolormesh(theta, radius, volume, cmap="YlOrRd", shading="flat", edgecolors="white", linewidth=0.3)
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.set_xticks(np.linspace(0, 2 * np.pi, 8, endpoint=False), [f"{h:02d}:00" for h in range(0, 24, 3)])
ax.set_yticks(radius[:-1] + 0.5, days, fontsize=8)
ax.set_rlabel_position(0)
ax.set_ylim(0, 9)
ax.grid(False)
ax.set_axisbelow(False)  # keep the weekday labels above the mesh
cbar = fig.colorbar(mesh, ax=ax, orientation="horizontal", pad=0.08, shrink=0.7)
cbar.set_ticks([500, 1000, 1500, 2000], labels=["500", "1k", "1.5k", "2k vehicles/h"])
ax.set_title("Ring-road traffic by hour and weekday", pad=18)
plt.show()
