# Reliability diagram of two rain-probability forecasts on a logit y axis and a square-root (function-scale) x axis of lead time
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import NullFormatter, PercentFormatter

rng = np.random.default_rng(2718)
bins = np.array([0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98])
raw_obs = np.clip(0.5 + (bins - 0.5) * 0.72 + rng.normal(0, 0.012, bins.size), 0.01, 0.99)
cal_obs = np.clip(bins + rng.normal(0, 0.008, bins.size), 0.01, 0.99)
n_cases = np.array([5200, 3100, 2400, 1700, 1200, 900, 820, 700, 610, 480, 300, 150, 60])

lead = np.array([6, 12, 24, 36, 48, 72, 96, 120, 168, 240])
brier_raw = 0.082 + 0.0175 * np.sqrt(lead) + rng.normal(0, 0.002, lead.size)
brier_cal = 0.078 + 0.0150 * np.sqrt(lead) + rng.normal(0, 0.002, lead.size)
climatology = np.full(lead.size, 0.36)

with plt.style.context("seaborn-v0_8-darkgrid"):
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(10, 4.8), gridspec_kw={"width_ratios": [1.1, 1]})
    ax.plot(bins, bins, color="0.3", ls="--", lw=1, label="perfect reliability")
    ax.plot(bins, raw_obs, "o-", color="#c44e52", label="raw ensemble")
    ax.scatter(bins, cal_obs, s=n_cases / 40, color="#4c72b0", zorder=3, label="calibrated (area ∝ cases)")
    ax.plot(bins, cal_obs, color="#4c72b0", lw=1.2)
    ax.set_xscale("logit")
    ax.set_yscale("logit")
    ax.set_xlim(0.015, 0.985)
    ax.set_ylim(0.015, 0.985)
    probs = [0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.98]
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_ticks(probs)
        axis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        axis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("Forecast probability of rain")
    ax.set_ylabel("Observed frequency")
    ax.set_title("Reliability, day-1 forecasts")
    ax.legend(loc="upper left", fontsize=9)

    ax2.plot(lead, brier_raw, "s-", color="#c44e52", label="raw ensemble")
    ax2.plot(lead, brier_cal, "D-", color="#4c72b0", label="calibrated")
    ax2.plot(lead, climatology, color="0.4", ls=":", label="climatology")
    ax2.set_xscale("function", functions=(np.sqrt, np.square))
    ax2.set_xticks([6, 24, 48, 96, 168, 240])
    ax2.set_xlim(0, 250)
    ax2.set_xlabel("Lead time (h, square-root scale)")
    ax2.set_ylabel("Brier score (lower is better)")
    ax2.set_title("Skill by lead time")
    ax2.legend(loc="lower right", fontsize=9)
    fig.suptitle("Precipitation probability forecasts, 14 stations, 2019–2023")
    fig.tight_layout()
