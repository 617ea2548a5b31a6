"""Refusals of exceptions EventBridge cannot express, or that would defeat their purpose:
each a sentence (aws/messages.py), never a silent drop."""

from __future__ import annotations

import ipaddress

from aws.catalog import PATTERN_LIMIT, Catalog, compact, resolve_watch, rule_patterns
from aws.errors import ErrorKind, SettingsError
from aws.exceptions import WatchException, caller_pattern, with_exceptions
from aws.match import PatternError, matches

# Callers nobody would name: an exception matching one of them matches any user or any role
# (people included), not one automation's identity, and is refused as too broad.
_ANYONE = ("arn:aws:iam::123456789012:user/changewatch-probe-7f3a",
           "arn:aws:sts::123456789012:assumed-role/changewatch-probe-7f3a/probe")


def check(exceptions: tuple[WatchException, ...], watch: tuple[str, ...],
          catalog: Catalog) -> None:
    """Refuse, with one sentence, an exception EventBridge cannot express or that defeats its
    group's purpose; never drop one silently."""
    for exception in exceptions:
        check_one(exception, catalog)
    _check_size(exceptions, watch, catalog)


def check_one(exception: WatchException, catalog: Catalog) -> None:
    """The checks one exception passes on its own (the wizard's box asks as it is added)."""
    _check_shape(exception)
    for group_id in exception.groups:
        group = catalog.find(group_id)
        if group is None:
            raise SettingsError(f"exceptions name an unknown group “{group_id}”")
        if not group.exceptable:
            raise SettingsError(group_id, ErrorKind.EXCEPTION_NOT_ALLOWED)
    for caller in exception.callers:
        _check_caller(caller)
    for ip in exception.source_ips:
        _check_ip(ip)


def _check_shape(exception: WatchException) -> None:
    # NOT (caller AND ip) for several tables cannot be one EventBridge pattern.
    if bool(exception.callers) == bool(exception.source_ips):
        raise SettingsError("callers or source_ips", ErrorKind.EXCEPTION_SHAPE)


def _check_caller(caller: str) -> None:
    if not caller.startswith("arn:"):
        raise SettingsError(caller, ErrorKind.EXCEPTION_BAD_CALLER)
    try:
        anyone = any(matches({"arn": [{"wildcard": caller_pattern(caller)}]}, {"arn": a})
                     for a in _ANYONE)
    except PatternError as exc:
        raise SettingsError(caller, ErrorKind.EXCEPTION_BAD_CALLER) from exc
    if anyone:
        raise SettingsError(caller, ErrorKind.EXCEPTION_TOO_BROAD)


def _check_ip(ip: str) -> None:
    try:
        network = ipaddress.ip_network(ip.strip(), strict=False)
    except ValueError:
        raise SettingsError(ip, ErrorKind.EXCEPTION_BAD_IP) from None
    if network.num_addresses > 1:
        # anything-but takes no cidr: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
        raise SettingsError(ip, ErrorKind.EXCEPTION_CIDR)


def _check_size(exceptions: tuple[WatchException, ...], watch: tuple[str, ...],
                catalog: Catalog) -> None:
    """A rule split to one API must still fit: the exceptions themselves cannot be split (two
    rules each leaving out half of the callers would both mail)."""
    for group_id, names in resolve_watch(catalog, watch).items():
        group = with_exceptions(catalog.group(group_id), exceptions)
        longest = max(len(compact(p)) for p in rule_patterns(group, names))
        if longest > PATTERN_LIMIT:
            raise SettingsError(group_id, ErrorKind.EXCEPTION_TOO_LONG)
