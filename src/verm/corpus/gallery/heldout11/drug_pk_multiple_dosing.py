# Plasma concentration of an oral drug over repeated 12-hourly doses: therapeutic window, steady state and a missed dose
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("tableau-colorblind10")
plt.rcParams.update({"font.family": "DejaVu Sans"})

ka, ke, v_f, dose = 1.3, 0.115, 42.0, 500.0  # 1/h, 1/h, L (V/F), mg
tau = 12.0
t = np.linspace(0, 120, 1201)
doses = np.arange(0, 120, tau)
missed = 60.0
given = doses[doses != missed]


def one_dose(t_since):
    ts = np.clip(t_since, 0, None)
    return dose * ka / (v_f * (ka - ke)) * (np.exp(-ke * ts) - np.exp(-ka * ts)) * (t_since >= 0)


conc = sum(one_dose(t - d) for d in given)
ideal = sum(one_dose(t - d) for d in doses)
mec, mtc = 4.0, 14.0  # minimum effective / minimum toxic concentration (mg/L)

fig, (ax, axl) = plt.subplots(2, 1, figsize=(10, 6.8), sharex=True, gridspec_kw={"height_ratios": [3, 2]})
ax.axhspan(mec, mtc, color="#9ecae1", alpha=0.35, lw=0, label="therapeutic window")
ax.axhline(mtc, color="#c85200", lw=1, ls="--")
ax.axhline(mec, color="#5f9ed1", lw=1, ls="--")
ax.text(119, mtc + 0.3, "MTC 14 mg/L", ha="right", fontsize=8, color="#c85200")
ax.text(119, mec - 0.3, "MEC 4 mg/L", ha="right", va="top", fontsize=8, color="#1f5f8b")
ax.plot(t, ideal, color="0.6", lw=1.2, ls=":", label="if every dose taken")
ax.plot(t, conc, lw=2, label="observed regimen")
ax.plot(given, np.full(given.size, -1.2), "^", ms=8, color="#006ba4", clip_on=False)
ax.plot(missed, -1.2, "x", ms=9, mew=2, color="#c85200", clip_on=False)
ax.text(missed, 1.2, "missed\ndose", ha="center", fontsize=8, color="#c85200")

cmax_ss = ideal[(t >= 96) & (t < 108)].max()
ax.annotate(
    f"steady state\nCmax ~ {cmax_ss:.1f} mg/L",
    xy=(t[(t >= 96) & (t < 108)][np.argmax(ideal[(t >= 96) & (t < 108)])], cmax_ss),
    xytext=(78, 16.5),
    fontsize=9,
    arrowprops={"arrowstyle": "->"},
)
ax.set_ylim(-2, 19)
ax.set_ylabel("Concentration (mg/L)")
ax.set_title("Oral 500 mg every 12 h - simulated one-compartment PK (t1/2 = 6 h)", loc="left")
ax.legend(loc="upper left", fontsize=8, ncol=3)

axl.semilogy(t, np.maximum(conc, 1e-3), lw=1.6)
axl.semilogy(t, np.maximum(ideal, 1e-3), color="0.6", lw=1, ls=":")
axl.axhspan(mec, mtc, color="#9ecae1", alpha=0.35, lw=0)
axl.set_ylim(0.3, 30)
axl.set_ylabel("log scale")
axl.set_xlabel("Time since first dose (h)")
axl.set_xticks(np.arange(0, 121, 12))
axl.text(2, 0.4, f"accumulation ratio R = 1/(1 - e^(-ke tau)) = {1 / (1 - np.exp(-ke * tau)):.2f}", fontsize=8)
fig.tight_layout()
