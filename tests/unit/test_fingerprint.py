"""Code fingerprints: what they cover decides what a cache or a resumed run may serve."""

from __future__ import annotations

from pathlib import Path

import pytest

import verm.fingerprint as fp


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in verm tree: a renderer, a judge, a core module, a face and a corpus program."""
    for rel in ("render/chart.py", "judge/pixel/grade.py", "imaging.py", "bench/run.py", "corpus/gallery/x/p.py"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {rel}\n")
    monkeypatch.setattr(fp, "_PACKAGE", tmp_path)
    return tmp_path


def fingerprints() -> tuple[str, str]:
    return fp.render_fingerprint.__wrapped__(), fp.scoring_fingerprint.__wrapped__()


@pytest.mark.parametrize(
    ("edited", "render_moves", "scoring_moves"),
    [
        ("render/chart.py", True, True),  # a renderer draws otherwise: renders and judgments are stale
        ("judge/pixel/grade.py", False, True),  # a nested judge module counts, not only the top level
        ("imaging.py", False, True),
        ("bench/run.py", False, False),  # the faces above the core cannot change a judgment
        ("corpus/gallery/x/p.py", False, False),
    ],
)
def test_a_fingerprint_moves_with_the_code_it_covers(package: Path, edited, render_moves, scoring_moves) -> None:
    render, scoring = fingerprints()
    (package / edited).write_text("# edited\n")
    render2, scoring2 = fingerprints()
    assert (render2 != render) is render_moves
    assert (scoring2 != scoring) is scoring_moves


def test_a_moved_checkout_fingerprints_the_same(package: Path, tmp_path_factory, monkeypatch) -> None:
    first = fingerprints()
    other = tmp_path_factory.mktemp("elsewhere")
    for path in package.rglob("*.py"):
        target = other / path.relative_to(package)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(fp, "_PACKAGE", other)
    assert fingerprints() == first


def test_a_library_version_moves_the_fingerprint(package: Path, monkeypatch) -> None:
    render, scoring = fingerprints()
    real = fp.importlib.metadata.version
    monkeypatch.setattr(fp.importlib.metadata, "version", lambda d: "0.0" if d == "matplotlib" else real(d))
    render2, scoring2 = fingerprints()
    assert render2 != render and scoring2 != scoring
