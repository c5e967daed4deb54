# Gamma-ray energy spectrum of a Cs-137 / Co-60 check source: counts per channel drawn as steps-mid with Poisson errors on every 8th channel and a fitted photopeak
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(137)
energy = np.arange(20, 1500, 6.0)  # keV, channel centres
bg = 1800 * np.exp(-energy / 260) + 60
compton = 260 / (1 + np.exp((energy - 477) / 18)) * (energy < 520)
peak_cs = 2400 * np.exp(-0.5 * ((energy - 661.7) / 22) ** 2)
peak_co1 = 520 * np.exp(-0.5 * ((energy - 1173.2) / 30) ** 2)
peak_co2 = 470 * np.exp(-0.5 * ((energy - 1332.5) / 32) ** 2)
expected = bg + compton + peak_cs + peak_co1 + peak_co2
counts = rng.poisson(expected)

plt.style.use("Solarize_Light2")
fig, (ax, ax_res) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
ax.errorbar(
    energy, counts, yerr=np.sqrt(counts), errorevery=(3, 8), fmt="none", ecolor="#586e75", elinewidth=0.8, capsize=2
)
ax.plot(energy, counts, drawstyle="steps-mid", color="#268bd2", lw=1.1, label="measured (600 s live time)")
window = (energy > 600) & (energy < 725)
ax.plot(
    energy[window],
    (bg + compton + peak_cs)[window],
    color="#dc322f",
    lw=1.6,
    ls="--",
    label="Gaussian + exp. background fit",
)
ax.set_yscale("log")
ax.set_ylim(30, 6000)
ax.set_ylabel("Counts / 6 keV")
for e, name in (
    (661.7, "$^{137}$Cs 661.7 keV"),
    (1173.2, "$^{60}$Co 1173 keV"),
    (1332.5, "$^{60}$Co 1332 keV"),
    (477, "Compton edge"),
):
    ax.annotate(
        name,
        (e, expected[np.argmin(np.abs(energy - e))]),
        xytext=(0, 18),
        textcoords="offset points",
        ha="center",
        fontsize=8,
        arrowprops=dict(arrowstyle="-", lw=0.6),
    )
ax.legend(loc="upper right", fontsize=9)
ax.set_title('NaI(Tl) detector, 3" x 3", check source at 25 cm')

residual = (counts - expected) / np.sqrt(expected)
ax_res.plot(energy, residual, drawstyle="steps-mid", color="#6c71c4", lw=0.9)
ax_res.axhline(0, color="#073642", lw=0.8)
ax_res.axhspan(-2, 2, color="#93a1a1", alpha=0.25)
ax_res.set_ylim(-4.5, 4.5)
ax_res.set_ylabel("pull (σ)")
ax_res.set_xlabel("Energy (keV)")
fig.tight_layout()
