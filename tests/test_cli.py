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


def _event_file(tmp_path, data) -> str:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_preview_prints_subject_blank_line_and_the_exact_body(tmp_path, capsys):
    from aws.catalog import load_catalog
    from aws.desired import PLACEHOLDER_IDENTITY, desired_state
    from aws.match import to_eventbridge
    from aws.preview import email_for
    from tests.aws.samples import records

    settings = make_settings(language="en", timezone="Asia/Tokyo")
    config = tmp_path / "cw.toml"
    save(settings, config)
    record = records("security-groups")[1]
    for data in (record, to_eventbridge(record)):  # a bare CloudTrail record or the event
        code = main.main(["preview", "--config", str(config), "--event",
                          _event_file(tmp_path, data), "--lang", "en"])
        assert code == 0
        out = capsys.readouterr().out
        _, email = email_for(desired_state(settings, load_catalog(), PLACEHOLDER_IDENTITY),
                             to_eventbridge(record))
        assert out == f"Subject: {email.subject}\n\n{email.body}\n"
        assert out.startswith("Subject: [ChangeWatch][High] Inbound access opened")
        assert "Inbound: TCP port 22 from 0.0.0.0/0 (anywhere)" in out


def test_preview_of_a_simple_deployment_has_aws_default_subject(tmp_path, capsys):
    from tests.aws.helpers import per_region
    from tests.aws.samples import records

    config = tmp_path / "cw.toml"
    save(per_region(language="ja"), config)
    event = _event_file(tmp_path, records("aws-config")[0])
    assert main.main(["preview", "--config", str(config), "--event", event]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Subject: AWS Notification Message\n\n【ChangeWatch】")


def test_preview_of_an_unwatched_or_unreadable_event_exits_2(tmp_path, capsys):
    from tests.aws.samples import records

    config = _write(tmp_path, watch=("aws-config",))
    unwatched = _event_file(tmp_path, records("security-groups")[0])
    assert main.main(["preview", "--config", config, "--event", unwatched,
                      "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "No rule of these settings matches this event" in err
    assert "AuthorizeSecurityGroupIngress" in err or "CreateSecurityGroup" in err
    for bad in ("{not json", json.dumps({"hello": 1})):
        path = tmp_path / "bad.json"
        path.write_text(bad, encoding="utf-8")
        assert main.main(["preview", "--config", config, "--event", str(path),
                          "--lang", "ja"]) == 2
        err = capsys.readouterr().err
        assert "イベントファイルを使えません" in err and len(err.strip().splitlines()) == 1
