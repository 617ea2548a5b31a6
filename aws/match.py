"""EventBridge event-pattern matching, rule-state delivery and the CloudTrail envelope."""

from __future__ import annotations

import ipaddress
import re
import uuid
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# Semantics follow the EventBridge user guide and the Event Ruler README it is built on:
# https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
# https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
# https://github.com/aws/event-ruler/blob/main/README.md
# - a pattern leaf is a list of alternatives; a field matches if any alternative matches any of
#   the event's leaf values at that path (arrays in the event are "crushed": each element counts);
# - an object in the pattern under which the event has an array of objects must be matched by
#   one element as a whole ("array consistency", Ruler's rulesForJSONEvent);
# - objects and empty arrays are not leaf values, so `exists` only sees scalars and null;
# - null and "" are different values; strings never equal numbers; booleans are not numbers.

READ_ONLY_STATE = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
_ID_NAMESPACE = uuid.UUID("5b8a0f1e-3c0e-4f6c-9a55-6a2f1c7e0b11")
_MISSING = object()
_NUMERIC_OPS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "=": lambda a, b: a == b,
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
}


class PatternError(ValueError):
    """The event pattern is not valid EventBridge syntax."""


def matches(pattern: dict, event: dict) -> bool:
    """Whether `event` matches the EventBridge `pattern`."""
    if not isinstance(pattern, dict) or not pattern:
        raise PatternError("an event pattern is a non-empty JSON object")
    return _match_object(pattern, event, event, ())


def delivers(pattern: dict, state: str, event: dict) -> bool:
    """Whether a rule in `state` with `pattern` on the default bus receives `event`."""
    # Read-only management events reach only rules in ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS:
    # https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html
    if state == "DISABLED":
        return False
    detail = event.get("detail")
    read_only = isinstance(detail, dict) and detail.get("readOnly") is True
    if read_only and state != READ_ONLY_STATE:
        return False
    return matches(pattern, event)


def to_eventbridge(record: dict) -> dict:
    """The event EventBridge builds from a CloudTrail record (its `detail` is the record)."""
    console = record.get("eventType") == "AwsConsoleSignIn"
    return {
        "version": "0",
        "id": str(uuid.uuid5(_ID_NAMESPACE, str(record["eventID"]))),
        "detail-type": (
            "AWS Console Sign In via CloudTrail" if console else "AWS API Call via CloudTrail"
        ),
        "source": "aws." + record["eventSource"].split(".")[0],
        "account": record["recipientAccountId"],
        "time": record["eventTime"],
        "region": record["awsRegion"],
        "resources": [],
        "detail": record,
    }


def _match_object(pattern: dict, node: Any, root: Any, path: tuple[str, ...]) -> bool:
    for key, sub in pattern.items():
        if key == "$or" and _is_or(sub):
            ok = any(_match_object(alt, node, root, path) for alt in sub)
        else:
            child = node.get(key, _MISSING) if isinstance(node, dict) else _MISSING
            ok = _match_field(sub, child, root, (*path, key))
        if not ok:
            return False
    return True


def _is_or(sub: Any) -> bool:
    return isinstance(sub, list) and len(sub) >= 2 and all(isinstance(p, dict) for p in sub)


def _match_field(sub: Any, child: Any, root: Any, path: tuple[str, ...]) -> bool:
    if isinstance(sub, dict):
        objects = list(_objects(child))
        if not objects:
            return _match_object(sub, _MISSING, root, path)
        return any(_match_object(sub, obj, root, path) for obj in objects)
    if isinstance(sub, list):
        if not sub:
            raise PatternError(f"empty array at {'.'.join(path)}")
        values = list(_leaves(child))
        return any(_match_filter(f, values, root, path) for f in sub)
    raise PatternError(f"'{'.'.join(path)}' must be an object or an array")


def _objects(value: Any) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif value is not _MISSING and not isinstance(value, dict):
        yield value


def _leaves_at(node: Any, path: tuple[str, ...]) -> Iterator[Any]:
    if not path:
        yield from _leaves(node)
        return
    for obj in _objects(node):
        if path[0] in obj:
            yield from _leaves_at(obj[path[0]], path[1:])


def _match_filter(f: Any, values: list, root: Any, path: tuple[str, ...]) -> bool:
    if isinstance(f, dict):
        if len(f) != 1:
            raise PatternError(f"a filter has exactly one operator: {f}")
        (op, arg), = f.items()
        if op == "exists":
            if not isinstance(arg, bool):
                raise PatternError("exists takes true or false")
            # Absence is a property of the whole event, not of one array element.
            return bool(values) if arg else next(_leaves_at(root, path), _MISSING) is _MISSING
        return any(_operator(op, arg, v) for v in values)
    if isinstance(f, list):
        raise PatternError("nested arrays are not allowed in a pattern")
    return any(_same(f, v) for v in values)


def _same(expected: Any, value: Any) -> bool:
    if _is_number(expected) or _is_number(value):
        return _is_number(expected) and _is_number(value) and expected == value
    return type(expected) is type(value) and expected == value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _operator(op: str, arg: Any, value: Any) -> bool:
    if op == "numeric":
        return _numeric(arg, value)
    if op == "cidr":
        return _cidr(arg, value)
    if op == "anything-but":
        return not _excluded(arg, value)
    return _string_op(op, arg, value)


def _string_op(op: str, arg: Any, value: Any) -> bool:
    if op not in ("prefix", "suffix", "equals-ignore-case", "wildcard"):
        raise PatternError(f"unknown operator: {op}")
    fold = False
    if op in ("prefix", "suffix") and isinstance(arg, dict):
        if set(arg) != {"equals-ignore-case"}:
            raise PatternError(f"{op} takes a string or {{equals-ignore-case: string}}")
        arg, fold = arg["equals-ignore-case"], True
    if not isinstance(arg, str):
        raise PatternError(f"{op} takes a string")
    if not isinstance(value, str):
        return False
    if op == "wildcard":
        return _wildcard(arg).fullmatch(value) is not None
    if fold or op == "equals-ignore-case":
        arg, value = arg.lower(), value.lower()
    if op == "prefix":
        return value.startswith(arg)
    if op == "suffix":
        return value.endswith(arg)
    return value == arg


def _excluded(arg: Any, value: Any) -> bool:
    """Whether `value` is what an anything-but `arg` excludes."""
    if isinstance(arg, dict):
        if len(arg) != 1:
            raise PatternError("anything-but takes one operator")
        (op, inner), = arg.items()
        if op not in ("prefix", "suffix", "equals-ignore-case", "wildcard"):
            raise PatternError(f"anything-but does not support {op}")
        inner_list = inner if isinstance(inner, list) else [inner]
        return any(_string_op(op, item, value) for item in inner_list)
    excluded = arg if isinstance(arg, list) else [arg]
    if any(isinstance(x, dict | list | bool) or x is None for x in excluded):
        raise PatternError("anything-but takes strings or numbers")
    return any(_same(x, value) for x in excluded)


def _numeric(arg: Any, value: Any) -> bool:
    if not isinstance(arg, list) or not arg or len(arg) % 2 or len(arg) > 4:
        raise PatternError("numeric takes one or two (operator, number) pairs")
    pairs = list(zip(arg[::2], arg[1::2], strict=True))
    for op, bound in pairs:
        if op not in _NUMERIC_OPS or not _is_number(bound):
            raise PatternError(f"bad numeric condition: {op} {bound}")
    if not _is_number(value):
        return False
    return all(_NUMERIC_OPS[op](value, bound) for op, bound in pairs)


def _cidr(arg: Any, value: Any) -> bool:
    try:
        network = ipaddress.ip_network(arg, strict=False)
    except (TypeError, ValueError) as exc:
        raise PatternError(f"bad cidr: {arg}") from exc
    if not isinstance(value, str):
        return False
    try:
        return ipaddress.ip_address(value) in network
    except ValueError:
        return False


@lru_cache(maxsize=256)
def _wildcard(pattern: str) -> re.Pattern[str]:
    # `*` is any run of characters; `\*` a literal star; `\\` a literal backslash; nothing else
    # may be escaped and two stars may not touch (Ruler rejects both).
    parts: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt not in ("*", "\\"):
                raise PatternError(f"bad escape in wildcard: {pattern}")
            parts.append(re.escape(nxt))
            i += 2
            continue
        if c == "*":
            if pattern[i + 1 : i + 2] == "*":
                raise PatternError(f"consecutive wildcards: {pattern}")
            parts.append(".*")
        else:
            parts.append(re.escape(c))
        i += 1
    return re.compile("".join(parts), re.DOTALL)
