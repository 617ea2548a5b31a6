"""Recent events: requests per load/poll and time to first rows, ours vs one query per API."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import boto3
from botocore.config import Config

from aws.catalog import load_catalog
from aws.events import EventReader, watched_rules
from aws.ratelimit import TokenBucket
from aws.settings import Settings
from sandbox.history import seed_history
from sandbox.lookup_emulator import LookupEventsEmulator

LATENCY = 0.1
REGIONS = ("ap-northeast-1", "us-west-2")
WATCH = ("security-groups", "aws-config", "root-signin", "cloudtrail-changes")
WINDOW = timedelta(days=7)


def _client(url: str):
    def make(region: str):
        return boto3.client("cloudtrail", region_name=region, endpoint_url=url,
                            aws_access_key_id="bench", aws_secret_access_key="bench",
                            config=Config(retries={"mode": "adaptive", "max_attempts": 10}))
    return make


def _naive(make, rules, bucket: TokenBucket, first: list[float], start: float) -> int:
    """One EventName query per watched API per region, every page, through the same bucket."""
    catalog = load_catalog()
    queries = sorted({(r.region, n) for r in rules for n in catalog.group(r.group_id).event_names})
    lock = threading.Lock()

    def region_queries(region: str) -> None:
        client = make(region)
        since = datetime.now(UTC) - WINDOW
        for _, name in (q for q in queries if q[0] == region):
            token = None
            while True:
                bucket.acquire(("naive", region))
                params = {"LookupAttributes": [{"AttributeKey": "EventName",
                                                "AttributeValue": name}],
                          "StartTime": since, "MaxResults": 50}
                if token:
                    params["NextToken"] = token
                page = client.lookup_events(**params)
                with lock:
                    if page["Events"] and not first:
                        first.append(time.perf_counter() - start)
                token = page.get("NextToken")
                if not token:
                    break

    with ThreadPoolExecutor(max_workers=len(REGIONS) + 1) as pool:
        list(pool.map(region_queries, {q[0] for q in queries}))
    return len(queries)


def _requests(emulator: LookupEventsEmulator) -> int:
    return sum(emulator.requests(r) for r in (*REGIONS, "us-east-1"))


def run() -> list[str]:
    emulator = LookupEventsEmulator(latency=LATENCY)
    url = emulator.start()
    emulator.load(seed_history(REGIONS))
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")
    rules = watched_rules(Settings(regions=REGIONS, email="a@example.com", watch=WATCH),
                          load_catalog())
    try:
        _client(url)("us-east-1")  # load botocore's model once, as the running app has
        first: list[float] = []
        reader = EventReader(_client(url), rules, bucket=TokenBucket(), account="bench")
        start = time.perf_counter()
        reader.load(WINDOW, lambda page: page.rows and not first
                    and first.append(time.perf_counter() - start))
        ours_load, ours_first, ours_calls = time.perf_counter() - start, first[0], _requests(
            emulator)
        start = time.perf_counter()
        reader.poll(lambda rows: None)
        ours_poll, poll_calls = time.perf_counter() - start, _requests(emulator) - ours_calls
        naive_first: list[float] = []
        before = _requests(emulator)
        start = time.perf_counter()
        n_queries = _naive(_client(url), rules, TokenBucket(), naive_first, start)
        naive_load, naive_calls = time.perf_counter() - start, _requests(emulator) - before
        throttled = sum(emulator.throttled(r) for r in (*REGIONS, "us-east-1"))
    finally:
        emulator.stop()
    return [
        f"recent events, {len(REGIONS)} regions + us-east-1, {len(rules)} rules, "
        f"{LATENCY * 1000:.0f} ms per request, paced at 1.6 requests/s/region:",
        f"  ours:  load {ours_calls} requests in {ours_load:.2f} s, first rows after "
        f"{ours_first:.2f} s ({ours_first / LATENCY:.1f} round trips); poll {poll_calls} "
        f"requests in {ours_poll:.2f} s",
        f"  naive (one query per API per region, {n_queries} queries): load {naive_calls} "
        f"requests in {naive_load:.2f} s, first rows after {naive_first[0]:.2f} s",
        f"  ours needs {naive_calls / max(ours_calls, 1):.1f}× fewer requests per load and "
        f"{naive_calls / max(poll_calls, 1):.1f}× fewer per poll; throttled: {throttled}",
    ]
