"""Reads the watched rules' recent events: planned, rate-limited, streamed LookupEvents calls."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from aws.catalog import Catalog, load_catalog
from aws.errors import AwsError, Cancelled, translate
from aws.events.queries import Query, WatchedRule, names_by_source, plan_queries
from aws.events.rows import EventRow, event_row, event_time
from aws.fanout import per_region
from aws.match import delivers, to_eventbridge
from aws.ratelimit import TokenBucket, cancellable, pace_lookup_events, shared_bucket

# LookupEvents: one lookup attribute per call, at most 50 events a page, the last 90 days,
# 2 requests per second per account per Region, events shown minutes after they happen:
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
OVERLAP = timedelta(minutes=15)
PAGE_SIZE = 50
# Pages one query reads per load before it stops and offers "load more": 5 000 events, about
# a minute at the paced rate. A busy region has hundreds of thousands of events a day.
SCAN_PAGES = 100
_MAX_REGION_WORKERS = 17


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class EventPage:
    """One LookupEvents page as the reader streams it: its new watched rows (often none in an
    all-events scan) and how far back its query has read."""

    region: str
    query: Query
    rows: tuple[EventRow, ...]
    reached: datetime | None  # the oldest EventTime read so far by this query in this round
    start: datetime           # the oldest time this round asks for
    done: bool                # this query reached `start`


@dataclass(frozen=True)
class _Frontier:
    """Where a load of one query stopped: everything newer than `end` was read."""

    end: datetime
    ids: frozenset[str] = frozenset()  # events at exactly `end`, already listed


@dataclass(frozen=True)
class _Job:
    query: Query
    start: datetime
    end: datetime | None
    pages: int | None      # page budget; None: read to the end
    scan: bool             # a load: it keeps a frontier for "load more"


class EventReader:
    """Reads the watched rules' recent events, regions in parallel, every request paced.

    `load` reads a window, each query at most `scan_pages` pages; where a query stopped early
    (the budget, or the user's stop) `scanned_back_to` says how far it got and `load_more`
    continues from there. `poll` reads from the newest event seen in each region minus
    OVERLAP, so an event CloudTrail shows up to 15 minutes late is still listed, once (rows are
    de-duplicated by EventId). An event that shows up later than that, with an EventTime older
    than the newest seen minus OVERLAP, is missed until the next `load`. `on_progress` is called
    from worker threads, one call at a time, with an EventPage for every page read.
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
        scan_pages: int | None = SCAN_PAGES,  # None: read every query to the window's start
    ) -> None:
        self._client_for_region = client_for_region
        self._catalog = catalog or load_catalog()
        self._rules = tuple(r for r in rules if r.state != "DISABLED")
        self._bucket = bucket if bucket is not None else shared_bucket()
        self._clock = clock
        self._account = account
        self._scan_pages = scan_pages
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
        self._window_start: dict[str, datetime] = {}
        self._read_at: dict[str, datetime] = {}  # when the last read of the region began
        self._frontiers: dict[Query, _Frontier] = {}
        self._seen: dict[str, tuple[str, datetime]] = {}

    @property
    def queries(self) -> tuple[Query, ...]:
        """The queries the next load or poll will run."""
        with self._lock:
            return plan_queries(self._rules, self._per_name)

    def scanned_back_to(self) -> dict[str, datetime]:
        """Regions whose last load stopped before the window's start: the time back to which
        every query of the region was read (all events after it are listed)."""
        with self._lock:
            found: dict[str, datetime] = {}
            for query, frontier in self._frontiers.items():
                # The least far back of a region's queries is what is true for all of them.
                if query.region not in found or frontier.end > found[query.region]:
                    found[query.region] = frontier.end
            return found

    def load(
        self,
        window: timedelta,
        on_progress: Callable[[EventPage], None],
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[EventRow, ...]:
        """Read the last `window` afresh; returns the watched rows read, newest first."""
        now = self._clock()
        start = now - window
        queries = self.queries
        with self._lock:
            self._seen.clear()
            self._newest.clear()
            self._window_start = {region: start for region in self._by_region}
            self._read_at = {region: now for region in self._by_region}
            # A query stopped before its first page has read nothing newer than now.
            self._frontiers = {q: _Frontier(now) for q in queries}
        jobs = [_Job(q, start, None, self._scan_pages, True) for q in queries]
        return self._read(jobs, on_progress, cancelled, poll=False)

    def load_more(
        self,
        on_progress: Callable[[EventPage], None],
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[EventRow, ...]:
        """Continue every query of the last load where it stopped, as far as the budget goes."""
        with self._lock:
            frontiers = dict(self._frontiers)
            for frontier in frontiers.values():  # listed already: not again
                for event_id in frontier.ids:
                    self._seen[event_id] = ("", frontier.end)
        jobs = [_Job(q, self._window_start[q.region], f.end, self._scan_pages, True)
                for q, f in frontiers.items()]
        return self._read(jobs, on_progress, cancelled, poll=False)

    def poll(
        self,
        on_progress: Callable[[EventPage], None],
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[EventRow, ...]:
        """Read what is new since the last read; returns the rows not listed before."""
        now = self._clock()
        with self._lock:
            starts = {region: (self._newest[region] if region in self._newest
                               else self._read_at.get(region, now)) - OVERLAP
                      for region in self._by_region}
        jobs = [_Job(q, starts[q.region], None, None, False) for q in self.queries]
        return self._read(jobs, on_progress, cancelled, poll=True, now=now)

    def _read(
        self,
        jobs: list[_Job],
        on_progress: Callable[[EventPage], None],
        cancelled: Callable[[], bool] | None,
        *,
        poll: bool,
        now: datetime | None = None,
    ) -> tuple[EventRow, ...]:
        by_region: dict[str, list[_Job]] = defaultdict(list)
        for job in jobs:
            by_region[job.query.region].append(job)
        outcomes = per_region(
            by_region,
            lambda region: self._read_region(region, by_region[region], on_progress, cancelled,
                                             poll, now),
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
        jobs: list[_Job],
        on_progress: Callable[[EventPage], None],
        cancelled: Callable[[], bool] | None,
        poll: bool,
        now: datetime | None,
    ) -> list[EventRow]:
        client = self._client(region)
        rows: list[EventRow] = []
        newest: datetime | None = None
        with cancellable(cancelled):
            for job in jobs:
                token: str | None = None
                pages = 0
                reached: datetime | None = None
                while pages == 0 or token:
                    if job.pages is not None and pages >= job.pages:
                        break  # the budget: the frontier stays for "load more"
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    page = self._call(client, job, token)
                    pages += 1
                    events = page.get("Events", [])
                    times = [t for t in map(event_time, events) if t is not None]
                    new = self._rows(region, events)
                    rows.extend(new)
                    token = page.get("NextToken")
                    if times:
                        reached = min(times) if reached is None else min(reached, *times)
                        newest = max(times) if newest is None else max(newest, *times)
                    if not poll:
                        if newest is not None:
                            self._commit_newest(region, newest)
                        self._advance(job, events, reached, done=not token)
                    with self._emit_lock:
                        on_progress(EventPage(region, job.query, tuple(new), reached,
                                              job.start, done=not token))
                self._learn(job.query, pages)
        if poll:  # a stopped poll commits nothing, so the next one reads the same span again
            with self._lock:
                self._read_at[region] = now or self._clock()
            if newest is not None:
                self._commit_newest(region, newest)
        return rows

    def _commit_newest(self, region: str, newest: datetime) -> None:
        with self._lock:
            if region not in self._newest or newest > self._newest[region]:
                self._newest[region] = newest

    def _advance(self, job: _Job, events: list[dict], reached: datetime | None,
                 done: bool) -> None:
        with self._lock:
            if done:
                self._frontiers.pop(job.query, None)
            elif reached is not None:
                ids = frozenset(str(e.get("EventId")) for e in events
                                if event_time(e) == reached)
                self._frontiers[job.query] = _Frontier(reached, ids)

    def _call(self, client: Any, job: _Job, token: str | None) -> dict:
        query = job.query
        kwargs: dict[str, Any] = {"StartTime": job.start, "MaxResults": PAGE_SIZE}
        if job.end is not None:
            kwargs["EndTime"] = job.end
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
            row = self._row(region, event, event_time(event))
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
            pace_lookup_events(client, self._bucket, self._account)
            with self._lock:
                client = self._clients.setdefault(region, client)
        return client
