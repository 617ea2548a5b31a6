"""`events`: recent matching CloudTrail events, as a table or one JSON object per line,
printed page by page as they are found (newest first within each page)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from aws.catalog import Catalog
from aws.errors import ChangeWatchError, ErrorKind, SettingsError
from aws.events import SCAN_PAGES, EventPage, EventReader, EventRow, watched_rules
from aws.session import AwsAccess
from aws.settings import Settings
from cli.output import EXIT_FAILED, EXIT_OK, err, out

MAX_WINDOW = timedelta(days=90)  # LookupEvents keeps 90 days
_PROGRESS_EVERY = 20  # pages between two "read back to" lines of a long scan
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # a CloudTrail value must not forge lines

_WORDS = {
    "reading": {
        "en": "{region}: read back to {time} ({pages} pages so far)…",
        "ja": "{region}: {time} まで読みました（{pages} ページ）…"},
    "bounded": {
        "en": "{region}: read back to {time} only; older events of the window were not read "
              "(every event of the region is scanned, about 80 a second). Ask a shorter "
              "--since, or more pages with --scan-pages (0: no limit).",
        "ja": "{region}: {time} までしか読んでいません。それより古いイベントは未確認です"
              "（このリージョンの全イベントを 1 秒に約 80 件ずつ調べます）。--since を短くするか、"
              "--scan-pages でページ数を増やしてください（0 で無制限）。"},
    "stopped": {
        "en": "Stopped. The events above are those found so far.",
        "ja": "中断しました。上に表示したのはそれまでに見つかったイベントです。"},
}


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
        "user": row.user, "userArn": row.user_arn, "resource": row.resource,
        "sourceIPAddress": row.source_ip, "errorCode": row.error_code,
        "eventSource": row.event_source, "group": row.group_id,
    }, ensure_ascii=False)


# C0/C1 control characters, DEL and line/paragraph separators: a CloudTrail field (a user
# agent, a resource name) is attacker-controlled and must not forge rows or drive the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """The text with each control character shown as an escape (\\n, \\x1b)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def as_line(row: EventRow) -> str:
    """One row as a line of the events table, control characters escaped."""
    fields = (row.event_time.strftime("%Y-%m-%d %H:%M:%SZ"), row.region.ljust(14),
              row.event_name.ljust(30), row.user, row.source_ip, row.resource, row.error_code)
    return "  ".join(printable(field) for field in fields).rstrip()


def _clock(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


class _Printer:
    """on_progress: prints each page's rows at once; a line on stderr now and then while a
    long scan goes back (only on a terminal: a pipe gets the rows alone)."""

    def __init__(self, as_json_lines: bool, lang: str) -> None:
        self._json, self._lang = as_json_lines, lang
        self._pages: dict[str, int] = {}
        self._talk = sys.stderr.isatty()

    def __call__(self, page: EventPage) -> None:
        for row in sorted(page.rows, key=lambda r: r.event_time, reverse=True):
            out(as_json(row) if self._json else as_line(row))
        pages = self._pages[page.region] = self._pages.get(page.region, 0) + 1
        if self._talk and not page.done and page.reached and pages % _PROGRESS_EVERY == 0:
            err(_WORDS["reading"][self._lang].format(region=page.region, pages=pages,
                                                     time=_clock(page.reached)))


def run(access: AwsAccess, settings: Settings, catalog: Catalog, window: timedelta,
        args: argparse.Namespace, cancelled: Callable[[], bool] | None = None) -> int:
    """Print what every region gives as it comes; then what was left unread, and the first
    region that failed. Ctrl-C stops between two requests and keeps what was printed."""
    pages = getattr(args, "scan_pages", SCAN_PAGES)
    reader = EventReader(lambda region: access.client("cloudtrail", region),
                         watched_rules(settings, catalog), account=settings.profile or "default",
                         catalog=catalog, scan_pages=pages or None)  # 0: no limit
    stop = threading.Event()
    failure: list[ChangeWatchError] = []

    def read() -> None:
        try:
            reader.load(window, _Printer(args.json, args.lang), cancelled=stop.is_set)
        except ChangeWatchError as exc:
            failure.append(exc)

    # The reading runs on its own thread so Ctrl-C reaches us here and can stop it cleanly.
    worker = threading.Thread(target=read, name="events", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.2)
            if cancelled is not None and cancelled():  # Ctrl-C, caught by the command
                raise KeyboardInterrupt
    except KeyboardInterrupt:
        stop.set()
        worker.join()
        err(_WORDS["stopped"][args.lang])
        return EXIT_FAILED
    for region, back_to in sorted(reader.scanned_back_to().items()):
        err(_WORDS["bounded"][args.lang].format(region=region, time=_clock(back_to)))
    if failure:
        raise failure[0]
    return EXIT_OK
