"""A spike raster (eventplot) of twelve neurons above their summed firing rate, sharing the time axis."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(12)
n_neurons = 12
duration = 2.0
spikes = []
for k in range(n_neurons):
    rate = 8 + 2 * k
    times = np.sort(rng.uniform(0, duration, rng.poisson(rate * duration)))
    spikes.append(times)

colors = plt.cm.tab20(np.arange(n_neurons) % 20)
fig, (ax1, ax2) = plt.subplots(2, 1, sharex=True, figsize=(8, 5.5), height_ratios=[3, 1])
ax1.eventplot(spikes, colors=colors, linelengths=0.8, linewidths=1.2)
ax1.set_ylabel("neuron")
ax1.set_yticks(range(n_neurons))
ax1.set_title("Spike raster, stimulus at t = 0.5 s")
ax1.axvline(0.5, color="k", linestyle="--", linewidth=1)

bins = np.linspace(0, duration, 41)
counts, _ = np.histogram(np.concatenate(spikes), bins=bins)
ax2.bar(bins[:-1], counts / (bins[1] - bins[0]) / n_neurons, width=bins[1] - bins[0], align="edge", color="0.4")
ax2.set_xlabel("time (s)")
ax2.set_ylabel("rate (Hz)")
plt.show()
