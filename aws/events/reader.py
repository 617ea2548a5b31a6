"""Reads the watched rules' recent events: planned, rate-limited, streamed LookupEvents calls."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from aws.catalog import Catalog, load_catalog
from aws.errors import AwsError, Cancelled, translate
from aws.events.queries import Query, WatchedRule, names_by_source, plan_queries
from aws.events.rows import EventRow, event_row, event_time
from aws.fanout import per_region
from aws.match import delivers, to_eventbridge
from aws.ratelimit import TokenBucket, shared_bucket

# LookupEvents: one lookup attribute per call, at most 50 events a page, the last 90 days,
# 2 requests per second per account per Region, events shown minutes after they happen:
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
OVERLAP = timedelta(minutes=15)
PAGE_SIZE = 50
_MAX_REGION_WORKERS = 17


def _utc_now() -> datetime:
    return datetime.now(UTC)


class EventReader:
    """Reads the watched rules' recent events, regions in parallel, pages through one bucket.

    `load` reads a window; `poll` reads from the newest event seen in each region minus
    OVERLAP, so an event CloudTrail shows up to 15 minutes late is still listed, once (rows are
    de-duplicated by EventId). An event that shows up later than that, with an EventTime older
    than the newest seen minus OVERLAP, is missed until the next `load`. `on_progress` is called
    from worker threads, one call at a time, with each page's new watched rows.
    """

    def __init__(
        self,
        client_for_region: Callable[[str], Any],
        rules: Iterable[WatchedRule],
        bucket: TokenBucket | None = None,
        clock: Callable[[], datetime] = _utc_now,
        *,
        account: str = "default",
        catalog: Catalog | None = None,
    ) -> None:
        self._client_for_region = client_for_region
        self._catalog = catalog or load_catalog()
        self._rules = tuple(r for r in rules if r.state != "DISABLED")
        self._bucket = bucket if bucket is not None else shared_bucket()
        self._clock = clock
        self._account = account
        self._by_region: dict[str, list[WatchedRule]] = defaultdict(list)
        for rule in self._rules:
            self._by_region[rule.region].append(rule)
        # Names per (region, source) over all the region's rules: what one EventSource query
        # replaces, so the reader can tell whether per-name queries would cost less.
        self._names = {(region, s): len(n) for region, rules in self._by_region.items()
                       for s, n in names_by_source(rules).items()}
        self._per_name: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        self._emit_lock = threading.Lock()
        self._clients: dict[str, Any] = {}
        self._newest: dict[str, datetime] = {}
        self._starts: dict[str, datetime] = {}
        self._seen: dict[str, tuple[str, datetime]] = {}

    @property
    def queries(self) -> tuple[Query, ...]:
        """The queries the next read will run."""
        with self._lock:
            return plan_queries(self._rules, self._per_name)

    def load(
        self,
        window: timedelta,
        on_progress: Callable[[list[EventRow]], None],
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[EventRow, ...]:
        """Read the last `window` afresh; returns every watched row, newest first."""
        start = self._clock() - window
        with self._lock:
            self._seen.clear()
            self._newest.clear()
            self._starts = {region: start for region in self._by_region}
        return self._read(on_progress, cancelled)

    def poll(
        self,
        on_progress: Callable[[list[EventRow]], None],
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[EventRow, ...]:
        """Read what is new since the last read; returns the rows not listed before."""
        with self._lock:
            fallback = self._clock() - OVERLAP
            self._starts = {
                region: (self._newest[region] - OVERLAP if region in self._newest
                         else self._starts.get(region, fallback))
                for region in self._by_region
            }
        return self._read(on_progress, cancelled)

    def _read(
        self, on_progress: Callable[[list[EventRow]], None], cancelled: Callable[[], bool] | None
    ) -> tuple[EventRow, ...]:
        by_region: dict[str, list[Query]] = defaultdict(list)
        for query in self.queries:
            by_region[query.region].append(query)
        outcomes = per_region(
            by_region,
            lambda region: self._read_region(region, by_region[region], on_progress, cancelled),
            max_workers=_MAX_REGION_WORKERS, name="events")
        rows = [row for o in outcomes.values() for row in (o.value or ())]
        errors = [o.error for o in outcomes.values() if o.error is not None]
        self._prune()
        # A failed region does not stop the others; their rows are delivered, then it is told.
        failed = [e for e in errors if isinstance(e, AwsError)]
        if errors:
            raise (failed or errors)[0]
        return tuple(sorted(rows, key=lambda r: r.event_time, reverse=True))

    def _read_region(
        self,
        region: str,
        queries: list[Query],
        on_progress: Callable[[list[EventRow]], None],
        cancelled: Callable[[], bool] | None,
    ) -> list[EventRow]:
        client = self._client(region)
        start = self._starts[region]
        rows: list[EventRow] = []
        for query in queries:
            token: str | None = None
            pages = 0
            while pages == 0 or token:
                if not self._bucket.acquire((self._account, region), cancelled):
                    raise Cancelled()
                page = self._call(client, query, start, token)
                pages += 1
                new = self._rows(region, page.get("Events", []))
                if new:
                    rows.extend(new)
                    with self._emit_lock:
                        on_progress(new)
                token = page.get("NextToken")
            self._learn(query, pages)
        return rows

    def _call(self, client: Any, query: Query, start: datetime, token: str | None) -> dict:
        kwargs: dict[str, Any] = {"StartTime": start, "MaxResults": PAGE_SIZE}
        if query.key is not None:
            kwargs["LookupAttributes"] = [{"AttributeKey": query.key,
                                           "AttributeValue": query.value}]
        if token:
            kwargs["NextToken"] = token
        try:
            return client.lookup_events(**kwargs)
        except (ClientError, BotoCoreError) as exc:
            raise translate(exc, "cloudtrail:LookupEvents", query.region) from exc

    def _learn(self, query: Query, pages: int) -> None:
        # An EventSource query that needed more pages than the EventName queries it replaces
        # is read per name from now on (read-only noise dominates that source).
        names = self._names.get((query.region, query.value or ""), 0)
        if query.key == "EventSource" and names and pages > names:
            with self._lock:
                self._per_name.add((query.region, query.value or ""))

    def _rows(self, region: str, events: list[dict]) -> list[EventRow]:
        rows: list[EventRow] = []
        for event in events:
            when = event_time(event)
            with self._lock:
                if when is not None and (region not in self._newest
                                         or when > self._newest[region]):
                    self._newest[region] = when
            row = self._row(region, event, when)
            if row is None:
                continue
            with self._lock:
                if row.event_id in self._seen:
                    continue
                self._seen[row.event_id] = (region, row.event_time)
            rows.append(row)
        return rows

    def _row(self, region: str, event: dict, when: datetime | None) -> EventRow | None:
        try:
            record = json.loads(event["CloudTrailEvent"])
            envelope = to_eventbridge(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # not a CloudTrail record we can match; it cannot be a watched event
        rule = next((r for r in self._by_region[region]
                     if delivers(r.pattern, r.state, envelope)), None)
        if rule is None:
            return None
        return event_row(region, event, record, envelope, rule.group_id,
                         self._catalog.find(rule.group_id), when)

    def _prune(self) -> None:
        # Ids older than the next poll's start can never be returned again.
        with self._lock:
            for event_id, (region, when) in list(self._seen.items()):
                newest = self._newest.get(region)
                if newest is not None and when < newest - OVERLAP - timedelta(minutes=1):
                    del self._seen[event_id]

    def _client(self, region: str) -> Any:
        # Made outside the lock: building a client loads models, and regions must not queue.
        client = self._clients.get(region)
        if client is None:
            client = self._client_for_region(region)
            with self._lock:
                client = self._clients.setdefault(region, client)
        return client
