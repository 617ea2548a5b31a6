"""The email exactly as it will read: rendered by the deployed notification itself.

Rich: the state machine's own definition, evaluated with a JSONata engine (aws/formatter/).
Simple: the rule's own input transformer, rendered as EventBridge delivers it
(aws/notification.py). Never a second, parallel formatter.
"""

from __future__ import annotations

from dataclasses import dataclass

from aws import exceptions
from aws.catalog import Catalog, load_catalog, samples
from aws.compliance.alert import ALERT_GROUP, compliance_samples
from aws.desired import (
    PLACEHOLDER_IDENTITY,
    DesiredRegion,
    DesiredRule,
    DesiredState,
    desired_state,
)
from aws.errors import ErrorKind, SettingsError
from aws.exceptions import Excepted, without_exceptions
from aws.formatter import Email, render
from aws.match import delivers, to_eventbridge
from aws.notification import render as render_simple
from aws.settings import Settings

# EventBridge sends SNS no subject: an email client shows SNS's default.
SIMPLE_SUBJECT = "AWS Notification Message"


@dataclass(frozen=True)
class Preview:
    group_id: str
    rule: str
    event_name: str
    email: Email | None  # None when the catalog ships no sample for the chosen APIs
    excepted: Excepted | None = None  # the sample sends no email: an exception leaves it out


def notifying_region(state: DesiredState, event_region: str) -> DesiredRegion | None:
    """Where an event of `event_region` is turned into an email (home, or the region itself)."""
    return state.get(state.home) if state.home else state.get(event_region)


def render_rule(region: DesiredRegion, rule: DesiredRule, event: dict, *,
                test: bool = False) -> Email:
    """The email `rule` (in the notifying region) sends for an EventBridge `event`."""
    if rule.transformer is not None:
        return Email(SIMPLE_SUBJECT, render_simple(rule.transformer, event, rule.name, rule.arn))
    machine = region.state_machine
    if machine is None:
        raise ValueError(f"{rule.name} has no notification")
    execution_input = {"group": rule.group_id, "event": event}
    if test:
        execution_input["test"] = True
    return render(machine.definition, execution_input)


def email_for(state: DesiredState, event: dict) -> tuple[DesiredRule, Email] | None:
    """The rule that notifies about `event` and its email; None when no rule matches."""
    region = notifying_region(state, event.get("region", ""))
    if region is None:
        return None
    for rule in region.rules:
        if not rule.forwards and delivers(rule.pattern_dict, rule.state, event):
            return rule, render_rule(region, rule, event)
    return None


def excepted_by(source: Settings | DesiredState, group_id: str,
                event: dict) -> Excepted | None:
    """The exception (of the settings, or of what they made) that keeps an EventBridge
    `event` of the group from sending an email; None when it is not excepted."""
    group = load_catalog().find(group_id)
    return exceptions.excepted_by(source.exceptions, group, event) if group else None


def excepted_email(state: DesiredState, event: dict) -> tuple[DesiredRule, Excepted] | None:
    """The rule that would notify about `event` but for an exception, and that exception:
    “no email (excepted by …)” where email_for finds nothing."""
    region = notifying_region(state, event.get("region", ""))
    for rule in region.rules if region else ():
        if rule.forwards or not delivers(without_exceptions(rule.pattern_dict), rule.state,
                                         event):
            continue
        found = excepted_by(state, rule.group_id, event)
        if found is not None:
            return rule, found
    return None


def previews(state: DesiredState, catalog: Catalog) -> tuple[Preview, ...]:
    """The email of each watched group, from a sample of one of its chosen APIs."""
    home = state.get(state.home) if state.home else None
    found: dict[str, Preview] = {}
    for notifying in [home] if home else list(state.regions.values()):
        for rule in notifying.rules:
            if rule.group_id in found or rule.forwards:
                continue
            records = samples_for(rule)
            event = _as_eventbridge(records[0]) if records else None
            excepted = excepted_by(state, rule.group_id, event) if event else None
            email = render_rule(notifying, rule, event) if event and not excepted else None
            name = records[0].get("eventName", "") if records else ""
            found[rule.group_id] = Preview(rule.group_id, rule.name, name, email, excepted)
    order = (*(g.id for g in catalog.groups), ALERT_GROUP)  # compliance changes last
    return tuple(found[g] for g in order if g in found)


def samples_for(rule: DesiredRule) -> list[dict]:
    names = [n for n in rule.pattern_dict.get("detail", {}).get("eventName", [])
             if isinstance(n, str)]
    if rule.group_id == ALERT_GROUP:
        return compliance_samples(rule.pattern_dict["detail"].get("configRuleName", []))
    return samples(rule.group_id, names or None) or samples(rule.group_id)


def _as_eventbridge(sample: dict) -> dict:
    """A CloudTrail sample as EventBridge wraps it; a compliance sample is an event already."""
    return sample if "detail-type" in sample else to_eventbridge(sample)


def as_event(data: object) -> dict:
    """An EventBridge event from a file's JSON: the event itself, or a bare CloudTrail record
    (wrapped as EventBridge wraps it)."""
    if isinstance(data, dict) and isinstance(data.get("detail"), dict) and "detail-type" in data:
        return data
    if isinstance(data, dict) and all(isinstance(data.get(k), str) for k in
                                      ("eventName", "eventSource", "eventID", "awsRegion",
                                       "recipientAccountId", "eventTime")):
        return to_eventbridge(data)
    raise SettingsError("it is neither an EventBridge event nor a CloudTrail record",
                        ErrorKind.BAD_EVENT)


def email_of_event(settings: Settings, catalog: Catalog, data: object) -> Email | Excepted:
    """The email these settings would send for one event, or the exception that keeps it
    from being sent; no AWS call is made."""
    event = as_event(data)
    state = desired_state(settings, catalog, PLACEHOLDER_IDENTITY)
    found = email_for(state, event)
    if found is not None:
        return found[1]
    excepted = excepted_email(state, event)
    if excepted is not None:
        return excepted[1]
    detail = event["detail"]
    raise SettingsError(f"{detail.get('eventName', '?')}, {event.get('region', '?')}",
                        ErrorKind.EVENT_NOT_WATCHED)
