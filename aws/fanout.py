"""The one fan-out over regions: each region's work in parallel, a failure stays with its region."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Generic, TypeVar

from aws.errors import ChangeWatchError, translate

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """One region's answer: its value, or the error that stopped it."""

    region: str
    value: T | None = None
    error: ChangeWatchError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def per_region(regions: Iterable[str], work: Callable[[str], T], *,
               max_workers: int | None = None, name: str = "region") -> dict[str, Outcome[T]]:
    """`work(region)` for every region at once; results in the order the regions were given.

    A region that raises becomes an Outcome with its error (unexpected exceptions are logged
    and translated), never a crash of the others. The c7n_org pattern: a future per region,
    drained with as_completed."""
    regions = tuple(dict.fromkeys(regions))
    if not regions:
        return {}
    found: dict[str, Outcome[T]] = {}
    workers = max(1, min(len(regions), max_workers or len(regions)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name) as pool:
        futures = {pool.submit(work, region): region for region in regions}
        for future in as_completed(futures):
            region = futures[future]
            try:
                found[region] = Outcome(region, value=future.result())
            except ChangeWatchError as exc:
                found[region] = Outcome(region, error=exc)
            except Exception as exc:  # noqa: BLE001 - one region's surprise never sinks others
                log.exception("unexpected error in %s", region)
                found[region] = Outcome(region, error=translate(exc, region=region))
    return {region: found[region] for region in regions}
