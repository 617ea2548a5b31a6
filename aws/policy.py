"""The policies ChangeWatch writes: the topic's, and its two roles' trust and permissions.

Each allows one principal one action on one resource, conditioned on this account.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

EVENTBRIDGE_SID = "ChangeWatchEventBridgePublish"
FORMATTER_SID = "ChangeWatchFormatterPublish"
# The statement SNS writes for a new topic; kept so the owner keeps managing the topic.
_OWNER_ACTIONS = [
    "SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
    "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe",
    "SNS:ListSubscriptionsByTopic", "SNS:Publish",
]
VERSION = "2012-10-17"


def compact(document: dict) -> str:
    return json.dumps(document, separators=(",", ":"))


def _owner(topic_arn: str, account: str) -> dict:
    return {"Sid": "__default_statement_ID", "Effect": "Allow", "Principal": {"AWS": "*"},
            "Action": _OWNER_ACTIONS, "Resource": topic_arn,
            "Condition": {"StringEquals": {"AWS:SourceOwner": account}}}


def topic_policy(topic_arn: str, account: str, rule_arns: Iterable[str] = (),
                 publisher_role: str | None = None) -> dict:
    """The owner's statement plus the one publisher: EventBridge for these rules (simple), or
    the formatter's role (rich).
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions
    """
    if publisher_role:
        publisher = {"Sid": FORMATTER_SID, "Effect": "Allow",
                     "Principal": {"AWS": publisher_role}, "Action": "sns:Publish",
                     "Resource": topic_arn}
    else:
        publisher = {"Sid": EVENTBRIDGE_SID, "Effect": "Allow",
                     "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish",
                     "Resource": topic_arn,
                     "Condition": {"StringEquals": {"aws:SourceAccount": account},
                                   "ArnEquals": {"aws:SourceArn": sorted(rule_arns)}}}
    return {"Version": VERSION, "Id": "changewatch-topic-policy",
            "Statement": [_owner(topic_arn, account), publisher]}


def trust_policy(service: str, account: str) -> dict:
    """Only `service` may assume the role, and only on behalf of this account (confused
    deputy). https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"""
    return {"Version": VERSION, "Statement": [{
        "Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": account}}}]}


def events_role_policy(home_bus_arn: str | None, state_machine_arn: str | None) -> dict:
    """EventBridge forwards to the home region's bus and starts the formatter; nothing else.
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-region.html"""
    statements = []
    if home_bus_arn:
        statements.append({"Sid": "ForwardToHomeBus", "Effect": "Allow",
                           "Action": "events:PutEvents", "Resource": home_bus_arn})
    if state_machine_arn:
        statements.append({"Sid": "StartFormatter", "Effect": "Allow",
                           "Action": "states:StartExecution", "Resource": state_machine_arn})
    return {"Version": VERSION, "Statement": statements}


def notify_role_policy(topic_arn: str, kms_key_arn: str | None = None) -> dict:
    """The formatter publishes to the one topic (and uses its key, when encrypted)."""
    statements: list[dict] = [{"Sid": "PublishToTopic", "Effect": "Allow",
                               "Action": "sns:Publish", "Resource": topic_arn}]
    if kms_key_arn:
        statements.append({"Sid": "EncryptForTopic", "Effect": "Allow",
                           "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
                           "Resource": kms_key_arn})
    return {"Version": VERSION, "Statement": statements}


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
