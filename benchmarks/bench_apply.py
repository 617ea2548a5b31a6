"""apply and remove: 1 region vs 17, against the serial sum and the critical path of calls."""

from __future__ import annotations

import os
import threading
import time

from aws.catalog import load_catalog
from aws.execute import execute
from aws.plan import make_plan, removal_plan
from aws.regions import known_regions
from aws.session import AwsAccess
from aws.settings import Settings
from benchmarks.env import local_aws

LATENCY = 0.1  # seconds added to every request: a far region
# Dependent round trips of one region. apply: list topics/rules (∥ STS) → create → connect.
CRITICAL_PATH = 3
REMOVE_PATH = 4  # list (∥ STS) → tags ∥ details → remove targets → delete rule (∥ topic)
WATCH = ("security-groups", "aws-config", "cloudtrail-changes")


def remove(access, deployment, regions):
    """Delete what the deployment made there (the removal a user runs)."""
    return execute(access, removal_plan(access, deployment, regions))


def _regions(n: int) -> tuple[str, ...]:
    preferred = ("ap-northeast-1", "us-west-2", "eu-west-1", "eu-central-1", "us-east-2",
                 "ap-southeast-1", "ap-southeast-2", "ap-northeast-2", "ap-south-1", "ca-central-1",
                 "eu-west-2", "eu-west-3", "eu-north-1", "sa-east-1", "us-west-1",
                 "ap-northeast-3", "us-east-1")
    assert all(r in known_regions() for r in preferred)
    return preferred[:n]


class _Counter:
    """Counts the requests every client of an AwsAccess sends (botocore's event hooks)."""

    def __init__(self) -> None:
        self.n = 0
        self._lock = threading.Lock()

    def _count(self, **_kwargs) -> None:
        with self._lock:
            self.n += 1

    def watch(self, access: AwsAccess) -> AwsAccess:
        make = access.client

        def client(service: str, region: str):
            made = make(service, region)
            if not getattr(made, "_bench_counted", False):
                made.meta.events.register("before-send", self._count)
                made._bench_counted = True
            return made

        access.client = client
        return access


def _warm_up() -> None:
    """moto loads each service on its first request, botocore its models on first use:
    one untimed round so the timed ones measure the steady state."""
    settings = Settings(regions=("eu-south-1",), email="ops@example.com", watch=WATCH,
                        deployment="warmup")
    access = AwsAccess()
    assert execute(access, make_plan(access, settings, load_catalog())).ok
    assert remove(access, "warmup", (*settings.regions, "us-east-1")).ok


def _timed(n: int) -> dict[str, float]:
    calls = _Counter()
    with local_aws(LATENCY) as server:
        _warm_up()
        settings = Settings(regions=_regions(n), email="ops@example.com", watch=WATCH,
                            deployment="bench")
        rtt = _round_trip()
        access = calls.watch(AwsAccess())
        start, cpu, server_cpu = time.perf_counter(), time.process_time(), server.cpu()
        result = execute(access, make_plan(access, settings, load_catalog()))
        applied, apply_cpu = time.perf_counter() - start, time.process_time() - cpu
        apply_server_cpu = server.cpu() - server_cpu
        assert result.ok, result
        apply_calls = calls.n
        access = calls.watch(AwsAccess())
        start = time.perf_counter()
        assert remove(access, "bench", settings.regions).ok
        removed = time.perf_counter() - start
        remove_calls = calls.n - apply_calls
    return {"apply": applied, "apply_calls": apply_calls, "remove": removed,
            "remove_calls": remove_calls, "rtt": rtt, "apply_cpu": apply_cpu,
            "apply_server_cpu": apply_server_cpu}


def _round_trip() -> float:
    """One request's real round trip here: the added latency plus the local server's work."""
    sts = AwsAccess().client("sts", "us-east-1")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        sts.get_caller_identity()
        times.append(time.perf_counter() - start)
    return sorted(times)[2]


def run() -> list[str]:
    one, many = _timed(1), _timed(17)
    rtt = one["rtt"]
    lines = [f"apply/remove, {LATENCY * 1000:.0f} ms added to every request "
             f"(measured round trip {rtt * 1000:.0f} ms):"]
    for verb, path in (("apply", CRITICAL_PATH), ("remove", REMOVE_PATH)):
        serial = many[f"{verb}_calls"] * rtt
        lines += [
            f"  {verb}  1 region: {one[verb]:.2f} s ({one[f'{verb}_calls']} calls); "
            f"{one[verb] / (path * rtt):.2f} × its critical path of {path} round trips "
            f"(target ≤ 1.5)",
            f"  {verb} 17 regions: {many[verb]:.2f} s ({many[f'{verb}_calls']} calls); "
            f"{many[verb] / one[verb]:.2f} × 1 region (target ≤ 1.5); "
            f"serial sum would be {serial:.1f} s ({serial / many[verb]:.0f} × slower)",
        ]
    lines.append(f"  CPU during apply, 17 regions: client {many['apply_cpu']:.2f} s + local "
                 f"server {many['apply_server_cpu']:.2f} s on {os.cpu_count()} cores in "
                 f"{many['apply']:.2f} s (1 region: {one['apply_cpu']:.2f} s + "
                 f"{one['apply_server_cpu']:.2f} s)")
    return lines
