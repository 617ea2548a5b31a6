"""The local state file: concurrent runs (separate processes) lose nothing, no temp file left."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aws.localstate import LocalState

ROOT = Path(__file__).resolve().parents[2]

# Each process remembers 25 deployments of its own and signs up one address per deployment.
WRITER = """
import sys
from pathlib import Path
from aws.localstate import LocalState
state = LocalState(Path(sys.argv[1]) / "settings.toml", Path(sys.argv[1]) / "state.json")
for i in range(25):
    name = f"cw-{sys.argv[2]}-{i}"
    state.will_touch(name, ["us-west-2", f"region-{i}"])
    state.remember_subscription(name, "us-west-2", f"{name}@example.com")
"""


def test_concurrent_processes_lose_nothing(tmp_path):
    runs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(n)], cwd=ROOT)
            for n in range(4)]
    assert all(run.wait(timeout=120) == 0 for run in runs)
    state = LocalState(tmp_path / "settings.toml", tmp_path / "state.json")
    for n in range(4):
        for i in range(25):
            name = f"cw-{n}-{i}"
            assert state.deployed_regions(name) == tuple(sorted(["us-west-2", f"region-{i}"]))
            assert state.subscribed_emails(name) == (f"{name}@example.com",)
            assert state.subscribed_at(name, "us-west-2") is not None
    assert not list(tmp_path.glob("*.tmp"))


def test_will_touch_adds_to_what_is_remembered(tmp_path):
    state = LocalState(tmp_path / "s.toml", tmp_path / "state.json")
    state.remember_regions("cw-a", ["us-west-2"])
    state.will_touch("cw-a", ["eu-west-1"])
    assert state.deployed_regions("cw-a") == ("eu-west-1", "us-west-2")


def test_the_log_masks_url_passwords():
    import logging

    from aws.localstate import MaskingFormatter

    try:
        raise ValueError("cannot reach https://bob:hunter2@proxy.example:8443/")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1,
                                   "endpoint %s", ("http://u:pw@127.0.0.1:9",), sys.exc_info())
    text = MaskingFormatter("%(message)s").format(record)
    assert "hunter2" not in text and ":pw@" not in text
    assert "bob:***@proxy.example" in text and "u:***@127.0.0.1" in text


def test_concurrent_threads_saving_settings_leave_a_whole_file(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from aws.settings_file import load, save
    from tests.aws.helpers import make_settings

    path = tmp_path / "settings.toml"
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: save(make_settings(deployment=f"cw-{n}"), path), range(40)))
    assert load(path).deployment.startswith("cw-")
    assert not list(tmp_path.glob("*.tmp"))
