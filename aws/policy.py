"""The SNS topic policy: the owner's default statement plus EventBridge, scoped to our rules."""

from __future__ import annotations

import json
from collections.abc import Iterable

EVENTBRIDGE_SID = "ChangeWatchEventBridgePublish"
# The statement SNS writes for a new topic; kept so the owner keeps managing the topic.
_OWNER_ACTIONS = [
    "SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
    "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe",
    "SNS:ListSubscriptionsByTopic", "SNS:Publish",
]


def topic_policy(topic_arn: str, account: str, rule_arns: Iterable[str]) -> dict:
    """Only events.amazonaws.com, only from this account, only for these rules.
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
    """
    return {
        "Version": "2012-10-17",
        "Id": "changewatch-topic-policy",
        "Statement": [
            {
                "Sid": "__default_statement_ID",
                "Effect": "Allow",
                "Principal": {"AWS": "*"},
                "Action": _OWNER_ACTIONS,
                "Resource": topic_arn,
                "Condition": {"StringEquals": {"AWS:SourceOwner": account}},
            },
            {
                "Sid": EVENTBRIDGE_SID,
                "Effect": "Allow",
                "Principal": {"Service": "events.amazonaws.com"},
                "Action": "sns:Publish",
                "Resource": topic_arn,
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": account},
                    "ArnEquals": {"aws:SourceArn": sorted(rule_arns)},
                },
            },
        ],
    }


def _normal(value: object) -> object:
    """Policies come back with lists of one as scalars and keys reordered; compare the meaning."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_normal(v) for v in value]
        return items[0] if len(items) == 1 else sorted(items, key=json.dumps)
    return value


def same_policy(a: str | dict | None, b: str | dict | None) -> bool:
    def parse(p: str | dict | None) -> object:
        if p is None:
            return None
        try:
            return _normal(json.loads(p) if isinstance(p, str) else p)
        except ValueError:
            return p
    return parse(a) == parse(b)
