# Skew-T log-P diagram of an afternoon radiosonde sounding with rotated isotherms, dry and moist adiabats, a lifted parcel, CAPE shading and wind barbs.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "axes.linewidth": 0.8})

SKEW = 35.0


def skew(t, p):
    return t + SKEW * np.log10(1000.0 / p)


def moist_adiabat(t0, p):
    # crude pseudo-adiabatic integration from p[0] downward in pressure (upward in height)
    t = np.empty_like(p)
    t[0] = t0 + 273.15
    for i in range(1, p.size):
        tk = t[i - 1]
        es = 6.112 * np.exp(17.67 * (tk - 273.15) / (tk - 29.65))
        rs = 0.622 * es / (p[i - 1] - es)
        num = 287.0 * tk + 2.5e6 * rs
        den = 1004.0 + 2.5e6**2 * rs * 0.622 / (287.0 * tk**2)
        t[i] = tk + num / den / p[i - 1] * (p[i] - p[i - 1])
    return t - 273.15


p = np.linspace(1000, 100, 181)
rng = np.random.default_rng(514)
temp = 31 - 55 * np.log(1000 / p) + rng.normal(0, 0.4, p.size)
temp = np.where(p < 200, -57 + 0.05 * (200 - p), temp)
dew = temp - (10 + 14 * (1 - p / 1000) ** 0.8) - 6 * np.exp(-(((p - 700) / 60) ** 2))

fig, ax = plt.subplots(figsize=(7.2, 8))
for t0 in range(-110, 51, 10):
    ax.plot(skew(np.full_like(p, t0), p), p, color="#9e9e9e", lw=0.6, ls="-" if t0 else "--")
for th in range(250, 471, 10):
    ax.plot(skew(th * (p / 1000) ** 0.286 - 273.15, p), p, color="#e57373", lw=0.5, alpha=0.8)
for t0 in range(-10, 36, 5):
    ax.plot(skew(moist_adiabat(t0, p), p), p, color="#4db6ac", lw=0.5, ls=(0, (4, 3)))

lcl = 860.0
parcel_dry = (temp[0] + 273.15) * (p / 1000) ** 0.286 - 273.15
p_moist = p[p <= lcl]
parcel = np.where(
    p > lcl,
    parcel_dry,
    np.interp(p, p_moist[::-1], moist_adiabat(np.interp(lcl, p[::-1], parcel_dry[::-1]), p_moist)[::-1]),
)
ax.fill_betweenx(
    p,
    skew(temp, p),
    skew(parcel, p),
    where=(parcel > temp) & (p < lcl) & (p > 200),
    color="#ffcc80",
    alpha=0.7,
    label="CAPE",
)
ax.plot(skew(temp, p), p, color="#c62828", lw=2.2, label="temperature")
ax.plot(skew(dew, p), p, color="#2e7d32", lw=2.2, label="dew point")
ax.plot(skew(parcel, p), p, color="black", lw=1.3, ls="--", label="surface parcel")
ax.plot(skew(np.interp(lcl, p[::-1], parcel[::-1]), lcl), lcl, marker="_", ms=22, mew=2, color="black")
ax.annotate("LCL", (skew(np.interp(lcl, p[::-1], parcel[::-1]), lcl) + 3, lcl), fontsize=9, va="center")

pb = np.array([975, 925, 850, 700, 600, 500, 400, 300, 250, 200, 150])
spd = np.array([10, 15, 25, 30, 35, 45, 55, 70, 80, 75, 60])
dirn = np.deg2rad(np.array([170, 190, 210, 230, 240, 250, 255, 260, 265, 265, 270]))
ax.barbs(np.full(pb.size, 47.0), pb, -spd * np.sin(dirn), -spd * np.cos(dirn), length=6, lw=0.8, clip_on=False)

ax.set_yscale("log")
ax.set_ylim(1050, 100)
ax.set_xlim(-40, 50)
ax.set_yticks([1000, 850, 700, 500, 400, 300, 250, 200, 150, 100])
ax.set_yticklabels(["1000", "850", "700", "500", "400", "300", "250", "200", "150", "100"])
ax.yaxis.set_minor_locator(plt.NullLocator())
ax.set_xlabel("Temperature (°C), skewed 45°")
ax.set_ylabel("Pressure (hPa)")
ax.set_title("KOUN 00 UTC sounding — CAPE ≈ 2900 J kg⁻¹, LI −8", loc="left", fontsize=11)
ax.legend(loc="upper left", fontsize=8, framealpha=0.95)
fig.subplots_adjust(left=0.11, right=0.9, top=0.95, bottom=0.07)
