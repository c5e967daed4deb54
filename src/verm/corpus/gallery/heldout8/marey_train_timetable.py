# Marey train graph: distance along the line against time of day for southbound and northbound services.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, MultipleLocator

stations = [
    "San Francisco",
    "22nd St",
    "Millbrae",
    "San Mateo",
    "Hillsdale",
    "Redwood City",
    "Palo Alto",
    "Mountain View",
    "Sunnyvale",
    "San Jose",
]
km = np.array([0, 2.9, 22.4, 29.6, 32.6, 40.6, 48.1, 57.9, 62.4, 75.6])
rng = np.random.default_rng(5)

fig, ax = plt.subplots(figsize=(12, 6.5))
for depart in np.arange(6 * 60, 10 * 60, 30):
    for express in (False, True):
        if express and depart % 60:
            continue
        stops = [0, 2, 5, 6, 7, 9] if express else list(range(len(stations)))
        speed = 1.35 if express else 1.0
        t = depart + (10 if express else 0)
        times, dists = [], []
        prev = 0.0
        for s in stops:
            t += (km[s] - prev) / speed + (0 if s == 0 else 1.0)
            times += [t, t + 0.8]
            dists += [km[s], km[s]]
            prev = km[s]
        ax.plot(times, dists, color="#d62728" if express else "#1f77b4", lw=1.6 if express else 1.0)
        south = depart + 12 + rng.integers(0, 4)
        ax.plot(south + (km[-1] - km[::-1]) / 0.95 + np.arange(len(km)), km[::-1], color="0.55", lw=0.8, ls="--")
ax.set_yticks(km)
ax.set_yticklabels(stations)
ax.invert_yaxis()
ax.xaxis.set_major_locator(MultipleLocator(30))
ax.xaxis.set_minor_locator(MultipleLocator(10))
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{int(v // 60):02d}:{int(v % 60):02d}"))
ax.grid(axis="x", which="major", color="0.85")
ax.grid(axis="y", color="0.92")
ax.set_xlim(6 * 60, 11 * 60)
ax.xaxis.tick_top()
ax.plot([], [], color="#1f77b4", label="Local, southbound to San Jose")
ax.plot([], [], color="#d62728", lw=1.6, label="Baby bullet express")
ax.plot([], [], color="0.55", ls="--", label="Local, northbound to San Francisco")
ax.legend(loc="lower left", fontsize=9, framealpha=1)
ax.set_title("Weekday morning Caltrain services (Marey chart)", pad=28, loc="left", fontsize=13)
fig.tight_layout()
