# Daily share price over two years with a 50-day moving average, shaded drawdown periods and annotated events; dates from day offsets.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, MultipleLocator

rng = np.random.default_rng(1234)
days = np.arange(730)
returns = rng.normal(0.0006, 0.017, days.size)
returns[300:360] -= 0.006
returns[520:545] += 0.009
price = 84 * np.exp(np.cumsum(returns))
ma50 = np.convolve(price, np.ones(50) / 50, mode="valid")

start = np.datetime64("2021-01-01")


def day_to_label(x, _pos):
    d = start + np.timedelta64(round(x), "D")
    return str(d.astype("datetime64[M]").item().strftime("%b\n%Y"))


plt.style.use("bmh")
fig, ax = plt.subplots(figsize=(10, 4.8))
ax.plot(days, price, lw=1, color="#1f4e79", label="Close")
ax.plot(days[49:], ma50, lw=1.8, color="#f39c12", label="50-day MA")
ax.axvspan(300, 360, color="#c0392b", alpha=0.15, label="Drawdown")
ax.axvspan(440, 470, color="#c0392b", alpha=0.15)

events = {120: "Q1 earnings beat", 305: "CEO resigns", 522: "Acquisition announced"}
for day, text in events.items():
    ax.annotate(
        text,
        xy=(day, price[day]),
        xytext=(0, 38 if day != 305 else -45),
        textcoords="offset points",
        ha="center",
        fontsize=9,
        arrowprops=dict(arrowstyle="->", color="0.2"),
        bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="0.6"),
    )

ax.xaxis.set_major_locator(MultipleLocator(91.25))
ax.xaxis.set_major_formatter(FuncFormatter(day_to_label))
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"${v:,.0f}"))
ax.set_xlim(0, 729)
ax.set_ylabel("Share price")
ax.set_title("ACME Corp. (ticker ACME), daily close")
ax.legend(loc="upper left", fontsize=9)
fig.tight_layout()
plt.show()
