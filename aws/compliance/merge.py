"""Adds the compliance steps to a plan's regions: on apply (refusing where Config is off and
the user did not confirm) and on remove (stopping Config only when asked)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from aws.catalog import Catalog
from aws.compliance.alert import ALERT_GROUP
from aws.compliance.model import desired_compliance
from aws.compliance.plan import RegionCompliance, diff_compliance, removal_compliance
from aws.compliance.state import read_compliance
from aws.errors import AwsError, ErrorKind
from aws.names import rule_name
from aws.session import AwsAccess, Identity
from aws.settings import Settings

REFUSALS = (ErrorKind.CONFIG_OFF, ErrorKind.CONFIG_NOT_READY)


def _had_compliance(plan) -> list[str]:
    """Regions where the deployment has its compliance alert rule: made in the first phase,
    before any Config rule, so a region without it has no Config rule of ours either. A
    deployment that never used compliance costs no Config call."""
    name = rule_name(plan.deployment, ALERT_GROUP)
    return [r.region for r in plan.regions if not r.error and r.inventory.rule(name)]


def _merged(plan, found: dict[str, RegionCompliance]):
    regions = []
    for region in plan.regions:
        extra = found.get(region.region)
        if extra is None or region.error:
            regions.append(region)
            continue
        regions.append(replace(region, instructions=(*region.instructions, *extra.steps),
                               error=extra.error))
    notes = tuple(n for c in found.values() for n in c.notes)
    return replace(plan, regions=tuple(regions), notes=(*plan.notes, *notes))


def _refuse(found: dict[str, RegionCompliance]) -> None:
    """Config off (or not ours and not ready) anywhere: one refusal naming every region,
    before any change."""
    for kind in REFUSALS:
        refused = [c for c in found.values() if c.error and c.error.kind == kind]
        if refused:
            first = refused[0].error
            raise AwsError(kind=kind, region=", ".join(c.region for c in refused),
                           detail=first.detail, reason=first.reason, params=first.params)


def with_compliance(access: AwsAccess, plan, settings: Settings, catalog: Catalog,
                    identity: Identity, cancelled: Callable[[], bool] | None = None,
                    strict: bool = True, prefetched: dict | None = None):
    """The plan with each region's Config rule steps. `strict`: a region where Config is off
    refuses the whole plan (apply, plan); otherwise it is that region's error (status)."""
    want = desired_compliance(settings, catalog, identity)
    had = _had_compliance(plan)
    regions = tuple(dict.fromkeys((*want, *had)))
    if not regions:
        return plan
    have = dict(prefetched or {})  # read alongside the rest of the inventory
    missing = [r for r in regions if r not in have]
    if missing:
        have.update(read_compliance(access, missing, settings.deployment, cancelled))
    found = {r: diff_compliance(r, want.get(r), have[r], settings.deployment,
                                settings.enable_config) for r in regions}
    if strict:
        _refuse(found)
    return _merged(plan, found)


def with_compliance_removal(access: AwsAccess, plan, deployment: str, stop_config: bool,
                            cancelled: Callable[[], bool] | None = None):
    """The removal plan with our Config rules deleted where the deployment left anything;
    asked to stop Config, every region is looked at (a recorder outlives the rules)."""
    regions = [r.region for r in plan.regions if not r.error] if stop_config \
        else _had_compliance(plan)
    if not regions:
        return plan
    have = read_compliance(access, regions, deployment, cancelled)
    return _merged(plan, {r: removal_compliance(r, have[r], deployment, stop_config)
                          for r in regions})
