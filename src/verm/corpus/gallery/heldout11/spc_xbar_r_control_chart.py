# Shewhart X-bar and R control charts for shaft diameter subgroups, with sigma zones and out-of-control points flagged
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")
rng = np.random.default_rng(5)

n_sub, n = 30, 5
data = rng.normal(25.000, 0.012, (n_sub, n))
data[18:23] += 0.016  # a tool-wear shift
data[9, 2] += 0.09  # a single bad part widens one range
xbar = data.mean(axis=1)
rng_ = data.max(axis=1) - data.min(axis=1)

A2, D3, D4 = 0.577, 0.0, 2.114  # constants for n = 5
xbb, rbar = xbar[:20].mean(), rng_[:20].mean()  # limits from phase-I subgroups
ucl_x, lcl_x = xbb + A2 * rbar, xbb - A2 * rbar
ucl_r, lcl_r = D4 * rbar, D3 * rbar
sig = (ucl_x - xbb) / 3

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
k = np.arange(1, n_sub + 1)

for lo, hi, c in ((1, 2, "#fff3b0"), (2, 3, "#ffd6a5")):
    ax1.axhspan(xbb + lo * sig, xbb + hi * sig, color=c, alpha=0.6, lw=0)
    ax1.axhspan(xbb - hi * sig, xbb - lo * sig, color=c, alpha=0.6, lw=0)
ax1.plot(k, xbar, "-o", color="#34495e", ms=5, lw=1.2)
for y, lab, ls in ((ucl_x, "UCL", "--"), (xbb, "CL", "-"), (lcl_x, "LCL", "--")):
    ax1.axhline(y, color="#c0392b" if lab != "CL" else "#27ae60", ls=ls, lw=1.3)
    ax1.text(n_sub + 0.6, y, f"{lab} = {y:.4f}", va="center", fontsize=8)

out = (xbar > ucl_x) | (xbar < lcl_x)
ax1.plot(k[out], xbar[out], "o", ms=10, mfc="none", mec="#c0392b", mew=2)
ax1.annotate(
    "tool wear\nshift",
    xy=(20, xbar[19]),
    xytext=(12.5, ucl_x + 1.2 * sig),
    fontsize=8,
    arrowprops={"arrowstyle": "->", "color": "#c0392b"},
    color="#c0392b",
)
ax1.set_ylabel(r"Subgroup mean $\bar{x}$ (mm)")
ax1.set_title("X-bar chart - shaft diameter, nominal 25.000 mm (n = 5)", loc="left", fontsize=11)
ax1.set_ylim(xbb - 4.5 * sig, xbb + 6.5 * sig)

ax2.plot(k, rng_, "-s", color="#2c3e50", ms=4, lw=1.1)
ax2.axhline(ucl_r, color="#c0392b", ls="--", lw=1.3)
ax2.axhline(rbar, color="#27ae60", lw=1.3)
ax2.axhline(lcl_r, color="#c0392b", ls="--", lw=1.3)
ax2.text(n_sub + 0.6, ucl_r, f"UCL = {ucl_r:.4f}", va="center", fontsize=8)
ax2.text(n_sub + 0.6, rbar, f"R-bar = {rbar:.4f}", va="center", fontsize=8)
bad_r = rng_ > ucl_r
ax2.plot(k[bad_r], rng_[bad_r], "s", ms=10, mfc="none", mec="#c0392b", mew=2)
ax2.set_ylabel("Range R (mm)")
ax2.set_xlabel("Subgroup")
ax2.axvline(20.5, color="0.3", lw=1, ls=":")
ax2.text(20.7, ucl_r * 1.02, "phase II ->", fontsize=8, va="bottom")
ax2.set_xlim(0.3, n_sub + 0.7)
fig.subplots_adjust(left=0.1, right=0.85, hspace=0.08, top=0.93, bottom=0.09)
