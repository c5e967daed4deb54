# Thermal against electrical conductivity of five alloy families, errorbars in both x and y with a fitted log-log power law
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")
plt.rcParams.update({"font.size": 10, "axes.labelsize": 11})

rng = np.random.default_rng(11)
families = {
    "Al alloys": (22.0, 160, "o"),
    "Mg alloys": (13.0, 95, "s"),
    "Ti alloys": (1.7, 12, "D"),
    "Cu alloys": (35.0, 250, "^"),
    "Steels": (5.0, 35, "v"),
}

fig, ax = plt.subplots(figsize=(7, 5))
all_x, all_y = [], []
for name, (sigma, k, marker) in families.items():
    x = sigma * rng.lognormal(0, 0.2, 4)
    y = k * (x / sigma) * rng.lognormal(0, 0.08, 4)
    xerr = x * rng.uniform(0.03, 0.08, 4)
    yerr = np.vstack([y * rng.uniform(0.05, 0.12, 4), y * rng.uniform(0.08, 0.2, 4)])
    ax.errorbar(
        x,
        y,
        xerr=xerr,
        yerr=yerr,
        fmt=marker,
        ms=6,
        capsize=3,
        elinewidth=1,
        capthick=1,
        mfc="white",
        mew=1.4,
        label=name,
    )
    all_x.extend(x)
    all_y.extend(y)
slope, intercept = np.polyfit(np.log10(all_x), np.log10(all_y), 1)
xs = np.logspace(0, 2, 50)
ax.plot(xs, 10**intercept * xs**slope, "k--", lw=1, label=rf"fit: $k \propto \sigma^{{{slope:.2f}}}$")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlim(1, 100)
ax.set_xlabel(r"Electrical conductivity $\sigma$ (MS m$^{-1}$)")
ax.set_ylabel(r"Thermal conductivity $k$ (W m$^{-1}$ K$^{-1}$)")
ax.legend(ncols=2, fontsize=9, loc="upper left")
ax.set_title("Wiedemann–Franz check at 20 °C (bars: range of 3 specimens)")
fig.tight_layout()
plt.show()
