"""One dataset on four axis scales (linear, log, symlog, logit) in a 2x2 grid, with a minor-tick grid."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(19680801)
y = rng.normal(loc=0.5, scale=0.4, size=1000)
y = y[(y > 0) & (y < 1)]
y.sort()
x = np.arange(len(y))

fig, axs = plt.subplots(2, 2, figsize=(8, 6), layout="constrained")
ax = axs[0, 0]
ax.plot(x, y)
ax.set_yscale("linear")
ax.set_title("linear")
ax.grid(True)

ax = axs[0, 1]
ax.plot(x, y)
ax.set_yscale("log")
ax.set_title("log")
ax.grid(True, which="both", alpha=0.4)

ax = axs[1, 0]
ax.plot(x, y - y.mean())
ax.set_yscale("symlog", linthresh=0.02)
ax.set_title("symlog")
ax.grid(True)

ax = axs[1, 1]
ax.plot(x, y)
ax.set_yscale("logit")
ax.set_title("logit")
ax.grid(True)
fig.suptitle("Axis scales", fontsize=15)
plt.show()
