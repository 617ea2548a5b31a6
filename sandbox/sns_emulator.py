"""A local SNS endpoint that behaves like SNS towards email: subscriptions wait for their
confirmation, the confirmation email arrives in the demo inbox with its link, and every
publish to a topic reaches its confirmed addresses there. Everything else is relayed to moto
(which confirms email subscriptions at once and delivers nothing).

https://docs.aws.amazon.com/sns/latest/dg/sns-email-notifications.html
"""

from __future__ import annotations

import secrets
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs, quote
from xml.sax.saxutils import escape

import boto3

from sandbox.metrics import count
from sandbox.relay import RelayHandler
from sandbox.router import Inbox, Mail

CONFIRM_SUBJECT = "AWS Notification - Subscription Confirmation"


@dataclass
class _Subscription:
    arn: str
    topic: str
    endpoint: str
    token: str
    confirmed: bool = False


class SnsEmulator:
    """SNS on 127.0.0.1 for the sandbox; `upstream` is moto's URL."""

    def __init__(self, upstream: str, inbox: Inbox) -> None:
        self.upstream, self.inbox = upstream, inbox
        self._lock = threading.Lock()
        self._subs: dict[str, _Subscription] = {}  # by subscription ARN
        self._server: ThreadingHTTPServer | None = None
        self._session: boto3.session.Session | None = None  # made on first use: by then the
        # sandbox's variables (profile, endpoints) are set

    def start(self) -> str:
        handler = type("Handler", (_Handler,), {"emulator": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True,
                         name="sns-emulator").start()
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # -- what SNS remembers ------------------------------------------------------------------
    def subscribed(self, arn: str, topic: str, endpoint: str, region: str) -> None:
        """A new email subscription waits for its link; a confirmed one is left as it is."""
        with self._lock:
            known = self._subs.get(arn)
            if known is not None and known.confirmed:
                return
            sub = known or _Subscription(arn, topic, endpoint, secrets.token_hex(32))
            self._subs[arn] = sub
        link = (f"https://sns.{region}.amazonaws.com/confirmation.html?TopicArn="
                f"{quote(topic, safe='')}&Token={sub.token}&Endpoint={quote(endpoint, safe='')}")
        body = (f"You have chosen to subscribe to the topic:\n{topic}\n\nTo confirm this "
                f"subscription, click or visit the link below (If this was in error no action "
                f"is necessary):\nConfirm subscription: {link}\n")
        self.inbox.deliver(Mail(datetime.now(UTC), region, "", (endpoint,), CONFIRM_SUBJECT,
                                body, "", link))

    def confirm(self, topic: str | None, token: str) -> str | None:
        """The subscription ARN the token confirms (None: no such pending subscription)."""
        with self._lock:
            for sub in self._subs.values():
                if sub.token == token and (topic is None or sub.topic == topic):
                    sub.confirmed = True
                    return sub.arn
        return None

    def pending(self) -> set[str]:
        with self._lock:
            return {arn for arn, sub in self._subs.items() if not sub.confirmed}

    def _count(self, region: str, metric: str, topic_name: str) -> None:
        if self._session is None:
            self._session = boto3.session.Session()
        count(self._session, region, "AWS/SNS", metric, "TopicName", topic_name,
              endpoint_url=self.upstream)

    def forget(self, arn: str = "", topic: str = "") -> None:
        with self._lock:
            for key in [k for k, s in self._subs.items() if k == arn or s.topic == topic]:
                del self._subs[key]

    def published(self, topic: str, subject: str, body: str, region: str,
                  attributes: dict[str, str]) -> None:
        """The email every confirmed address of the topic receives."""
        with self._lock:
            to = tuple(s.endpoint for s in self._subs.values()
                       if s.topic == topic and s.confirmed)
        name = topic.rsplit(":", 1)[-1]
        self._count(region, "NumberOfMessagesPublished", name)
        for _address in to:
            self._count(region, "NumberOfNotificationsDelivered", name)
        if to:
            self.inbox.deliver(Mail(datetime.now(UTC), attributes.get("changewatch.region",
                                                                      region),
                                    attributes.get("changewatch.rule", ""), to,
                                    subject or "AWS Notification Message", body,
                                    attributes.get("changewatch.event", "")))


def _attributes(form: dict[str, str]) -> dict[str, str]:
    """MessageAttributes.entry.N.Name / .Value.StringValue, as a plain mapping."""
    found = {}
    for key, name in form.items():
        if key.startswith("MessageAttributes.entry.") and key.endswith(".Name"):
            prefix = key.removesuffix(".Name")
            found[name] = form.get(f"{prefix}.Value.StringValue", "")
    return found


class _Handler(RelayHandler):
    emulator: SnsEmulator

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8"),
                                             keep_blank_values=True).items()}
        action = form.get("Action", "")
        if action == "ConfirmSubscription":
            self._confirm(form)
            return
        status, headers, data = self._relay(body)
        if status == 200:
            data = self._after(action, form, data)
        self._send(status, headers, data)

    def _region(self) -> str:
        auth = self.headers.get("Authorization", "")
        parts = auth.split("Credential=")[-1].split("/")
        return parts[2] if len(parts) > 2 else "us-east-1"

    def _after(self, action: str, form: dict[str, str], data: bytes) -> bytes:
        emulator = self.emulator
        text = data.decode("utf-8")
        if action == "Subscribe" and form.get("Protocol") == "email":
            arn = text.split("<SubscriptionArn>")[1].split("</SubscriptionArn>")[0]
            emulator.subscribed(arn, form["TopicArn"], form["Endpoint"], self._region())
            if form.get("ReturnSubscriptionArn", "false").lower() != "true" and \
                    arn in emulator.pending():
                text = text.replace(f"<SubscriptionArn>{arn}<", "<SubscriptionArn>"
                                                                "pending confirmation<")
        elif action in ("ListSubscriptionsByTopic", "ListSubscriptions"):
            for arn in emulator.pending():
                text = text.replace(f"<SubscriptionArn>{escape(arn)}</SubscriptionArn>",
                                    "<SubscriptionArn>PendingConfirmation</SubscriptionArn>")
        elif action == "Publish":
            emulator.published(form.get("TopicArn", ""), form.get("Subject", ""),
                               form.get("Message", ""), self._region(), _attributes(form))
        elif action == "Unsubscribe":
            emulator.forget(arn=form.get("SubscriptionArn", ""))
        elif action == "DeleteTopic":
            emulator.forget(topic=form.get("TopicArn", ""))
        return text.encode("utf-8")

    def _confirm(self, form: dict[str, str]) -> None:
        arn = self.emulator.confirm(form.get("TopicArn"), form.get("Token", ""))
        request = uuid.uuid4()
        if arn is None:
            data = ("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                    "<Message>Invalid token</Message></Error>"
                    f"<RequestId>{request}</RequestId></ErrorResponse>")
            self._send(400, {"Content-Type": "text/xml"}, data.encode())
            return
        data = ("<ConfirmSubscriptionResponse><ConfirmSubscriptionResult><SubscriptionArn>"
                f"{escape(arn)}</SubscriptionArn></ConfirmSubscriptionResult><ResponseMetadata>"
                f"<RequestId>{request}</RequestId></ResponseMetadata>"
                "</ConfirmSubscriptionResponse>")
        self._send(200, {"Content-Type": "text/xml"}, data.encode())


