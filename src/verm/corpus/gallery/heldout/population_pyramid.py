# Population pyramid: males and females by five-year age band as back-to-back horizontal bars with a symmetric thousands axis.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

bands = [f"{a}–{a + 4}" for a in range(0, 90, 5)] + ["90+"]
ages = np.arange(len(bands)) * 5 + 2.5
male = 2100 * np.exp(-((ages - 30) ** 2) / 1800) * (1 - 0.004 * np.clip(ages - 50, 0, None) ** 1.5 / 10)
female = 2050 * np.exp(-((ages - 32) ** 2) / 2000) * (1 - 0.003 * np.clip(ages - 55, 0, None) ** 1.5 / 10)
male, female = np.clip(male, 30, None), np.clip(female, 60, None)

fig, ax = plt.subplots(figsize=(7, 6.5))
y = np.arange(len(bands))
ax.barh(y, -male, color="#3a7dc9", height=0.85, label="Male")
ax.barh(y, female, color="#d9534f", height=0.85, label="Female")
ax.set_yticks(y, bands, fontsize=8)
ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{abs(v):,.0f}"))
lim = max(male.max(), female.max()) * 1.15
ax.set_xlim(-lim, lim)
ax.axvline(0, color="black", lw=0.8)
ax.set_xlabel("Population (thousands)")
ax.set_ylabel("Age group")
ax.text(
    -lim * 0.95, len(bands) - 1.5, f"Men\n{male.sum() / 1000:.1f} M", color="#3a7dc9", fontsize=11, fontweight="bold"
)
ax.text(
    lim * 0.95,
    len(bands) - 1.5,
    f"Women\n{female.sum() / 1000:.1f} M",
    color="#d9534f",
    fontsize=11,
    fontweight="bold",
    ha="right",
)
ax.set_title("Population by age and sex, census 2021")
ax.grid(axis="x", alpha=0.3)
fig.tight_layout()
plt.show()
