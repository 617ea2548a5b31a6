"""A busy region: every management event scanned (unauthorized API calls), paced and bounded.

The scan is paced at 1.6 requests/s; at that pace 20 000 events take over four minutes. The
reader's bucket and the emulator's limit share a clock that skips the waits, so the run takes
only the requests' own time while every figure below is in that clock's (the account's)
seconds: the same pacing, the same limit, judged on one timeline."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import boto3
from botocore.config import Config

from aws.catalog import load_catalog
from aws.events import EventReader, watched_rules
from aws.ratelimit import SkippingClock, TokenBucket
from aws.settings import Settings
from sandbox.lookup_busy import busy_region
from sandbox.lookup_emulator import LookupEventsEmulator

EVENTS = 20_000
SPACING = timedelta(seconds=2)  # one event every 2 s: 11 hours of a busy region
FIRST_REFUSED = 1_000  # the newest refused call is on page 21, not the first
LATENCY = 0.05
REGION = "us-east-1"


def _client(url: str):
    def make(region: str):
        return boto3.client("cloudtrail", region_name=region, endpoint_url=url,
                            aws_access_key_id="bench", aws_secret_access_key="bench",
                            config=Config(retries={"mode": "adaptive", "max_attempts": 10}))
    return make


def run() -> list[str]:
    clock = SkippingClock()
    emulator = LookupEventsEmulator(latency=LATENCY, limit_clock=clock)
    url = emulator.start()
    started = time.perf_counter()
    emulator.load(busy_region(REGION, EVENTS, datetime.now(UTC) - timedelta(minutes=1), SPACING,
                              denied_from=FIRST_REFUSED))
    bulk = time.perf_counter() - started
    rules = watched_rules(Settings(regions=(REGION,), email="a@example.com",
                                   watch=("unauthorized-api-calls",)), load_catalog())
    bucket = TokenBucket(clock=clock, sleep=clock.sleep)
    reader = EventReader(_client(url), rules, bucket=bucket, account="bench")
    stamps: list[tuple[float, int]] = []  # (clock, rows) per page
    try:
        _client(url)(REGION)  # botocore's model loaded once, as in the running app
        begin = clock()
        reader.load(timedelta(hours=12), lambda page: stamps.append((clock(), len(page.rows))))
        bounded = reader.scanned_back_to()
        load_pages = len(stamps)
        while reader.scanned_back_to():
            reader.load_more(lambda page: stamps.append((clock(), len(page.rows))))
        end = clock()
        before = emulator.requests(REGION)
        poll_start = clock()
        reader.poll(lambda page: None)
        poll_time, poll_requests = clock() - poll_start, emulator.requests(REGION) - before
    finally:
        emulator.stop()
    first = next(t for t, n in stamps if n) - begin
    pages, total = len(stamps), end - begin
    requests = emulator.requests(REGION) - poll_requests
    back_to = next(iter(bounded.values())) if bounded else None
    return [
        f"busy region: {EVENTS} events in {REGION} (bulk-loaded in {bulk:.2f} s), "
        f"{LATENCY * 1000:.0f} ms per request, scan of every event paced at "
        f"{bucket.rate} requests/s:",
        f"  first matching rows after {first:.2f} s; whole scan {total:.0f} s in {pages} pages "
        f"({requests} requests): first rows at {first / total:.4f} of the scan, "
        f"{total / max(first, 1e-9):.0f}× sooner",
        f"  first load bounded at {load_pages} pages, back to "
        f"{back_to:%H:%M} UTC; load more continued to the window's start" if back_to else
        "  first load was not bounded",
        f"  {requests / total:.2f} requests/s on average (limit 2.0); throttled: "
        f"{emulator.throttled(REGION)}; the poll after it: {poll_requests} requests in "
        f"{poll_time:.1f} s (incremental, not the 12 hours)",
    ]
