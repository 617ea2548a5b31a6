"""`changewatch --demo org deploy | status | remove`: three headless commands, each a new
sandbox replaying the last ones, against the demo organization made on first use."""

from __future__ import annotations

import os

import pytest

import main
from aws.settings_file import save
from sandbox.organization import DEMO_UNITS
from tests.aws.helpers import make_settings

MEMBERS = [name for accounts in DEMO_UNITS.values() for name, _ in accounts]


@pytest.fixture
def demo_process():
    import sandbox.demo as demo

    saved = dict(os.environ)
    yield
    if demo._running is not None:
        demo._running.stop()
        demo._running = None
    os.environ.clear()
    os.environ.update(saved)


@pytest.mark.filterwarnings("ignore:Tried to parse")
def test_deploy_status_remove_one_after_another(demo_process, tmp_path, capsys):
    import sandbox.demo as demo

    config, saved = tmp_path / "cw.toml", dict(os.environ)
    save(make_settings(regions=("ap-northeast-1",), deployment="demo"), config)

    def command(*words: str) -> str:
        code = main.main(["--demo", *words, "--config", str(config), "--lang", "en"])
        demo._running.stop()  # the next command starts its own sandbox, as a new process would
        demo._running = None
        os.environ.clear()
        os.environ.update(saved)
        printed = capsys.readouterr()
        assert code == 0, printed.err
        return printed.out

    deployed = command("--demo-reset", "org", "deploy")
    assert "(management account 123456789012)" in deployed
    assert "4 account(s) × 2 region(s) (ap-northeast-1, us-east-1)" in deployed
    assert all(f"  {name}" in deployed for name in MEMBERS)
    assert "Operation CREATE: SUCCEEDED." in deployed

    status = command("org", "status")
    assert "Central stack: CREATE_COMPLETE. StackSet: ACTIVE. Auto-deployment: on." in status
    instances = [line for line in status.splitlines() if "CURRENT     SUCCEEDED" in line]
    assert len(instances) == 8  # 4 member accounts × 2 regions, the management one not
    assert sorted(line.split()[-1] for line in instances) == sorted(MEMBERS * 2)
    assert "123456789012" not in "\n".join(instances)

    removed = command("org", "remove")
    assert "Stack instances…\nStackSet…\nCentral stack…" in removed
    assert "Removed: the stack instances, the StackSet and the central stack." in removed
