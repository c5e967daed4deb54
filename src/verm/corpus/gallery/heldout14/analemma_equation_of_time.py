# The analemma: the Sun's position at clock noon through a year at 52° N, with monthly markers, beside the equation of time on a date axis
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("Solarize_Light2")
rng = np.random.default_rng(1406)

days = np.arange(365)
dates = np.datetime64("2025-01-01") + days.astype("timedelta64[D]")
B = 2 * np.pi * (days - 81) / 364
eot = 9.87 * np.sin(2 * B) - 7.53 * np.cos(B) - 1.5 * np.sin(B)  # minutes
decl = 23.44 * np.sin(2 * np.pi * (days - 80) / 365.25)
lat = 52.0
altitude = 90 - lat + decl
azimuth = 180 - eot / 4.0  # degrees of hour angle at clock noon

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11.5, 5.5), gridspec_kw={"width_ratios": [1, 1.6]})
sc = ax1.scatter(azimuth, altitude, c=days, cmap="twilight", s=10)
month_starts = np.array([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334])
names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
for d, name in zip(month_starts, names):
    ax1.plot(azimuth[d], altitude[d], "o", color="k", ms=4)
    off = 0.35 if eot[d] < 0 else -0.35
    ax1.text(azimuth[d] + off, altitude[d], name, fontsize=8, ha="left" if off > 0 else "right", va="center")
for d, lab in ((172, "summer\nsolstice"), (355, "winter\nsolstice")):
    ax1.annotate(
        lab,
        xy=(azimuth[d], altitude[d]),
        xytext=(185.5, altitude[d] + (-1 if d == 172 else 1)),
        fontsize=8,
        arrowprops=dict(arrowstyle="->"),
        ha="center",
    )
ax1.set_xlim(172, 188)
ax1.set_xlabel("Azimuth at 12:00 local mean time (°)")
ax1.set_ylabel("Solar altitude (°)")
ax1.set_title("Analemma, 52° N")
cb = fig.colorbar(sc, ax=ax1, pad=0.02)
cb.set_label("day of year")

ax2.plot(dates, eot, color="#cb4b16", lw=2)
ax2.fill_between(dates, eot, 0, where=eot > 0, color="#cb4b16", alpha=0.25, label="sundial fast")
ax2.fill_between(dates, eot, 0, where=eot < 0, color="#268bd2", alpha=0.25, label="sundial slow")
ax2.axhline(0, color="0.3", lw=0.8)
imax, imin = np.argmax(eot), np.argmin(eot)
ax2.annotate(
    f"+{eot[imax]:.1f} min\n{np.datetime_as_string(dates[imax])}",
    xy=(dates[imax], eot[imax]),
    xytext=(dates[imax - 70], eot[imax] + 1.5),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
ax2.annotate(
    f"{eot[imin]:.1f} min\n{np.datetime_as_string(dates[imin])}",
    xy=(dates[imin], eot[imin]),
    xytext=(dates[imin + 22], eot[imin] - 2.5),
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
obs_days = np.sort(rng.choice(365, 20, replace=False))
ax2.plot(dates[obs_days], eot[obs_days] + rng.normal(0, 0.4, 20), "k+", ms=8, label="gnomon readings")
ax2.xaxis.set_major_locator(mdates.MonthLocator())
ax2.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
ax2.set_ylim(-18, 20)
ax2.set_ylabel("Equation of time (minutes)")
ax2.set_title("Equation of time, 2025")
ax2.legend(loc="upper left", fontsize=9)
fig.tight_layout()
