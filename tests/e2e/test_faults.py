"""Reliability: with 20% of requests failing (throttling, 5xx, dropped connections) apply and
remove still converge; an apply killed halfway and re-run leaves no duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aws.execute import execute
from aws.session import AwsAccess
from aws.settings_file import save
from sandbox.faults import FaultProxy
from tests.aws.helpers import (
    client,
    make_plan,
    make_settings,
    per_region,
    remove,
    rules,
    tagged_anything,
    topics,
)

ROOT = Path(__file__).resolve().parents[2]
REGIONS = ("ap-northeast-1", "us-west-2", "us-east-1")


@pytest.fixture
def proxy(moto, monkeypatch):
    proxy = FaultProxy(moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.start())
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "10")
    yield proxy
    proxy.stop()


def _no_duplicates() -> None:
    for region in REGIONS:
        assert len(topics(region)) == 1
        [arn] = topics(region)
        subs = client("sns", region).list_subscriptions_by_topic(TopicArn=arn)["Subscriptions"]
        assert len(subs) == 1
        assert all(len(r["targets"]) == 1 for r in rules(region).values())


def test_apply_and_remove_converge_with_20_percent_faults(proxy):
    settings = per_region()
    proxy.fault_rate = 0.2
    access = AwsAccess()
    result = execute(access, make_plan(access, settings))
    assert result.ok, [str(r.error) for r in result.regions if r.error]
    faults = sum(n for k, n in proxy.counts.items() if k != "requests")
    assert faults >= 0.1 * proxy.counts["requests"] > 0
    assert make_plan(access, settings).instructions == ()
    assert remove(access, "test", REGIONS).ok
    proxy.fault_rate = 0.0
    assert tagged_anything(REGIONS) == []


def test_apply_killed_halfway_then_rerun_has_no_duplicates(proxy, tmp_path):
    proxy.latency = 0.05  # slow enough to kill it in the middle
    config = tmp_path / "cw.toml"
    save(per_region(), config)
    env = dict(os.environ)
    process = subprocess.Popen([sys.executable, "main.py", "apply", "--config", str(config)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while proxy.counts["requests"] < 12 and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    proxy.latency = 0.0
    access = AwsAccess()
    assert make_plan(access, per_region()).instructions != ()  # it really stopped halfway
    assert execute(access, make_plan(access, per_region())).ok
    _no_duplicates()
    assert make_plan(access, per_region()).instructions == ()


def test_one_inbox_with_its_roles_and_formatter_converges_with_20_percent_faults(proxy):
    settings = make_settings()  # home delivery, rich: IAM roles and a state machine too
    proxy.fault_rate = 0.2
    access = AwsAccess()
    result = execute(access, make_plan(access, settings))
    assert result.ok, [str(r.error) for r in result.regions if r.error]
    assert make_plan(access, settings).instructions == ()
    assert remove(access, "test", REGIONS).ok
    proxy.fault_rate = 0.0
    assert tagged_anything(REGIONS) == []
