"""The wheel is the software: built, installed with its dependencies into a fresh virtual
environment outside the checkout, it runs the command, the sandbox and the windows' modules."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = """regions = ["ap-northeast-1"]
email = "ops@example.com"
language = "en"
watch = ["security-groups", "root-signin"]
deployment = "wheel-test"
"""


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 600):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(the venv's bin directory, a clean environment) with the built wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    env = {key: os.environ[key] for key in ("PATH", "HOME", "TMPDIR", "LANG") if key in os.environ}
    env.update(QT_QPA_PLATFORM="offscreen", PIP_DISABLE_PIP_VERSION_CHECK="1")
    # Built from a copy, so the checkout gets no build/ and nothing untracked sneaks in.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "docs"))
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                  str(work / "dist"), str(source)], work, env)
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("changewatch-*.whl")
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    # --no-compile: byte-compiling moto's thousands of modules is most of the install's time
    # and proves nothing about the wheel.
    added = _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-compile",
                  f"{wheel}[sandbox]"], work, env)
    assert added.returncode == 0, added.stderr
    return bin_dir, env


def test_the_command_runs_outside_the_checkout(installed, tmp_path):
    bin_dir, env = installed
    shown = _run([str(bin_dir / "changewatch"), "--help"], tmp_path, env)
    assert shown.returncode == 0 and "changewatch" in shown.stdout
    config = tmp_path / "cw.toml"
    config.write_text(SETTINGS, encoding="utf-8")
    plan = _run([str(bin_dir / "changewatch"), "--demo", "plan", "--config", str(config)],
                tmp_path, env)
    assert plan.returncode == 0, plan.stderr
    assert "Create EventBridge rule" in plan.stdout and "Traceback" not in plan.stderr


def test_the_windows_and_their_data_load_from_the_wheel(installed, tmp_path):
    bin_dir, env = installed
    code = ("import gui.wizard, gui.dashboard.window, gui.eventlog.view\n"
            "from aws import resources\n"
            "from aws.catalog import load_catalog, samples\n"
            "assert str(resources.path('i18n', 'changewatch_ja.qm')).find('site-packages') > 0\n"
            "catalog = load_catalog()\n"
            "assert all(samples(g.id) for g in catalog.groups)\n"
            "print(len(catalog.groups))\n")
    checked = _run([str(bin_dir / "python"), "-c", code], tmp_path, env)
    assert checked.returncode == 0, checked.stderr
    assert int(checked.stdout.strip()) >= 16
