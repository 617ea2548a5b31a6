"""What EventBridge would do with a CloudTrail event in the sandbox: match, transform, publish."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import boto3

from aws.match import delivers, to_eventbridge
from aws.names import NAME_PREFIX
from aws.notification import Transformer, render

# EventBridge sends SNS no subject; email readers see SNS's default.
DEFAULT_SUBJECT = "AWS Notification Message"


@dataclass(frozen=True)
class Mail:
    """One email as the subscriber would receive it."""

    received: datetime
    region: str
    rule: str
    to: tuple[str, ...]
    subject: str
    body: str
    event_id: str


class Inbox:
    """The sandbox's mailbox; listeners are told of each new mail (from any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.mails: list[Mail] = []
        self.listeners: list[Callable[[Mail], None]] = []

    def deliver(self, mail: Mail) -> None:
        with self._lock:
            self.mails.append(mail)
        for listener in list(self.listeners):
            listener(mail)


def route(record: dict, inbox: Inbox, session: boto3.session.Session) -> list[Mail]:
    """Run one CloudTrail record through the deployed rules of its region, as EventBridge does."""
    event = to_eventbridge(record)
    region = record["awsRegion"]
    events = session.client("events", region_name=region)
    sns = session.client("sns", region_name=region)
    mails = []
    for rule in events.list_rules(NamePrefix=NAME_PREFIX).get("Rules", []):
        if not delivers(json.loads(rule.get("EventPattern") or "{}"), rule["State"], event):
            continue
        for target in events.list_targets_by_rule(Rule=rule["Name"])["Targets"]:
            mail = _deliver(sns, rule, target, event, region)
            if mail:
                inbox.deliver(mail)
                mails.append(mail)
    return mails


def _deliver(sns, rule: dict, target: dict, event: dict, region: str) -> Mail | None:
    transformer = target.get("InputTransformer")
    if not target["Arn"].startswith("arn:aws:sns:") or not transformer:
        return None
    tf = Transformer(tuple(transformer["InputPathsMap"].items()), transformer["InputTemplate"])
    body = render(tf, event, rule["Name"], rule["Arn"])
    sns.publish(TopicArn=target["Arn"], Message=body)
    subs = sns.list_subscriptions_by_topic(TopicArn=target["Arn"])["Subscriptions"]
    return Mail(datetime.now(UTC), region, rule["Name"],
                tuple(s["Endpoint"] for s in subs if s["Protocol"] == "email"),
                DEFAULT_SUBJECT, body, event["detail"]["eventID"])
