# Spiral (Archimedean) chart of three years of daily influenza-like-illness visits, one turn per year
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2024)
days = np.arange(3 * 365)
season = np.exp(-(((((days + 60) % 365) - 60) / 28.0) ** 2))
visits = 40 + 320 * season * np.array([1.0, 1.4, 0.8])[days // 365] + rng.poisson(12, days.size)
visits = np.convolve(visits, np.ones(7) / 7, mode="same")

angle = 2 * np.pi * (days % 365) / 365
radius = 1.0 + days / 365
fig = plt.figure(figsize=(7, 7))
ax = fig.add_subplot(projection="polar")
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.plot(angle, radius, color="0.8", lw=0.6)
sc = ax.scatter(angle, radius, c=visits, s=4 + visits / 8, cmap="inferno_r", vmin=30, vmax=500, lw=0)
month_starts = np.cumsum([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30])
ax.set_xticks(2 * np.pi * month_starts / 365)
ax.set_xticklabels(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
ax.set_yticks([1, 2, 3])
ax.set_yticklabels(["2021", "2022", "2023"], fontsize=8, color="0.35")
ax.set_rlim(0, 4.1)
ax.grid(color="0.9")
peak = np.argmax(visits)
ax.annotate(
    f"peak {visits[peak]:.0f}/day",
    (angle[peak], radius[peak]),
    xytext=(np.deg2rad(60), 3.9),
    arrowprops={"arrowstyle": "->", "color": "0.3"},
    fontsize=9,
)
cb = fig.colorbar(sc, ax=ax, orientation="horizontal", shrink=0.6, pad=0.07)
cb.set_label("ILI emergency visits per day (7-day mean)")
ax.set_title("Flu season returns every winter", fontsize=13, pad=16)
fig.tight_layout()
