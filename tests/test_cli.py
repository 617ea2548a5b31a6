"""The headless commands: exit codes, one clear line on bad settings, no AWS call before that."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from aws.settings_file import save
from tests.aws.helpers import make_settings, rules

ROOT = Path(__file__).resolve().parent.parent


def _write(tmp_path, **changes) -> str:
    path = tmp_path / "cw.toml"
    save(make_settings(**changes), path)
    return str(path)


BAD = [
    ('email = "nope"\nregions = ["us-west-2"]\nwatch = ["aws-config"]', "email"),
    ('email = "a@example.com"\nregions = []\nwatch = ["aws-config"]', "region"),
    ('email = "a@example.com"\nregions = ["mars-1"]\nwatch = ["aws-config"]', "mars-1"),
    ('email = "a@example.com"\nregions = ["us-west-2"]\nwatch = ["nope"]', "nope"),
    ('email = "a@example.com"\nregions = ["us-west-2"]\nwatch = []', "nothing"),
]


@pytest.mark.parametrize(("text", "words"), BAD)
@pytest.mark.parametrize("command", ["plan", "apply", "remove", "events"])
def test_bad_settings_exit_2_with_one_line(tmp_path, capsys, text, words, command):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    # AWS_ENDPOINT_URL points at a closed port: any AWS call would fail with exit 1.
    code = main.main([command, "--config", str(path), "--lang", "en"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and words in err.lower()


def test_unreadable_file_exits_2(tmp_path, capsys):
    assert main.main(["plan", "--config", str(tmp_path / "none.toml"), "--lang", "en"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_plan_apply_plan_remove(moto, tmp_path, capsys):
    config = _write(tmp_path)
    assert main.main(["plan", "--config", config, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Create EventBridge rule changewatch-test-security-groups" in out
    assert out.splitlines()[1].startswith("AWS will send 1 confirmation email to ops@example.com")
    assert rules("us-west-2") == {}  # plan changes nothing
    assert main.main(["apply", "--config", config, "--lang", "en"]) == 0
    assert "1 confirmation email" in capsys.readouterr().out
    assert main.main(["plan", "--config", config, "--lang", "ja"]) == 0
    assert "変更はありません" in capsys.readouterr().out
    assert main.main(["remove", "--config", config, "--lang", "en"]) == 0
    assert rules("us-west-2") == {}


def test_unreachable_endpoint_exits_1_with_a_sentence(tmp_path, capsys):
    config = _write(tmp_path)
    assert main.main(["plan", "--config", config, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Could not reach AWS" in err and "Traceback" not in err


def test_usage_error_exits_2():
    done = subprocess.run([sys.executable, "main.py", "frobnicate"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 2


def test_events_json_lists_watched_events(tmp_path, capsys, monkeypatch):
    from sandbox.demo import Sandbox

    saved = dict(os.environ)
    box = Sandbox().start()
    try:
        config = tmp_path / "cw.toml"
        save(make_settings(regions=("ap-northeast-1",), profile="demo"), config)
        assert main.main(["events", "--config", str(config), "--since", "7d", "--json"]) == 0
        lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert lines, "the seeded history has watched events"
        names = {x["eventName"] for x in lines}
        assert "AuthorizeSecurityGroupIngress" in names
        assert not names & {"DescribeInstances", "PutEvaluations", "ListBuckets"}
        for line in lines:
            assert line["eventTime"].endswith("Z") and line["region"] in (
                "ap-northeast-1", "us-east-1")
            assert {"eventId", "user", "resource"} <= set(line)
        assert main.main(["events", "--config", str(config), "--since", "1y"]) == 2
    finally:
        box.stop()
        os.environ.clear()
        os.environ.update(saved)


def test_a_region_dropped_from_the_file_is_cleaned_up_by_the_next_apply(moto, tmp_path):
    two = _write(tmp_path)
    assert main.main(["apply", "--config", two, "--lang", "en"]) == 0
    one = tmp_path / "one.toml"
    save(make_settings(regions=("ap-northeast-1",)), one)
    assert main.main(["apply", "--config", str(one), "--lang", "en"]) == 0
    assert rules("us-west-2") == {}  # remembered from the first apply, so removed
    assert main.main(["remove", "--config", str(one), "--lang", "en"]) == 0
    assert rules("ap-northeast-1") == {} and rules("us-east-1") == {}


def test_an_unexpected_error_is_one_line_and_a_log_entry(moto, tmp_path, capsys, monkeypatch):
    from aws.deployment import DeploymentService

    def broken(*_args, **_kwargs):
        raise ValueError("something inside broke")

    monkeypatch.setattr(DeploymentService, "plan", broken)
    assert main.main(["plan", "--config", _write(tmp_path), "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "something inside broke" in err
    log = tmp_path / "home" / "state" / "changewatch.log"
    assert "Traceback" in log.read_text() and "ValueError" in log.read_text()
