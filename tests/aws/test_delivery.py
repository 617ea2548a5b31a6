"""One inbox (home delivery) and rich notifications against moto's server: one topic and one
subscription for every region, forwarding rules with their role, the formatter, switching shapes
and removal — and never a foreign or another deployment's role."""

from __future__ import annotations

import json

import pytest

from aws.execute import execute
from aws.names import FORMATTER_TARGET, FORWARD_TARGET, TAG_KEY, TOPIC_TARGET
from aws.settings import Delivery, Notifications
from tests.aws.helpers import (
    client,
    machines,
    make_plan,
    make_settings,
    per_region,
    remove,
    roles,
    rule_name,
    rules,
    tagged_anything,
    topics,
)

REGIONS = ("ap-northeast-1", "us-west-2", "eu-west-1")
EVERYWHERE = (*REGIONS, "us-east-1")
HOME = "ap-northeast-1"


def home(**changes):
    return make_settings(regions=REGIONS, watch=("security-groups", "iam-policy-changes"),
                         **changes)


def apply(access, settings):
    result = execute(access, make_plan(access, settings))
    assert result.ok, [str(r.error) for r in result.regions if r.error]
    return result


def ours(region: str) -> list[str]:
    return [a for a, tags in topics(region).items() if tags.get(TAG_KEY) == "test"]


def account() -> str:
    return client("sts", "us-east-1").get_caller_identity()["Account"]


@pytest.mark.parametrize("mode", [Notifications.RICH, Notifications.SIMPLE])
def test_one_topic_one_subscription_and_forwarding_everywhere_else(access, mode):
    apply(access, home(notifications=mode))
    found = {r: ours(r) for r in EVERYWHERE}
    assert found[HOME] == [f"arn:aws:sns:{HOME}:{account()}:changewatch-test"]
    assert all(found[r] == [] for r in EVERYWHERE if r != HOME)
    subs = client("sns", HOME).list_subscriptions_by_topic(TopicArn=found[HOME][0])
    assert [s["Endpoint"] for s in subs["Subscriptions"]] == ["ops@example.com"]
    bus = f"arn:aws:events:{HOME}:{account()}:event-bus/default"
    role = f"arn:aws:iam::{account()}:role/changewatch/changewatch-test-events"
    for region in ("us-west-2", "eu-west-1", "us-east-1"):
        for name, rule in rules(region).items():
            [target] = rule["targets"]
            assert (target["Id"], target["Arn"], target["RoleArn"]) == (FORWARD_TARGET, bus,
                                                                        role), name
            assert "InputTransformer" not in target  # forwarded as is
    # iam-policy-changes lives in us-east-1 only, and the home region matches its forwards
    assert set(rules("us-east-1")) == {rule_name("iam-policy-changes")}
    assert set(rules(HOME)) == {rule_name("security-groups"), rule_name("iam-policy-changes")}
    home_targets = [r["targets"][0] for r in rules(HOME).values()]
    wanted = FORMATTER_TARGET if mode == Notifications.RICH else TOPIC_TARGET
    assert {t["Id"] for t in home_targets} == {wanted}


def test_the_events_role_is_trusted_by_eventbridge_and_may_only_forward_and_format(access):
    apply(access, home())
    role = roles()["changewatch-test-events"]
    assert role["path"] == "/changewatch/" and role["tags"] == {TAG_KEY: "test"}
    [trust] = role["trust"]["Statement"]
    assert trust["Principal"] == {"Service": "events.amazonaws.com"}
    assert trust["Condition"] == {"StringEquals": {"aws:SourceAccount": account()}}
    statements = {s["Action"]: s["Resource"]
                  for s in role["policies"]["changewatch"]["Statement"]}
    machine = machines(HOME)["changewatch-test-notify"]
    assert statements == {
        "events:PutEvents": f"arn:aws:events:{HOME}:{account()}:event-bus/default",
        "states:StartExecution": machine["arn"]}


def test_rich_formatter_is_an_express_machine_that_only_publishes_to_the_topic(access):
    apply(access, home())
    machine = machines(HOME)["changewatch-test-notify"]
    assert machine["type"] == "EXPRESS" and machine["tags"] == {TAG_KEY: "test"}
    definition = json.loads(machine["definition"])
    assert definition["QueryLanguage"] == "JSONata"
    [topic] = ours(HOME)
    notify = roles()["changewatch-test-notify"]
    assert machine["role"] == notify["arn"]
    [trust] = notify["trust"]["Statement"]
    assert trust["Principal"] == {"Service": "states.amazonaws.com"}
    [publish] = notify["policies"]["changewatch"]["Statement"]
    assert (publish["Action"], publish["Resource"]) == ("sns:Publish", topic)
    policy = json.loads(client("sns", HOME).get_topic_attributes(TopicArn=topic)
                        ["Attributes"]["Policy"])
    publishers = [s for s in policy["Statement"] if s.get("Sid") != "__default_statement_ID"]
    assert [s["Principal"] for s in publishers] == [{"AWS": notify["arn"]}]
    [target] = rules(HOME)[rule_name("security-groups")]["targets"]
    assert target["Arn"] == machine["arn"]
    assert '"group":"security-groups"' in target["InputTransformer"]["InputTemplate"]
    assert "<aws.events.event.json>" in target["InputTransformer"]["InputTemplate"]


def test_a_second_apply_changes_nothing(access):
    apply(access, home())
    assert make_plan(access, home()).instructions == ()


@pytest.mark.parametrize("settings", [
    per_region(regions=REGIONS),
    make_settings(regions=REGIONS, notifications=Notifications.SIMPLE),
])
def test_switching_shapes_converges_both_ways(access, settings):
    apply(access, home())
    apply(access, settings)
    assert make_plan(access, settings).instructions == ()
    if settings.delivery == Delivery.PER_REGION:
        assert all(len(ours(r)) == 1 for r in REGIONS)
        assert "changewatch-test-events" not in roles()
        assert machines(HOME) == {}
    apply(access, home())
    assert make_plan(access, home()).instructions == ()
    assert [r for r in EVERYWHERE if ours(r)] == [HOME]


def test_remove_leaves_nothing_and_keeps_other_and_foreign_roles(access):
    iam = client("iam", "us-east-1")
    iam.create_role(RoleName="changewatch-mine", Path="/changewatch/",
                    AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17",
                                                         "Statement": []}))
    apply(access, home())
    apply(access, home(deployment="other", email="team@example.com"))
    remove(access, "test", EVERYWHERE)
    left = roles()
    assert "changewatch-test-events" not in left and "changewatch-test-notify" not in left
    assert {"changewatch-mine", "changewatch-other-events", "changewatch-other-notify"} <= set(left)
    assert [n for n in tagged_anything(EVERYWHERE) if "-test" in n] == []
    assert make_plan(access, home(deployment="other", email="team@example.com")
                     ).instructions == ()


def test_a_foreign_role_with_our_name_stops_the_apply_before_any_region(access):
    client("iam", "us-east-1").create_role(
        RoleName="changewatch-test-events", Path="/changewatch/",
        AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": []}))
    plan = make_plan(access, home())
    assert plan.iam.error is not None and plan.iam.error.kind == "conflict"
    result = execute(access, plan)
    assert not result.ok
    assert all(ours(r) == [] for r in EVERYWHERE)
