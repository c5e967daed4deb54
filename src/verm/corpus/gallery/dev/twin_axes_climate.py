"""Monthly climate of a city: precipitation bars on the left axis, temperature lines on a twin axis."""

import matplotlib.pyplot as plt

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
precip = [78, 61, 55, 43, 48, 52, 64, 83, 101, 118, 110, 92]
t_high = [4.1, 4.9, 8.8, 13.6, 18.2, 21.5, 23.9, 23.1, 18.9, 13.4, 8.0, 4.9]
t_low = [-2.3, -2.6, -0.1, 3.2, 7.6, 11.2, 13.8, 13.4, 9.9, 6.1, 1.9, -1.1]

fig, ax1 = plt.subplots(figsize=(8, 4.5))
bars = ax1.bar(months, precip, color="#6baed6", edgecolor="#2171b5", label="precipitation")
ax1.set_ylabel("precipitation (mm)", color="#2171b5")
ax1.tick_params(axis="y", labelcolor="#2171b5")
ax1.set_ylim(0, 160)

ax2 = ax1.twinx()
ax2.plot(months, t_high, color="#d7301f", marker="o", label="mean high")
ax2.plot(months, t_low, color="#fc8d59", marker="s", linestyle="--", label="mean low")
ax2.set_ylabel("temperature (°C)", color="#d7301f")
ax2.tick_params(axis="y", labelcolor="#d7301f")
ax2.axhline(0, color="gray", linewidth=0.8)

handles = [bars, *ax2.get_lines()[:2]]
ax1.legend(handles, [h.get_label() for h in handles], loc="upper left", ncols=3, fontsize=9)
ax1.set_title("Bergen climate normals")
fig.tight_layout()
plt.show()
