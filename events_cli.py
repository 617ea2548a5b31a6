"""`main.py events`: recent matching CloudTrail events, as a table or one JSON object per line."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import timedelta

from aws.events import EventReader, EventRow
from aws.session import AwsAccess
from aws.settings import Settings
from aws.status import watched_rules

MAX_WINDOW = timedelta(days=90)  # LookupEvents keeps 90 days


def parse_since(text: str) -> timedelta | None:
    """“90m”, “24h”, “7d” → a window; None when it cannot be read or exceeds 90 days."""
    match = re.fullmatch(r"(\d+)([mhd])", text.strip())
    if not match:
        return None
    number, unit = int(match.group(1)), match.group(2)
    window = {"m": timedelta(minutes=number), "h": timedelta(hours=number),
              "d": timedelta(days=number)}[unit]
    return window if timedelta(0) < window <= MAX_WINDOW else None


def as_json(row: EventRow) -> str:
    return json.dumps({
        "eventId": row.event_id, "eventName": row.event_name,
        "eventTime": row.event_time.strftime("%Y-%m-%dT%H:%M:%SZ"), "region": row.region,
        "user": row.user, "resource": row.resource, "sourceIPAddress": row.source_ip,
        "errorCode": row.error_code, "eventSource": row.event_source, "group": row.group_id,
    }, ensure_ascii=False)


def as_line(row: EventRow) -> str:
    return "  ".join((row.event_time.strftime("%Y-%m-%d %H:%M:%SZ"), row.region.ljust(14),
                      row.event_name.ljust(30), row.user, row.source_ip, row.resource,
                      row.error_code)).rstrip()


def run_events(access: AwsAccess, settings: Settings, args: argparse.Namespace) -> int:
    window = parse_since(args.since)
    if window is None:
        print({"en": f"--since “{args.since}” is not a window like 1h, 24h, 7d or 90d "
                     "(at most 90 days).",
               "ja": f"--since “{args.since}” は 1h・24h・7d・90d のような期間ではありません"
                     "（最大 90 日）。"}[args.lang], file=sys.stderr)
        return 2
    reader = EventReader(lambda region: access.client("cloudtrail", region),
                         watched_rules(settings), account=settings.profile or "default")
    rows = reader.load(window, on_rows=lambda rows: None)
    for row in sorted(rows, key=lambda r: r.event_time):
        print(as_json(row) if args.json else as_line(row))
    return 0
