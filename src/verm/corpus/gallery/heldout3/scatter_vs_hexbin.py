# Same 6,000 taxi trips shown two ways: a dense scatter with small translucent markers and a log-count hexbin with a colorbar (trip distance vs fare)
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("ggplot")
rng = np.random.default_rng(42)

n = 6000
distance = rng.gamma(1.6, 2.2, n)  # km
airport = rng.random(n) < 0.06
distance[airport] = rng.normal(19, 2.0, airport.sum())
fare = 3.0 + 1.75 * distance + rng.normal(0, 1.0, n) * np.sqrt(distance + 1)
fare[airport] = rng.normal(52, 1.2, airport.sum())  # flat airport fare
surge = rng.random(n) < 0.1
fare[surge] *= 1.6
distance = np.clip(distance, 0.1, None)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8), sharex=True, sharey=True)
ax1.scatter(distance, fare, s=4, alpha=0.25, color="#33658a", edgecolors="none")
ax1.set_title("scatter, alpha=0.25")
ax1.set_xlabel("trip distance (km)")
ax1.set_ylabel("fare ($)")

hb = ax2.hexbin(distance, fare, gridsize=45, bins="log", cmap="YlGnBu", mincnt=1, extent=(0, 30, 0, 90))
ax2.set_title("hexbin, log counts")
ax2.set_xlabel("trip distance (km)")
cb = fig.colorbar(hb, ax=ax2)
cb.set_label("trips per cell")

for ax in (ax1, ax2):
    xs = np.array([0, 30])
    ax.plot(xs, 3.0 + 1.75 * xs, color="#d1495b", lw=1.2, ls="--", label="metered rate")
ax1.legend(loc="upper left")
ax1.set_xlim(0, 30)
ax1.set_ylim(0, 90)
fig.suptitle("NYC-style taxi trips, one week (simulated)")
fig.tight_layout()
