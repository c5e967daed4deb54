# 3D bar chart of average bike-share rentals by hour of day and day of week, with bars coloured by height.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize

rng = np.random.default_rng(88)
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
hours = np.arange(0, 24, 2)
H, D = np.meshgrid(hours, np.arange(7))
weekday = D < 5
commute = 380 * np.exp(-0.5 * ((H - 8) / 1.2) ** 2) + 420 * np.exp(-0.5 * ((H - 17.5) / 1.5) ** 2)
leisure = 300 * np.exp(-0.5 * ((H - 14) / 3.0) ** 2)
rentals = np.where(weekday, commute + 60, leisure + 40) + 25 + rng.normal(0, 15, H.shape)
rentals = np.clip(rentals, 10, None)

xs, ys, zs = H.ravel(), D.ravel(), rentals.ravel()
norm = Normalize(zs.min(), zs.max())
colours = plt.get_cmap("cividis")(norm(zs))

fig = plt.figure(figsize=(10, 7))
ax = fig.add_subplot(projection="3d")
ax.bar3d(xs - 0.8, ys - 0.35, np.zeros_like(zs), 1.6, 0.7, zs, color=colours, shade=True, edgecolor="none")
ax.set_xticks(hours)
ax.set_xticklabels([f"{h:02d}" for h in hours], fontsize=8)
ax.set_yticks(range(7))
ax.set_yticklabels(days)
ax.set_xlabel("Hour of day")
ax.set_zlabel("Rentals per hour")
ax.view_init(elev=28, azim=-58)
ax.set_box_aspect((2.2, 1.3, 0.9))
mappable = plt.cm.ScalarMappable(norm=norm, cmap="cividis")
fig.colorbar(mappable, ax=ax, shrink=0.55, pad=0.08, label="Mean rentals")
ax.set_title("City bike share, 2023 - weekday commute peaks vs weekend afternoons", fontsize=12)
ax.text(8, 0, rentals[0, 4] + 90, "08:00 peak", fontsize=8, color="#b71c1c")
fig.subplots_adjust(left=0.0, right=0.95, top=0.95, bottom=0.03)
