"""Export the listed events: CSV with the table's columns, JSON as CloudTrail's {"Records": …}."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aws.events import EventRow
from aws.timezone import local_zone_name

CSV_COLUMNS = ("localTime", "timeZone", "eventTime", "awsRegion", "event", "eventName",
               "eventSource", "user", "userArn", "sourceIPAddress", "resource", "errorCode",
               "userAgent", "eventId", "readOnly")


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or local_zone_name())
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def write_csv(path: str | Path, rows: Iterable[EventRow], *, bom: bool = True,
              lang: str = "en", zone: str | None = None) -> int:
    """One line per event: the time in `zone` (the computer's by default) with the zone named,
    and in UTC. With `bom` the file starts with a UTF-8 byte order mark, without which
    Japanese Excel reads UTF-8 as Shift_JIS. Returns how many lines were written."""
    where = _zone(zone)
    count = 0
    with Path(path).open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            local = row.event_time.astimezone(where)
            offset = local.strftime("%z")
            writer.writerow((local.strftime("%Y-%m-%d %H:%M:%S"),
                             f"{where.key} (UTC{offset[:3]}:{offset[3:]})",
                             row.event_time.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                             row.region, row.label_in(lang), row.event_name, row.event_source,
                             row.user, row.user_arn, row.source_ip, row.resource,
                             row.error_code, row.user_agent, row.event_id,
                             str(row.read_only).lower()))
            count += 1
    return count


def write_json(path: str | Path, rows: Iterable[EventRow]) -> int:
    """The full CloudTrail records, as the CloudTrail console's JSON download has them."""
    records = [row.record for row in rows]
    Path(path).write_text(json.dumps({"Records": records}, indent=2, ensure_ascii=False),
                          encoding="utf-8")
    return len(records)
