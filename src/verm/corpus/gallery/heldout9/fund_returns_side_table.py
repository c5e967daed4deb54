# Growth of $10,000 in three funds over ten years beside a table of annualised performance statistics
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

rng = np.random.default_rng(1010)
months = np.arange(121)
specs = {"Global Equity": (0.0075, 0.045), "Balanced 60/40": (0.0055, 0.027), "Short Bond": (0.0022, 0.008)}
colors = ["#003f5c", "#bc5090", "#ffa600"]

fig, (ax, tax) = plt.subplots(1, 2, figsize=(11, 4.6), gridspec_kw={"width_ratios": [2.1, 1.2]})
rows = []
for (name, (mu, sig)), col in zip(specs.items(), colors):
    r = rng.normal(mu, sig, 120)
    value = 10000 * np.concatenate([[1], np.cumprod(1 + r)])
    ax.plot(months, value, color=col, lw=1.8, label=name)
    ax.text(121, value[-1], f" ${value[-1] / 1000:.1f}k", color=col, va="center", fontsize=8)
    ann = (value[-1] / value[0]) ** (1 / 10) - 1
    vol = r.std() * np.sqrt(12)
    dd = (value / np.maximum.accumulate(value) - 1).min()
    rows.append([name, f"{ann:.1%}", f"{vol:.1%}", f"{ann / vol:.2f}", f"{dd:.1%}"])
ax.axhline(10000, color="0.5", lw=0.8, ls=":")
ax.set_xticks(np.arange(0, 121, 24))
ax.set_xticklabels([str(2014 + m // 12) for m in range(0, 121, 24)])
ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"${v / 1000:.0f}k"))
ax.set_xlim(0, 132)
ax.set_ylabel("Portfolio value")
ax.legend(loc="upper left", frameon=False)
ax.spines[["top", "right"]].set_visible(False)
ax.set_title("Growth of $10,000, Jan 2014 - Jan 2024", loc="left", fontweight="bold")

tax.axis("off")
table = tax.table(
    cellText=[r[1:] for r in rows],
    rowLabels=[r[0] for r in rows],
    colLabels=["Ann. return", "Volatility", "Sharpe*", "Max DD"],
    loc="center",
    cellLoc="center",
)
table.auto_set_font_size(False)
table.set_fontsize(9)
table.scale(1.0, 1.8)
for (r, c), cell in table.get_celld().items():
    cell.set_edgecolor("0.8")
    if r == 0:
        cell.set_text_props(fontweight="bold")
        cell.set_facecolor("#eeeeee")
    if c == -1 and r > 0:
        cell.set_text_props(color=colors[r - 1], fontweight="bold")
tax.text(
    0.5, 0.12, "*return / volatility, no risk-free rate", ha="center", fontsize=7, color="0.4", transform=tax.transAxes
)
fig.tight_layout()
