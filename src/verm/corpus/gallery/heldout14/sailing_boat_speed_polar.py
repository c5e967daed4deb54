# Sailing yacht velocity prediction polar: boat speed against true wind angle for five wind speeds, with best-VMG angles and the no-go zone
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-whitegrid")
rng = np.random.default_rng(1401)

twa = np.linspace(30, 180, 151)
wind_speeds = [6, 8, 12, 16, 20]
colors = plt.cm.viridis(np.linspace(0.05, 0.9, len(wind_speeds)))


def boat_speed(angle, tws):
    hull = 1.34 * np.sqrt(38.0)
    base = hull * (1 - np.exp(-tws / 9.0))
    shape = np.sin(np.radians(angle)) ** 0.55 * (1 + 0.18 * np.cos(np.radians(angle - 110)))
    luff = np.clip((angle - 32) / 14, 0, 1) ** 0.7
    return base * shape * luff


fig = plt.figure(figsize=(7.5, 8))
ax = fig.add_subplot(projection="polar")
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.set_thetamin(0)
ax.set_thetamax(180)

for tws, color in zip(wind_speeds, colors):
    speed = boat_speed(twa, tws)
    ax.plot(np.radians(twa), speed, color=color, lw=2, label=f"{tws} kn TWS")
    vmg_up = speed * np.cos(np.radians(twa))
    vmg_down = -speed * np.cos(np.radians(twa))
    i_up, i_dn = np.argmax(vmg_up), np.argmax(vmg_down)
    ax.plot(np.radians(twa[i_up]), speed[i_up], "^", color=color, ms=8, mec="k", mew=0.6)
    ax.plot(np.radians(twa[i_dn]), speed[i_dn], "v", color=color, ms=8, mec="k", mew=0.6)

log_twa = rng.uniform(40, 170, 60)
log_speed = boat_speed(log_twa, 12) * rng.normal(0.97, 0.05, 60)
ax.scatter(np.radians(log_twa), log_speed, s=10, color="0.35", alpha=0.7, zorder=4, label="GPS log, 11-13 kn TWS")
ax.fill_between(np.radians(np.linspace(0, 32, 20)), 0, 10, color="tab:red", alpha=0.12)
ax.text(np.radians(14), 7.2, "no-go\nzone", ha="center", color="firebrick", fontsize=9, style="italic")
ax.set_rmax(10)
ax.set_rticks([2, 4, 6, 8, 10])
ax.set_yticklabels(["2 kn", "4", "6", "8", "10 kn"], fontsize=8)
ax.set_thetagrids(range(0, 181, 15))
ax.set_rlabel_position(190)
ax.annotate(
    "best upwind VMG",
    xy=(np.radians(42), 7.0),
    xytext=(np.radians(70), 9.6),
    arrowprops=dict(arrowstyle="->", color="0.3"),
    fontsize=9,
)
ax.legend(loc="lower left", bbox_to_anchor=(0.0, 0.02), title="True wind speed", fontsize=9, frameon=True)
ax.set_title("Polar diagram, 38 ft cruiser-racer\n▲ upwind / ▼ downwind VMG optimum", pad=18, fontsize=12)
fig.subplots_adjust(left=0.04, right=0.96, top=0.9, bottom=0.03)
