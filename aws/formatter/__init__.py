"""The rich notification: a Step Functions (JSONata) definition that publishes a real subject.

Two states: "Format" (a Pass state whose Output is the JSONata in template.py, with this
deployment's words, phrases, severities, zone offsets and account names embedded) and
"Publish" (sns:publish with that subject and message). `render` evaluates the very same
definition with a JSONata engine, so previews, the sandbox and tests read what AWS sends.
https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import jsonata

from aws.catalog import Group
from aws.errors import ChangeWatchError, ErrorKind
from aws.formatter import template, words
from aws.formatter.zone import offset_table

UTC_NAMES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"}
# Operators jsonata-python accepts but Step Functions' JSONata does not.
UNSUPPORTED = ("??", "?:")


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def input_template(group_id: str) -> str:
    """The rule target's InputTemplate: the group and the whole event, as the formatter's input."""
    return '{"group":' + json.dumps(group_id) + ',"event":<aws.events.event.json>}'


def _data(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _groups(groups: Iterable[Group], language: str) -> tuple[dict, dict]:
    """(phrases by "group/EventName" and by group, group data by id) for the chosen groups."""
    phrases: dict[str, str] = {}
    data: dict[str, dict] = {}
    for group in groups:
        for event in group.events:
            phrases[f"{group.id}/{event.name}"] = group.phrase_of(event.name, language)
        if group.phrase is not None:
            phrases[group.id] = group.phrase.get(language)
        data[group.id] = {
            "s": words.SEVERITY[language][group.severity],
            "t": group.title.get(language),
            "r": [{"l": words.resource_label(name, language),
                   "p": path.removeprefix("$.").split(".")}
                  for name, path in group.resource_paths],
        }
    return phrases, data


def expression(groups: Iterable[Group], language: str, zone: str, *,
               account_names: Mapping[str, str] | None = None,
               now: datetime | None = None) -> str:
    """The Format state's JSONata with this deployment's data in it."""
    language = language if language in words.LABELS else "en"
    phrases, data = _groups(groups, language)
    utc = zone in UTC_NAMES
    table = [{"t": 0, "o": "+0000", "n": "UTC"}] if utc else \
        offset_table(zone, now or datetime.now(UTC))
    values = {
        "__WORDS__": _data(words.LABELS[language]),
        "__ANSWERS__": _data(words.ANSWERS[language]),
        "__PROTOCOLS__": _data(words.PROTOCOLS),
        "__PHRASES__": _data(phrases),
        "__GROUPS__": _data(data),
        "__ZONE__": _data(table),
        "__ZONE_NAME__": _data("" if utc else zone),
        "__ACCOUNTS__": _data(dict(account_names or {})),
        "__RAW_MAX__": str(template.RAW_MAX),
        "__SUBJECT_MAX__": str(template.SUBJECT_MAX),
        "__MESSAGE_MAX__": str(template.MESSAGE_MAX),
    }
    text = template.EXPRESSION
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def definition(topic_arn: str, groups: Iterable[Group], language: str, zone: str, *,
               account_names: Mapping[str, str] | None = None,
               now: datetime | None = None) -> str:
    """The Express state machine's definition (compact JSON)."""
    formatted = expression(groups, language, zone, account_names=account_names, now=now)
    return json.dumps({
        "Comment": "ChangeWatch notification formatter",
        "QueryLanguage": "JSONata",
        "StartAt": "Format",
        "States": {
            "Format": {"Type": "Pass", "Output": "{% " + formatted + " %}", "Next": "Publish"},
            "Publish": {
                "Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                "Arguments": {"TopicArn": topic_arn,
                              "Subject": "{% $states.input.subject %}",
                              "Message": "{% $states.input.message %}"},
                "End": True},
        },
    }, ensure_ascii=False, separators=(",", ":"))


def _evaluate(value: object, state_input: object) -> object:
    """A field as Step Functions evaluates it: "{% … %}" is JSONata over $states.input."""
    if isinstance(value, dict):
        return {k: _evaluate(v, state_input) for k, v in value.items()}
    if not (isinstance(value, str) and value.startswith("{%") and value.endswith("%}")):
        return value
    source = value.removeprefix("{%").removesuffix("%}").strip()
    if any(op in source for op in UNSUPPORTED):
        raise ValueError(f"Step Functions' JSONata has no {' or '.join(UNSUPPORTED)}")
    return jsonata.Jsonata(source).evaluate(None, {"states": {"input": state_input}})


def run(definition_text: str, execution_input: dict) -> dict:
    """Walk the states from StartAt to the Task, as an execution would; the Task's Arguments."""
    machine = json.loads(definition_text)
    states, name, data = machine["States"], machine["StartAt"], execution_input
    for _ in range(len(states)):
        state = states[name]
        if state["Type"] == "Task":
            return _evaluate(state["Arguments"], data)
        data = _evaluate(state.get("Output", "{% $states.input %}"), data)
        name = state["Next"]
    raise ValueError("the definition never reaches its Task")


def render(definition_text: str, execution_input: dict) -> Email:
    """Evaluate the definition's own Subject and Message for one input."""
    try:
        arguments = run(definition_text, execution_input)
    except Exception as exc:  # noqa: BLE001 - any engine failure is the formatter's failure
        raise ChangeWatchError(kind=ErrorKind.UNEXPECTED, detail=f"formatter: {exc}") from exc
    return Email(str(arguments.get("Subject") or ""), str(arguments.get("Message") or ""))
