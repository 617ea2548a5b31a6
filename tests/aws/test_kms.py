"""Encrypted topics: a key is checked in the topic's region before any change — not AWS
managed, enabled, and usable by the publisher (EventBridge, or the formatter's role)."""

from __future__ import annotations

import json

import pytest

from aws.errors import ChangeWatchError
from tests.aws.helpers import client, make_plan, make_settings, per_region, roles, service

ACCOUNT_ROOT = {"Sid": "Owner", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
                "Principal": {"AWS": "arn:aws:iam::123456789012:root"}}
EVENTS = {"Sid": "EventBridge", "Effect": "Allow", "Resource": "*",
          "Principal": {"Service": "events.amazonaws.com"},
          "Action": ["kms:GenerateDataKey*", "kms:Decrypt"]}


def key(region: str, *statements: dict, multi: bool = False) -> str:
    policy = {"Version": "2012-10-17", "Statement": list(statements)}
    meta = client("kms", region).create_key(Policy=json.dumps(policy),
                                            MultiRegion=multi)["KeyMetadata"]
    return meta["Arn"]


def refusal(access, settings) -> str:
    with pytest.raises(ChangeWatchError) as caught:
        make_plan(access, settings)
    assert caught.value.kind == "kms"
    return caught.value.detail


def test_a_key_eventbridge_may_use_is_accepted_and_set_on_the_topic(access):
    arn = key("us-west-2", ACCOUNT_ROOT, EVENTS)
    settings = per_region(regions=("us-west-2",), watch=("security-groups",), kms_key=arn)
    assert service(access).apply(settings).result.ok
    [topic] = client("sns", "us-west-2").list_topics()["Topics"]
    attrs = client("sns", "us-west-2").get_topic_attributes(TopicArn=topic["TopicArn"])
    assert attrs["Attributes"]["KmsMasterKeyId"] == arn
    assert make_plan(access, settings).instructions == ()


def test_a_key_policy_without_eventbridge_is_refused_before_any_change(access):
    arn = key("us-west-2", ACCOUNT_ROOT)
    settings = per_region(regions=("us-west-2",), watch=("security-groups",), kms_key=arn)
    assert "does not let events.amazonaws.com use" in refusal(access, settings)
    assert client("sns", "us-west-2").list_topics()["Topics"] == []


def test_a_key_of_another_region_is_refused_unless_multi_region(access):
    arn = key("eu-west-1", ACCOUNT_ROOT, EVENTS)
    settings = per_region(regions=("us-west-2",), watch=("security-groups",), kms_key=arn)
    assert "a key serves its own region only" in refusal(access, settings)


def test_one_key_per_region(access):
    keys = (("us-west-2", key("us-west-2", ACCOUNT_ROOT, EVENTS)),
            ("ap-northeast-1", key("ap-northeast-1", ACCOUNT_ROOT, EVENTS)))
    settings = per_region(regions=("us-west-2", "ap-northeast-1"), watch=("security-groups",),
                          kms_keys=keys)
    assert service(access).apply(settings).result.ok


def test_rich_formatter_role_may_use_the_key_through_the_account(access):
    arn = key("ap-northeast-1", ACCOUNT_ROOT)
    settings = make_settings(watch=("security-groups",), kms_key=arn)
    assert service(access).apply(settings).result.ok
    statements = roles()["changewatch-test-notify"]["policies"]["changewatch"]["Statement"]
    assert {"Sid": "EncryptForTopic", "Effect": "Allow", "Resource": arn,
            "Action": ["kms:GenerateDataKey*", "kms:Decrypt"]} in statements


def test_the_aws_managed_key_is_refused_however_named(access):
    with pytest.raises(ChangeWatchError) as caught:
        make_plan(access, per_region(kms_key="arn:aws:kms:us-west-2:123456789012:alias/aws/sns"))
    assert "alias/aws/sns" in caught.value.detail
