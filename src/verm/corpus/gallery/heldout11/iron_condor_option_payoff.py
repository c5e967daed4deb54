# Profit and loss at expiry of an iron condor options position, with strikes, breakevens and max profit/loss shaded
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

plt.style.use("fivethirtyeight")

spot = 4512.0
k_lp, k_sp, k_sc, k_lc = 4300, 4400, 4625, 4725  # long put, short put, short call, long call
credit = 31.4  # net premium received per share
mult = 100

s = np.linspace(4150, 4875, 800)
payoff = (
    np.maximum(k_lp - s, 0) - np.maximum(k_sp - s, 0) - np.maximum(s - k_sc, 0) + np.maximum(s - k_lc, 0) + credit
) * mult
# Value today (smoothed) for comparison: the same legs with a time premium rounding the corners
w = 45.0
soft = np.logaddexp(0, (s - k_sc) / w) * w - np.logaddexp(0, (s - k_lc) / w) * w
soft += np.logaddexp(0, (k_sp - s) / w) * w - np.logaddexp(0, (k_lp - s) / w) * w
today = (credit - soft) * mult

be_lo, be_hi = k_sp - credit, k_sc + credit
fig, ax = plt.subplots(figsize=(10, 6))
ax.fill_between(s, payoff, 0, where=payoff >= 0, color="#2ca02c", alpha=0.3, interpolate=True)
ax.fill_between(s, payoff, 0, where=payoff < 0, color="#d62728", alpha=0.3, interpolate=True)
ax.plot(s, payoff, color="#333333", lw=2.5, label="At expiry (21 Mar)")
ax.plot(s, today, color="#1f77b4", lw=1.8, ls="--", label="Today (T-45 days)")
ax.axhline(0, color="k", lw=1.2)

for k, lab in ((k_lp, "buy 4300P"), (k_sp, "sell 4400P"), (k_sc, "sell 4625C"), (k_lc, "buy 4725C")):
    ax.axvline(k, color="0.5", lw=1, ls=":")
    ax.text(k, 4950, lab, rotation=90, ha="right", va="top", fontsize=9, color="0.35")
for be, dx in ((be_lo, -45), (be_hi, 45)):
    ax.plot(be, 0, "o", ms=9, color="#ff7f0e", zorder=5)
    ax.annotate(
        f"breakeven\n{be:,.1f}",
        xy=(be, 0),
        xytext=(be + dx, 1500),
        ha="center",
        fontsize=9,
        arrowprops={"arrowstyle": "-", "color": "#ff7f0e"},
    )
ax.axvline(spot, color="#9467bd", lw=2)
ax.text(spot + 6, -3300, f"SPX {spot:,.0f}", color="#9467bd", fontsize=10, weight="bold")

max_gain, max_loss = credit * mult, (k_sp - k_lp - credit) * mult
ax.text((k_sp + k_sc) / 2, max_gain + 450, f"max profit ${max_gain:,.0f}", ha="center", fontsize=10, color="#1a6b1a")
ax.text(4225, -max_loss + 350, f"max loss -${max_loss:,.0f}", ha="center", fontsize=10, color="#a11d1d")
ax.text(4800, -max_loss + 350, f"max loss -${max_loss:,.0f}", ha="center", fontsize=10, color="#a11d1d")

ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"-${-v:,.0f}" if v < 0 else f"${v:,.0f}"))
ax.set_xlim(s[0], s[-1])
ax.set_ylim(-8500, 5200)
ax.set_xlabel("Underlying price at expiry")
ax.set_ylabel("Profit / loss per contract")
ax.set_title("SPX iron condor 4300/4400/4625/4725, credit 31.40", fontsize=14)
ax.legend(loc="lower center", fontsize=10)
fig.tight_layout()
