"""The three step placements (pre, mid, post) on offset copies of one series, with the sample points shown."""

import matplotlib.pyplot as plt
import numpy as np

x = np.arange(14)
y = np.sin(x / 2)

fig, ax = plt.subplots(figsize=(7, 4.5))
ax.step(x, y + 2, label="pre (default)")
ax.plot(x, y + 2, "o--", color="grey", alpha=0.3)

ax.step(x, y + 1, where="mid", label="mid")
ax.plot(x, y + 1, "o--", color="grey", alpha=0.3)

ax.step(x, y, where="post", label="post")
ax.plot(x, y, "o--", color="grey", alpha=0.3)

ax.grid(axis="x", color="0.95")
ax.legend(title="Parameter where:")
ax.set_title("plt.step(where=...)")
ax.set_xlabel("sample")
ax.set_ylabel("level")
plt.show()
