# Circular (radial) bar chart of monthly rainfall with labels rotated around the ring and a centre caption.
import matplotlib.pyplot as plt
import numpy as np

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
rain = np.array([183, 137, 121, 82, 74, 71, 79, 94, 110, 163, 176, 198])
fig = plt.figure(figsize=(7, 7), facecolor="#f6f1e7")
ax = fig.add_subplot(projection="polar", facecolor="#f6f1e7")
theta = np.linspace(0, 2 * np.pi, len(months), endpoint=False)
width = 2 * np.pi / len(months) * 0.85
inner = 60
cmap = plt.get_cmap("YlGnBu")
bars = ax.bar(theta, rain, width=width, bottom=inner, color=cmap(rain / rain.max()), edgecolor="white", lw=1.5)
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.set_ylim(0, inner + 230)
ax.set_yticks([])
ax.set_xticks([])
ax.spines["polar"].set_visible(False)
for t, r, m in zip(theta, rain, months):
    deg = -np.rad2deg(t)
    rot = deg + 90 if -270 < deg < -90 else deg - 90
    rot = (rot + 90) % 180 - 90
    ax.text(t, inner + r + 14, f"{m}\n{r}", ha="center", va="center", rotation=rot, fontsize=9, color="0.2")
for ring in (100, 150, 200):
    ax.plot(np.linspace(0, 2 * np.pi, 200), np.full(200, inner + ring), color="0.7", lw=0.5, ls=":")
ax.text(0, 0, f"{rain.sum()} mm\nper year", ha="center", va="center", fontsize=14, fontweight="bold", color="0.25")
fig.suptitle("Bergen: average monthly precipitation, 1991–2020", fontsize=13, y=0.96)
