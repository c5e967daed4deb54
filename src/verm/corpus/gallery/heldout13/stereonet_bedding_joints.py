# Lower-hemisphere equal-area stereonet of bedding planes as great circles and joint poles, with a mean pole, on polar axes with north up.
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
plt.rcParams["font.family"] = "DejaVu Serif"


def to_net(trend, plunge):
    """Equal-area radius (0 at centre, 1 at the primitive) and azimuth for a line."""
    return np.deg2rad(trend), np.sqrt(2) * np.sin(np.deg2rad(90 - plunge) / 2)


def great_circle(strike, dip, n=121):
    # lines in the plane from strike direction to strike + 180, via the dip direction
    a = np.linspace(0, np.pi, n)
    s, d = np.deg2rad(strike), np.deg2rad(dip)
    strike_v = np.array([np.cos(s), np.sin(s), 0.0])
    dipdir = s + np.pi / 2
    dip_v = np.array([np.cos(dipdir) * np.cos(d), np.sin(dipdir) * np.cos(d), np.sin(d)])
    v = np.outer(np.cos(a), strike_v) + np.outer(np.sin(a), dip_v)
    trend = np.rad2deg(np.arctan2(v[:, 1], v[:, 0])) % 360
    plunge = np.rad2deg(np.arcsin(np.clip(v[:, 2], -1, 1)))
    return to_net(trend, plunge)


rng = np.random.default_rng(77)
bed_strike = rng.normal(32, 8, 9)
bed_dip = rng.normal(38, 6, 9)
j1 = (rng.normal(300, 6, 40), rng.normal(8, 5, 40).clip(0.5, 89))
j2 = (rng.normal(210, 7, 30), rng.normal(15, 6, 30).clip(0.5, 89))

fig = plt.figure(figsize=(7, 7.4))
ax = fig.add_subplot(projection="polar")
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
for s, d in zip(bed_strike, bed_dip, strict=True):
    th, r = great_circle(s, d)
    ax.plot(th, r, color="#6d4c41", lw=0.9, alpha=0.85)
th, r = to_net(*j1)
ax.scatter(th, r, s=22, marker="o", facecolor="#1e88e5", edgecolor="white", lw=0.5, label="J1 poles (n=40)", zorder=3)
th, r = to_net(*j2)
ax.scatter(th, r, s=26, marker="^", facecolor="#43a047", edgecolor="white", lw=0.5, label="J2 poles (n=30)", zorder=3)
bed_pole_th, bed_pole_r = to_net(np.mean(bed_strike) - 90 + 360, 90 - np.mean(bed_dip))
ax.scatter(
    bed_pole_th,
    bed_pole_r,
    s=180,
    marker="*",
    color="#d81b60",
    edgecolor="black",
    lw=0.6,
    zorder=4,
    label="mean bedding pole",
)
ax.plot([], [], color="#6d4c41", lw=1, label="bedding planes (n=9)")
for lon in range(10, 90, 10):
    th, r = great_circle(0, lon)
    ax.plot(th, r, color="0.85", lw=0.4, zorder=0)
    th, r = great_circle(180, lon)
    ax.plot(th, r, color="0.85", lw=0.4, zorder=0)
ax.annotate(
    f"S0 {np.mean(bed_strike):03.0f}/{np.mean(bed_dip):.0f} SE",
    (bed_pole_th, bed_pole_r),
    xytext=(np.deg2rad(250), 0.8),
    textcoords="data",
    arrowprops=dict(arrowstyle="-|>", color="black", lw=0.8),
    fontsize=9,
    bbox=dict(boxstyle="round", fc="white", ec="0.5"),
)
ax.set_rlim(0, 1)
ax.set_yticklabels([])
ax.set_rticks([])
ax.set_thetagrids(range(0, 360, 30), ["N", "30", "60", "E", "120", "150", "S", "210", "240", "W", "300", "330"])
ax.grid(False)
ax.set_title("Quarry face 3, Kimmeridge Clay — equal-area, lower hemisphere", fontsize=11, pad=18)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=2, fontsize=8, frameon=False)
fig.tight_layout()
