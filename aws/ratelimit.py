"""Thread-safe token buckets per key, shared by every caller of a rate-limited AWS API."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

# LookupEvents allows two requests per second per account per Region:
# https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
LOOKUP_EVENTS_RATE = 2.0
_MAX_NAP = 0.1  # longest single sleep, so a cancel is noticed quickly


@dataclass
class _State:
    tokens: float
    stamp: float


class TokenBucket:
    """At most `rate` acquisitions per second per key, with bursts of at most `burst`."""

    def __init__(
        self,
        rate: float = LOOKUP_EVENTS_RATE,
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


_registry_lock = threading.Lock()
_registry: dict[str, TokenBucket] = {}


def shared_bucket(api: str = "cloudtrail:LookupEvents") -> TokenBucket:
    """The one bucket per process for `api`; key it by (account-or-profile, region)."""
    with _registry_lock:
        bucket = _registry.get(api)
        if bucket is None:
            bucket = _registry[api] = TokenBucket()
        return bucket
