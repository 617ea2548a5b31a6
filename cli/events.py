"""`events`: recent matching CloudTrail events, as a table or one JSON object per line."""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from datetime import timedelta

from aws.catalog import Catalog
from aws.errors import ChangeWatchError, ErrorKind, SettingsError
from aws.events import EventReader, EventRow, watched_rules
from aws.session import AwsAccess
from aws.settings import Settings
from cli.output import EXIT_OK, out

MAX_WINDOW = timedelta(days=90)  # LookupEvents keeps 90 days


def parse_since(text: str) -> timedelta:
    """“90m”, “24h”, “7d” → a window; anything else, or more than 90 days, is refused."""
    match = re.fullmatch(r"(\d{1,6})([mhd])", text.strip())
    if match:
        number, unit = int(match.group(1)), match.group(2)
        window = {"m": timedelta(minutes=number), "h": timedelta(hours=number),
                  "d": timedelta(days=number)}[unit]
        if timedelta(0) < window <= MAX_WINDOW:
            return window
    raise SettingsError(text, ErrorKind.BAD_SINCE)


def as_json(row: EventRow) -> str:
    return json.dumps({
        "eventId": row.event_id, "eventName": row.event_name,
        "eventTime": row.event_time.strftime("%Y-%m-%dT%H:%M:%SZ"), "region": row.region,
        "user": row.user, "resource": row.resource, "sourceIPAddress": row.source_ip,
        "errorCode": row.error_code, "eventSource": row.event_source, "group": row.group_id,
    }, ensure_ascii=False)


# C0/C1 control characters, DEL and line/paragraph separators: a CloudTrail field (a user
# agent, a resource name) is attacker-controlled and must not forge rows or drive the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """The text with each control character shown as an escape (\\n, \\x1b)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def as_line(row: EventRow) -> str:
    fields = (row.event_time.strftime("%Y-%m-%d %H:%M:%SZ"), row.region.ljust(14),
              row.event_name.ljust(30), row.user, row.source_ip, row.resource, row.error_code)
    return "  ".join(printable(field) for field in fields).rstrip()


def run(access: AwsAccess, settings: Settings, catalog: Catalog, window: timedelta,
        args: argparse.Namespace, cancelled: Callable[[], bool] | None = None) -> int:
    """Print what every region gave; a region that failed is reported after the rows."""
    reader = EventReader(lambda region: access.client("cloudtrail", region),
                         watched_rules(settings, catalog), account=settings.profile or "default",
                         catalog=catalog)
    rows: list[EventRow] = []
    error: ChangeWatchError | None = None
    try:
        reader.load(window, on_progress=rows.extend, cancelled=cancelled)
    except ChangeWatchError as exc:
        error = exc
    for row in sorted(rows, key=lambda r: r.event_time):
        out(as_json(row) if args.json else as_line(row))
    if error is not None:
        raise error
    return EXIT_OK
