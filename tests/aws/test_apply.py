"""apply / plan / remove against moto's server over HTTP: what is created, idempotence, removal."""

from __future__ import annotations

import json

import pytest

from aws.execute import execute
from aws.names import TAG_KEY, TOPIC_NAME
from aws.plan import removal_plan
from aws.session import AwsAccess
from tests.aws.helpers import (
    client,
    kinds,
    make_plan,
    make_settings,
    remove,
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


def test_apply_two_regions_creates_exactly_the_design(access):
    settings = make_settings()
    apply(access, settings)
    account = client("sts", "us-east-1").get_caller_identity()["Account"]
    for region in ("ap-northeast-1", "us-west-2"):
        found = rules(region)
        assert set(found) == {"changewatch-security-groups", "changewatch-aws-config"}
        sg = found["changewatch-security-groups"]
        assert sg["tags"] == {TAG_KEY: "test"}
        assert sg["state"] == "ENABLED"
        assert sg["pattern"]["detail"]["eventName"][:2] == [
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"]
        assert sg["pattern"]["detail"]["eventSource"] == ["ec2.amazonaws.com"]
        [target] = sg["targets"]
        assert target["Arn"] == f"arn:aws:sns:{region}:{account}:{TOPIC_NAME}"
        assert "<eventName>" in target["InputTransformer"]["InputTemplate"]
        assert len(target["InputTransformer"]["InputPathsMap"]) <= 100
        config = found["changewatch-aws-config"]["pattern"]["detail"]
        assert config["eventName"] == [{"anything-but": ["PutEvaluations"]}]
        assert config["readOnly"] == [False]
    # root sign-in lives in us-east-1 only, even though it was not chosen
    assert set(rules("us-east-1")) == {"changewatch-root-signin"}
    for region in REGIONS:
        [(arn, tags)] = topics(region).items()
        assert arn.endswith(":" + TOPIC_NAME) and tags == {TAG_KEY: "test"}
        subs = client("sns", region).list_subscriptions_by_topic(TopicArn=arn)["Subscriptions"]
        assert [(s["Protocol"], s["Endpoint"]) for s in subs] == [("email", "ops@example.com")]


def test_topic_policy_lets_only_our_rules_publish(access):
    apply(access, make_settings())
    sns = client("sns", "us-west-2")
    [arn] = topics("us-west-2")
    policy = json.loads(sns.get_topic_attributes(TopicArn=arn)["Attributes"]["Policy"])
    [events] = [s for s in policy["Statement"] if s["Principal"] == {"Service":
                                                                     "events.amazonaws.com"}]
    assert events["Action"] == "sns:Publish" and events["Resource"] == arn
    account = arn.split(":")[4]
    assert events["Condition"]["StringEquals"] == {"aws:SourceAccount": account}
    assert sorted(events["Condition"]["ArnEquals"]["aws:SourceArn"]) == [
        f"arn:aws:events:us-west-2:{account}:rule/changewatch-aws-config",
        f"arn:aws:events:us-west-2:{account}:rule/changewatch-security-groups",
    ]
    others = [s for s in policy["Statement"] if s is not events]
    assert all(s["Condition"]["StringEquals"] == {"AWS:SourceOwner": account} for s in others)


def test_second_apply_changes_nothing(access):
    settings = make_settings()
    apply(access, settings)
    before = {r: (topics(r), rules(r)) for r in REGIONS}
    plan = make_plan(access, settings)
    assert plan.instructions == ()
    apply(access, settings)
    assert {r: (topics(r), rules(r)) for r in REGIONS} == before


def test_changing_watched_apis_updates_in_place_and_removes_unwanted(access):
    apply(access, make_settings())
    narrower = make_settings(watch=("ec2:AuthorizeSecurityGroupIngress", "root-signin"))
    plan = make_plan(access, narrower)
    found = steps(plan)
    assert ("us-west-2", "PutRule", "update", "changewatch-security-groups") in found
    assert ("us-west-2", "DeleteRule", "delete", "changewatch-aws-config") in found
    assert "CreateTopic" not in kinds(plan)
    apply(access, narrower)
    found = rules("us-west-2")
    assert set(found) == {"changewatch-security-groups"}
    assert found["changewatch-security-groups"]["pattern"]["detail"]["eventName"] == [
        "AuthorizeSecurityGroupIngress"]
    assert make_plan(access, narrower).instructions == ()


def test_dropping_a_region_removes_its_resources(access):
    apply(access, make_settings())
    fewer = make_settings(regions=("ap-northeast-1",))
    plan = make_plan(access, fewer, also_regions=("us-west-2",))
    assert kinds(plan, "us-west-2") == {"DeleteRule", "DeleteTopic"}
    assert execute(access, plan).ok
    assert tagged_anything(["us-west-2"]) == []


def _foreign(region: str) -> None:
    client("events", region).put_rule(Name="changewatch-mine", EventPattern='{"source":["x"]}')
    client("sns", region).create_topic(Name="changewatch-mine")


def test_remove_leaves_nothing_tagged_and_keeps_foreign_resources(access):
    _foreign("us-west-2")
    apply(access, make_settings())
    result = remove(access, "test", REGIONS)
    assert result.ok
    assert tagged_anything(REGIONS) == []
    assert "changewatch-mine" in rules("us-west-2")
    assert any(a.endswith(":changewatch-mine") for a in topics("us-west-2"))
    assert removal_plan(access, "test", REGIONS).instructions == ()


def test_remove_only_touches_its_own_deployment(access):
    apply(access, make_settings())
    # Names are fixed per region, so a second deployment lives in other regions.
    apply(access, make_settings(deployment="other", regions=("eu-west-1",),
                                watch=("security-groups",)))
    remove(access, "test", (*REGIONS, "eu-west-1"))
    assert tagged_anything(REGIONS) == []
    assert "changewatch-security-groups" in rules("eu-west-1")


def test_a_foreign_rule_with_our_name_stops_that_region_only(access):
    client("events", "us-west-2").put_rule(Name="changewatch-security-groups",
                                           EventPattern='{"source":["mine"]}')
    plan = make_plan(access, make_settings())
    [blocked] = [r for r in plan.regions if r.error]
    assert blocked.region == "us-west-2" and blocked.error.kind == "conflict"
    result = execute(access, plan)
    assert not result.ok
    assert rules("us-west-2")["changewatch-security-groups"]["pattern"] == {"source": ["mine"]}
    assert "changewatch-security-groups" in rules("ap-northeast-1")


def test_cancelled_halfway_then_rerun_finishes_without_duplicates(access):
    settings = make_settings()
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
    plan = make_plan(access, make_settings())
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
    apply(access, make_settings(watch=("security-groups", "root-signin")))
    only_global = make_settings(watch=("root-signin",))  # lives in us-east-1 only
    plan = make_plan(access, only_global)
    assert kinds(plan, "us-west-2") >= {"DeleteRule", "DeleteTopic"}
    apply(access, only_global)
    assert tagged_anything(["ap-northeast-1", "us-west-2"]) == []
    assert "changewatch-root-signin" in rules("us-east-1")
