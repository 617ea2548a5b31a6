"""Verify end to end against the moto server: the change is made and undone, the hops are read
from the metrics AWS keeps, and a hop that never comes is explained."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aws.catalog import load_catalog
from aws.errors import SettingsError
from aws.execute import execute
from aws.verify import Hop, HopState, Verifier, Why, describe, hop_text, passed, plan_verify
from tests.aws.helpers import client, make_plan, make_settings


class FakeTime:
    """A clock that moves only when slept; polls cost nothing."""

    def __init__(self) -> None:
        self.now, self.slept = 0.0, []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def deployed(access, **changes):
    settings = make_settings(regions=("ap-northeast-1",), **changes)
    assert execute(access, make_plan(access, settings)).ok
    return settings


def put(region: str, namespace: str, metric: str, dimension: str, value: str) -> None:
    client("cloudwatch", region).put_metric_data(Namespace=namespace, MetricData=[{
        "MetricName": metric, "Dimensions": [{"Name": dimension, "Value": value}],
        "Timestamp": datetime.now(UTC), "Value": 1.0}])


def test_without_a_watched_security_group_change_it_refuses(access):
    settings = deployed(access, watch=("aws-config",))
    with pytest.raises(SettingsError) as caught:
        plan_verify(access, settings, load_catalog())
    assert "CreateSecurityGroup" in caught.value.detail


def test_the_plan_says_what_and_where_before_anything_changes(access):
    settings = deployed(access)
    before = client("ec2", "ap-northeast-1").describe_security_groups()["SecurityGroups"]
    plan = plan_verify(access, settings, load_catalog())
    assert plan.region == "ap-northeast-1" and plan.vpc_id.startswith("vpc-")
    assert plan.rule == "changewatch-test-security-groups"
    assert plan.state_machine_arn and plan.hops() == (
        Hop.CHANGE, Hop.RULE, Hop.FORMATTER, Hop.TOPIC, Hop.DELIVERY)
    assert not plan.trail_logging  # moto has no trail unless one is made
    for language in ("en", "ja"):
        text = describe(plan, language)
        assert plan.group_name in text and plan.vpc_id in text and "10" in text
    assert client("ec2", "ap-northeast-1").describe_security_groups()["SecurityGroups"] == before


def test_without_a_trail_the_rule_hop_says_so_and_later_hops_are_not_blamed(access):
    settings = deployed(access)
    plan = plan_verify(access, settings, load_catalog())
    fake = FakeTime()
    seen = []
    results = Verifier(access, plan, timeout=60, poll_every=20, sleep=fake.sleep,
                       clock=fake.clock).run(seen.append)
    by_hop = {r.hop: r for r in results}
    assert by_hop[Hop.CHANGE].state == HopState.PASSED
    group_id = by_hop[Hop.CHANGE].detail
    ec2 = client("ec2", "ap-northeast-1")
    assert group_id not in {g["GroupId"] for g in ec2.describe_security_groups()["SecurityGroups"]}
    assert by_hop[Hop.RULE].state == HopState.FAILED and by_hop[Hop.RULE].why == Why.NO_TRAIL
    assert {by_hop[h].why for h in (Hop.FORMATTER, Hop.TOPIC)} == {Why.EARLIER_HOP}
    assert fake.slept == [20, 20, 20] and not passed(results)
    assert [r.hop for r in seen][0] == Hop.CHANGE
    line = hop_text(by_hop[Hop.RULE], plan, "en", timeout=60)
    assert line.startswith("✗") and "CloudTrail" in line


def test_every_hop_is_read_from_its_metric_with_its_minute(access):
    settings = deployed(access)
    plan = plan_verify(access, settings, load_catalog())
    region, topic = "ap-northeast-1", plan.topic_name
    put(region, "AWS/Events", "Invocations", "RuleName", plan.rule)
    put(region, "AWS/States", "ExecutionsSucceeded", "StateMachineArn", plan.state_machine_arn)
    put(region, "AWS/SNS", "NumberOfMessagesPublished", "TopicName", topic)
    put(region, "AWS/SNS", "NumberOfNotificationsFailed", "TopicName", topic)
    fake = FakeTime()
    results = Verifier(access, plan, sleep=fake.sleep, clock=fake.clock).run()
    states = {r.hop: (r.state, r.why) for r in results}
    assert states[Hop.RULE] == (HopState.PASSED, Why.NONE)
    assert states[Hop.FORMATTER] == (HopState.PASSED, Why.NONE)
    assert states[Hop.TOPIC] == (HopState.PASSED, Why.NONE)
    # moto confirms email subscriptions at once, so delivery is awaited, and it failed.
    assert states[Hop.DELIVERY] == (HopState.FAILED, Why.DELIVERIES_FAILED)
    assert fake.slept == []  # everything was known at the first look
    assert all(r.at is not None for r in results)
    text = hop_text(next(r for r in results if r.hop == Hop.DELIVERY), plan, "ja")
    assert "配信できませんでした" in text
