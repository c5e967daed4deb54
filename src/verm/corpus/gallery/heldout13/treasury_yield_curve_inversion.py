# US Treasury yield curves on four dates against maturity on a log axis, above the 10y-2y spread with inversion shaded and recession bars.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fivethirtyeight")
plt.rcParams.update({"font.size": 10, "axes.titlesize": 12, "lines.linewidth": 2})

mat = np.array([1 / 12, 3 / 12, 6 / 12, 1, 2, 3, 5, 7, 10, 20, 30])
mat_lbl = ["1M", "3M", "6M", "1Y", "2Y", "3Y", "5Y", "7Y", "10Y", "20Y", "30Y"]
curves = {
    "Jan 2021": [0.08, 0.08, 0.09, 0.10, 0.13, 0.17, 0.36, 0.65, 0.93, 1.46, 1.66],
    "Jun 2022": [1.28, 1.72, 2.51, 2.80, 2.96, 3.05, 3.04, 3.04, 2.98, 3.39, 3.14],
    "Jul 2023": [5.37, 5.47, 5.53, 5.37, 4.88, 4.55, 4.18, 4.09, 3.96, 4.19, 3.98],
    "Dec 2024": [4.40, 4.32, 4.24, 4.17, 4.25, 4.27, 4.38, 4.48, 4.57, 4.86, 4.78],
}
rng = np.random.default_rng(1977)
months = np.arange("1978-01", "2025-01", dtype="datetime64[M]")
t = np.arange(months.size)
spread = 1.0 + 0.9 * np.sin(t / 36) + 0.5 * np.sin(t / 9.5 + 1) + np.cumsum(rng.normal(0, 0.06, t.size))
spread -= np.linspace(0, 1.3, t.size)
recessions = [
    ("1980-01", "1980-07"),
    ("1981-07", "1982-11"),
    ("1990-07", "1991-03"),
    ("2001-03", "2001-11"),
    ("2007-12", "2009-06"),
    ("2020-02", "2020-04"),
]

fig, (ax, sp) = plt.subplots(2, 1, figsize=(10, 8.5), gridspec_kw={"height_ratios": [1.4, 1]})
cols = ["#30a2da", "#fc4f30", "#e5ae38", "#6d904f"]
for (d, y), c in zip(curves.items(), cols, strict=True):
    ax.plot(mat, y, marker="o", ms=5, color=c, label=d)
    ax.annotate(
        d, (30, y[-1]), xytext=(8, 0), textcoords="offset points", va="center", color=c, fontsize=9, fontweight="bold"
    )
ax.set_xscale("log")
ax.set_xticks(mat, mat_lbl)
ax.minorticks_off()
ax.set_xlim(0.07, 55)
ax.set_ylabel("yield (%)")
ax.set_title("Treasury par yield curves", loc="left")
ax.annotate(
    "deepest inversion:\n3M above 10Y by 1.5 pp",
    xy=(0.25, 5.47),
    xytext=(0.5, 1.8),
    fontsize=9,
    arrowprops=dict(arrowstyle="->", color="0.3"),
)

sp.plot(months, spread, color="#008fd5", lw=1.3)
sp.fill_between(months, spread, 0, where=spread < 0, color="#fc4f30", alpha=0.6, interpolate=True, label="inverted")
sp.axhline(0, color="black", lw=1)
for a, b in recessions:
    sp.axvspan(np.datetime64(a), np.datetime64(b), color="0.55", alpha=0.35, lw=0)
sp.set_ylabel("10y − 2y (pp)")
sp.set_title("Term spread and NBER recessions (grey)", loc="left")
sp.legend(loc="upper right", fontsize=9)
fig.text(0.02, 0.01, "Curves: Treasury par yields; spread series simulated for illustration.", fontsize=8, color="0.4")
fig.tight_layout(rect=(0, 0.02, 1, 1))
