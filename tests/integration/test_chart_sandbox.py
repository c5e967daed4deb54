"""The hostile-input suite for the chart renderer: every attack ends in
render_error with a reason, within its limits, and neither the host nor the
next render is harmed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from tests.conftest import bar_chart

from verm.render.chart import ChartRenderer
from verm.render.sandbox import RenderLimits
from verm.types import Status

LIMITS = RenderLimits(timeout_s=6.0, cpu_s=3, memory_mb=768, max_file_mb=16)


@pytest.fixture(scope="module")
def renderer():
    r = ChartRenderer(limits=LIMITS, workers=2)
    yield r
    r.close()


@pytest.fixture(scope="module")
def baseline(renderer) -> bytes:
    out = renderer.render(bar_chart())
    assert out.ok, out.reason
    return out.png


def _assert_unharmed(renderer: ChartRenderer, baseline: bytes, zygote_pid: int) -> None:
    """The next render works and is identical; the zygote is the same process."""
    again = renderer.render(bar_chart())
    assert again.ok, again.reason
    assert again.png == baseline
    assert renderer.pool._proc is not None and renderer.pool._proc.pid == zygote_pid


HOSTILE = {
    "infinite_loop": ("while True:\n    pass", "time limit"),
    "memory_bomb": ("x = bytearray(10**11)", "memory"),
    # np.empty reserves address space without touching pages: the limit (RLIMIT_AS) trips at once, not after
    # seconds of page faults that a loaded machine stretches past the wall-clock limit.
    "memory_bomb_numpy": ("import numpy as np\nblocks = [np.empty(10**8) for _ in range(100)]", "memory"),
    "fork_bomb": ("import os\nwhile True:\n    os.fork()", "not allowed"),
    "os_system": ("import os\nos.system('touch /tmp/verm-pwned')", "not allowed"),
    "subprocess": ("import subprocess\nsubprocess.run(['id'])", "not allowed"),
    "socket": ("import socket\nsocket.create_connection(('127.0.0.1', 22), timeout=1)", "not allowed"),
    "raw_socket_ctypes": (
        "import ctypes\nfd = ctypes.CDLL(None).socket(2, 1, 0)\nraise RuntimeError(f'socket returned {fd}')",
        "socket returned -1",
    ),
    "read_etc_passwd": ("print(open('/etc/passwd').read())", "No such file"),
    "kill_parent": ("import os\nos.kill(os.getppid(), 9)", "not allowed"),
    "kill_parent_ctypes": (
        "import ctypes, os\nr = ctypes.CDLL(None).kill(os.getppid(), 9)\nraise RuntimeError(f'kill returned {r}')",
        "kill returned -1",
    ),
    "ctypes_segfault": ("import ctypes\nctypes.string_at(0)", "SIGSEGV"),
    "sys_exit": ("import sys\nsys.exit(0)", "sys.exit"),
    "os_exit": ("import os\nos._exit(0)", "without returning"),
    "giant_figure": (
        "import matplotlib.pyplot as plt\nfig = plt.figure(figsize=(500, 500), dpi=1000)\nplt.plot([1, 2])",
        "too large",
    ),
    "write_1gb": (
        "with open('big.bin', 'wb') as f:\n    for _ in range(1024):\n        f.write(b'x' * (1 << 20))",
        "too large",
    ),
    "no_figure": ("x = 1 + 1", "no matplotlib figure"),
    "syntax_error": ("def broken(:\n", "SyntaxError"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_chart_code_is_contained(renderer, baseline, name):
    code, expected = HOSTILE[name]
    zygote_pid = renderer.pool._proc.pid
    started = time.monotonic()
    out = renderer.render(code)
    elapsed = time.monotonic() - started
    assert out.status is Status.RENDER_ERROR, f"{name} rendered: {out.reason}"
    assert expected.lower() in (out.reason or "").lower(), out.reason
    # Within its limits: the wall-clock bound plus start-up slack, never a hang.
    assert elapsed < LIMITS.timeout_s + 5
    _assert_unharmed(renderer, baseline, zygote_pid)


def test_os_system_left_no_trace():
    assert not os.path.exists("/tmp/verm-pwned")


def test_reading_the_reference_image_path_fails(renderer, baseline, tmp_path: Path):
    ref = tmp_path / "reference.png"
    Image.new("RGB", (8, 8), "red").save(ref)
    os.chmod(tmp_path, 0o755)
    os.chmod(ref, 0o644)  # even world-readable, it is outside the sandbox's filesystem
    code = f"data = open({str(ref)!r}, 'rb').read()\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])"
    out = renderer.render(code)
    assert out.status is Status.RENDER_ERROR
    assert "No such file" in out.reason
    _assert_unharmed(renderer, baseline, renderer.pool._proc.pid)


def test_rcparams_poisoning_does_not_leak(renderer, baseline):
    poison = (
        "import matplotlib\nmatplotlib.rcParams['axes.facecolor'] = 'black'\n"
        "matplotlib.rcParams['font.size'] = 40\nimport matplotlib.pyplot as plt\n"
        "plt.bar = None\nimport numpy as np\nnp.ones = None\nfig = matplotlib.pyplot.figure()"
    )
    out = renderer.render(poison)
    assert out.ok, out.reason  # poisoning is legal code; it must simply not leak
    nxt = renderer.render(bar_chart())
    assert nxt.png == baseline


def test_writes_stay_in_scratch_and_are_removed(renderer):
    code = (
        "import os\nopen('note.txt', 'w').write('hi')\ncwd = os.getcwd()\n"
        "import matplotlib.pyplot as plt\nplt.title(cwd)\nplt.plot([1, 2])"
    )
    first = renderer.render(code)
    assert first.ok, first.reason
    cwd = first.scene["axes"][0]["title"]["center"]["text"]
    assert cwd.startswith("/work/job")
    assert not Path(cwd).exists() or not (Path(cwd) / "note.txt").exists()
    # Writing outside scratch is refused: the Python installation is read-only.
    out = renderer.render(f"open({os.__file__!r}, 'a').write('#')")
    assert out.status is Status.RENDER_ERROR
    assert "Read-only" in out.reason or "Permission" in out.reason


def test_parallel_renders_match_serial(renderer, baseline):
    outs = renderer.render_many([bar_chart()] * 6)
    assert all(o.png == baseline for o in outs)


def test_scene_describes_the_figure(renderer):
    out = renderer.render(bar_chart(c0="#123456", title="Hello scene"))
    ax = out.scene["axes"][0]
    assert ax["title"]["center"]["text"] == "Hello scene"
    bars = [p for p in ax["patches"] if p["type"] == "Rectangle"]
    assert [round(b["height"], 1) for b in bars] == [12.5, 17.0, 9.5, 14.0]
    assert bars[0]["facecolor"] == "#123456"
    assert [t["text"] for t in ax["xticklabels"]] == ["North", "South", "East", "West"]
    x0, y0, x1, y1 = bars[0]["bbox"]
    assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
    img = np.asarray(Image.open(__import__("io").BytesIO(out.png)).convert("RGB"))
    h, w, _ = img.shape
    cx, cy = int((x0 + x1) / 2 * w), int((y0 + y1) / 2 * h)
    assert tuple(img[cy, cx]) == (0x12, 0x34, 0x56)  # the bbox points at the bar's pixels


def test_seaborn_renders_when_installed(renderer):
    pytest.importorskip("seaborn")
    code = (
        "import seaborn as sns\nimport matplotlib.pyplot as plt\n"
        "sns.barplot(x=['a', 'b', 'c'], y=[1, 3, 2])\nplt.title('seaborn')"
    )
    out = renderer.render(code)
    assert out.ok, out.reason


def test_a_triangulated_chart_renders(renderer):
    """tricontourf triangulates with qhull, which writes what it silences to /dev/null: the sandbox's root must
    give it one (it failed with "Could not open devnull"), and nothing else of /dev."""
    source = (
        "import matplotlib.pyplot as plt\nimport numpy as np\n"
        "rng = np.random.default_rng(0)\nx, y = rng.random(40), rng.random(40)\n"
        "fig, ax = plt.subplots()\nax.tricontourf(x, y, x * y)\n"
        "import os\nax.set_title(' '.join(sorted(os.listdir('/dev'))))\n"
    )
    out = renderer.render(source)
    assert out.ok, out.reason
    assert out.scene["axes"][0]["title"]["center"]["text"] == "null"
