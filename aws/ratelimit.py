"""Thread-safe token buckets per key, shared by every caller of a rate-limited AWS API."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from aws.errors import Cancelled

# LookupEvents allows two requests per second per account per Region:
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
LOOKUP_EVENTS_RATE = 2.0
# We ask 20 % below it: our clock and AWS's differ, and other tools of the account share it.
LOOKUP_EVENTS_PACE = 1.6
_MAX_NAP = 0.1  # longest single sleep, so a cancel is noticed quickly


@dataclass
class _State:
    tokens: float
    stamp: float


class TokenBucket:
    """At most `rate` acquisitions per second per key, with bursts of at most `burst`."""

    def __init__(
        self,
        rate: float = LOOKUP_EVENTS_PACE,
        burst: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._states: dict[Hashable, _State] = {}
        self.acquired = 0  # tokens handed out, every key: tests and benchmarks count them

    def try_acquire(self, key: Hashable) -> float:
        """Take a token for `key` if one is there (0.0), else the seconds until one will be."""
        with self._lock:
            now = self._clock()
            state = self._states.get(key)
            if state is None:
                state = self._states[key] = _State(self.burst, now)
            state.tokens = min(self.burst, state.tokens + (now - state.stamp) * self.rate)
            state.stamp = now
            if state.tokens >= 1.0:
                state.tokens -= 1.0
                self.acquired += 1
                return 0.0
            return (1.0 - state.tokens) / self.rate

    def acquire(self, key: Hashable, cancelled: Callable[[], bool] | None = None) -> bool:
        """Wait for a token for `key`; False if `cancelled()` became true while waiting."""
        while True:
            if cancelled is not None and cancelled():
                return False
            wait = self.try_acquire(key)
            if wait == 0.0:
                return True
            self._sleep(min(wait, _MAX_NAP))


class SkippingClock:
    """A clock whose sleep skips ahead instead of waiting: real time plus every sleep taken.

    For tests, benchmarks and the sandbox: a bucket and the emulator's limit share it, so a
    paced scan of thousands of pages keeps its request rate in this clock's seconds while
    taking only the time the requests themselves take."""

    def __init__(self, start: float | None = None) -> None:
        self._lock = threading.Lock()
        self._origin = time.monotonic()
        self._start = time.time() if start is None else start
        self.skipped = 0.0

    def __call__(self) -> float:
        with self._lock:
            return self._start + (time.monotonic() - self._origin) + self.skipped

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.skipped += max(0.0, seconds)


# Every attempt of a call, botocore's own retries included, signs its request anew, so a
# handler on this event sees each request that leaves: the place for the bucket.
_PACED_EVENT = "before-sign.cloudtrail.LookupEvents"
_local = threading.local()


@contextmanager
def cancellable(cancelled: Callable[[], bool] | None):
    """While inside, a paced request waiting for its token on this thread gives up (raising
    Cancelled) once `cancelled()` is true."""
    previous = getattr(_local, "cancelled", None)
    _local.cancelled = cancelled
    try:
        yield
    finally:
        _local.cancelled = previous


def pace_lookup_events(client: Any, bucket: TokenBucket, account: str) -> None:
    """Make every LookupEvents request of `client` (retries included) take a token of `bucket`
    for (account, the client's region) first. Registering twice is a no-op."""
    key = (account, client.meta.region_name)

    def take_token(**_kwargs: Any) -> None:
        if not bucket.acquire(key, getattr(_local, "cancelled", None)):
            raise Cancelled()

    client.meta.events.register(_PACED_EVENT, take_token,
                                unique_id=f"changewatch-pace-{id(bucket)}-{account}")


_registry_lock = threading.Lock()
_registry: dict[str, TokenBucket] = {}


def shared_bucket(api: str = "cloudtrail:LookupEvents") -> TokenBucket:
    """The one bucket per process for `api`; key it by (account-or-profile, region)."""
    with _registry_lock:
        bucket = _registry.get(api)
        if bucket is None:
            bucket = _registry[api] = TokenBucket()
        return bucket
