"""Desired state diffed against the inventory: the instructions that make AWS match, per region."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from aws.catalog import Catalog, resolve_watch
from aws.desired import DesiredRegion, DesiredRule, DesiredTopic, desired_state
from aws.errors import AwsError, ChangeWatchError, ErrorKind
from aws.instructions import (
    CreateTopic,
    DeleteRule,
    DeleteTopic,
    Differs,
    Instruction,
    PutRule,
    PutTarget,
    Subscribe,
    Unsubscribe,
    UpdateTopic,
)
from aws.inventory import RegionInventory, Rule, Topic
from aws.inventory import read as read_inventory
from aws.policy import same_policy
from aws.session import AwsAccess
from aws.settings import Settings, validate


@dataclass(frozen=True)
class RegionPlan:
    region: str
    instructions: tuple[Instruction, ...]
    desired: DesiredRegion | None
    inventory: RegionInventory
    error: ChangeWatchError | None = None


@dataclass(frozen=True)
class Plan:
    deployment: str
    account: str
    regions: tuple[RegionPlan, ...]

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        return tuple(i for r in self.regions for i in r.instructions)

    @property
    def errors(self) -> tuple[ChangeWatchError, ...]:
        return tuple(r.error for r in self.regions if r.error)

    @property
    def touched_regions(self) -> tuple[str, ...]:
        """Where applying this plan may change something (what a write-ahead record lists)."""
        return tuple(r.region for r in self.regions if r.instructions)


def _same_pattern(a: str, b: str) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except ValueError:
        return a == b


def _rule_steps(region: str, want: DesiredRule, have: Rule | None) -> Iterator[Instruction]:
    if have is None:
        yield PutRule(region, want)
        yield PutTarget(region, want)
        return
    differs = tuple(what for what, same in (
        (Differs.PATTERN, _same_pattern(want.pattern, have.pattern)),
        (Differs.STATE, want.state == have.state),
        (Differs.DESCRIPTION, want.description == have.description)) if not same)
    if differs:
        yield PutRule(region, want, differs)
    target = next((t for t in have.targets if t.id == want.target.id), None)
    if target is None:
        yield PutTarget(region, want)
    elif target.as_api() != want.target.as_api():
        yield PutTarget(region, want, replaces=True)


def _topic_steps(region: str, want: DesiredTopic, have: Topic | None) -> Iterator[Instruction]:
    if have is None:
        yield CreateTopic(region, want)
        yield Subscribe(region, want.arn, want.email)
        return
    differs = tuple(what for what, same in (
        (Differs.DISPLAY_NAME, have.display_name == want.display_name),
        (Differs.POLICY, same_policy(have.policy, want.policy)),
        (Differs.KMS_KEY, (have.kms_key or None) == want.kms_key)) if not same)
    if differs:
        yield UpdateTopic(region, want, have.arn, differs)
    emails = {s.endpoint.lower(): s for s in have.subscriptions if s.protocol == "email"}
    if want.email.lower() not in emails:
        yield Subscribe(region, have.arn, want.email)
    for endpoint, sub in emails.items():
        if endpoint != want.email.lower() and not sub.pending:
            yield Unsubscribe(region, sub.arn, sub.endpoint)


def _clashes(want: DesiredRegion | None, have: RegionInventory) -> list[str]:
    """Names we would create that exist already without our tag: never taken over."""
    if want is None:
        return []
    found = [want.topic.name] if want.topic.name in have.foreign_topics else []
    return found + [r.name for r in want.rules if r.name in have.foreign_rules]


def diff_region(region: str, want: DesiredRegion | None, have: RegionInventory) -> RegionPlan:
    """The steps for one region. Name clashes with resources we did not make stop the region."""
    if have.error:
        return RegionPlan(region, (), want, have, have.error)
    clashes = _clashes(want, have)
    if clashes:
        error = AwsError(kind=ErrorKind.CONFLICT, region=region, detail=", ".join(clashes))
        return RegionPlan(region, (), want, have, error)
    steps: list[Instruction] = []
    wanted_rules = {r.name for r in want.rules} if want else set()
    if want:
        steps += _topic_steps(region, want.topic, have.topic(want.topic.name))
        for rule in want.rules:
            steps += _rule_steps(region, rule, have.rule(rule.name))
    steps += [DeleteRule(region, r.name, r.arn, tuple(t.id for t in r.targets))
              for r in have.rules if r.name not in wanted_rules]
    # In the same phase as the rules: a removal cut short between the two is finished by the
    # next run, as both stay tagged until deleted.
    steps += [DeleteTopic(region, t.name, t.arn) for t in have.topics
              if want is None or t.name != want.topic.name]
    return RegionPlan(region, tuple(steps), want, have)


def _read(access: AwsAccess, regions: tuple[str, ...], deployment: str, identity_region: str,
          cancelled: Callable[[], bool] | None):
    # Who we are and what exists do not depend on each other: ask both at once.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="identity") as pool:
        identity_f = pool.submit(access.identity, identity_region)
        found = read_inventory(access, regions, deployment, cancelled)
        return identity_f.result(), found


def make_plan(access: AwsAccess, settings: Settings, catalog: Catalog, *,
              also_regions: Iterable[str] = (),
              cancelled: Callable[[], bool] | None = None) -> Plan:
    """Validate, ask who we are, read what exists, and diff. Changes nothing."""
    validate(settings, catalog)
    regions = tuple(dict.fromkeys((*settings.regions, *_rule_regions(settings, catalog),
                                   *also_regions)))
    identity, found = _read(access, regions, settings.deployment, settings.regions[0], cancelled)
    want = desired_state(settings, catalog, identity)
    # Every region read is diffed: one left with nothing to watch gets its leftovers deleted.
    regions = tuple(dict.fromkeys((*want, *regions)))
    return Plan(settings.deployment, identity.account,
                tuple(diff_region(r, want.get(r), found[r]) for r in regions))


def _rule_regions(settings: Settings, catalog: Catalog) -> tuple[str, ...]:
    """Regions the chosen groups need beyond the chosen ones (us-east-1 for global services)."""
    selection = resolve_watch(catalog, settings.watch)
    return tuple(r for g in selection for r in catalog.group(g).regions(settings.regions))


def removal_plan(access: AwsAccess, deployment: str, regions: Iterable[str],
                 cancelled: Callable[[], bool] | None = None) -> Plan:
    """Everything tagged with `deployment` in `regions`, to be deleted. Nothing else."""
    regions = tuple(dict.fromkeys(regions))
    identity, found = _read(access, regions, deployment, regions[0] if regions else "us-east-1",
                            cancelled)
    return Plan(deployment, identity.account,
                tuple(diff_region(r, None, inv) for r, inv in found.items()))
