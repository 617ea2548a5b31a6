"""Recent CloudTrail events for the watched rules: planned, rate-limited LookupEvents reads."""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from botocore.exceptions import BotoCoreError, ClientError

from aws.errors import AwsError, Cancelled, ChangeWatchError, translate
from aws.match import delivers, to_eventbridge
from aws.ratelimit import TokenBucket, shared_bucket

# LookupEvents: one lookup attribute per call, at most 50 events a page, the last 90 days,
# 2 requests per second per account per Region, events shown minutes after they happen:
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
OVERLAP = timedelta(minutes=15)
PAGE_SIZE = 50
_MAX_REGION_WORKERS = 17


@dataclass(frozen=True)
class WatchedRule:
    """One deployed EventBridge rule: where it is, which group it serves, what it matches."""

    region: str
    name: str
    group_id: str
    pattern: dict = field(hash=False)
    state: str = "ENABLED"


class Query(NamedTuple):
    """One LookupEvents query: a region and at most one lookup attribute."""

    region: str
    key: str | None
    value: str | None


@dataclass(frozen=True)
class EventRow:
    """One watched event as the recent-events table shows it."""

    event_id: str
    event_time: datetime
    region: str
    event_name: str
    event_source: str
    user: str
    source_ip: str
    user_agent: str
    resource: str
    error_code: str
    read_only: bool
    group_id: str
    record: dict = field(hash=False, compare=False, repr=False)


def plan_queries(
    rules: Iterable[WatchedRule], per_name: Collection[tuple[str, str]] = ()
) -> tuple[Query, ...]:
    """The fewest LookupEvents queries that return every event the enabled `rules` can match.

    Per region: a pattern with a plain list of detail.eventName strings under one
    detail.eventSource is served either by one EventName query per name or by one EventSource
    query for all names of that source. Pages are what cost calls; an EventSource query also
    returns the source's read-only noise (Describe*, Get*, List*), so it wins only when it
    replaces at least two EventName queries, and `per_name` names the (region, source) pairs
    where it was seen to need more pages than the names it replaces (the reader learns that).
    A pattern without a name list needs its single eventSource, else every event of the region;
    one such all-events query covers every other query of the region, so it is the only one.
    """
    by_region: dict[str, list[WatchedRule]] = defaultdict(list)
    for rule in rules:
        if rule.state != "DISABLED":
            by_region[rule.region].append(rule)
    queries: list[Query] = []
    for region in sorted(by_region):
        queries.extend(_region_queries(region, by_region[region], frozenset(per_name)))
    return tuple(queries)


def _region_queries(
    region: str, rules: Sequence[WatchedRule], per_name: frozenset[tuple[str, str]]
) -> list[Query]:
    forced: set[str] = set()
    names_by_source = _names_by_source(rules)
    loose: set[str] = set()
    for rule in rules:
        names, sources = _needs(rule.pattern)
        if names and sources and len(sources) == 1:
            continue  # in names_by_source
        if names and not (sources and len(sources) < len(names)):
            loose.update(names)
        elif sources:
            forced.update(sources)
        else:
            return [Query(region, None, None)]
    by_source: set[str] = set(forced)
    for source, names in names_by_source.items():
        if source in forced:
            continue
        if len(names) >= 2 and (region, source) not in per_name:
            by_source.add(source)
        else:
            loose.update(names)
    return [Query(region, "EventSource", s) for s in sorted(by_source)] + [
        Query(region, "EventName", n) for n in sorted(loose)
    ]


def _names_by_source(rules: Iterable[WatchedRule]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for rule in rules:
        names, sources = _needs(rule.pattern)
        if names and sources and len(sources) == 1:
            found[sources[0]].update(names)
    return found


def _needs(pattern: dict) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    detail = pattern.get("detail")
    if not isinstance(detail, dict) or "$or" in pattern or "$or" in detail:
        return None, None
    return _plain(detail.get("eventName")), _plain(detail.get("eventSource"))


def _plain(values: Any) -> tuple[str, ...] | None:
    if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
        return tuple(sorted(set(values)))
    return None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class EventReader:
    """Reads the watched rules' recent events, regions in parallel, pages through one bucket.

    `load` reads a window; `poll` reads from the newest event seen in each region minus
    OVERLAP, so an event CloudTrail shows up to 15 minutes late is still listed, once (rows are
    de-duplicated by EventId). An event that shows up later than that, with an EventTime older
    than the newest seen minus OVERLAP, is missed until the next `load`. `on_rows` is called
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
    ) -> None:
        self._client_for_region = client_for_region
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
                       for s, n in _names_by_source(rules).items()}
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
        on_rows: Callable[[list[EventRow]], None],
        cancelled: Callable[[], bool] | None = None,
    ) -> tuple[EventRow, ...]:
        """Read the last `window` afresh; returns every watched row, newest first."""
        start = self._clock() - window
        with self._lock:
            self._seen.clear()
            self._newest.clear()
            self._starts = {region: start for region in self._by_region}
        return self._read(on_rows, cancelled)

    def poll(
        self,
        on_rows: Callable[[list[EventRow]], None],
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
        return self._read(on_rows, cancelled)

    def _read(
        self, on_rows: Callable[[list[EventRow]], None], cancelled: Callable[[], bool] | None
    ) -> tuple[EventRow, ...]:
        by_region: dict[str, list[Query]] = defaultdict(list)
        for query in self.queries:
            by_region[query.region].append(query)
        rows: list[EventRow] = []
        errors: list[ChangeWatchError] = []
        if by_region:
            workers = min(len(by_region), _MAX_REGION_WORKERS)
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="events") as pool:
                futures = {
                    pool.submit(self._read_region, region, queries, on_rows, cancelled): region
                    for region, queries in by_region.items()
                }
                for future in as_completed(futures):
                    try:
                        rows.extend(future.result())
                    except ChangeWatchError as exc:
                        errors.append(exc)
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
        on_rows: Callable[[list[EventRow]], None],
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
                        on_rows(new)
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
            when = _event_time(event)
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
        return _event_row(region, event, record, rule.group_id, when)

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


def _event_time(event: dict) -> datetime | None:
    value = event.get("EventTime")
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return None


_NOTABLE_IDS = (
    "networkAclId", "routeTableId", "vpcId", "internetGatewayId", "natGatewayId",
    "customerGatewayId", "vpnGatewayId", "transitGatewayId", "bucketName", "keyId",
    "policyArn", "roleName", "userName", "groupName", "policyName",
    "configurationRecorderName", "deliveryChannelName", "trailName", "name", "accountId",
)


def _event_row(region: str, event: dict, record: dict, group_id: str,
               when: datetime | None) -> EventRow:
    if when is None:
        when = datetime.fromisoformat(record["eventTime"]).astimezone(UTC)
    return EventRow(
        event_id=str(event.get("EventId") or record.get("eventID", "")),
        event_time=when,
        region=region,
        event_name=str(record.get("eventName", "")),
        event_source=str(record.get("eventSource", "")),
        user=_user(record.get("userIdentity") or {}),
        source_ip=str(record.get("sourceIPAddress") or ""),
        user_agent=str(record.get("userAgent") or ""),
        resource=_resource(record, event),
        error_code=str(record.get("errorCode") or ""),
        read_only=record.get("readOnly") is True,
        group_id=group_id,
        record=record,
    )


def _user(identity: dict) -> str:
    # userName is empty for roles and SSO users; the ARN says who it really was.
    for key in ("arn", "userName", "principalId", "type"):
        if identity.get(key):
            return str(identity[key])
    return ""


def _resource(record: dict, event: dict) -> str:
    request = record.get("requestParameters") or {}
    response = record.get("responseElements") or {}
    modify = request.get("ModifySecurityGroupRulesRequest") or {}
    for value in (request.get("groupId"), modify.get("GroupId"), response.get("groupId")):
        if value:
            return str(value)
    for item in list(event.get("Resources") or []) + list(record.get("resources") or []):
        name = item.get("ResourceName") or item.get("ARN")
        if name:
            return str(name)
    for key in _NOTABLE_IDS:
        if isinstance(request.get(key), str) and request[key]:
            return request[key]
    return ""
