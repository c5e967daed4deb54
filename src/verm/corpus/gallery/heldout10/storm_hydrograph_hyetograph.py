# Storm event hydrograph of observed and simulated river discharge under an inverted hourly rainfall hyetograph
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-darkgrid")
rng = np.random.default_rng(12)
t = np.arange(np.datetime64("2023-10-19T00:00"), np.datetime64("2023-10-23T00:00"), np.timedelta64(1, "h"))
n = t.size
hrs = np.arange(n)
rain = np.zeros(n)
rain[14:30] = np.array([0.4, 1.2, 3.5, 6.8, 9.4, 12.1, 8.0, 5.2, 4.1, 2.5, 3.0, 1.8, 0.9, 0.5, 0.2, 0.1])
rain[52:60] = [0.3, 1.1, 2.4, 3.9, 2.2, 1.0, 0.4, 0.2]
rain = np.round(rain * rng.uniform(0.9, 1.1, n), 1)
uh = (np.arange(60) / 9.0) ** 2.2 * np.exp(-np.arange(60) / 6.0)
uh /= uh.sum()
base = 4.0 + 0.004 * hrs
q_sim = base + 9.5 * np.convolve(rain, uh)[:n]
q_obs = base + 10.5 * np.convolve(rain, np.roll(uh, 2))[:n] + rng.normal(0, 0.35, n)

fig, ax = plt.subplots(figsize=(10, 5.4))
ax.plot(t, q_obs, color="#08306b", lw=1.8, label="Observed (gauge 27003)")
ax.plot(t, q_sim, color="#e6550d", lw=1.5, ls="--", label="Simulated (unit hydrograph)")
ax.fill_between(t, base, q_obs, color="#6baed6", alpha=0.25, label="Quickflow")
ax.plot(t, base, color="0.3", lw=1, ls=":", label="Baseflow")
ipk = np.argmax(q_obs)
ax.annotate(
    f"peak {q_obs[ipk]:.0f} m$^3$/s",
    xy=(t[ipk], q_obs[ipk]),
    xytext=(t[ipk + 10], q_obs[ipk] + 1),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
irain = np.argmax(rain)
ax.annotate("", xy=(t[ipk], 7), xytext=(t[irain], 7), arrowprops=dict(arrowstyle="<->", color="0.25"))
ax.text(t[(irain + ipk) // 2], 7.4, f"lag {ipk - irain} h", ha="center", fontsize=9)
ax.set_ylim(0, q_obs.max() * 1.7)
ax.set_ylabel("Discharge (m$^3$ s$^{-1}$)")
ax.legend(loc="center right", fontsize=9, frameon=True)

axr = ax.twinx()
axr.bar(t, rain, width=1 / 24, color="#4292c6", edgecolor="#08519c", lw=0.3, align="edge")
axr.set_ylim(40, 0)
axr.set_ylabel("Rainfall (mm h$^{-1}$)")
axr.grid(False)
loc = mdates.AutoDateLocator()
ax.xaxis.set_major_locator(loc)
ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
ax.set_xlim(t[0], t[-1])
ax.set_title(f"River Lune at Caton, storm of 19-22 Oct 2023 (total rain {rain.sum():.0f} mm)", loc="left")
fig.tight_layout()
