"""Remove everything a deployment made, found by its tag; resumable because it re-reads AWS."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from aws.apply import ProgressEvent, Result, execute
from aws.plan import Plan, removal_plan
from aws.regions import GLOBAL_REGION
from aws.session import AwsAccess
from aws.settings import Settings


def removal_regions(settings: Settings | None, deployed: Iterable[str]) -> tuple[str, ...]:
    """Where a deployment may have left something: the regions it was applied to, the ones
    chosen now, and us-east-1 (home of the global groups)."""
    chosen = settings.regions if settings else ()
    return tuple(dict.fromkeys((*deployed, *chosen, GLOBAL_REGION)))


def plan_removal(access: AwsAccess, deployment: str, regions: Iterable[str],
                 cancelled: Callable[[], bool] | None = None) -> Plan:
    """What remove would delete: only resources tagged with this deployment."""
    return removal_plan(access, deployment, tuple(regions), cancelled)


def remove(access: AwsAccess, deployment: str, regions: Iterable[str],
           on_progress: Callable[[ProgressEvent], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Result:
    """Delete rules (targets first), then topics. Run again after an interruption to finish."""
    return execute(access, plan_removal(access, deployment, regions, cancelled),
                   on_progress, cancelled)
