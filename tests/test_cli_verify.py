"""`changewatch verify`: asks before changing anything, then prints each hop as it passes."""

from __future__ import annotations

import io
import os

import pytest

import main
from aws.settings_file import save
from tests.aws.helpers import make_settings


@pytest.fixture
def demo_process():
    """--demo in this process: the sandbox it starts is stopped and its variables undone."""
    import sandbox.demo as demo

    saved = dict(os.environ)
    yield
    if demo._running is not None:
        demo._running.stop()
        demo._running = None
    os.environ.clear()
    os.environ.update(saved)


def _config(tmp_path, **changes) -> str:
    path = tmp_path / "cw.toml"
    save(make_settings(regions=("ap-northeast-1",), watch=("security-groups",), **changes),
         path)
    return str(path)


def test_without_a_terminal_it_asks_for_yes_and_changes_nothing(moto, tmp_path, capsys,
                                                                 monkeypatch):
    config = _config(tmp_path)
    assert main.main(["apply", "--config", config, "--lang", "en"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    capsys.readouterr()
    assert main.main(["verify", "--config", config, "--lang", "en"]) == 2
    printed = capsys.readouterr()
    assert "default VPC" in printed.out and "--yes" in printed.err
    assert "✓" not in printed.out


@pytest.mark.parametrize("minutes", ["0", "61", "ten"])
def test_a_bad_timeout_is_a_usage_error(tmp_path, minutes):
    with pytest.raises(SystemExit) as caught:
        main.main(["verify", "--config", _config(tmp_path), "--timeout", minutes])
    assert caught.value.code == 2


def test_in_the_sandbox_each_hop_is_printed_and_a_pending_subscription_named(
        demo_process, tmp_path, capsys):
    config = _config(tmp_path)
    assert main.main(["--demo", "apply", "--config", config, "--lang", "ja"]) == 0
    capsys.readouterr()
    code = main.main(["--demo", "verify", "--config", config, "--lang", "ja", "--yes",
                      "--timeout", "1"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1  # the email was not delivered: nobody clicked the link yet
    # the change, then pending delivery at once, then rule, formatter and topic as seen
    assert [line[0] for line in lines[1:]] == ["✓", "–", "✓", "✓", "✓"]
    assert any("確認メールのリンク" in line for line in lines)
