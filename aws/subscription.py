"""The email subscription's small verbs: a test notification, resend, confirm with the link."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from aws.catalog import Catalog
from aws.desired import desired_state
from aws.errors import ErrorKind, SettingsError
from aws.match import to_eventbridge
from aws.preview import render_rule, samples_for
from aws.session import AwsAccess, call
from aws.settings import Settings

_TEST = {
    "en": ("ChangeWatch test notification",
           "This is a test from ChangeWatch. The event below is a sample, not a real change in "
           "your account."),
    "ja": ("ChangeWatch テスト通知",
           "これは ChangeWatch のテスト通知です。以下は見本のイベントで、アカウントで実際に起きた"
           "変更ではありません。"),
}


def send_test_notification(access: AwsAccess, settings: Settings, catalog: Catalog,
                            region: str) -> str:
    """Send the email of a sample event of a watched group, marked as a test, through the
    deployment's own notification in `region`: rich starts the deployed formatter (so the test
    reads exactly like a real alert; the execution ARN is returned), simple publishes the
    input transformer's text to the topic (the message id is returned)."""
    identity = access.identity(region)
    want = desired_state(settings, catalog, identity).get(region)
    if want is None or want.topic is None:
        raise SettingsError(f"ChangeWatch has no topic in {region}")
    rule = next(r for r in want.rules if not r.forwards and samples_for(r))
    event = to_eventbridge(samples_for(rule)[0])
    if rule.transformer is None and want.state_machine is not None:
        # https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
        execution_input = {"group": rule.group_id, "event": event, "test": True}
        reply = call(access.client("stepfunctions", region), "start_execution", region,
                     stateMachineArn=want.state_machine.arn,
                     input=json.dumps(execution_input, ensure_ascii=False))
        return reply["executionArn"]
    email = render_rule(want, rule, event, test=True)
    subject, intro = _TEST["ja" if settings.language == "ja" else "en"]
    reply = call(access.client("sns", region), "publish", region, TopicArn=want.topic.arn,
                 Subject=subject, Message=f"{intro}\n\n{email.body}")
    return reply["MessageId"]


def resend_confirmation(access: AwsAccess, topic_arn: str, email: str) -> str:
    """Subscribe the address again: AWS sends a new confirmation email."""
    region = _region_of(topic_arn)
    reply = call(access.client("sns", region), "subscribe", region, TopicArn=topic_arn,
                 Protocol="email", Endpoint=email, ReturnSubscriptionArn=True)
    return reply.get("SubscriptionArn", "")


def parse_confirmation(link_or_token: str) -> tuple[str | None, str]:
    """(TopicArn or None, Token) from a pasted confirmation link, or a bare token."""
    text = link_or_token.strip()
    if "://" not in text and "Token=" not in text:
        if not text or any(c.isspace() for c in text):
            raise SettingsError("this is not a confirmation link or token", ErrorKind.BAD_LINK)
        return None, text
    query = parse_qs(urlsplit(text).query or text.split("?", 1)[-1])
    tokens = query.get("Token")
    if not tokens or not tokens[0]:
        raise SettingsError("the link has no Token; copy the whole link from the email",
                            ErrorKind.BAD_LINK)
    arns = query.get("TopicArn")
    return (arns[0] if arns else None), tokens[0]


def confirm_subscription(access: AwsAccess, topic_arn: str, link_or_token: str) -> str:
    """Confirm with AuthenticateOnUnsubscribe, so a forwarded email cannot unsubscribe the team.

    https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html
    """
    link_arn, token = parse_confirmation(link_or_token)
    if link_arn and link_arn != topic_arn:
        raise SettingsError(f"the link is for {link_arn}, not {topic_arn}", ErrorKind.BAD_LINK)
    region = _region_of(topic_arn)
    reply = call(access.client("sns", region), "confirm_subscription", region,
                 TopicArn=topic_arn, Token=token, AuthenticateOnUnsubscribe="true")
    return reply.get("SubscriptionArn", "")


def _region_of(arn: str) -> str:
    parts = arn.split(":")
    if len(parts) < 6 or not parts[3]:
        raise SettingsError(f"not a topic ARN: {arn}")
    return parts[3]
