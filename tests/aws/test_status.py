"""Deployment status against moto: confirmed vs pending, drift and repair, the dashboard verbs."""

from __future__ import annotations

import json

import pytest

from aws.catalog import load_catalog
from aws.errors import SettingsError
from aws.events import watched_rules
from aws.execute import execute
from aws.instructions import Differs
from aws.inventory import RegionInventory, Subscription, Topic
from aws.plan import RegionPlan
from aws.status import region_status, rule_metrics
from aws.subscription import (
    confirm_subscription,
    parse_confirmation,
    resend_confirmation,
    send_test_notification,
)
from tests.aws.helpers import client, make_plan, make_settings, per_region, rule_name, service


def read_status(access, settings, remembered=()):
    return service(access, {settings.deployment: remembered}).status(settings)


LINK = ("https://sns.us-west-2.amazonaws.com/confirmation.html?TopicArn=arn:aws:sns:us-west-2:"
        "123456789012:changewatch-test&Token=2336412f37fb687f5d51e6e2425c464de&Endpoint=ops%40"
        "example.com")
SG, CONFIG, ROOT = (rule_name(g) for g in ("security-groups", "aws-config", "root-signin"))


@pytest.fixture
def deployed(access):
    settings = per_region()
    assert execute(access, make_plan(access, settings)).ok
    return settings


def test_status_of_a_fresh_deployment_is_confirmed_and_without_drift(access, deployed):
    status = read_status(access, deployed, ())
    assert [r.region for r in status.regions] == ["ap-northeast-1", "us-west-2", "us-east-1"]
    for region in status.regions:
        assert region.topic_arn.endswith(":changewatch-test")
        assert region.confirmed and not region.pending  # moto confirms email at once
        assert region.drift == ()
        assert all(r.has_target and r.state == "ENABLED" for r in region.rules)
        assert all(r.metrics is not None for r in region.rules)
        assert region.trail is not None and not region.trail.covered
    assert {r.name for r in status.region("us-west-2").rules} == {SG, CONFIG, ROOT}


def test_pending_subscription_is_reported_as_pending():
    topic = Topic("arn:aws:sns:us-west-2:1:changewatch-test", "changewatch-test", "", "", "",
                  (Subscription("PendingConfirmation", "email", "ops@example.com"),))
    plan = RegionPlan("us-west-2", (), None, RegionInventory("us-west-2", (topic,)))
    status = region_status(plan)
    assert status.pending and not status.confirmed
    assert status.subscriptions[0].endpoint == "ops@example.com"


def test_rule_deleted_by_hand_is_drift_and_repair_fixes_it(access, deployed):
    events = client("events", "us-west-2")
    events.remove_targets(Rule=CONFIG, Ids=["changewatch-sns"])
    events.delete_rule(Name=CONFIG)
    events.remove_targets(Rule=SG, Ids=["changewatch-sns"])
    status = read_status(access, deployed, ())
    kinds = {(d.kind, d.name) for d in status.drift}
    assert kinds == {("rule_missing", CONFIG), ("target_missing", SG)}
    assert service(access).apply(deployed).result.ok
    assert read_status(access, deployed, ()).drift == ()


def test_widened_topic_policy_is_drift(access, deployed):
    sns = client("sns", "ap-northeast-1")
    [arn] = [t["TopicArn"] for t in sns.list_topics()["Topics"]]
    policy = json.loads(sns.get_topic_attributes(TopicArn=arn)["Attributes"]["Policy"])
    policy["Statement"].append({"Effect": "Allow", "Principal": "*", "Action": "sns:Publish",
                                "Resource": arn})
    sns.set_topic_attributes(TopicArn=arn, AttributeName="Policy",
                             AttributeValue=json.dumps(policy))
    [drift] = read_status(access, deployed, ()).drift
    assert (drift.kind, drift.region) == ("topic_changed", "ap-northeast-1")
    assert Differs.POLICY in drift.differs


def test_region_dropped_from_settings_shows_as_extra(access, deployed):
    fewer = deployed.with_(regions=("ap-northeast-1",))
    status = read_status(access, fewer, ("us-west-2",))
    extra = {(d.region, d.kind) for d in status.drift}
    assert ("us-west-2", "extra_rule") in extra and ("us-west-2", "extra_topic") in extra


def test_test_notification_reaches_the_topic(access, deployed, moto):
    message_id = send_test_notification(access, deployed, load_catalog(), "us-west-2")
    assert message_id
    text = json.dumps(moto.published())
    assert message_id in text
    assert "ChangeWatch" in text


def test_resend_and_confirm_with_the_pasted_link(access, deployed):
    arn = read_status(access, deployed, ()).region("us-west-2").topic_arn
    assert resend_confirmation(access, arn, "ops@example.com").startswith(arn)
    link = LINK.replace("123456789012", arn.split(":")[4])
    assert confirm_subscription(access, arn, link).startswith(arn)


def test_confirmation_link_parsing():
    arn, token = parse_confirmation(LINK)
    assert arn.endswith(":changewatch-test") and token == "2336412f37fb687f5d51e6e2425c464de"
    assert parse_confirmation("  abc123  ") == (None, "abc123")
    with pytest.raises(SettingsError):
        parse_confirmation("https://example.com/confirmation.html?x=1")
    with pytest.raises(SettingsError):
        parse_confirmation("not a link")


def test_confirming_another_topics_link_is_refused(access):
    with pytest.raises(SettingsError):
        confirm_subscription(access, "arn:aws:sns:eu-west-1:123456789012:changewatch-test", LINK)


def test_rule_metrics_read_24_hours(access, deployed):
    cw = client("cloudwatch", "us-west-2")
    cw.put_metric_data(Namespace="AWS/Events", MetricData=[
        {"MetricName": "Invocations", "Value": 3,
         "Dimensions": [{"Name": "RuleName", "Value": CONFIG}]},
        {"MetricName": "FailedInvocations", "Value": 1,
         "Dimensions": [{"Name": "RuleName", "Value": CONFIG}]}])
    found = rule_metrics(access, "us-west-2", [CONFIG, SG])
    assert (found[CONFIG].invocations, found[CONFIG].failed) == (3, 1)
    assert found[SG].invocations == 0


def test_watched_rules_follow_the_settings():
    rules = watched_rules(per_region(), load_catalog())
    assert {(r.region, r.name) for r in rules} == {
        ("ap-northeast-1", SG), ("ap-northeast-1", CONFIG), ("ap-northeast-1", ROOT),
        ("us-west-2", SG), ("us-west-2", CONFIG), ("us-west-2", ROOT), ("us-east-1", ROOT)}
    sg = next(r for r in rules if r.name == SG)
    assert "ModifySecurityGroupRules" in sg.pattern["detail"]["eventName"]


def test_home_delivery_status_names_where_each_region_forwards(access):
    settings = make_settings()
    assert execute(access, make_plan(access, settings)).ok
    status = read_status(access, settings)
    assert [r.region for r in status.topics] == ["ap-northeast-1"]
    assert status.home == "ap-northeast-1"
    assert status.region("us-west-2").forwards_to == "ap-northeast-1"
    assert status.region("us-east-1").forwards_to == "ap-northeast-1"
    assert status.region("ap-northeast-1").formatter_arn
    assert status.drift == ()


def test_a_subscriber_added_by_hand_is_kept_and_listed_apart(access, deployed):
    arn = read_status(access, deployed).region("us-west-2").topic_arn
    client("sns", "us-west-2").subscribe(TopicArn=arn, Protocol="email",
                                         Endpoint="auditor@example.com")
    status = read_status(access, deployed)
    region = status.region("us-west-2")
    assert [s.endpoint for s in region.others] == ["auditor@example.com"]
    assert [s.endpoint for s in region.subscriptions] == ["ops@example.com"]
    assert status.drift == ()  # not ours to remove


def test_changing_the_address_unsubscribes_only_the_one_changewatch_subscribed(access):
    svc = service(access)
    settings = per_region(regions=("us-west-2",))
    assert svc.apply(settings).result.ok
    arn = svc.status(settings).region("us-west-2").topic_arn
    client("sns", "us-west-2").subscribe(TopicArn=arn, Protocol="email",
                                         Endpoint="auditor@example.com")
    moved = settings.with_(email="team@example.com")
    assert svc.apply(moved).result.ok
    subs = client("sns", "us-west-2").list_subscriptions_by_topic(TopicArn=arn)
    assert sorted(s["Endpoint"] for s in subs["Subscriptions"]) == [
        "auditor@example.com", "team@example.com"]
