# Wind turbine SCADA power curve: 10-minute records, binned means with spread, the warranted curve, and the site wind-speed distribution.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(314)
rated, cut_in, v_rated, cut_out = 3.45, 3.0, 12.5, 25.0


def warranted(v):
    p = rated * np.clip((v**3 - cut_in**3) / (v_rated**3 - cut_in**3), 0, 1)
    return np.where(v > cut_out, 0, p)


k, c = 2.1, 8.2
ws = c * rng.weibull(k, 5000)
power = warranted(ws) * rng.normal(0.97, 0.05, ws.size)
curtailed = rng.random(ws.size) < 0.04
power[curtailed] = np.minimum(power[curtailed], rng.uniform(0.8, 1.8, curtailed.sum()))
power = np.clip(power, 0, rated * 1.03)

bins = np.arange(0, 26, 1.0)
mid = bins[:-1] + 0.5
idx = np.digitize(ws, bins) - 1
means = np.array([power[idx == i].mean() if (idx == i).sum() > 5 else np.nan for i in range(mid.size)])
sds = np.array([power[idx == i].std() if (idx == i).sum() > 5 else np.nan for i in range(mid.size)])

with plt.style.context("Solarize_Light2"):
    fig, ax = plt.subplots(figsize=(10, 6))
    ax.scatter(ws[~curtailed], power[~curtailed], s=3, alpha=0.25, color="#268bd2", label="10-min records")
    ax.scatter(
        ws[curtailed],
        power[curtailed],
        s=6,
        alpha=0.7,
        color="#dc322f",
        marker="x",
        lw=0.6,
        label="curtailment flagged",
    )
    ax.errorbar(mid, means, yerr=sds, fmt="o", color="#073642", ms=4, capsize=2, label="bin mean ± 1 sd")
    v = np.linspace(0, 25, 400)
    ax.plot(v, warranted(v), color="#b58900", lw=2.2, label="warranted curve")
    for x, lab in [(cut_in, "cut-in"), (v_rated, "rated")]:
        ax.axvline(x, ls=":", color="#586e75", lw=1)
        ax.text(x + 0.15, 3.75, lab, fontsize=9, color="#586e75")
    ax.set_xlim(0, 25)
    ax.set_ylim(-0.1, 4.0)
    ax.set_xlabel("Nacelle wind speed (m/s)")
    ax.set_ylabel("Active power (MW)")
    axh = ax.twinx()
    axh.hist(ws, bins=bins, color="#859900", alpha=0.25, density=True)
    axh.plot(v, (k / c) * (v / c) ** (k - 1) * np.exp(-((v / c) ** k)), color="#859900", lw=1.5)
    axh.set_ylim(0, 0.45)
    axh.set_ylabel("Wind-speed frequency (Weibull k=2.1, c=8.2)", color="#859900")
    axh.grid(False)
    ax.legend(loc="center right", fontsize=9)
    ax.set_title("Turbine T07 power curve, Jan-Dec 2023")
    fig.tight_layout()
