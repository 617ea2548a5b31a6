"""The rich notification: a Step Functions (JSONata) definition that publishes a real subject.

Placeholder until the full formatter lands: the same interface, plain words.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import jsonata

from aws.catalog import Group
from aws.errors import ChangeWatchError, ErrorKind


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def input_template(group_id: str) -> str:
    """The rule target's InputTemplate: the group and the whole event, as the formatter's input."""
    return '{"group":' + json.dumps(group_id) + ',"event":<aws.events.event.json>}'


def definition(topic_arn: str, groups: Iterable[Group], language: str, zone: str, *,
               account_names: Mapping[str, str] | None = None,
               now: datetime | None = None) -> str:
    titles = {g.id: g.title.get(language) for g in groups}
    subject = ("'[ChangeWatch] ' & $lookup(" + json.dumps(titles, ensure_ascii=False)
               + ", $states.input.group) & ' — ' & $states.input.event.region")
    message = ("$states.input.event.detail.eventName & ' by ' & "
               "$states.input.event.detail.userIdentity.arn & '\\n' & "
               "$string($states.input.event.detail.requestParameters)")
    return json.dumps({
        "Comment": "ChangeWatch notification formatter",
        "QueryLanguage": "JSONata",
        "StartAt": "Publish",
        "States": {"Publish": {
            "Type": "Task", "Resource": "arn:aws:states:::sns:publish",
            "Arguments": {"TopicArn": topic_arn, "Subject": "{% " + subject + " %}",
                          "Message": "{% " + message + " %}"},
            "End": True}},
    }, ensure_ascii=False, separators=(",", ":"))


def _expression(text: str) -> str:
    return text.removeprefix("{%").removesuffix("%}").strip()


def render(definition_text: str, execution_input: dict) -> Email:
    """Evaluate the definition's own Subject and Message for one input."""
    try:
        arguments = json.loads(definition_text)["States"]["Publish"]["Arguments"]
        binding = {"states": {"input": execution_input}}
        subject = jsonata.Jsonata(_expression(arguments["Subject"])).evaluate(None, binding)
        body = jsonata.Jsonata(_expression(arguments["Message"])).evaluate(None, binding)
    except Exception as exc:  # noqa: BLE001 - any engine failure is the formatter's failure
        raise ChangeWatchError(kind=ErrorKind.UNEXPECTED, detail=f"formatter: {exc}") from exc
    return Email(str(subject or ""), str(body or ""))
