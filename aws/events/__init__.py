"""Recent CloudTrail events for the watched rules: query planning, the reader, the rows."""

from __future__ import annotations

from aws.catalog import Catalog
from aws.desired import PLACEHOLDER_IDENTITY, desired_state
from aws.events.queries import Query, WatchedRule, plan_queries
from aws.events.reader import OVERLAP, PAGE_SIZE, EventReader
from aws.events.rows import EventRow
from aws.settings import Settings

__all__ = ["OVERLAP", "PAGE_SIZE", "EventReader", "EventRow", "Query", "WatchedRule",
           "plan_queries", "watched_rules"]


def watched_rules(settings: Settings, catalog: Catalog) -> list[WatchedRule]:
    """The rules the settings deploy, for the recent-events reader (no AWS call)."""
    want = desired_state(settings, catalog, PLACEHOLDER_IDENTITY)
    return [WatchedRule(region, r.name, r.group_id, r.pattern_dict, r.state)
            for region, d in want.items() for r in d.rules]
