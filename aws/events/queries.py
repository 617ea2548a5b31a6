"""Which LookupEvents queries return every event the watched rules can match, fewest first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple


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
    by_source_names = names_by_source(rules)
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
    for source, names in by_source_names.items():
        if source in forced:
            continue
        if len(names) >= 2 and (region, source) not in per_name:
            by_source.add(source)
        else:
            loose.update(names)
    return [Query(region, "EventSource", s) for s in sorted(by_source)] + [
        Query(region, "EventName", n) for n in sorted(loose)
    ]


def names_by_source(rules: Iterable[WatchedRule]) -> dict[str, set[str]]:
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
