# Ocean temperature and salinity vs depth (inverted y): seasonal min-max envelope with fill_betweenx, mean profiles, and a shaded mixed layer
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Serif",
        "font.size": 9,
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.top": True,
        "ytick.right": True,
        "axes.linewidth": 0.8,
        "legend.frameon": False,
    }
)

rng = np.random.default_rng(99)
z = np.linspace(0, 1000, 201)


def profile(surface, deep, mld, scale):
    return deep + (surface - deep) * np.where(z < mld, 1.0, np.exp(-(z - mld) / scale))


temps = np.array([profile(s, 4.2, m, 180) for s, m in zip(rng.normal(17, 3.5, 12), rng.uniform(20, 120, 12))])
temps += rng.normal(0, 0.08, temps.shape)
sal = np.array([profile(s, 34.6, m, 300) for s, m in zip(rng.normal(35.4, 0.25, 12), rng.uniform(20, 120, 12))])

fig, (axT, axS) = plt.subplots(1, 2, sharey=True, figsize=(6.0, 5.2))
axT.fill_betweenx(z, temps.min(0), temps.max(0), color="tab:red", alpha=0.2, lw=0, label="monthly range")
axT.plot(temps.mean(0), z, color="tab:red", lw=1.5, label="annual mean")
axT.plot(temps[0], z, color="tab:blue", lw=0.9, ls="--", label="January")
axT.plot(temps[7], z, color="tab:orange", lw=0.9, ls="-.", label="August")
axT.set_xlabel("Temperature (°C)")
axT.set_ylabel("Depth (m)")

axS.fill_betweenx(z, sal.min(0), sal.max(0), color="tab:green", alpha=0.2, lw=0)
axS.plot(sal.mean(0), z, color="tab:green", lw=1.5)
axS.set_xlabel("Salinity (PSU)")

for ax in (axT, axS):
    ax.axhspan(0, 75, color="0.85", zorder=0)
    ax.grid(True, ls=":", lw=0.5)
axT.text(4.5, 40, "mixed layer", fontsize=8, va="center", style="italic")
axT.invert_yaxis()
axT.set_ylim(1000, 0)
axT.legend(loc="lower right", fontsize=8)
fig.suptitle("Station ALOHA-like climatology, 22.75°N 158°W", fontsize=10)
fig.tight_layout()
