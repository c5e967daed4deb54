"""Functions on axes whose spines cross at the origin, with arrow heads at the ends of the axes."""

import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-3, 3, 200)

fig, ax = plt.subplots(figsize=(6, 6))
ax.spines[["left", "bottom"]].set_position(("data", 0))
ax.spines[["top", "right"]].set_visible(False)
ax.plot(1, 0, ">k", transform=ax.get_yaxis_transform(), clip_on=False)
ax.plot(0, 1, "^k", transform=ax.get_xaxis_transform(), clip_on=False)

ax.plot(x, x**3 / 4 - x, label=r"$x^3/4 - x$")
ax.plot(x, np.tanh(2 * x), label=r"$\tanh(2x)$", linestyle="--")
ax.plot(x, 0.4 * x**2 - 1.5, label=r"$0.4x^2 - 1.5$", linestyle=":")
ax.set_ylim(-3, 3)
ax.set_xticks([-3, -2, -1, 1, 2, 3])
ax.set_yticks([-3, -2, -1, 1, 2, 3])
ax.grid(True, alpha=0.3)
ax.legend(loc="upper left", fontsize=9)
ax.set_title("Three functions through the origin", y=1.02)
plt.show()
