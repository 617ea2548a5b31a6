"""One CloudTrail event as the recent-events table shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from aws.catalog import Group, Text


@dataclass(frozen=True)
class EventRow:
    """One watched event as the recent-events table shows it."""

    event_id: str
    event_time: datetime
    region: str
    event_name: str
    event_source: str
    user: str  # who, as a person reads it: the user name or the role session name
    source_ip: str
    user_agent: str
    resource: str
    error_code: str
    read_only: bool
    group_id: str
    record: dict = field(hash=False, compare=False, repr=False)
    user_arn: str = ""
    label: Text | None = None  # the catalog's words for the event (or its group), ja and en

    def label_in(self, lang: str) -> str:
        """The event in words in `lang`; the API name when the catalog has none."""
        return (self.label.get(lang) if self.label is not None else "") or self.event_name


def event_time(event: dict) -> datetime | None:
    """A LookupEvents event's EventTime, in UTC."""
    value = event.get("EventTime")
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return None


def event_row(region: str, event: dict, record: dict, envelope: dict, group_id: str,
              group: Group | None, when: datetime | None) -> EventRow:
    """The row for a LookupEvents `event` whose CloudTrail `record` (as the EventBridge
    `envelope`) matched a rule of `group`."""
    if when is None:
        when = datetime.fromisoformat(record["eventTime"]).astimezone(UTC)
    return EventRow(
        event_id=str(event.get("EventId") or record.get("eventID", "")),
        event_time=when,
        region=region,
        event_name=str(record.get("eventName", "")),
        event_source=str(record.get("eventSource", "")),
        user=short_user(record.get("userIdentity") or {}),
        source_ip=str(record.get("sourceIPAddress") or ""),
        user_agent=str(record.get("userAgent") or ""),
        resource=_resource(group, envelope, record),
        error_code=str(record.get("errorCode") or ""),
        read_only=record.get("readOnly") is True,
        group_id=group_id,
        record=record,
        user_arn=str((record.get("userIdentity") or {}).get("arn") or ""),
        label=_label(group, str(record.get("eventName", ""))),
    )


def short_user(identity: dict) -> str:
    """The name CloudTrail's Event history shows: the IAM user name, the role session name
    (the ARN's last part: userName is empty for roles and SSO users), or "root"."""
    if identity.get("type") == "Root":
        return "root"
    if identity.get("userName") and identity.get("type") == "IAMUser":
        return str(identity["userName"])
    arn = str(identity.get("arn") or "")
    if arn:
        return arn.rsplit("/", 1)[-1] if "/" in arn else arn.rsplit(":", 1)[-1]
    for key in ("userName", "principalId", "invokedBy", "type"):
        if identity.get(key):
            return str(identity[key])
    return ""


def _label(group: Group | None, event_name: str) -> Text | None:
    if group is None:
        return None
    for event in group.events:
        if event.name == event_name:
            return event.label
    return group.title  # groups without names (unauthorized calls, root usage)


def _resource(group: Group | None, envelope: dict, record: dict) -> str:
    """The group's resource paths, as the email names the resource; a group without any
    (sign-ins, unauthorized calls) shows the first resource CloudTrail lists, if any."""
    if group is not None and group.resource_paths:
        return group.resource(envelope)
    for item in record.get("resources") or ():
        if isinstance(item, dict) and item.get("ARN"):
            return str(item["ARN"])
    return ""
