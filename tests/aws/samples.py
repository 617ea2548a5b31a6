"""The shipped sample CloudTrail events, as records and as EventBridge events."""

from __future__ import annotations

import json

from aws.catalog import RESOURCES, load_catalog
from aws.match import to_eventbridge


def records(group_id: str) -> list[dict]:
    return json.loads((RESOURCES / "samples" / f"{group_id}.json").read_text(encoding="utf-8"))


def all_samples() -> list[tuple[str, dict]]:
    """(group id, EventBridge event) for every sample of every group."""
    return [(g.id, to_eventbridge(r)) for g in load_catalog().groups for r in records(g.id)]


def negatives() -> list[dict]:
    return [to_eventbridge(r) for r in records("_negative")]
