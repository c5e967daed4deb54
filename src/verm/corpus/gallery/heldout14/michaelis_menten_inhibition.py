# Enzyme kinetics with a competitive inhibitor: Michaelis-Menten rate curves with replicate error bars beside the Lineweaver-Burk double-reciprocal plot
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-ticks")
rng = np.random.default_rng(1405)

Vmax, Km, Ki = 120.0, 2.5, 4.0
S = np.array([0.25, 0.5, 1, 2, 4, 8, 16, 32])
inhib = [0, 4, 12]
colors = ["#1b9e77", "#d95f02", "#7570b3"]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8))
s_fine = np.linspace(0, 34, 300)
for conc, col in zip(inhib, colors):
    kapp = Km * (1 + conc / Ki)
    reps = Vmax * S / (kapp + S) * (1 + rng.normal(0, 0.05, (3, S.size)))
    mean, sd = reps.mean(0), reps.std(0, ddof=1)
    ax1.errorbar(S, mean, yerr=sd, fmt="o", color=col, capsize=3, ms=5)
    ax1.plot(
        s_fine,
        Vmax * s_fine / (kapp + s_fine),
        color=col,
        lw=1.8,
        label=f"[I] = {conc} µM, $K_m^{{app}}$ = {kapp:.1f} µM",
    )
    ax1.plot([kapp, kapp], [0, Vmax / 2], color=col, ls=":", lw=1)

    inv_s, inv_v = 1 / S, 1 / mean
    slope, icpt = np.polyfit(inv_s, inv_v, 1)
    xs = np.linspace(-1 / kapp * 1.3, 4.2, 50)
    ax2.plot(xs, slope * xs + icpt, color=col, lw=1.5)
    ax2.plot(inv_s, inv_v, "o", color=col, ms=5, mec="k", mew=0.5, label=f"[I] = {conc} µM")

ax1.axhline(Vmax, color="0.3", ls="--", lw=1)
ax1.text(33, Vmax + 3, "$V_{max}$", ha="right")
ax1.axhline(Vmax / 2, color="0.6", ls=":", lw=1)
ax1.text(33, Vmax / 2 + 3, "$V_{max}/2$", ha="right", color="0.4")
ax1.set_xlabel("Substrate [S] (mM)")
ax1.set_ylabel("Initial rate $v_0$ (µmol min$^{-1}$ mg$^{-1}$)")
ax1.set_title("A  Michaelis-Menten", loc="left", fontweight="bold")
ax1.set_xlim(0, 34)
ax1.set_ylim(0, 140)
ax1.legend(fontsize=8.5, loc="lower right")

ax2.axhline(0, color="k", lw=0.8)
ax2.axvline(0, color="k", lw=0.8)
ax2.plot(0, 1 / Vmax, "k*", ms=12, zorder=5)
ax2.annotate(
    "common intercept\n$1/V_{max}$ (competitive)",
    xy=(0, 1 / Vmax),
    xytext=(0.9, 0.003),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
ax2.annotate("$-1/K_m$", xy=(-1 / Km, 0), xytext=(-0.55, 0.02), arrowprops=dict(arrowstyle="->"), fontsize=9)
ax2.set_xlabel("1/[S] (mM$^{-1}$)")
ax2.set_ylabel("1/$v_0$")
ax2.set_title("B  Lineweaver-Burk", loc="left", fontweight="bold")
ax2.set_xlim(-0.6, 4.2)
ax2.set_ylim(-0.004, 0.12)
ax2.legend(fontsize=8.5, loc="upper left")
for ax in (ax1, ax2):
    ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
