# Small multiples of real GDP growth for six economies on shared axes, each highlighting one country against the others
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("ggplot")

years = np.arange(2010, 2024)
growth = {
    "United States": [2.7, 1.5, 2.3, 1.8, 2.3, 2.7, 1.7, 2.2, 2.9, 2.3, -2.8, 5.9, 1.9, 2.5],
    "Germany": [4.2, 3.9, 0.4, 0.4, 2.2, 1.5, 2.2, 2.7, 1.0, 1.1, -3.8, 3.2, 1.8, -0.3],
    "Japan": [4.1, 0.0, 1.4, 2.0, 0.3, 1.6, 0.8, 1.7, 0.6, -0.4, -4.1, 2.6, 1.0, 1.9],
    "India": [8.5, 5.2, 5.5, 6.4, 7.4, 8.0, 8.3, 6.8, 6.5, 3.9, -5.8, 9.7, 7.0, 7.6],
    "Brazil": [7.5, 4.0, 1.9, 3.0, 0.5, -3.5, -3.3, 1.3, 1.8, 1.2, -3.3, 4.8, 3.0, 2.9],
    "South Africa": [3.0, 3.2, 2.4, 2.5, 1.4, 1.3, 0.7, 1.2, 1.6, 0.3, -6.0, 4.7, 1.9, 0.7],
}

fig, axes = plt.subplots(2, 3, figsize=(11, 6), sharex=True, sharey=True)
for ax, (country, values) in zip(axes.flat, growth.items()):
    for other, vals in growth.items():
        if other != country:
            ax.plot(years, vals, color="0.7", lw=0.8)
    ax.plot(years, values, color="#c0392b", lw=2.2)
    ax.fill_between(years, 0, values, where=np.array(values) < 0, interpolate=True, color="#c0392b", alpha=0.25)
    ax.axhline(0, color="0.3", lw=0.8)
    ax.set_title(country, fontsize=11)
    ax.text(years[-1], values[-1], f" {values[-1]:+.1f}", va="center", fontsize=8, color="#c0392b")
    ax.set_xticks([2010, 2015, 2020])

for ax in axes[-1]:
    ax.set_xlabel("Year")
for ax in axes[:, 0]:
    ax.set_ylabel("Real GDP growth (%)")
axes[0, 0].set_ylim(-7, 11)
fig.suptitle("Annual real GDP growth, 2010-2023", fontsize=14, fontweight="bold")
fig.tight_layout()
plt.show()
