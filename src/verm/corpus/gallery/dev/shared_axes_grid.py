"""Small multiples: a 3x3 grid with shared x and y axes, one city per panel, outer labels only."""

import matplotlib.pyplot as plt
import numpy as np

cities = ["Lisbon", "Madrid", "Paris", "Berlin", "Oslo", "Rome", "Athens", "Dublin", "Vienna"]
months = np.arange(1, 13)
rng = np.random.default_rng(30)

fig, axs = plt.subplots(3, 3, sharex=True, sharey=True, figsize=(9, 7))
for ax, city in zip(axs.flat, cities):
    base = rng.uniform(6, 16)
    amp = rng.uniform(5, 12)
    temps = base + amp * np.sin((months - 4) / 12 * 2 * np.pi)
    ax.plot(months, temps, color="tab:red", marker=".")
    ax.fill_between(months, temps - 3, temps + 3, color="tab:red", alpha=0.15)
    ax.set_title(city, fontsize=10)
    ax.axhline(0, color="k", linewidth=0.6)
    ax.grid(alpha=0.3)

for ax in axs[-1, :]:
    ax.set_xlabel("month")
for ax in axs[:, 0]:
    ax.set_ylabel("°C")
axs[0, 0].set_xticks([1, 4, 7, 10])
fig.suptitle("Monthly mean temperature, nine European capitals")
fig.tight_layout()
plt.show()
