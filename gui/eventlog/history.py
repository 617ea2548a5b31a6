"""A security group rule's state before a ModifySecurityGroupRules, from the loaded history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aws.events import EventRow

MODIFY = "ModifySecurityGroupRules"
_AUTHORIZE = ("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress")


@dataclass(frozen=True)
class PreviousState:
    rule_id: str
    state: dict | None         # the rule as the earlier event left it; None: not in history
    source: EventRow | None    # the earlier event it comes from
    new_state: dict | None = None  # what the ModifySecurityGroupRules set


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []


def _modified_rules(record: dict) -> list[tuple[str, dict]]:
    """(rule id, new rule) pairs of a ModifySecurityGroupRules record."""
    request = (record.get("requestParameters") or {}).get("ModifySecurityGroupRulesRequest") or {}
    found = []
    for item in _as_list(request.get("SecurityGroupRule")):
        rule_id = item.get("SecurityGroupRuleId")
        if rule_id:
            found.append((rule_id, item.get("SecurityGroupRule") or {}))
    return found


def rule_ids(row: EventRow) -> list[str]:
    """The sgr-… ids a ModifySecurityGroupRules row changed (empty for other events)."""
    if row.event_name != MODIFY:
        return []
    return [rule_id for rule_id, _ in _modified_rules(row.record)]


def _state_in(row: EventRow, rule_id: str) -> dict | None:
    if row.event_name in _AUTHORIZE and not row.error_code:
        items = ((row.record.get("responseElements") or {})
                 .get("securityGroupRuleSet") or {}).get("items") or []
        for item in _as_list(items):
            if item.get("securityGroupRuleId") == rule_id:
                return item
    elif row.event_name == MODIFY and not row.error_code:
        for found_id, rule in _modified_rules(row.record):
            if found_id == rule_id:
                return rule
    return None


def previous_states(history: Iterable[EventRow], row: EventRow) -> Sequence[PreviousState]:
    """For each rule `row` modified: the latest earlier Authorize/Modify of that rule id."""
    ids = rule_ids(row)
    if not ids:  # only rule changes have a previous state; skip the scan
        return []
    new = dict(_modified_rules(row.record))
    best: dict[str, tuple[EventRow, dict]] = {}
    for other in history:
        if other.event_id == row.event_id or other.event_time > row.event_time:
            continue
        if other.event_name not in (*_AUTHORIZE, MODIFY):
            continue
        for rule_id in ids:
            state = _state_in(other, rule_id)
            if state is not None and (rule_id not in best
                                      or other.event_time > best[rule_id][0].event_time):
                best[rule_id] = (other, state)
    return [PreviousState(i, best[i][1] if i in best else None,
                          best[i][0] if i in best else None, new.get(i)) for i in ids]
