"""apply / plan / remove against moto's server over HTTP, per-region delivery with simple
notifications (no IAM): what is created, idempotence, removal. One-inbox delivery and rich
notifications: tests/aws/test_delivery.py."""

from __future__ import annotations

import json

import pytest

from aws.execute import execute
from aws.names import TAG_KEY
from aws.plan import removal_plan
from aws.session import AwsAccess
from tests.aws.helpers import (
    client,
    kinds,
    make_plan,
    per_region,
    remove,
    rule_name,
    rules,
    steps,
    tagged_anything,
    topics,
)

REGIONS = ("ap-northeast-1", "us-west-2", "us-east-1")


def apply(access, settings):
    result = execute(access, make_plan(access, settings))
    assert result.ok, [str(r.error) for r in result.regions if r.error]
    return result


SG, CONFIG, ROOT = (rule_name(g) for g in ("security-groups", "aws-config", "root-signin"))
TOPIC = "changewatch-test"


def test_apply_two_regions_creates_exactly_the_design(access):
    settings = per_region()
    apply(access, settings)
    account = client("sts", "us-east-1").get_caller_identity()["Account"]
    for region in ("ap-northeast-1", "us-west-2"):
        found = rules(region)
        assert set(found) == {SG, CONFIG, ROOT}  # regional sign-in endpoints log there
        sg = found[SG]
        assert sg["tags"] == {TAG_KEY: "test"}
        assert sg["state"] == "ENABLED"
        assert sg["pattern"]["detail"]["eventName"][:2] == [
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"]
        assert sg["pattern"]["detail"]["eventSource"] == ["ec2.amazonaws.com"]
        [target] = sg["targets"]
        assert target["Arn"] == f"arn:aws:sns:{region}:{account}:{TOPIC}"
        assert "<eventName>" in target["InputTransformer"]["InputTemplate"]
        assert len(target["InputTransformer"]["InputPathsMap"]) <= 100
        config = found[CONFIG]["pattern"]["detail"]
        assert config["eventName"] == [{"anything-but": ["PutEvaluations"]}]
        assert config["readOnly"] == [False]
    # root sign-in lives in us-east-1 too, even though it was not chosen
    assert set(rules("us-east-1")) == {ROOT}
    for region in REGIONS:
        [(arn, tags)] = topics(region).items()
        assert arn.endswith(":" + TOPIC) and tags == {TAG_KEY: "test"}
        subs = client("sns", region).list_subscriptions_by_topic(TopicArn=arn)["Subscriptions"]
        assert [(s["Protocol"], s["Endpoint"]) for s in subs] == [("email", "ops@example.com")]


def test_topic_policy_lets_only_our_rules_publish(access):
    apply(access, per_region())
    sns = client("sns", "us-west-2")
    [arn] = topics("us-west-2")
    policy = json.loads(sns.get_topic_attributes(TopicArn=arn)["Attributes"]["Policy"])
    [events] = [s for s in policy["Statement"] if s["Principal"] == {"Service":
                                                                     "events.amazonaws.com"}]
    assert events["Action"] == "sns:Publish" and events["Resource"] == arn
    account = arn.split(":")[4]
    assert events["Condition"]["StringEquals"] == {"aws:SourceAccount": account}
    assert sorted(events["Condition"]["ArnEquals"]["aws:SourceArn"]) == [
        f"arn:aws:events:us-west-2:{account}:rule/{CONFIG}",
        f"arn:aws:events:us-west-2:{account}:rule/{ROOT}",
        f"arn:aws:events:us-west-2:{account}:rule/{SG}",
    ]
    others = [s for s in policy["Statement"] if s is not events]
    assert all(s["Condition"]["StringEquals"] == {"AWS:SourceOwner": account} for s in others)


def test_second_apply_changes_nothing(access):
    settings = per_region()
    apply(access, settings)
    before = {r: (topics(r), rules(r)) for r in REGIONS}
    plan = make_plan(access, settings)
    assert plan.instructions == ()
    apply(access, settings)
    assert {r: (topics(r), rules(r)) for r in REGIONS} == before


def test_changing_watched_apis_updates_in_place_and_removes_unwanted(access):
    apply(access, per_region())
    narrower = per_region(watch=("ec2:AuthorizeSecurityGroupIngress", "iam-policy-changes"))
    plan = make_plan(access, narrower)
    found = steps(plan)
    assert ("us-west-2", "PutRule", "update", SG) in found
    assert ("us-west-2", "DeleteRule", "delete", CONFIG) in found
    assert "CreateTopic" not in kinds(plan)
    apply(access, narrower)
    found = rules("us-west-2")
    assert set(found) == {SG}
    assert found[SG]["pattern"]["detail"]["eventName"] == [
        "AuthorizeSecurityGroupIngress"]
    assert make_plan(access, narrower).instructions == ()


def test_dropping_a_region_removes_its_resources(access):
    apply(access, per_region())
    fewer = per_region(regions=("ap-northeast-1",))
    plan = make_plan(access, fewer, also_regions=("us-west-2",))
    assert kinds(plan, "us-west-2") == {"DeleteRule", "DeleteTopic"}
    assert execute(access, plan).ok
    assert tagged_anything(["us-west-2"]) == []


def _foreign(region: str) -> None:
    client("events", region).put_rule(Name="changewatch-mine", EventPattern='{"source":["x"]}')
    client("sns", region).create_topic(Name="changewatch-mine")


def test_remove_leaves_nothing_tagged_and_keeps_foreign_resources(access):
    _foreign("us-west-2")
    apply(access, per_region())
    result = remove(access, "test", REGIONS)
    assert result.ok
    assert tagged_anything(REGIONS) == []
    assert "changewatch-mine" in rules("us-west-2")
    assert any(a.endswith(":changewatch-mine") for a in topics("us-west-2"))
    assert removal_plan(access, "test", REGIONS).instructions == ()


def test_two_deployments_share_a_region_and_remove_leaves_the_other(access):
    apply(access, per_region())
    other = per_region(deployment="other", email="team@example.com", watch=("security-groups",))
    apply(access, other)
    assert make_plan(access, per_region()).instructions == ()
    assert make_plan(access, other).instructions == ()
    remove(access, "test", REGIONS)
    assert {n for n in rules("us-west-2")} == {rule_name("security-groups", "other")}
    assert make_plan(access, other).instructions == ()


def test_a_foreign_rule_with_our_name_stops_that_region_only(access):
    client("events", "us-west-2").put_rule(Name=SG, EventPattern='{"source":["mine"]}')
    plan = make_plan(access, per_region())
    [blocked] = [r for r in plan.regions if r.error]
    assert blocked.region == "us-west-2" and blocked.error.kind == "conflict"
    result = execute(access, plan)
    assert not result.ok
    assert rules("us-west-2")[SG]["pattern"] == {"source": ["mine"]}
    assert SG in rules("ap-northeast-1")


def test_cancelled_halfway_then_rerun_finishes_without_duplicates(access):
    settings = per_region()
    calls = {"n": 0}

    def cancel_after_five():
        calls["n"] += 1
        return calls["n"] > 5

    result = execute(access, make_plan(access, settings), cancelled=cancel_after_five)
    assert not result.ok
    assert {r.error.kind for r in result.regions if r.error} == {"cancelled"}
    apply(access, settings)
    for region in REGIONS:
        assert len(topics(region)) == 1
        [arn] = topics(region)
        subs = client("sns", region).list_subscriptions_by_topic(TopicArn=arn)["Subscriptions"]
        assert len(subs) == 1
        assert all(len(r["targets"]) == 1 for r in rules(region).values())
    assert make_plan(access, settings).instructions == ()


def test_progress_reports_every_call(access):
    seen = []
    plan = make_plan(access, per_region())
    execute(access, plan, on_progress=seen.append)
    done = [e for e in seen if e.status == "done"]
    assert len(done) == len(plan.instructions) and done[-1].done == done[-1].total
    assert {e.region for e in seen if e.status == "region_done"} == set(REGIONS)


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(Exception) as caught:
        AwsAccess(profile="nope")
    assert caught.value.kind == "profile_not_found"
    assert "nope" in str(caught.value)


def test_a_region_left_with_nothing_to_watch_is_cleaned_up(access):
    apply(access, per_region(watch=("security-groups", "iam-policy-changes")))
    only_global = per_region(watch=("iam-policy-changes",))  # lives in us-east-1 only
    plan = make_plan(access, only_global)
    assert kinds(plan, "us-west-2") >= {"DeleteRule", "DeleteTopic"}
    apply(access, only_global)
    assert tagged_anything(["ap-northeast-1", "us-west-2"]) == []
    assert rule_name("iam-policy-changes") in rules("us-east-1")
