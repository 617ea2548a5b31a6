"""Worker-side glue for the status tab: make the AwsAccess on the worker, remember results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws.apply import Result
from aws.localstate import LocalState
from aws.settings import Settings


def run(fn: Callable[..., Any], access_fn: Callable[[], Any], *args: Any, **control: Any) -> Any:
    """fn(access, *args, **control) with the access made here, on the worker thread."""
    return fn(access_fn(), *args, **control)


def remember(local: LocalState, settings: Settings | None, result: Result) -> None:
    """After a repair: the regions now deployed, and when a subscription was (re)sent."""
    if settings is None:
        return
    regions = {*local.deployed_regions(settings.deployment),
               *(r.region for r in result.regions)}
    local.remember_regions(settings.deployment, regions)
    local.remember_subscriptions(settings.deployment, result)
