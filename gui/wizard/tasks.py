"""The wizard's work off the GUI thread: plain functions over aws/, run by gui.workers.Worker."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aws import account
from aws.account import RegionInfo
from aws.apply import Result, execute
from aws.catalog import Catalog
from aws.desired import PLACEHOLDER_IDENTITY, desired_state, preview
from aws.errors import ChangeWatchError
from aws.keys import KeyStore
from aws.plan import Plan, make_plan
from aws.session import AccessKeys, AwsAccess, Identity
from aws.settings import Settings
from aws.trail_setup import TrailCoverage
from aws.trail_setup import coverage as trail_coverage

AccessFactory = Callable[[], AwsAccess]


@dataclass(frozen=True)
class AccountCheck:
    identity: Identity
    regions: tuple[RegionInfo, ...]  # empty when DescribeRegions was refused
    default_region: str | None = None  # the profile's region
    regions_error: ChangeWatchError | None = None
    keyring_error: ChangeWatchError | None = None


def check_account(access: AccessFactory, keys: AccessKeys | None = None,
                  store: KeyStore | None = None) -> AccountCheck:
    """Who we are and which regions the account has; typed keys go to the keyring once valid."""
    session = access()
    identity = account.check_identity(session)
    try:
        regions = tuple(account.list_regions(session, identity.partition))
        regions_error = None
    except ChangeWatchError as exc:  # ec2:DescribeRegions refused: keep the offline list
        regions, regions_error = (), exc
    keyring_error = store.save(keys) if (keys and store) else None
    return AccountCheck(identity, regions, session.default_region, regions_error, keyring_error)


def list_profiles() -> tuple[account.ProfileInfo, ...]:
    return tuple(account.list_profiles())


def load_keys(store: KeyStore) -> tuple[AccessKeys | None, bool]:
    """Stored keys (or None) and whether a keyring is there to keep them."""
    return store.load(), store.available


@dataclass(frozen=True)
class RulePattern:
    name: str
    regions: tuple[str, ...]
    pattern: str  # pretty JSON


@dataclass(frozen=True)
class Preview:
    group_id: str
    rule: str
    event_name: str
    text: str  # "" when the catalog ships no sample for the chosen APIs


@dataclass(frozen=True)
class Review:
    plan: Plan
    coverage: dict[str, TrailCoverage]
    patterns: tuple[RulePattern, ...]
    previews: tuple[Preview, ...]
    coverage_error: ChangeWatchError | None = None


def _patterns(plan: Plan) -> tuple[RulePattern, ...]:
    found: dict[tuple[str, str], list[str]] = {}
    for region in plan.regions:
        for rule in region.desired.rules if region.desired else ():
            found.setdefault((rule.name, rule.pattern), []).append(region.region)
    return tuple(RulePattern(name, tuple(regions),
                             json.dumps(json.loads(pattern), indent=2, ensure_ascii=False))
                 for (name, pattern), regions in found.items())


def previews(catalog: Catalog, settings: Settings) -> tuple[Preview, ...]:
    """The notification of each chosen group's rule, rendered from a sample of a chosen API
    with the very transformer the rule gets."""
    result, seen = [], set()
    for region in desired_state(settings, catalog, PLACEHOLDER_IDENTITY).values():
        for rule in region.rules:
            if rule.group_id in seen:
                continue
            seen.add(rule.group_id)
            event_name, text = preview(rule)
            result.append(Preview(rule.group_id, rule.name, event_name, text))
    order = [g.id for g in catalog.groups]
    return tuple(sorted(result, key=lambda p: order.index(p.group_id)))


def review(access: AccessFactory, settings: Settings, catalog: Catalog,
           also_regions: Iterable[str] = (),
           on_progress: Callable[[object], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Review:
    """The plan, CloudTrail coverage of every region that gets rules, and the previews."""
    del on_progress  # planning reports nothing; the page shows a busy bar
    session = access()
    plan = make_plan(session, settings, catalog=catalog, also_regions=also_regions,
                     cancelled=cancelled)
    ruled = [r.region for r in plan.regions if r.desired]
    try:
        coverage, coverage_error = trail_coverage(session, ruled, cancelled), None
    except ChangeWatchError as exc:
        if exc.kind == "cancelled":
            raise
        coverage, coverage_error = {}, exc
    return Review(plan, coverage, _patterns(plan), previews(catalog, settings), coverage_error)


def apply(access: AccessFactory, plan: Plan | None, settings: Settings, catalog: Catalog,
          also_regions: Iterable[str] = (),
          on_progress: Callable[[object], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> Result:
    """Execute `plan`; without one (a retry) plan again first and report the new plan."""
    session = access()
    if plan is None:
        plan = make_plan(session, settings, catalog=catalog, also_regions=also_regions,
                         cancelled=cancelled)
    if on_progress:
        on_progress(plan)
    return execute(session, plan, on_progress, cancelled)
