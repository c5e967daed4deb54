# Mobile app KPI dashboard: 2x2 grid with shared x axes mixing a line, bars, a scatter and a histogram
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fivethirtyeight")
plt.rcParams["font.family"] = "DejaVu Sans"

rng = np.random.default_rng(99)
days = np.arange(1, 31)
dau = 12000 + 150 * days + 1500 * np.sin(days / 7 * 2 * np.pi) + rng.normal(0, 500, 30)
signups = rng.poisson(800 + 10 * days)
session_len = rng.gamma(3, 2.2, 600)
sessions = rng.normal(3.2, 0.6, 30)
retention = 0.35 + 0.02 * sessions + rng.normal(0, 0.015, 30)

fig, axes = plt.subplots(2, 2, figsize=(11, 7))
(ax_dau, ax_len), (ax_sign, ax_ret) = axes
ax_sign.sharex(ax_dau)
ax_dau.tick_params(labelbottom=False)

ax_dau.plot(days, dau / 1000, color="#008fd5")
ax_dau.set_title("Daily active users (k)", fontsize=12)

ax_sign.bar(days, signups, color="#fc4f30", width=0.8)
ax_sign.set_title("New sign-ups", fontsize=12)
ax_sign.set_xlabel("Day of June", fontsize=11)

ax_len.hist(session_len, bins=30, color="#e5ae38", edgecolor="white")
ax_len.set_title("Session length (min)", fontsize=12)
ax_len.set_xlim(0, 25)

ax_ret.scatter(sessions, retention * 100, color="#6d904f", s=30)
ax_ret.set_title("Day-7 retention (%) vs sessions/user", fontsize=12)
ax_ret.set_xlabel("Sessions per user", fontsize=11)

for ax in axes.flat:
    ax.tick_params(labelsize=10)

fig.suptitle("June at a glance", fontsize=16, fontweight="bold")
fig.tight_layout()
plt.show()
