"""CloudTrail event history for the LookupEvents emulator: storage, filters, paging."""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
import itertools
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# Shapes and error names from the API reference (and botocore's cloudtrail service model):
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
ATTRIBUTE_KEYS = frozenset(
    {"EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName",
     "EventSource", "AccessKeyId"}
)
HISTORY_SECONDS = 90 * 24 * 3600
MAX_RESULTS = 50


class ApiError(Exception):
    """An error LookupEvents answers with (HTTP 400, JSON 1.1 `__type`)."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True)
class _Entry:
    order: tuple[float, str]  # (-event time, event id): ascending order is newest first
    time: float
    visible_at: float
    record: dict
    fields: dict[str, Any]
    text: str  # the record as CloudTrailEvent carries it, serialized once


class EventStore:
    """Thread-safe per-region event history answering LookupEvents requests."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._regions: dict[str, list[_Entry]] = {}
        self._secret = os.urandom(16)

    def add(self, record: dict, visible_after: float = 0.0) -> None:
        """Store a CloudTrail record; LookupEvents shows it `visible_after` seconds from now."""
        entry = self._entry(record, self._clock() + visible_after)
        with self._lock:
            entries = self._regions.setdefault(record["awsRegion"], [])
            bisect.insort(entries, entry, key=lambda e: e.order)

    def add_many(self, records: Iterable[dict]) -> int:
        """Store many records, visible at once: one sort per region, so 20 000 take well
        under a second. Returns how many were stored."""
        now = self._clock()
        by_region: dict[str, list[_Entry]] = {}
        for record in records:
            by_region.setdefault(record["awsRegion"], []).append(self._entry(record, now))
        with self._lock:
            for region, new in by_region.items():
                entries = self._regions.setdefault(region, [])
                entries.extend(new)
                entries.sort(key=lambda e: e.order)
        return sum(map(len, by_region.values()))

    @staticmethod
    def _entry(record: dict, visible_at: float) -> _Entry:
        when = datetime.fromisoformat(record["eventTime"]).timestamp()
        return _Entry((-when, record["eventID"]), when, visible_at, record, _fields(record),
                      json.dumps(record))

    def lookup(self, region: str, params: dict) -> dict:
        """The LookupEvents response for `params` (the decoded JSON request body)."""
        attribute = _attribute(params.get("LookupAttributes"))
        now = self._clock()
        start, end = _time_range(params, now)
        limit = _max_results(params.get("MaxResults"))
        category = params.get("EventCategory")
        if category not in (None, "insight"):
            raise ApiError("InvalidEventCategoryException", f"Invalid EventCategory {category}")
        query_key = self._query_key(region, attribute, params)
        after = self._cursor(params.get("NextToken"), query_key)
        with self._lock:
            entries = list(self._regions.get(region, ()))
        index = 0 if after is None else bisect.bisect_right(entries, after, key=lambda e: e.order)
        # Newest first: skip what is newer than EndTime at once, stop at the first older than
        # StartTime (a deep "load more" would otherwise walk the whole history every page).
        index = max(index, bisect.bisect_left(entries, (-end, ""), key=lambda e: e.order))
        page: list[_Entry] = []
        more = False
        for entry in itertools.islice(entries, index, None):
            if entry.time < start:
                break
            if not _wanted(entry, attribute, start, end, now) or category == "insight":
                continue
            if len(page) == limit:
                more = True
                break
            page.append(entry)
        response: dict[str, Any] = {"Events": [_event(e) for e in page]}
        if more:
            response["NextToken"] = self._token(query_key, page[-1].order)
        return response

    def _query_key(self, region: str, attribute: tuple[str, str] | None, params: dict) -> str:
        same = [region, attribute, params.get("StartTime"), params.get("EndTime"),
                params.get("EventCategory")]
        return hashlib.sha256(json.dumps(same).encode()).hexdigest()[:16]

    def _sign(self, body: bytes) -> bytes:
        return hmac.new(self._secret, body, hashlib.sha256).digest()[:12]

    def _token(self, query_key: str, order: tuple[float, str]) -> str:
        body = json.dumps({"q": query_key, "t": order[0], "i": order[1]}).encode()
        return base64.urlsafe_b64encode(self._sign(body) + body).decode()

    def _cursor(self, token: Any, query_key: str) -> tuple[float, str] | None:
        # Opaque, signed, and bound to the parameters it was issued for.
        if token is None:
            return None
        try:
            raw = base64.urlsafe_b64decode(str(token).encode())
            mac, body = raw[:12], raw[12:]
            data = json.loads(body) if hmac.compare_digest(mac, self._sign(body)) else {}
        except (ValueError, TypeError):
            data = {}
        if data.get("q") != query_key:
            raise ApiError("InvalidNextTokenException", "Invalid NextToken")
        return (float(data["t"]), str(data["i"]))


def _attribute(value: Any) -> tuple[str, str] | None:
    if not value:
        return None
    if not isinstance(value, list) or len(value) > 1:
        raise ApiError("InvalidLookupAttributesException",
                       "You cannot specify more than one lookup attribute.")
    item = value[0] if isinstance(value[0], dict) else {}
    key, wanted = item.get("AttributeKey"), item.get("AttributeValue")
    if key not in ATTRIBUTE_KEYS or not isinstance(wanted, str) or not wanted:
        raise ApiError("InvalidLookupAttributesException", f"Invalid lookup attribute: {key}")
    if key == "ReadOnly" and wanted not in ("true", "false"):
        raise ApiError("InvalidLookupAttributesException", "ReadOnly must be true or false")
    return key, wanted


def _time_range(params: dict, now: float) -> tuple[float, float]:
    try:
        start = float(params.get("StartTime", now - HISTORY_SECONDS))
        end = float(params.get("EndTime", now))
    except (TypeError, ValueError) as exc:
        raise ApiError("InvalidTimeRangeException", "Invalid time range") from exc
    if start > end:
        raise ApiError("InvalidTimeRangeException", "Start time must be before end time.")
    return start, end


def _max_results(value: Any) -> int:
    if value is None:
        return MAX_RESULTS
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_RESULTS:
        raise ApiError("InvalidMaxResultsException", "MaxResults must be between 1 and 50.")
    return value


def _wanted(entry: _Entry, attribute: tuple[str, str] | None, start: float, end: float,
            now: float) -> bool:
    if entry.visible_at > now or entry.time < now - HISTORY_SECONDS:
        return False
    if not start <= entry.time <= end:
        return False
    if attribute is None:
        return True
    key, wanted = attribute
    if key in ("ResourceType", "ResourceName"):
        return any(r.get(key) == wanted for r in entry.fields["Resources"])
    return entry.fields.get(key) == wanted


def _fields(record: dict) -> dict[str, Any]:
    identity = record.get("userIdentity") or {}
    return {
        "EventId": record["eventID"],
        "EventName": record["eventName"],
        "ReadOnly": "true" if record.get("readOnly") in (True, "true") else "false",
        "AccessKeyId": identity.get("accessKeyId"),
        "EventSource": record["eventSource"],
        "Username": _username(identity),
        "Resources": [_resource(r) for r in record.get("resources") or ()],
    }


def _username(identity: dict) -> str | None:
    # Event history shows the IAM user name, the role session name, or "root".
    if identity.get("userName"):
        return identity["userName"]
    kind = identity.get("type")
    if kind == "Root":
        return "root"
    if kind == "AssumedRole" and identity.get("arn"):
        return identity["arn"].rsplit("/", 1)[-1]
    return identity.get("principalId")


def _resource(item: dict) -> dict[str, str]:
    kind = item.get("ResourceType") or item.get("type") or ""
    name = item.get("ResourceName") or item.get("resourceName") or item.get("ARN") or ""
    return {"ResourceType": kind, "ResourceName": name}


def _event(entry: _Entry) -> dict[str, Any]:
    event = {k: v for k, v in entry.fields.items() if v is not None}
    event["EventTime"] = entry.time
    event["CloudTrailEvent"] = entry.text
    return event
