"""The shipped sample CloudTrail events, as records and as EventBridge events."""

from __future__ import annotations

from aws import resources
from aws.catalog import load_catalog
from aws.match import to_eventbridge


def records(group_id: str) -> list[dict]:
    return resources.read_json("samples", f"{group_id}.json")


def all_samples() -> list[tuple[str, dict]]:
    """(group id, EventBridge event) for every sample of every group."""
    return [(g.id, to_eventbridge(r)) for g in load_catalog().groups for r in records(g.id)]


def negatives() -> list[dict]:
    return [to_eventbridge(r) for r in records("_negative")]
