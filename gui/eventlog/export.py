"""Export the listed events: CSV with the table's columns, JSON as CloudTrail's {"Records": …}."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from aws.events import EventRow

CSV_COLUMNS = ("eventTime", "awsRegion", "eventName", "eventSource", "user", "sourceIPAddress",
               "resource", "errorCode", "userAgent", "eventId", "readOnly")


def write_csv(path: str | Path, rows: Iterable[EventRow]) -> int:
    """One line per event (times in UTC); returns how many were written."""
    count = 0
    with Path(path).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow((row.event_time.strftime("%Y-%m-%dT%H:%M:%SZ"), row.region,
                             row.event_name, row.event_source, row.user, row.source_ip,
                             row.resource, row.error_code, row.user_agent, row.event_id,
                             str(row.read_only).lower()))
            count += 1
    return count


def write_json(path: str | Path, rows: Iterable[EventRow]) -> int:
    """The full CloudTrail records, as the CloudTrail console's JSON download has them."""
    records = [row.record for row in rows]
    Path(path).write_text(json.dumps({"Records": records}, indent=2, ensure_ascii=False),
                          encoding="utf-8")
    return len(records)
