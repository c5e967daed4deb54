# Time-of-use electricity tariff and hourly household load as step lines drawn with where='mid' and where='post'
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")

hours = np.arange(24)
tariff = np.array([0.11] * 7 + [0.24] * 4 + [0.18] * 5 + [0.34] * 5 + [0.18] * 2 + [0.11])
load = np.array(
    [
        0.42,
        0.38,
        0.35,
        0.34,
        0.36,
        0.45,
        0.92,
        1.35,
        1.10,
        0.71,
        0.62,
        0.66,
        0.74,
        0.69,
        0.64,
        0.70,
        0.95,
        1.62,
        2.05,
        1.88,
        1.41,
        1.05,
        0.78,
        0.55,
    ]
)
solar = np.clip(1.9 * np.sin(np.pi * (hours - 6) / 13), 0, None)

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, height_ratios=[1, 1.4])
ax1.step(hours, tariff, where="post", color="#a60628", lw=2)
ax1.fill_between(hours, tariff, step="post", color="#a60628", alpha=0.15)
ax1.set_ylabel("Price (EUR/kWh)")
ax1.set_ylim(0, 0.4)
ax1.set_title("Time-of-use tariff and a typical weekday load profile")
for start, end, name in [(0, 7, "off-peak"), (17, 22, "peak")]:
    ax1.text((start + end) / 2, 0.36, name, ha="center", fontsize=9, color="0.25")

ax2.step(hours, load, where="mid", color="#348abd", lw=2, label="household load")
ax2.step(hours, solar, where="mid", color="#e8a33d", lw=2, ls="--", label="rooftop solar")
ax2.fill_between(hours, load, solar, where=solar > load, step="mid", color="#e8a33d", alpha=0.3, label="export to grid")
ax2.plot(hours, load, "o", color="#348abd", ms=4)
ax2.set_ylabel("Power (kW)")
ax2.set_xlabel("Hour of day")
ax2.set_xticks(range(0, 24, 3), [f"{h:02d}:00" for h in range(0, 24, 3)])
ax2.set_xlim(-0.5, 23.5)
ax2.legend(loc="upper left")
fig.tight_layout()
plt.show()
