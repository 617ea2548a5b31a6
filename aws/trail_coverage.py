"""Whether a logging CloudTrail trail records a region's management events, and which ones.

Events of "AWS API Call via CloudTrail" reach EventBridge only where a trail is logging:
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html
A trail's selectors narrow what it records: classic ReadWriteType (ReadOnly trails miss every
change), ExcludeManagementEventSources, and advanced selectors on readOnly and eventSource:
https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aws.errors import Cancelled, ChangeWatchError, is_cancelled
from aws.fanout import per_region
from aws.session import AwsAccess, call


@dataclass(frozen=True)
class Scope:
    """Which management events are recorded: writes, reads, and the sources left out."""

    writes: bool = False
    reads: bool = False
    excluded: frozenset[str] = frozenset()  # event sources not recorded

    @property
    def empty(self) -> bool:
        return not self.writes and not self.reads

    def __or__(self, other: Scope) -> Scope:
        """What two trails (or two selectors) record together: a source is left out only
        where every one that records something leaves it out."""
        if self.empty or other.empty:
            return other if self.empty else self
        return Scope(self.writes or other.writes, self.reads or other.reads,
                     self.excluded & other.excluded)


ALL = Scope(True, True)


@dataclass(frozen=True)
class TrailCoverage:
    """Whether a logging trail records this region's management changes (needed by the rules);
    `reads` for the groups that watch read-only calls; `excluded` sources are not recorded."""

    covered: bool
    trail: str = ""  # the covering trail; if none logs, the first trail that applies
    multi_region: bool = False
    error: ChangeWatchError | None = None  # coverage could not be checked
    reads: bool = True
    excluded: tuple[str, ...] = ()


def _classic(selector: dict) -> Scope:
    if not selector.get("IncludeManagementEvents", True):
        return Scope()
    kind = selector.get("ReadWriteType", "All")
    return Scope(kind in ("All", "WriteOnly"), kind in ("All", "ReadOnly"),
                 frozenset(selector.get("ExcludeManagementEventSources", [])))


def _advanced(selector: dict) -> Scope:
    fields = {f.get("Field"): f for f in selector.get("FieldSelectors", [])}
    category = fields.get("eventCategory", {})
    if "Management" not in category.get("Equals", []):
        return Scope()
    read_only = fields.get("readOnly", {}).get("Equals", ["true", "false"])
    excluded = frozenset(fields.get("eventSource", {}).get("NotEquals", []))
    return Scope("false" in read_only, "true" in read_only, excluded)


def scope_of(reply: dict) -> Scope:
    """What GetEventSelectors says a trail records (no selectors: every management event)."""
    basic, advanced = reply.get("EventSelectors"), reply.get("AdvancedEventSelectors")
    scopes = [_classic(s) for s in basic or ()] + [_advanced(s) for s in advanced or ()]
    if not basic and not advanced:
        return ALL
    found = Scope()
    for scope in scopes:
        found = found | scope
    return found


def _trail_scope(client, region: str, trail: dict,
                 cancelled: Callable[[], bool] | None) -> Scope:
    try:
        reply = call(client, "get_event_selectors", region, cancelled,
                     TrailName=trail["TrailARN"])
    except ChangeWatchError as exc:
        if is_cancelled(exc):
            raise
        return ALL  # cannot tell (e.g. an organization trail): do not cry wolf
    return scope_of(reply)


def region_coverage(access: AwsAccess, region: str,
                    cancelled: Callable[[], bool] | None) -> TrailCoverage:
    client = access.client("cloudtrail", region)
    # Shadow trails are multi-region (or organization) trails replicated from elsewhere; their
    # status must be asked with the trail ARN.
    # https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
    trails = call(client, "describe_trails", region, cancelled,
                  includeShadowTrails=True).get("trailList", [])
    first_error: ChangeWatchError | None = None
    applicable = [t for t in trails
                  if t.get("HomeRegion") == region or t.get("IsMultiRegionTrail")]
    found, covering = Scope(), None
    for trail in applicable:
        try:
            status = call(client, "get_trail_status", region, cancelled, Name=trail["TrailARN"])
        except ChangeWatchError as exc:
            if is_cancelled(exc):
                raise
            first_error = first_error or exc  # e.g. an organization trail we may not read
            continue
        if status.get("IsLogging"):
            scope = _trail_scope(client, region, trail, cancelled)
            if scope.writes and covering is None:
                covering = trail
            found = found | scope
    if covering is not None:
        return TrailCoverage(True, covering.get("Name", ""),
                             bool(covering.get("IsMultiRegionTrail")), reads=found.reads,
                             excluded=tuple(sorted(found.excluded)))
    first = applicable[0].get("Name", "") if applicable else ""
    return TrailCoverage(False, first, error=first_error, reads=found.reads)


def coverage(access: AwsAccess, regions: Iterable[str],
             cancelled: Callable[[], bool] | None = None) -> dict[str, TrailCoverage]:
    """Region → whether a logging CloudTrail trail covers it. Regions are asked in parallel."""
    outcomes = per_region(regions, lambda r: region_coverage(access, r, cancelled),
                          max_workers=8, name="trails")
    if any(is_cancelled(o.error) for o in outcomes.values()):
        raise Cancelled()
    return {r: o.value if o.value is not None else TrailCoverage(False, error=o.error)
            for r, o in outcomes.items()}


@dataclass(frozen=True)
class Gap:
    """What the rules watch that the region's trails leave out."""

    reads: bool = False  # read-only calls, which some groups watch, are not recorded
    sources: tuple[str, ...] = ()  # watched event sources left out

    def __bool__(self) -> bool:
        return self.reads or bool(self.sources)


def gap(found: TrailCoverage | None, needs_reads: bool, sources: Iterable[str]) -> Gap:
    """The part of what is watched that a covering trail does not record."""
    if found is None or not found.covered:
        return Gap()
    return Gap(needs_reads and not found.reads,
               tuple(sorted(set(sources) & set(found.excluded))))
