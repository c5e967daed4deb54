# Monthly climate of a city: precipitation bars on the left axis and mean temperature line on a twin right axis.
import matplotlib.pyplot as plt
import numpy as np

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
precip = np.array([78, 61, 55, 48, 57, 51, 44, 58, 66, 86, 94, 89])
temp_mean = np.array([3.9, 4.6, 7.8, 10.6, 14.3, 17.4, 19.6, 19.3, 16.3, 12.4, 7.6, 4.9])
temp_lo = temp_mean - np.array([3.5, 3.6, 4.2, 4.8, 5.1, 5.3, 5.4, 5.2, 4.8, 4.1, 3.7, 3.4])
temp_hi = temp_mean + np.array([3.2, 3.5, 4.6, 5.4, 5.9, 6.1, 6.4, 6.2, 5.6, 4.5, 3.6, 3.1])

fig, ax1 = plt.subplots(figsize=(8, 4.5))
x = np.arange(12)
ax1.bar(x, precip, color="#4a90d9", alpha=0.75, label="Precipitation")
ax1.set_ylabel("Precipitation (mm)", color="#2a6db5")
ax1.tick_params(axis="y", labelcolor="#2a6db5")
ax1.set_ylim(0, 140)
ax1.set_xticks(x, months)

ax2 = ax1.twinx()
ax2.plot(x, temp_mean, color="#d1495b", marker="o", lw=2, label="Mean temperature")
ax2.fill_between(x, temp_lo, temp_hi, color="#d1495b", alpha=0.15, label="Daily low–high")
ax2.set_ylabel("Temperature (°C)", color="#d1495b")
ax2.tick_params(axis="y", labelcolor="#d1495b")
ax2.set_ylim(-5, 30)

handles = ax1.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
ax1.legend(handles, [h.get_label() for h in handles], loc="upper center", ncols=3, fontsize=9, frameon=False)
ax1.set_title("Climate normals, 1991–2020")
fig.tight_layout()
plt.show()
