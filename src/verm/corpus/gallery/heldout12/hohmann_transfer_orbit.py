# Hohmann transfer from Earth's orbit to Mars's orbit, with the transfer ellipse, planet positions and both burns annotated.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle

mu = 1.327e20  # sun, m^3/s^2
au = 1.496e11
r1, r2 = 1.0, 1.524
a = (r1 + r2) / 2
e = (r2 - r1) / (r2 + r1)
v1 = np.sqrt(mu / (r1 * au))
v2 = np.sqrt(mu / (r2 * au))
dv1 = v1 * (np.sqrt(2 * r2 / (r1 + r2)) - 1) / 1000
dv2 = v2 * (1 - np.sqrt(2 * r1 / (r1 + r2))) / 1000
tof_days = np.pi * np.sqrt((a * au) ** 3 / mu) / 86400
mars_lead = 180 - 360 * tof_days / 687

with plt.style.context("dark_background"):
    fig, ax = plt.subplots(figsize=(7.5, 7.5))
    th = np.linspace(0, 2 * np.pi, 400)
    ax.plot(r1 * np.cos(th), r1 * np.sin(th), color="#4fc3f7", lw=1, ls="--", label="Earth orbit (1.00 AU)")
    ax.plot(r2 * np.cos(th), r2 * np.sin(th), color="#ff7043", lw=1, ls="--", label="Mars orbit (1.52 AU)")
    nu = np.linspace(0, np.pi, 200)
    r = a * (1 - e**2) / (1 + e * np.cos(nu))
    ax.plot(r * np.cos(nu), r * np.sin(nu), color="#ffee58", lw=2.2, label=f"transfer ellipse ({tof_days:.0f} days)")
    ax.plot(r * np.cos(nu + np.pi), r * np.sin(nu + np.pi), color="#ffee58", lw=0.8, ls=":", alpha=0.5)

    ax.add_patch(Circle((0, 0), 0.08, color="#ffca28", zorder=5))
    ax.plot(r1, 0, "o", color="#4fc3f7", ms=11, zorder=6)
    ax.text(r1 + 0.06, -0.1, "Earth at\nlaunch", fontsize=9, color="#4fc3f7")
    mx, my = r2 * np.cos(np.radians(mars_lead)), r2 * np.sin(np.radians(mars_lead))
    ax.plot(mx, my, "o", color="#ff7043", ms=9, zorder=6)
    ax.text(mx + 0.06, my + 0.04, "Mars at\nlaunch", fontsize=9, color="#ff7043")
    ax.plot(-r2, 0, "o", mfc="none", mec="#ff7043", ms=9)
    ax.text(-r2 - 0.05, 0.1, "Mars at\narrival", fontsize=9, color="#ff7043", ha="right")
    ax.annotate(
        "", xy=(mx * 0.93, my * 0.93), xytext=(0, 0), arrowprops=dict(arrowstyle="-", color="gray", lw=0.6, ls="--")
    )
    ax.text(0.25, 0.12, f"phase angle {mars_lead:.0f}°", fontsize=9, color="lightgray")

    ax.annotate("", xy=(r1, 0.45), xytext=(r1, 0.05), arrowprops=dict(arrowstyle="-|>", color="white", lw=2))
    ax.text(r1 + 0.04, 0.3, f"burn 1\nΔv = {dv1:.2f} km/s", fontsize=9)
    ax.annotate("", xy=(-r2, -0.45), xytext=(-r2, -0.05), arrowprops=dict(arrowstyle="-|>", color="white", lw=2))
    ax.text(-r2 + 0.05, -0.4, f"burn 2\nΔv = {dv2:.2f} km/s", fontsize=9)

    ax.set_aspect("equal")
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.9, 1.9)
    ax.set_xlabel("x (AU)")
    ax.set_ylabel("y (AU)")
    ax.set_title(f"Hohmann transfer Earth → Mars, total Δv = {dv1 + dv2:.2f} km/s")
    ax.legend(loc="lower right", fontsize=8, framealpha=0.3)
    ax.grid(alpha=0.15)
    fig.tight_layout()
