"""Vertical ocean profiles: temperature with a shaded spread (fill_betweenx) against depth on an inverted axis."""

import matplotlib.pyplot as plt
import numpy as np

depth = np.linspace(0, 1000, 120)
temp = 4 + 20 * np.exp(-depth / 180)
spread = 0.6 + 2.5 * np.exp(-depth / 120)
salinity = 34.5 + 0.8 * (1 - np.exp(-depth / 300))

fig, (ax1, ax2) = plt.subplots(1, 2, sharey=True, figsize=(7, 6))
ax1.fill_betweenx(depth, temp - spread, temp + spread, color="tab:orange", alpha=0.3, label="±1 s.d.")
ax1.plot(temp, depth, color="tab:red", label="mean")
ax1.set_xlabel("temperature (°C)")
ax1.set_ylabel("depth (m)")
ax1.invert_yaxis()
ax1.xaxis.set_label_position("top")
ax1.xaxis.tick_top()
ax1.legend(loc="lower right")

ax2.fill_betweenx(depth, 34.4, salinity, where=depth > 200, color="tab:blue", alpha=0.25)
ax2.plot(salinity, depth, color="tab:blue")
ax2.set_xlabel("salinity (PSU)")
ax2.xaxis.set_label_position("top")
ax2.xaxis.tick_top()
ax2.axhline(200, color="k", linestyle=":", linewidth=1)
ax2.text(34.45, 190, "thermocline", fontsize=8)
fig.suptitle("Station 42, summer mean profile", y=0.02, va="bottom")
plt.show()
