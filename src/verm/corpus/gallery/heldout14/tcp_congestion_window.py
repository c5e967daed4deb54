# TCP congestion window over transmission rounds for Reno and CUBIC: slow start, congestion avoidance, ssthresh steps, triple-duplicate-ACK and timeout losses, with a throughput panel
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-notebook")
rng = np.random.default_rng(1421)

rounds = np.arange(0, 80)
loss_3dup = {18, 41, 63}
timeout = {30}


def reno():
    cwnd, ss = 1.0, 32.0
    out, thr = [], []
    for r in rounds:
        out.append(cwnd)
        thr.append(ss)
        if r in timeout:
            ss, cwnd = max(cwnd / 2, 2), 1.0
        elif r in loss_3dup:
            ss = max(cwnd / 2, 2)
            cwnd = ss
        elif cwnd < ss:
            cwnd = min(cwnd * 2, ss)
        else:
            cwnd += 1
    return np.array(out), np.array(thr)


def cubic():
    cwnd, wmax, t0, ss = 1.0, 40.0, 0, 32.0
    out = []
    for r in rounds:
        out.append(cwnd)
        if r in timeout:
            wmax, cwnd, ss, t0 = cwnd, 1.0, cwnd * 0.7, None
        elif r in loss_3dup:
            wmax, cwnd, t0 = cwnd, cwnd * 0.7, r
        elif cwnd < ss and t0 is None:
            cwnd = min(cwnd * 2, ss)
            if cwnd >= ss:
                t0 = r
        else:
            t0 = r if t0 is None else t0
            k = np.cbrt(wmax * 0.3 / 0.01)
            cwnd = max(cwnd, 0.01 * (r - t0 - k) ** 3 + wmax)
    return np.array(out)


w_reno, ssth = reno()
w_cubic = cubic()

fig, (ax, ax2) = plt.subplots(2, 1, figsize=(11, 7.5), sharex=True, gridspec_kw={"height_ratios": [3, 1.2]})
ax.plot(rounds, w_reno, "-o", ms=3.5, color="#1f77b4", lw=1.6, label="TCP Reno")
ax.plot(rounds, w_cubic, "-", color="#ff7f0e", lw=2, label="TCP CUBIC")
ax.step(rounds, ssth, where="post", color="#1f77b4", ls="--", lw=1, alpha=0.8, label="Reno ssthresh")
ax.axvspan(0, 5, color="#2ca02c", alpha=0.12)
ax.text(2.5, 52, "slow\nstart", ha="center", fontsize=9, color="#2ca02c")
ax.axvspan(5, 18, color="#9467bd", alpha=0.08)
ax.text(11.5, 52, "congestion avoidance\n(+1 MSS per RTT)", ha="center", fontsize=9, color="#9467bd")
for r in sorted(loss_3dup):
    ax.axvline(r, color="0.5", ls=":", lw=1)
    ax.annotate(
        "3 dup ACKs",
        xy=(r, w_reno[r]),
        xytext=(r + 0.8, w_reno[r] + 6),
        fontsize=8,
        arrowprops=dict(arrowstyle="->", lw=0.8),
    )
for r in timeout:
    ax.axvline(r, color="firebrick", ls="-", lw=1.2)
    ax.annotate(
        "RTO timeout\ncwnd → 1",
        xy=(r + 1, 1),
        xytext=(r + 3, 22),
        color="firebrick",
        fontsize=9,
        arrowprops=dict(arrowstyle="->", color="firebrick"),
    )
ax.set_ylabel("congestion window (MSS)")
ax.set_ylim(0, 60)
ax.legend(loc="upper right", ncol=3, fontsize=9)
ax.set_title("Congestion control on a 50 ms RTT path, bottleneck queue 40 packets", loc="left")

rtt = 0.05
thr_reno = w_reno * 1460 * 8 / rtt / 1e6
thr_cubic = w_cubic * 1460 * 8 / rtt / 1e6
ax2.fill_between(rounds, thr_reno, step="mid", alpha=0.4, color="#1f77b4", label="Reno")
ax2.plot(rounds, thr_cubic, drawstyle="steps-mid", color="#ff7f0e", lw=1.5, label="CUBIC")
ax2.axhline(thr_reno.mean(), color="#1f77b4", ls="--", lw=1)
ax2.axhline(thr_cubic.mean(), color="#ff7f0e", ls="--", lw=1)
ax2.text(79.5, thr_cubic.mean() + 0.5, f"mean {thr_cubic.mean():.1f} Mb/s", ha="right", color="#ff7f0e", fontsize=8)
ax2.text(79.5, thr_reno.mean() - 1.8, f"mean {thr_reno.mean():.1f} Mb/s", ha="right", color="#1f77b4", fontsize=8)
ax2.set_ylabel("throughput (Mb/s)")
ax2.set_xlabel("transmission round (RTT)")
ax2.set_xlim(0, 79)
fig.tight_layout()
