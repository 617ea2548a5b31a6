"""Exceptions for known automation, as EventBridge pattern content: the noise never leaves AWS.

An exception names callers (`detail.userIdentity.arn`, `*` wildcards allowed) or exact source
IPs (`detail.sourceIPAddress`). In a rule's pattern it becomes an `anything-but`, and because
`anything-but` never matches an absent field, each one sits in an `$or` with an
`{"exists": false}` branch, so events without the field (some service events) still alert.
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
"""

from __future__ import annotations

import copy
import ipaddress
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from aws.catalog import Catalog, Group, load_catalog
from aws.match import matches

if TYPE_CHECKING:
    from aws.events.rows import EventRow

# A role's sessions show as sts assumed-role ARNs (without the role's path), never as the role.
# https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
_ROLE_ARN = re.compile(
    r"arn:(?P<partition>[^:]+):iam::(?P<account>[^:]*):role/(?:.*/)?(?P<name>[^/]+)")


@dataclass(frozen=True)
class WatchException:
    """Known automation whose changes send no email: by caller ARN (wildcards) or source IP."""

    groups: tuple[str, ...] = ()  # empty: every group that allows exceptions
    callers: tuple[str, ...] = ()
    source_ips: tuple[str, ...] = ()


@dataclass(frozen=True)
class Excepted:
    """Why an event sends no email: the exception, and which of its callers or IPs matched."""

    exception: WatchException
    by: str  # the caller or source IP as the settings write it


def caller_pattern(caller: str) -> str:
    """The wildcard that matches `caller`'s events: a role ARN matches its sessions."""
    role = _ROLE_ARN.fullmatch(caller)
    if role:
        return (f"arn:{role['partition']}:sts::{role['account']}:assumed-role/"
                f"{role['name']}/*")
    return caller


def applies_to(exception: WatchException, group: Group) -> bool:
    """An exception without groups covers every group that allows exceptions."""
    return group.exceptable and (not exception.groups or group.id in exception.groups)


def for_group(exceptions: tuple[WatchException, ...], group: Group) -> tuple[WatchException, ...]:
    return tuple(e for e in exceptions if applies_to(e, group))


def _callers_filter(exceptions: tuple[WatchException, ...]) -> list[str]:
    callers = (caller_pattern(c) for e in exceptions for c in e.callers)
    return sorted(dict.fromkeys(callers))


def _ips_filter(exceptions: tuple[WatchException, ...]) -> list[str]:
    return sorted(dict.fromkeys(ip_text(ip) for e in exceptions for ip in e.source_ips))


def except_in(pattern: dict, exceptions: tuple[WatchException, ...]) -> dict:
    """`pattern` that no longer matches the excepted callers or source IPs."""
    callers, ips = _callers_filter(exceptions), _ips_filter(exceptions)
    if not callers and not ips:
        return pattern
    pattern = copy.deepcopy(pattern)
    detail = pattern.setdefault("detail", {})
    if callers:
        # In userIdentity, so the IP's $or below can sit in detail: one $or per object.
        identity = detail.setdefault("userIdentity", {})
        # Exact ARNs alone take the plainest form; wildcards add matching complexity, which
        # EventBridge bounds (Event Ruler README, "Matching with a Machine").
        wild = any("*" in c for c in callers)
        identity["$or"] = [{"arn": [{"anything-but": {"wildcard": callers} if wild else callers}]},
                           {"arn": [{"exists": False}]}]
    if ips:
        detail["$or"] = [{"sourceIPAddress": [{"anything-but": ips}]},
                         {"sourceIPAddress": [{"exists": False}]}]
    return pattern


def with_exceptions(group: Group, exceptions: tuple[WatchException, ...]) -> Group:
    """The group whose pattern carries its exceptions, so the split by size counts them."""
    mine = for_group(exceptions, group)
    return replace(group, pattern=except_in(group.pattern, mine)) if mine else group


def excepted_by(exceptions: tuple[WatchException, ...], group: Group,
                event: dict) -> Excepted | None:
    """The exception that keeps an EventBridge `event` of `group` from sending an email."""
    detail = event.get("detail")
    if not isinstance(detail, dict):
        return None
    for exception in for_group(exceptions, group):
        for caller in exception.callers:
            wanted = {"detail": {"userIdentity": {"arn": [{"wildcard": caller_pattern(caller)}]}}}
            if matches(wanted, event):
                return Excepted(exception, caller)
        for ip in exception.source_ips:
            if matches({"detail": {"sourceIPAddress": [ip_text(ip)]}}, event):
                return Excepted(exception, ip)
    return None


def excepted_record(exceptions: tuple[WatchException, ...], group: Group | None,
                    record: dict) -> Excepted | None:
    """The same for a CloudTrail record (an event log row's), which is an event's detail."""
    return excepted_by(exceptions, group, {"detail": record}) if group else None


def label(exception: WatchException) -> str:
    """One line naming what an exception lets through: its callers and IPs."""
    return ", ".join((*exception.callers, *exception.source_ips))


def ip_text(text: str) -> str:
    """An exact address as CloudTrail writes it; a one-address CIDR counts as the address."""
    network = ipaddress.ip_network(text.strip(), strict=False)
    return str(network.network_address)


def without_exceptions(pattern: dict) -> dict:
    """`pattern` without what except_in added: what the rule would match with no exception."""
    pattern = copy.deepcopy(pattern)
    detail = pattern.get("detail")
    if not isinstance(detail, dict):
        return pattern
    if _is_ours(detail.get("$or"), "sourceIPAddress"):
        del detail["$or"]
    identity = detail.get("userIdentity")
    if isinstance(identity, dict) and _is_ours(identity.get("$or"), "arn"):
        del identity["$or"]
        if not identity:
            del detail["userIdentity"]
    return pattern


def _is_ours(alternatives: object, key: str) -> bool:
    return (isinstance(alternatives, list) and len(alternatives) == 2
            and alternatives[1] == {key: [{"exists": False}]})


def excepted_row(exceptions: tuple[WatchException, ...], row: EventRow,
                 catalog: Catalog | None = None) -> Excepted | None:
    """Why an event log row sent no email, if an exception left it out (LookupEvents sees
    every event, excepted or not)."""
    group = (catalog or load_catalog()).find(row.group_id)
    return excepted_record(exceptions, group, row.record)
