"""Headless --demo commands continue one sandbox account: apply, then remove, removes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from aws.settings_file import save
from tests.aws.helpers import make_settings

ROOT = Path(__file__).resolve().parent.parent


def _demo(tmp_path, *argv: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["CHANGEWATCH_HOME"] = str(tmp_path / "home")
    return subprocess.run([sys.executable, "main.py", "--demo", *argv, "--lang", "en"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def test_apply_then_remove_in_separate_commands(tmp_path):
    config = tmp_path / "cw.toml"
    save(make_settings(regions=("ap-northeast-1",), deployment="cw-demo1"), config)
    applied = _demo(tmp_path, "apply", "--config", str(config))
    assert applied.returncode == 0, applied.stderr
    assert "Create EventBridge rule" in applied.stdout
    again = _demo(tmp_path, "plan", "--config", str(config))
    assert "Nothing to change" in again.stdout, again.stdout  # the next command sees it all
    removed = _demo(tmp_path, "remove", "--config", str(config))
    assert removed.returncode == 0, removed.stderr
    assert "Delete EventBridge rule changewatch-cw-demo1-security-groups" in removed.stdout
    after = _demo(tmp_path, "remove", "--config", str(config))
    assert "Nothing to change" in after.stdout


def test_demo_reset_starts_from_an_empty_account(tmp_path):
    config = tmp_path / "cw.toml"
    save(make_settings(regions=("ap-northeast-1",), deployment="cw-demo2"), config)
    assert _demo(tmp_path, "apply", "--config", str(config)).returncode == 0
    fresh = _demo(tmp_path, "--demo-reset", "plan", "--config", str(config))
    assert "Create EventBridge rule" in fresh.stdout, fresh.stdout
