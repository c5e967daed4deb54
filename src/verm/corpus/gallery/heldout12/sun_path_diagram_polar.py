# Sun-path diagram for latitude 48° N on a polar plot (azimuth clockwise from north, zenith angle outward) with hour marks.
import matplotlib.pyplot as plt
import numpy as np

lat = np.radians(48.1)


def sun_position(decl_deg, hour):
    decl = np.radians(decl_deg)
    h = np.radians(15 * (hour - 12))
    alt = np.arcsin(np.sin(lat) * np.sin(decl) + np.cos(lat) * np.cos(decl) * np.cos(h))
    az = np.arctan2(np.sin(h), np.cos(h) * np.sin(lat) - np.tan(decl) * np.cos(lat)) + np.pi
    return az, np.degrees(alt)


days = {
    "21 Jun": 23.44,
    "21 May / 23 Jul": 20.1,
    "20 Apr / 23 Aug": 11.6,
    "20 Mar / 23 Sep": 0.0,
    "20 Feb / 23 Oct": -11.6,
    "21 Jan / 22 Nov": -20.1,
    "21 Dec": -23.44,
}
hours = np.linspace(3, 21, 721)

fig = plt.figure(figsize=(8, 8.4))
ax = fig.add_subplot(projection="polar")
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
cmap = plt.get_cmap("coolwarm")
for i, (name, decl) in enumerate(days.items()):
    az, alt = sun_position(decl, hours)
    up = alt > 0
    ax.plot(az[up], 90 - alt[up], color=cmap(1 - i / 6), lw=2, label=name)

for hr in range(5, 20):
    az, alt = sun_position(np.linspace(-23.44, 23.44, 60), hr)
    up = alt > 0
    if up.any():
        ax.plot(az[up], 90 - alt[up], color="gray", lw=0.8, ls="--")
        az0, alt0 = sun_position(23.44, hr)
        if alt0 > 2:
            ax.text(az0, 90 - alt0 - 4, f"{hr}h", fontsize=8, ha="center", color="#444444")

ax.set_rlim(0, 90)
ax.set_rticks([0, 15, 30, 45, 60, 75, 90])
ax.set_yticklabels(["90°", "75°", "60°", "45°", "30°", "15°", "0°"], fontsize=8)
ax.set_rlabel_position(200)
ax.set_xticks(np.radians(np.arange(0, 360, 45)), ["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
ax.grid(alpha=0.4)
ax.set_title("Sun path, Munich (48.1° N), solar time", pad=18, fontsize=13)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.05), ncol=4, fontsize=8, frameon=False)
fig.tight_layout()
