"""Helpers for engine tests: settings and plain boto3 views of what exists in moto."""

from __future__ import annotations

import json

import boto3

from aws.inventory import TAG_KEY
from aws.settings import Settings


def make_settings(**changes) -> Settings:
    base = Settings(
        regions=("ap-northeast-1", "us-west-2"),
        email="ops@example.com",
        watch=("security-groups", "aws-config", "root-signin"),
        language="ja",
        deployment="test",
    )
    return base.with_(**changes)


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


def tagged_anything(regions) -> list[str]:
    """Names of every ChangeWatch-tagged topic or rule left in `regions`."""
    left = []
    for region in regions:
        left += [a for a, tags in topics(region).items() if TAG_KEY in tags]
        left += [n for n, r in rules(region).items() if TAG_KEY in r["tags"]]
    return left
