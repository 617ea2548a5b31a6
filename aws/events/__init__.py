"""Recent CloudTrail events for the watched rules: query planning, the reader, the rows."""

from __future__ import annotations

from aws.catalog import Catalog
from aws.desired import PLACEHOLDER_IDENTITY, desired_state
from aws.events.queries import Query, WatchedRule, plan_queries
from aws.events.reader import OVERLAP, PAGE_SIZE, SCAN_PAGES, EventPage, EventReader
from aws.events.rows import EventRow
from aws.settings import Delivery, Notifications, Settings

__all__ = ["OVERLAP", "PAGE_SIZE", "SCAN_PAGES", "EventPage", "EventReader", "EventRow",
           "Query", "WatchedRule", "plan_queries", "watched_rules"]


def watched_rules(settings: Settings, catalog: Catalog) -> list[WatchedRule]:
    """Each watched group's rules where its events happen (no AWS call). In one-inbox
    delivery the home region also matches what other regions forward; CloudTrail records
    each event where it happened, so the reader asks there, as with per-region delivery.
    Without the exceptions: the log shows excepted events too (marked), and the plain
    patterns keep the LookupEvents queries narrow."""
    where = settings.with_(delivery=Delivery.PER_REGION, notifications=Notifications.SIMPLE,
                           exceptions=(), compliance=())  # Config's events are not in CloudTrail
    want = desired_state(where, catalog, PLACEHOLDER_IDENTITY)
    return [WatchedRule(region, r.name, r.group_id, r.pattern_dict, r.state)
            for region, d in want.regions.items() for r in d.rules]
