"""How ChangeWatch names and tags what it makes, so it finds its own resources and only them."""

from __future__ import annotations

TAG_KEY = "changewatch:deployment"
NAME_PREFIX = "changewatch-"
TOPIC_NAME = "changewatch-alerts"
TARGET_ID = "changewatch-sns"
DISPLAY_NAME = "ChangeWatch"


def tags(deployment: str) -> list[dict[str, str]]:
    return [{"Key": TAG_KEY, "Value": deployment}]


def rule_name(group_id: str, index: int) -> str:
    """`changewatch-<group>`; a split group's further rules get `-2`, `-3`…"""
    base = f"{NAME_PREFIX}{group_id}"
    return (base if index == 0 else f"{base}-{index + 1}")[:64]
