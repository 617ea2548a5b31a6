"""Desired state diffed against the inventory: the actions that make AWS match, per region."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from aws.catalog import Catalog, load_catalog, resolve_watch
from aws.desired import TARGET_ID, DesiredRegion, DesiredRule, desired_state
from aws.errors import AwsError, ChangeWatchError
from aws.inventory import RegionInventory, Rule, Topic
from aws.inventory import read as read_inventory
from aws.policy import same_policy
from aws.session import AwsAccess
from aws.settings import Settings, validate

# Phases run in order within a region; actions of one phase run in parallel.
CREATE, CONNECT, DELETE = 1, 2, 3


@dataclass(frozen=True)
class Action:
    region: str
    kind: str  # create_topic update_topic subscribe unsubscribe put_rule put_target
    #            delete_rule delete_topic
    name: str  # the resource's name (topic, rule, or email for subscriptions)
    change: str  # "create" | "update" | "delete"
    phase: int
    reason: str = ""
    rule: DesiredRule | None = None
    topic: DesiredRegion | None = None
    arn: str = ""
    targets: tuple[str, ...] = ()  # delete_rule: the target ids the inventory found
    attributes: tuple[str, ...] = ()  # update_topic: the topic attributes that differ


@dataclass(frozen=True)
class RegionPlan:
    region: str
    actions: tuple[Action, ...]
    desired: DesiredRegion | None
    inventory: RegionInventory
    error: ChangeWatchError | None = None


@dataclass(frozen=True)
class Plan:
    deployment: str
    account: str
    regions: tuple[RegionPlan, ...]

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(a for r in self.regions for a in r.actions)

    @property
    def errors(self) -> tuple[ChangeWatchError, ...]:
        return tuple(r.error for r in self.regions if r.error)


def _same_pattern(a: str, b: str) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except ValueError:
        return a == b


def _rule_actions(region: str, want: DesiredRule, have: Rule | None, topic_arn: str):
    if have is None:
        yield Action(region, "put_rule", want.name, "create", CREATE, rule=want)
        yield Action(region, "put_target", want.name, "create", CONNECT, rule=want,
                     arn=topic_arn)
        return
    differs = [what for what, same in (
        ("pattern", _same_pattern(want.pattern, have.pattern)),
        ("state", want.state == have.state),
        ("description", want.description == have.description)) if not same]
    if differs:
        yield Action(region, "put_rule", want.name, "update", CREATE,
                     reason=", ".join(differs), rule=want)
    target = next((t for t in have.targets if t.id == TARGET_ID), None)
    api = want.transformer.as_api()
    if target is None:
        yield Action(region, "put_target", want.name, "create", CONNECT, reason="target missing",
                     rule=want, arn=topic_arn)
    elif (target.arn != topic_arn or target.input_paths != api["InputPathsMap"]
          or target.input_template != api["InputTemplate"]):
        yield Action(region, "put_target", want.name, "update", CONNECT,
                     reason="notification target differs", rule=want, arn=topic_arn)


def _topic_actions(region: str, want: DesiredRegion, have: Topic | None):
    if have is None:
        yield Action(region, "create_topic", want.topic_name, "create", CREATE, topic=want)
        yield Action(region, "subscribe", want.email, "create", CONNECT, topic=want,
                     arn=want.topic_arn)
        return
    differs = [(what, attribute) for what, attribute, same in (
        ("display name", "DisplayName", have.display_name == want.display_name),
        ("access policy", "Policy", same_policy(have.policy, want.policy)),
        ("encryption key", "KmsMasterKeyId", (have.kms_key or None) == want.kms_key))
        if not same]
    if differs:
        yield Action(region, "update_topic", want.topic_name, "update", CONNECT,
                     reason=", ".join(w for w, _ in differs), topic=want, arn=have.arn,
                     attributes=tuple(a for _, a in differs))
    emails = {s.endpoint.lower(): s for s in have.subscriptions if s.protocol == "email"}
    if want.email.lower() not in emails:
        yield Action(region, "subscribe", want.email, "create", CONNECT, topic=want,
                     arn=have.arn)
    for endpoint, sub in emails.items():
        if endpoint != want.email.lower() and not sub.pending:
            yield Action(region, "unsubscribe", sub.endpoint, "delete", CONNECT, arn=sub.arn)


def diff_region(region: str, want: DesiredRegion | None, have: RegionInventory) -> RegionPlan:
    """The actions for one region. Name clashes with resources we did not make stop the region."""
    if have.error:
        return RegionPlan(region, (), want, have, have.error)
    clashes = [n for n in ((want.topic_name,) if want else ()) if n in have.foreign_topics]
    clashes += [r.name for r in (want.rules if want else ()) if r.name in have.foreign_rules]
    if clashes:
        error = AwsError(kind="conflict", region=region, detail=", ".join(clashes))
        return RegionPlan(region, (), want, have, error)
    actions: list[Action] = []
    wanted_rules = {r.name for r in want.rules} if want else set()
    if want:
        actions += _topic_actions(region, want, have.topic(want.topic_name))
        for rule in want.rules:
            actions += _rule_actions(region, rule, have.rule(rule.name), want.topic_arn)
    for rule in have.rules:
        if rule.name not in wanted_rules:
            actions.append(Action(region, "delete_rule", rule.name, "delete", DELETE,
                                  arn=rule.arn, targets=tuple(t.id for t in rule.targets)))
    for topic in have.topics:
        if want is None or topic.name != want.topic_name:
            # In the same phase as the rules: a removal cut short between the two is finished
            # by the next run, as both stay tagged until deleted.
            actions.append(Action(region, "delete_topic", topic.name, "delete", DELETE,
                                  arn=topic.arn))
    return RegionPlan(region, tuple(actions), want, have)


def make_plan(access: AwsAccess, settings: Settings, *, catalog: Catalog | None = None,
              also_regions: Iterable[str] = (),
              cancelled: Callable[[], bool] | None = None) -> Plan:
    """Validate, ask who we are, read what exists, and diff. Changes nothing."""
    catalog = catalog or load_catalog()
    validate(settings, catalog)
    # Who we are and what exists do not depend on each other: ask both at once.
    regions = tuple(dict.fromkeys((*settings.regions, *_home_regions(settings, catalog),
                                   *also_regions)))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="identity") as pool:
        identity_f = pool.submit(access.identity, settings.regions[0])
        found = read_inventory(access, regions, settings.deployment, cancelled)
        identity = identity_f.result()
    want = desired_state(settings, catalog, identity)
    # Every region read is diffed: one left with nothing to watch gets its leftovers deleted.
    regions = tuple(dict.fromkeys((*want, *regions)))
    return Plan(settings.deployment, identity.account,
                tuple(diff_region(r, want.get(r), found[r]) for r in regions))


def _home_regions(settings: Settings, catalog: Catalog) -> tuple[str, ...]:
    """Regions the chosen groups need beyond the chosen ones (us-east-1 for global services)."""
    selection = resolve_watch(catalog, settings.watch)
    return tuple(r for g in selection for r in catalog.group(g).regions(settings.regions))


def removal_plan(access: AwsAccess, deployment: str, regions: Iterable[str],
                 cancelled: Callable[[], bool] | None = None) -> Plan:
    """Everything tagged with `deployment` in `regions`, to be deleted. Nothing else."""
    regions = tuple(regions)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="identity") as pool:
        identity_f = pool.submit(access.identity, regions[0] if regions else "us-east-1")
        found = read_inventory(access, regions, deployment, cancelled)
        identity = identity_f.result()
    return Plan(deployment, identity.account,
                tuple(diff_region(r, None, inv) for r, inv in found.items()))
