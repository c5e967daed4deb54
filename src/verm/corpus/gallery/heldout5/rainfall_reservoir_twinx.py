# Monthly rainfall bars and reservoir storage line on twin y axes, with the two legends merged into one box
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("ggplot")

months = ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
rain_this = [38, 92, 141, 165, 120, 98, 61, 22, 6, 1, 2, 14]
rain_normal = [45, 88, 118, 126, 110, 89, 48, 24, 8, 2, 3, 12]
storage = [41, 43, 52, 66, 77, 84, 88, 87, 81, 73, 64, 56]
capacity_pct = 100

x = np.arange(len(months))
fig, ax = plt.subplots(figsize=(9.5, 5))
b1 = ax.bar(x - 0.2, rain_this, width=0.4, color="#348abd", label="Rainfall 2022-23")
b2 = ax.bar(x + 0.2, rain_normal, width=0.4, color="#bbbbbb", label="1991-2020 normal")
ax.set_ylabel("Monthly rainfall (mm)")
ax.set_xticks(x, months)
ax.set_ylim(0, 200)

ax2 = ax.twinx()
(l1,) = ax2.plot(x, storage, color="#e24a33", marker="o", lw=2.2, label="Reservoir storage")
l2 = ax2.axhline(85, color="#e24a33", ls=":", lw=1.5, label="Flood-control limit")
ax2.set_ylabel("Storage (% of capacity)", color="#e24a33")
ax2.tick_params(axis="y", colors="#e24a33")
ax2.set_ylim(0, capacity_pct)
ax2.grid(False)
for xi, s in zip(x[::3], storage[::3]):
    ax2.annotate(f"{s}%", (xi, s), textcoords="offset points", xytext=(0, 8), ha="center", color="#e24a33", fontsize=9)

handles = [b1, b2, l1, l2]
ax.legend(handles, [h.get_label() for h in handles], loc="upper right", ncols=2, fontsize=9)
ax.set_title("Water year 2022-23: rainfall and reservoir storage", loc="left")
fig.tight_layout()
plt.show()
