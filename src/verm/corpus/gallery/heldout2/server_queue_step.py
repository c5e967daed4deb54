# Requests waiting in a job queue over one hour as a step plot, with the worker count as stairs below
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(5)
minutes = np.arange(0, 61)
arrivals = rng.poisson(lam=np.where((minutes > 15) & (minutes < 35), 14, 6))
workers = np.array([2] * 20 + [4] * 15 + [3] * 25)  # one value per minute interval
served = np.minimum(workers * 3, 200)

queue = np.zeros(len(minutes))
for t in range(1, len(minutes)):
    queue[t] = max(0, queue[t - 1] + arrivals[t] - served[t - 1])

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(8, 5.5), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
ax1.step(minutes, queue, where="post", color="tab:purple", linewidth=1.8, label="Queue length")
ax1.fill_between(minutes, queue, step="post", color="tab:purple", alpha=0.15)
ax1.axhline(25, color="tab:red", linestyle="--", linewidth=1, label="Alert threshold")
ax1.set_ylabel("Jobs waiting")
ax1.legend(loc="upper right")
ax1.set_title("Ingest queue, 14:00-15:00 UTC")
ax1.grid(axis="y", alpha=0.4)

ax2.stairs(workers, np.arange(0, 61), fill=True, color="tab:gray", alpha=0.6)
ax2.set_ylim(0, 5)
ax2.set_yticks([0, 2, 4])
ax2.set_ylabel("Workers")
ax2.set_xlabel("Minutes after 14:00")
ax2.set_xlim(0, 60)
fig.tight_layout()
plt.show()
