"""How ChangeWatch names and tags what it makes: every name carries the deployment id, so two
deployments never collide, and remove finds its own resources by tag, never by name alone."""

from __future__ import annotations

import hashlib

TAG_KEY = "changewatch:deployment"
NAME_PREFIX = "changewatch-"
ROLE_PATH = "/changewatch/"
DISPLAY_NAME = "ChangeWatch"
# Target ids on a rule: one per way of delivering, so a switch replaces the old one.
TOPIC_TARGET = "changewatch-sns"
FORMATTER_TARGET = "changewatch-format"
FORWARD_TARGET = "changewatch-forward"
_MAX_RULE = 64  # EventBridge rule names
_MAX_ROLE = 64  # IAM role names


def tags(deployment: str) -> list[dict[str, str]]:
    return [{"Key": TAG_KEY, "Value": deployment}]


def _bounded(name: str, limit: int) -> str:
    """`name`, or a shortened one that stays unique (a hash of the whole) when too long."""
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[:limit - 9]}-{digest}"


def topic_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}"


def rule_name(deployment: str, group_id: str, index: int = 0) -> str:
    """`changewatch-<deployment>-<group>`; a split group's further rules get `-2`, `-3`…"""
    base = f"{NAME_PREFIX}{deployment}-{group_id}"
    return _bounded(base if index == 0 else f"{base}-{index + 1}", _MAX_RULE)


def state_machine_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}-notify"


def events_role_name(deployment: str) -> str:
    """The role EventBridge assumes to forward events and start the formatter."""
    return _bounded(f"{NAME_PREFIX}{deployment}-events", _MAX_ROLE)


def notify_role_name(deployment: str) -> str:
    """The role the formatter (Step Functions) assumes to publish to the topic."""
    return _bounded(f"{NAME_PREFIX}{deployment}-notify", _MAX_ROLE)
