"""Helpers for engine tests: settings and plain boto3 views of what exists in moto."""

from __future__ import annotations

import json

import boto3

from aws.catalog import load_catalog
from aws.deployment import DeploymentService, MemoryRecorder
from aws.execute import execute
from aws.names import TAG_KEY
from aws.plan import make_plan as _make_plan
from aws.plan import removal_plan
from aws.settings import Delivery, Notifications, Settings


def make_settings(**changes) -> Settings:
    """Two regions, the two seeds' groups, one inbox with rich emails (the defaults)."""
    base = Settings(
        regions=("ap-northeast-1", "us-west-2"),
        email="ops@example.com",
        watch=("security-groups", "aws-config", "root-signin"),
        language="ja",
        deployment="test",
    )
    return base.with_(**changes)


def per_region(**changes) -> Settings:
    """Each region notifies on its own through an input transformer: no IAM role."""
    return make_settings(delivery=Delivery.PER_REGION, notifications=Notifications.SIMPLE,
                         **changes)


def rule_name(group: str, deployment: str = "test") -> str:
    return f"changewatch-{deployment}-{group}"


def client(service: str, region: str):
    return boto3.client(service, region_name=region)


def topics(region: str) -> dict[str, dict[str, str]]:
    """Topic ARN -> tags, every topic in the region."""
    sns = client("sns", region)
    arns = [t["TopicArn"] for t in sns.list_topics()["Topics"]]
    return {a: {t["Key"]: t["Value"] for t in sns.list_tags_for_resource(ResourceArn=a)["Tags"]}
            for a in arns}


def rules(region: str) -> dict[str, dict]:
    """Rule name -> {pattern, state, tags, targets}."""
    events = client("events", region)
    found = {}
    for rule in events.list_rules()["Rules"]:
        tags = events.list_tags_for_resource(ResourceARN=rule["Arn"])["Tags"]
        found[rule["Name"]] = {
            "pattern": json.loads(rule["EventPattern"]),
            "state": rule["State"],
            "tags": {t["Key"]: t["Value"] for t in tags},
            "targets": events.list_targets_by_rule(Rule=rule["Name"])["Targets"],
        }
    return found


def machines(region: str) -> dict[str, dict]:
    """State machine name -> {arn, definition, role, tags}."""
    sfn = client("stepfunctions", region)
    found = {}
    for summary in sfn.list_state_machines()["stateMachines"]:
        detail = sfn.describe_state_machine(stateMachineArn=summary["stateMachineArn"])
        tags = sfn.list_tags_for_resource(resourceArn=summary["stateMachineArn"])["tags"]
        found[summary["name"]] = {"arn": summary["stateMachineArn"],
                                  "definition": detail["definition"],
                                  "role": detail["roleArn"], "type": detail.get("type"),
                                  "tags": {t["key"]: t["value"] for t in tags}}
    return found


def roles() -> dict[str, dict]:
    """Role name -> {path, trust, policies, tags}, every role of the account."""
    iam = client("iam", "us-east-1")
    found = {}
    for role in iam.list_roles()["Roles"]:
        name = role["RoleName"]
        policies = {p: iam.get_role_policy(RoleName=name, PolicyName=p)["PolicyDocument"]
                    for p in iam.list_role_policies(RoleName=name)["PolicyNames"]}
        tags = iam.list_role_tags(RoleName=name)["Tags"]
        found[name] = {"path": role["Path"], "trust": role["AssumeRolePolicyDocument"],
                       "policies": policies, "arn": role["Arn"],
                       "tags": {t["Key"]: t["Value"] for t in tags}}
    return found


def tagged_anything(regions) -> list[str]:
    """Names of every ChangeWatch-tagged topic, rule, state machine or role left anywhere."""
    left = []
    for region in regions:
        left += [a for a, tags in topics(region).items() if TAG_KEY in tags]
        left += [n for n, r in rules(region).items() if TAG_KEY in r["tags"]]
        left += [n for n, m in machines(region).items() if TAG_KEY in m["tags"]]
    left += [n for n, r in roles().items() if TAG_KEY in r["tags"]]
    return left


def make_plan(access, settings: Settings, **kwargs):
    """The plan apply would run (with the shipped catalog)."""
    return _make_plan(access, settings, load_catalog(), **kwargs)


def remove(access, deployment: str, regions, **kwargs):
    """Delete everything tagged with `deployment` in `regions`."""
    return execute(access, removal_plan(access, deployment, regions), **kwargs)


def steps(plan) -> set[tuple[str, str, str, str]]:
    """(region, step kind, change, subject) of every step of a plan."""
    return {(s.region, type(s).__name__, str(s.change), s.subject) for s in plan.instructions}


def kinds(plan, region: str | None = None) -> set[str]:
    return {type(s).__name__ for s in plan.instructions if region in (None, s.region)}


def service(access, remembered: dict[str, tuple[str, ...]] | None = None):
    """A deployment service over `access` that remembers regions in memory."""
    recorder = MemoryRecorder()
    for deployment, regions in (remembered or {}).items():
        recorder.will_touch(deployment, regions)
    return DeploymentService(access, recorder)
