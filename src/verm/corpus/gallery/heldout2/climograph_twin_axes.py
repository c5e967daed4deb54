# Climograph for Lisbon: monthly precipitation bars and mean temperature line on twin y axes
import matplotlib.pyplot as plt
import numpy as np

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
precip = np.array([99, 81, 56, 64, 49, 17, 5, 6, 30, 89, 115, 121])  # mm
t_mean = np.array([11.6, 12.8, 14.9, 16.2, 18.5, 21.6, 23.4, 23.9, 22.4, 19.1, 15.1, 12.6])  # °C
t_max = t_mean + np.array([3.2, 3.8, 4.2, 4.4, 4.6, 5.4, 5.6, 5.7, 5.0, 4.3, 3.5, 3.1])

fig, ax1 = plt.subplots(figsize=(9, 5))
bars = ax1.bar(months, precip, color="#6baed6", label="Precipitation")
ax1.set_ylabel("Precipitation (mm)", color="#2171b5")
ax1.tick_params(axis="y", labelcolor="#2171b5")
ax1.set_ylim(0, 140)

ax2 = ax1.twinx()
ax2.plot(months, t_mean, color="#cb181d", marker="o", linewidth=2, label="Mean temperature")
ax2.plot(months, t_max, color="#fb6a4a", marker=".", linestyle="--", linewidth=1.2, label="Mean daily max")
ax2.set_ylabel("Temperature (°C)", color="#cb181d")
ax2.tick_params(axis="y", labelcolor="#cb181d")
ax2.set_ylim(0, 35)

handles = [bars] + ax2.get_lines()
ax1.legend(handles, [h.get_label() for h in handles], loc="upper center", ncols=3, frameon=False)
ax1.set_title("Lisbon climate normals, 1991-2020")
fig.tight_layout()
plt.show()
