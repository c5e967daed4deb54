# Method comparison of two glucose meters: scatter with identity and fitted lines, beside a Bland-Altman plot of the same pairs.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("Solarize_Light2")
rng = np.random.default_rng(55)
truth = rng.uniform(3, 20, 90)
lab = truth + rng.normal(0, 0.35, truth.size)
meter = 0.2 + 1.04 * truth + rng.normal(0, 0.3 + 0.04 * truth, truth.size)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.8))
ax1.scatter(lab, meter, s=22, color="#268bd2", edgecolor="white", lw=0.4)
lim = [0, 22]
ax1.plot(lim, lim, color="0.4", ls="--", lw=1, label="identity")
b, a = np.polyfit(lab, meter, 1)
ax1.plot(lim, np.polyval([b, a], lim), color="#dc322f", lw=1.5, label=f"OLS: y = {b:.2f}x + {a:.2f}")
ax1.set_xlim(lim)
ax1.set_ylim(lim)
ax1.set_aspect("equal")
ax1.set_xlabel("Laboratory analyser (mmol/L)")
ax1.set_ylabel("Handheld meter (mmol/L)")
ax1.legend(loc="upper left", fontsize=9)
ax1.set_title("Agreement", loc="left")

mean = (lab + meter) / 2
diff = meter - lab
bias = diff.mean()
sd = diff.std(ddof=1)
ax2.scatter(mean, diff, s=22, color="#268bd2", edgecolor="white", lw=0.4)
for y, lab_, ls in [
    (bias, f"bias {bias:+.2f}", "-"),
    (bias + 1.96 * sd, f"+1.96 SD {bias + 1.96 * sd:+.2f}", "--"),
    (bias - 1.96 * sd, f"−1.96 SD {bias - 1.96 * sd:+.2f}", "--"),
]:
    ax2.axhline(y, color="#dc322f", ls=ls, lw=1.2)
    ax2.text(21.5, y, lab_, ha="right", va="bottom", fontsize=8, color="#dc322f")
ax2.axhline(0, color="0.4", lw=0.8, ls=":")
ax2.set_xlim(0, 22)
ax2.set_xlabel("Mean of the two methods (mmol/L)")
ax2.set_ylabel("Meter − laboratory (mmol/L)")
ax2.set_title("Bland–Altman", loc="left")
fig.suptitle(f"Point-of-care glucose meter validation (n = {truth.size})")
fig.tight_layout()
