# Twenty20 match: runs per over bars (Manhattan) and cumulative run worm for both innings with wicket markers
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("ggplot")
rng = np.random.default_rng(2024)
overs = np.arange(1, 21)
runs_a = rng.poisson(np.r_[np.full(6, 9.0), np.full(9, 7.0), np.full(5, 11.5)])
runs_b = rng.poisson(np.r_[np.full(6, 8.0), np.full(9, 7.5), np.full(5, 10.0)])
runs_b[-2:] = [4, 3]
wk_a = [3, 8, 11, 15, 17, 19, 20]
wk_b = [2, 5, 9, 12, 14, 16, 18, 19, 20]
team_a, team_b = "Harbour Hawks", "Valley Vipers"
col_a, col_b = "#1f4e79", "#e07b00"

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(9, 7), gridspec_kw={"height_ratios": [1, 1.2]})
w = 0.4
ax1.bar(overs - w / 2, runs_a, w, color=col_a, label=team_a)
ax1.bar(overs + w / 2, runs_b, w, color=col_b, label=team_b)
for o in wk_a:
    ax1.plot(o - w / 2, runs_a[o - 1] + 1.2, "o", color=col_a, mec="white", ms=7)
for o in wk_b:
    ax1.plot(o + w / 2, runs_b[o - 1] + 1.2, "o", color=col_b, mec="white", ms=7)
ax1.axvspan(0.5, 6.5, color="0.5", alpha=0.12)
ax1.text(3.5, max(runs_a.max(), runs_b.max()) + 3, "Powerplay", ha="center", fontsize=9, color="0.3")
ax1.set_xticks(overs)
ax1.set_xlim(0.4, 20.6)
ax1.set_ylim(0, max(runs_a.max(), runs_b.max()) + 5)
ax1.set_ylabel("Runs in over")
ax1.set_title("Manhattan: runs per over (dots = wickets)")
ax1.legend(loc="upper left")

cum_a = np.r_[0, np.cumsum(runs_a)]
cum_b = np.r_[0, np.cumsum(runs_b)]
x = np.arange(0, 21)
ax2.plot(x, cum_a, color=col_a, lw=2.2, label=f"{team_a} {cum_a[-1]}/{len(wk_a)}")
ax2.plot(x, cum_b, color=col_b, lw=2.2, label=f"{team_b} {cum_b[-1]}/{len(wk_b)}")
ax2.plot(wk_a, cum_a[wk_a], "o", color=col_a, mec="white", ms=7)
ax2.plot(wk_b, cum_b[wk_b], "o", color=col_b, mec="white", ms=7)
target = cum_a[-1] + 1
ax2.axhline(target, ls="--", color="0.3", lw=1)
ax2.text(0.3, target + 3, f"Target {target}", fontsize=9, color="0.3")
margin = cum_a[-1] - cum_b[-1]
ax2.annotate(
    f"{team_a} win by {margin} runs",
    xy=(20, cum_b[-1]),
    xytext=(12.5, cum_b[-1] - 45),
    arrowprops=dict(arrowstyle="->", color="0.2"),
    fontsize=10,
)
ax2.set_xticks(range(0, 21, 2))
ax2.set_xlim(0, 20.3)
ax2.set_xlabel("Over")
ax2.set_ylabel("Cumulative runs")
ax2.set_title("Worm")
ax2.legend(loc="upper left")
fig.suptitle("T20 final, Riverside Oval", fontsize=14)
fig.tight_layout()
