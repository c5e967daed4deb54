# Monthly unemployment rate 2000-2023 on a datetime axis with ConciseDateFormatter, shaded recession bands (axvspan), a target band (axhspan) and annotated peaks
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("Solarize_Light2")

months = np.arange("2000-01", "2024-01", dtype="datetime64[M]")
t = np.arange(months.size)
rng = np.random.default_rng(5)

# build a plausible unemployment series: a baseline with three recession bumps
rate = np.full(months.size, 4.6)
for start, peak, height, decay in [(14, 41, 2.0, 30.0), (95, 118, 5.4, 55.0), (242, 243, 10.0, 9.0)]:
    rise = np.clip((t - start) / max(peak - start, 1), 0, 1) ** 1.5
    fall = np.exp(-np.clip(t - peak, 0, None) / decay)
    rate += height * rise * fall
rate += np.cumsum(rng.normal(0, 0.04, months.size)) * 0.3
rate = np.round(rate, 1)

recessions = [
    (np.datetime64("2001-03-01"), np.datetime64("2001-11-30")),
    (np.datetime64("2007-12-01"), np.datetime64("2009-06-30")),
    (np.datetime64("2020-02-01"), np.datetime64("2020-04-30")),
]

fig, ax = plt.subplots(figsize=(10, 4.8), layout="constrained")
dates = months.astype("datetime64[D]")
ax.plot(dates, rate, lw=1.6, color="#268bd2", label="Unemployment rate")
for i, (a, b) in enumerate(recessions):
    ax.axvspan(a, b, color="0.55", alpha=0.25, lw=0, label="NBER recession" if i == 0 else None)
ax.axhspan(3.5, 4.5, color="#859900", alpha=0.15, lw=0, label="Full-employment range")

# annotate the peak of each episode
for lo, hi, dy in [(0, 80, 1.6), (80, 200, 1.4), (200, 288, -0.5)]:
    k = lo + int(np.argmax(rate[lo:hi]))
    ax.annotate(
        f"{rate[k]:.1f}%\n{np.datetime_as_string(months[k])}",
        xy=(dates[k], rate[k]),
        xytext=(dates[k] + np.timedelta64(420, "D"), rate[k] + dy),
        fontsize=8.5,
        arrowprops=dict(arrowstyle="->", color="#dc322f", lw=1),
        ha="left",
        va="center",
    )

locator = mdates.AutoDateLocator(minticks=6, maxticks=14)
ax.xaxis.set_major_locator(locator)
ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0f}%"))
ax.set_ylim(2, 17)
ax.set_xlim(dates[0], dates[-1])
ax.set_ylabel("Percent of labour force")
ax.set_title("Civilian unemployment rate, seasonally adjusted (synthetic)")
ax.legend(loc="upper left", fontsize=9)
