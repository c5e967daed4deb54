"""Three overlapping histograms with 80 bins each (step, filled and bar types) and their means as lines."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2024)
a = rng.normal(0, 1, 4000)
b = rng.normal(1.5, 0.7, 3000)
c = rng.gamma(2.0, 0.8, 3500) - 1

plt.style.use("ggplot")
fig, ax = plt.subplots(figsize=(8, 4.5))
bins = np.linspace(-4, 6, 81)
ax.hist(a, bins=bins, alpha=0.5, label="control")
ax.hist(b, bins=bins, histtype="stepfilled", alpha=0.4, label="treated")
ax.hist(c, bins=bins, histtype="step", linewidth=1.5, label="gamma model")
for sample, color in ((a, "C0"), (b, "C1"), (c, "C2")):
    ax.axvline(sample.mean(), color=color, linestyle="--", linewidth=1)
ax.set_xlabel("response")
ax.set_ylabel("count")
ax.set_title("Response distributions, 80 bins")
ax.legend()
plt.show()
