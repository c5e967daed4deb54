# Cumulative return of a strategy against its benchmark (shaded where it leads or lags) over a drawdown panel, on business days
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#e5e5e5",
        "grid.linewidth": 0.8,
        "font.size": 9,
        "axes.titlesize": 11,
    }
)

rng = np.random.default_rng(88)
days = np.arange(np.datetime64("2021-01-04"), np.datetime64("2023-12-30"), dtype="datetime64[D]")
days = days[np.is_busday(days)]
n = days.size
bench_ret = rng.normal(0.00028, 0.0105, n)
shock = np.zeros(n)
shock[300:360] = -0.0032
strat_ret = 0.55 * bench_ret + rng.normal(0.00035, 0.0068, n) + shock
strat = np.cumprod(1 + strat_ret) - 1
bench = np.cumprod(1 + bench_ret) - 1
wealth = 1 + strat
drawdown = wealth / np.maximum.accumulate(wealth) - 1
trough = int(np.argmin(drawdown))

fig, (ax, ax_dd) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1.2]})
ax.plot(days, strat * 100, color="#1f4e79", lw=1.4, label="Strategy")
ax.plot(days, bench * 100, color="#7f7f7f", lw=1.1, label="Benchmark (60/40)")
ax.fill_between(
    days,
    strat * 100,
    bench * 100,
    where=strat >= bench,
    interpolate=True,
    color="#2ca02c",
    alpha=0.2,
    label="Outperforming",
)
ax.fill_between(
    days,
    strat * 100,
    bench * 100,
    where=strat < bench,
    interpolate=True,
    color="#d62728",
    alpha=0.2,
    label="Underperforming",
)
ax.axhline(0, color="black", lw=0.8)
ax.set_ylabel("Cumulative return (%)")
ax.legend(loc="upper left", ncol=2, frameon=False)
ax.set_title("Multi-asset strategy vs benchmark, Jan 2021 – Dec 2023", loc="left")
ax.annotate(
    f"{strat[-1] * 100:.1f}%",
    (days[-1], strat[-1] * 100),
    xytext=(4, 0),
    textcoords="offset points",
    va="center",
    color="#1f4e79",
    fontweight="bold",
)
ax.annotate(
    f"{bench[-1] * 100:.1f}%",
    (days[-1], bench[-1] * 100),
    xytext=(4, 0),
    textcoords="offset points",
    va="center",
    color="#7f7f7f",
)

ax_dd.fill_between(days, drawdown * 100, 0, color="#d62728", alpha=0.35, lw=0)
ax_dd.plot(days, drawdown * 100, color="#a00000", lw=0.8)
ax_dd.annotate(
    f"max drawdown {drawdown[trough] * 100:.1f}%",
    (days[trough], drawdown[trough] * 100),
    xytext=(30, -4),
    textcoords="offset points",
    fontsize=8,
    arrowprops=dict(arrowstyle="-", color="0.3", lw=0.8),
)
ax_dd.set_ylabel("Drawdown (%)")
ax_dd.set_ylim(drawdown.min() * 100 * 1.35, 1)
ax_dd.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7]))
ax_dd.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
fig.align_ylabels([ax, ax_dd])
fig.tight_layout()
