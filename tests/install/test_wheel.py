"""A real install: build the wheel, install it into a fresh virtual environment
and run ``nmt-bodymap self-test`` there, far from the source tree.

The virtual environment borrows the already-installed third-party libraries
(``--system-site-packages``) so the test does not download Qt again; the app
itself comes only from the wheel, which the test checks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO_ROOT)],
        check=True,
    )
    (built,) = out.glob("nmt_bodymap-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    # A clean environment, as a clinic computer has: the wheel brings its declared
    # dependencies itself (a dependency missing from pyproject.toml fails here).
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    return env_dir


def test_wheel_carries_assets_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "nmt_bodymap/assets/body_svgs/anterior.svg" in names
    assert "nmt_bodymap/assets/body_svgs/posterior.svg" in names
    assert "nmt_bodymap/resources/regions.yaml" in names
    assert any(n.startswith("nmt_bodymap/resources/muscles/") for n in names)
    assert any(n.startswith("nmt_bodymap/store/migrations/versions/") for n in names)


def test_installed_app_self_test_passes_outside_the_source_tree(
    installed: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NMT_BODYMAP_DATA_DIR": str(tmp_path)}
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import nmt_bodymap.resources as r; print(r.__file__, r.asset_path('body_svgs'))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(str(installed) in line for line in where), where

    result = subprocess.run(
        [str(installed / "bin" / "nmt-bodymap"), "self-test", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert {c["check"] for c in report["checks"]} >= {
        "atlas",
        "clinical",
        "lookup",
        "database",
        "rendering",
    }


def test_installed_module_entry_prints_version(installed: Path, tmp_path: Path) -> None:
    from nmt_bodymap import __version__

    result = subprocess.run(
        [str(installed / "bin" / "python"), "-m", "nmt_bodymap", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"nmt-bodymap {__version__}"
