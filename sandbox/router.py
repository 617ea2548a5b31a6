"""What EventBridge does with a CloudTrail event in the sandbox: match, forward, format, publish.

moto stores rules and targets but delivers nothing to SNS or Step Functions; this router plays
EventBridge for the deployed rules: a target that is another region's event bus (one-inbox
delivery) sends the event on, unchanged, to that region's rules; a Step Functions target runs
the formatter's own definition (aws/formatter/); an SNS target renders the input transformer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import boto3

from aws.formatter import render
from aws.match import delivers, to_eventbridge
from aws.names import NAME_PREFIX
from aws.notification import Transformer
from aws.notification import render as render_simple
from sandbox.metrics import count


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
    link: str = ""  # a subscription confirmation's link


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


class Router:
    """EventBridge for the sandbox: one per session (clients are made per region on use)."""

    def __init__(self, session: boto3.session.Session, inbox: Inbox) -> None:
        self.session, self.inbox = session, inbox

    def route(self, record: dict) -> list[Mail]:
        """Run one CloudTrail record through the deployed rules of its region."""
        return self._route(to_eventbridge(record), record["awsRegion"], forwarded=False)

    def _route(self, event: dict, region: str, forwarded: bool) -> list[Mail]:
        events = self.session.client("events", region_name=region)
        mails: list[Mail] = []
        for rule in events.list_rules(NamePrefix=NAME_PREFIX).get("Rules", []):
            if not delivers(json.loads(rule.get("EventPattern") or "{}"), rule["State"], event):
                continue
            for target in events.list_targets_by_rule(Rule=rule["Name"])["Targets"]:
                count(self.session, region, "AWS/Events", "Invocations", "RuleName", rule["Name"])
                mails += self._target(rule, target, event, region, forwarded)
        return mails

    def _target(self, rule: dict, target: dict, event: dict, region: str,
                forwarded: bool) -> list[Mail]:
        arn = target["Arn"]
        service = arn.split(":")[2]
        if service == "events" and ":event-bus/" in arn:
            # A forwarded event keeps its region; EventBridge never forwards one twice.
            return [] if forwarded else self._route(event, arn.split(":")[3], forwarded=True)
        if service == "states":
            return self._format(rule, target, event, region)
        if service == "sns":
            return self._publish_simple(rule, target, event, region)
        return []

    def _format(self, rule: dict, target: dict, event: dict, region: str) -> list[Mail]:
        template = target["InputTransformer"]["InputTemplate"]
        execution_input = json.loads(template.replace("<aws.events.event.json>",
                                                      json.dumps(event)))
        return self.execute(target["Arn"], execution_input, rule)

    def execute(self, machine_arn: str, execution_input: dict,
                rule: dict | None = None) -> list[Mail]:
        """What an execution of the formatter does: format with the deployed definition and
        publish to its topic (a test notification starts one with no rule behind it)."""
        region = machine_arn.split(":")[3]
        sfn = self.session.client("stepfunctions", region_name=region)
        definition = sfn.describe_state_machine(stateMachineArn=machine_arn)["definition"]
        try:
            email = render(definition, execution_input)
        except Exception:
            count(self.session, region, "AWS/States", "ExecutionsFailed", "StateMachineArn",
                  machine_arn)
            raise
        count(self.session, region, "AWS/States", "ExecutionsSucceeded", "StateMachineArn",
              machine_arn)
        topic = json.loads(definition)["States"]["Publish"]["Arguments"]["TopicArn"]
        return self._publish(topic, email.subject, email.body, rule or {"Name": ""},
                             execution_input.get("event", {}), region)

    def _publish_simple(self, rule: dict, target: dict, event: dict, region: str) -> list[Mail]:
        transformer = target.get("InputTransformer")
        if not transformer:
            return []
        tf = Transformer(tuple(transformer.get("InputPathsMap", {}).items()),
                         transformer["InputTemplate"])
        body = render_simple(tf, event, rule["Name"], rule["Arn"])
        return self._publish(target["Arn"], None, body, rule, event, region)

    def _publish(self, topic_arn: str, subject: str | None, body: str, rule: dict,
                 event: dict, region: str) -> list[Mail]:
        """Publish as the real target would; the sandbox's SNS puts the email in the inbox
        (only for confirmed addresses). The attributes only label the demo inbox's list."""
        sns = self.session.client("sns", region_name=topic_arn.split(":")[3])
        extra = {"Subject": subject} if subject else {}
        labels = {"changewatch.rule": rule["Name"],
                  "changewatch.event": event.get("detail", {}).get("eventID", ""),
                  "changewatch.region": event.get("region", region)}
        before = len(self.inbox.mails)
        sns.publish(TopicArn=topic_arn, Message=body, MessageAttributes={
            key: {"DataType": "String", "StringValue": value}
            for key, value in labels.items() if value},  # SNS refuses an empty attribute
            **extra)
        return self.inbox.mails[before:]


def route_event(event: dict, inbox: Inbox, session: boto3.session.Session) -> list[Mail]:
    """Run one event that is not from CloudTrail (AWS Config's compliance change) through the
    deployed rules of its region."""
    return Router(session, inbox)._route(event, event["region"], forwarded=False)


def route(record: dict, inbox: Inbox, session: boto3.session.Session) -> list[Mail]:
    """Run one CloudTrail record through the deployed rules, as EventBridge does."""
    return Router(session, inbox).route(record)
