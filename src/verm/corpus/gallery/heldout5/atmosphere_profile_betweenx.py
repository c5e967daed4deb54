# Radiosonde temperature and dew-point profiles against altitude with fill_betweenx and a secondary pressure axis
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("Solarize_Light2")

alt = np.linspace(0, 16, 81)  # km
temp = np.where(alt < 11.5, 24.0 - 6.6 * alt, 24.0 - 6.6 * 11.5)
temp = temp + np.where((alt > 1.2) & (alt < 1.8), 3.5 * np.sin(np.pi * (alt - 1.2) / 0.6), 0.0)
dewpoint = temp - (3.0 + 1.6 * alt - 0.04 * alt**2) - 9.0 * np.exp(-0.5 * ((alt - 5.5) / 1.2) ** 2)
dewpoint = np.minimum(dewpoint, temp)


def alt_to_pressure(z):
    return 1013.25 * np.exp(-np.asarray(z, dtype=float) / 8.0)


def pressure_to_alt(p):
    return -8.0 * np.log(np.asarray(p, dtype=float) / 1013.25)


fig, ax = plt.subplots(figsize=(6, 7))
ax.fill_betweenx(alt, dewpoint, temp, color="#2aa198", alpha=0.25, label="dew-point depression")
ax.plot(temp, alt, color="#dc322f", lw=2.2, label="temperature")
ax.plot(dewpoint, alt, color="#268bd2", lw=2.2, label="dew point")
ax.fill_betweenx(alt, -80, 40, where=(alt > 1.2) & (alt < 1.8), color="#b58900", alpha=0.2, label="inversion")
ax.axhline(11.5, color="0.4", ls=":", lw=1)
ax.text(-75, 11.7, "tropopause", fontsize=9)
ax.set_xlim(-80, 40)
ax.set_ylim(0, 16)
ax.set_xlabel("Temperature (°C)")
ax.set_ylabel("Altitude (km)")
sec = ax.secondary_yaxis("right", functions=(alt_to_pressure, pressure_to_alt))
sec.set_ylabel("Pressure (hPa)")
sec.set_yticks([1000, 850, 700, 500, 300, 200, 150, 100])
ax.set_title("Sounding 12 UTC, station 10410")
ax.legend(loc="upper right", fontsize=9)
fig.tight_layout()
plt.show()
