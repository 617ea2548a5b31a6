"""Desired state diffed against the inventory: the instructions that make AWS match."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from aws.catalog import Catalog, resolve_watch
from aws.compliance.alert import alert_groups
from aws.compliance.merge import with_compliance, with_compliance_removal
from aws.compliance.state import read_compliance
from aws.desired import (
    INLINE_POLICY,
    DesiredRegion,
    DesiredRole,
    DesiredRule,
    DesiredState,
    DesiredStateMachine,
    DesiredTopic,
    desired_state,
)
from aws.errors import AwsError, ChangeWatchError, ErrorKind
from aws.instructions import (
    IAM_SCOPE,
    CreateTopic,
    DeleteRole,
    DeleteRule,
    DeleteStateMachine,
    DeleteTopic,
    Differs,
    Instruction,
    PutRole,
    PutRule,
    PutStateMachine,
    PutTarget,
    RemoveTargets,
    Subscribe,
    Unsubscribe,
    UpdateTopic,
)
from aws.inventory import (
    RegionInventory,
    Role,
    RoleInventory,
    Rule,
    StateMachine,
    Topic,
    safe_read_roles,
)
from aws.inventory import read as read_inventory
from aws.kms import check_keys, publishers
from aws.names import FORMATTER_TARGET, FORWARD_TARGET, TOPIC_TARGET
from aws.policy import same_policy
from aws.session import AwsAccess, Identity
from aws.settings import Settings, validate

OUR_TARGETS = (TOPIC_TARGET, FORMATTER_TARGET, FORWARD_TARGET)


@dataclass(frozen=True)
class RegionPlan:
    region: str
    instructions: tuple[Instruction, ...]
    desired: DesiredRegion | None
    inventory: RegionInventory
    error: ChangeWatchError | None = None


@dataclass(frozen=True)
class IamPlan:
    """The deployment's roles: made before the regions' steps, deleted after them."""

    instructions: tuple[Instruction, ...] = ()
    desired: tuple[DesiredRole, ...] = ()
    inventory: RoleInventory = RoleInventory()
    error: ChangeWatchError | None = None
    region: str = IAM_SCOPE


@dataclass(frozen=True)
class Plan:
    deployment: str
    account: str
    regions: tuple[RegionPlan, ...]
    iam: IamPlan = IamPlan()
    home: str | None = None
    notes: tuple = ()  # what the plan deliberately leaves alone (aws/compliance/plan.py Note)

    @property
    def instructions(self) -> tuple[Instruction, ...]:
        return (*self.iam.instructions, *(i for r in self.regions for i in r.instructions))

    @property
    def errors(self) -> tuple[ChangeWatchError, ...]:
        found = [self.iam.error] if self.iam.error else []
        return tuple(found + [r.error for r in self.regions if r.error])

    @property
    def touched_regions(self) -> tuple[str, ...]:
        """Where applying this plan may change something (what a write-ahead record lists)."""
        return tuple(r.region for r in self.regions if r.instructions)

    def region(self, name: str) -> RegionPlan | None:
        return next((r for r in self.regions if r.region == name), None)


def _same_json(a: str, b: str) -> bool:
    try:
        return json.loads(a) == json.loads(b)
    except ValueError:
        return a == b


def _normal_target(api: dict) -> dict:
    """AWS leaves out an empty InputPathsMap; compare what matters."""
    api = json.loads(json.dumps(api))
    transformer = api.get("InputTransformer")
    if transformer is not None and not transformer.get("InputPathsMap"):
        transformer.pop("InputPathsMap", None)
    return api


def _rule_steps(region: str, want: DesiredRule, have: Rule | None) -> Iterator[Instruction]:
    if have is None:
        yield PutRule(region, want)
        yield PutTarget(region, want)
        return
    differs = tuple(what for what, same in (
        (Differs.PATTERN, _same_json(want.pattern, have.pattern)),
        (Differs.STATE, want.state == have.state),
        (Differs.DESCRIPTION, want.description == have.description)) if not same)
    if differs:
        yield PutRule(region, want, differs)
    target = next((t for t in have.targets if t.id == want.target.id), None)
    if target is None:
        yield PutTarget(region, want)
    elif _normal_target(target.as_api()) != _normal_target(want.target.as_api()):
        yield PutTarget(region, want, replaces=True)
    stale = tuple(t.id for t in have.targets if t.id in OUR_TARGETS and t.id != want.target.id)
    if stale:
        yield RemoveTargets(region, want.name, stale)


def _topic_steps(region: str, want: DesiredTopic, have: Topic | None,
                 managed: frozenset[str]) -> Iterator[Instruction]:
    """`managed`: the addresses ChangeWatch subscribed before; one no longer wanted is
    unsubscribed, while a subscriber someone added by hand is kept."""
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
        if endpoint != want.email.lower() and endpoint in managed and not sub.pending:
            yield Unsubscribe(region, sub.arn, sub.endpoint)


def _machine_steps(region: str, want: DesiredStateMachine,
                   have: StateMachine | None) -> Iterator[Instruction]:
    if have is None:
        yield PutStateMachine(region, want)
        return
    differs = tuple(what for what, same in (
        (Differs.DEFINITION, _same_json(want.definition, have.definition)),
        (Differs.ROLE, want.role_arn == have.role_arn)) if not same)
    if differs:
        yield PutStateMachine(region, want, have.arn, differs)


def _clashes(want: DesiredRegion | None, have: RegionInventory) -> list[str]:
    """Names we would create that exist already without our tag: never taken over."""
    if want is None:
        return []
    found = [want.topic.name] if want.topic and want.topic.name in have.foreign_topics else []
    if want.state_machine and want.state_machine.name in have.foreign_machines:
        found.append(want.state_machine.name)
    return found + [r.name for r in want.rules if r.name in have.foreign_rules]


def _deletions(region: str, want: DesiredRegion | None,
               have: RegionInventory) -> Iterator[Instruction]:
    # In one phase: a removal cut short is finished by the next run, as all stay tagged.
    wanted_rules = {r.name for r in want.rules} if want else set()
    for rule in have.rules:
        if rule.name not in wanted_rules:
            yield DeleteRule(region, rule.name, rule.arn, tuple(t.id for t in rule.targets))
    for topic in have.topics:
        if want is None or want.topic is None or topic.name != want.topic.name:
            yield DeleteTopic(region, topic.name, topic.arn)
    for machine in have.machines:
        if want is None or want.state_machine is None or \
                machine.name != want.state_machine.name:
            yield DeleteStateMachine(region, machine.name, machine.arn)


def diff_region(region: str, want: DesiredRegion | None, have: RegionInventory,
                managed: frozenset[str] = frozenset()) -> RegionPlan:
    """The steps for one region. Name clashes with resources we did not make stop the region."""
    if have.error:
        return RegionPlan(region, (), want, have, have.error)
    clashes = _clashes(want, have)
    if clashes:
        error = AwsError(kind=ErrorKind.CONFLICT, region=region, detail=", ".join(clashes))
        return RegionPlan(region, (), want, have, error)
    steps: list[Instruction] = []
    if want:
        if want.topic:
            steps += _topic_steps(region, want.topic, have.topic(want.topic.name), managed)
        if want.state_machine:
            steps += _machine_steps(region, want.state_machine,
                                    have.machine(want.state_machine.name))
        for rule in want.rules:
            steps += _rule_steps(region, rule, have.rule(rule.name))
    steps += _deletions(region, want, have)
    return RegionPlan(region, tuple(steps), want, have)


def _role_steps(want: DesiredRole, have: Role | None) -> Iterator[Instruction]:
    if have is None:
        yield PutRole(IAM_SCOPE, want)
        return
    differs = tuple(what for what, same in (
        (Differs.TRUST, same_policy(have.trust, want.trust)),
        (Differs.PERMISSIONS, same_policy(have.policies.get(INLINE_POLICY), want.policy)))
        if not same)
    if differs:
        yield PutRole(IAM_SCOPE, want, differs)


def diff_roles(want: tuple[DesiredRole, ...], have: RoleInventory) -> IamPlan:
    """The roles' steps; reading IAM failed matters only when a role is wanted or ours."""
    if have.error:
        return IamPlan((), want, have, have.error if want else None)
    clashes = [r.name for r in want if r.name in have.foreign]
    if clashes:
        error = AwsError(kind=ErrorKind.CONFLICT, region=IAM_SCOPE, detail=", ".join(clashes))
        return IamPlan((), want, have, error)
    steps: list[Instruction] = []
    for role in want:
        steps += _role_steps(role, have.role(role.name))
    wanted = {r.name for r in want}
    steps += [DeleteRole(IAM_SCOPE, r.name, tuple(r.policies)) for r in have.roles
              if r.name not in wanted]
    return IamPlan(tuple(steps), want, have)


def _read(access: AwsAccess, regions: tuple[str, ...], deployment: str, identity_region: str,
          cancelled: Callable[[], bool] | None
          ) -> tuple[Identity, dict[str, RegionInventory], RoleInventory]:
    # Who we are, what exists and the roles do not depend on each other: ask all at once.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="identity") as pool:
        identity_f = pool.submit(access.identity, identity_region)
        roles_f = pool.submit(safe_read_roles, access, deployment, cancelled)
        found = read_inventory(access, regions, deployment, cancelled)
        return identity_f.result(), found, roles_f.result()


def plan_from(state: DesiredState | None, deployment: str, account: str,
              found: dict[str, RegionInventory], roles: RoleInventory,
              managed: Iterable[str] = ()) -> Plan:
    """Diff every region read (one left with nothing to watch gets its leftovers deleted)."""
    wanted = state.regions if state else {}
    regions = tuple(dict.fromkeys((*wanted, *found)))
    emails = frozenset(e.lower() for e in managed)
    return Plan(deployment, account,
                tuple(diff_region(r, wanted.get(r), found[r], emails) for r in regions),
                diff_roles(state.roles if state else (), roles),
                state.home if state else None)


def make_plan(access: AwsAccess, settings: Settings, catalog: Catalog, *,
              also_regions: Iterable[str] = (), managed_emails: Iterable[str] = (),
              cancelled: Callable[[], bool] | None = None, strict: bool = True) -> Plan:
    """Validate, ask who we are, read what exists, and diff. Changes nothing."""
    validate(settings, catalog)
    regions = tuple(dict.fromkeys((*settings.regions, *_rule_regions(settings, catalog),
                                   *also_regions)))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="config") as pool:
        config_f = pool.submit(read_compliance, access, settings.regions, settings.deployment,
                               cancelled) if settings.compliance else None
        identity, found, roles = _read(access, regions, settings.deployment,
                                       settings.regions[0], cancelled)
        prefetched = config_f.result() if config_f else {}
    state = desired_state(settings, catalog, identity)
    keys = {r: settings.kms_key_for(r) for r, d in state.regions.items()
            if d.topic and settings.kms_key_for(r)}
    if keys:  # checked before any change: a key a publisher cannot use loses every alert
        role = next((role.arn for role in state.roles if role.name.endswith("-notify")), None)
        arns = check_keys(access, keys, publishers(identity, role), cancelled)
        state = desired_state(settings, catalog, identity, arns)
    plan = plan_from(state, settings.deployment, identity.account, found, roles,
                     managed_emails)
    return with_compliance(access, plan, settings, catalog, identity, cancelled, strict,
                           prefetched)


def _rule_regions(settings: Settings, catalog: Catalog) -> tuple[str, ...]:
    """Regions the chosen groups need beyond the chosen ones (us-east-1 for global services)."""
    selection = (*resolve_watch(catalog, settings.watch), *alert_groups(catalog, settings))
    return tuple(r for g in selection for r in catalog.group(g).regions(settings.regions))


def removal_plan(access: AwsAccess, deployment: str, regions: Iterable[str],
                 cancelled: Callable[[], bool] | None = None, stop_config: bool = False) -> Plan:
    """Everything tagged with `deployment` in `regions` (and its roles), to be deleted; AWS
    Config is stopped only if ChangeWatch started it and `stop_config` asks."""
    regions = tuple(dict.fromkeys(regions))
    identity, found, roles = _read(access, regions, deployment,
                                   regions[0] if regions else "us-east-1", cancelled)
    plan = plan_from(None, deployment, identity.account, found, roles)
    return with_compliance_removal(access, plan, deployment, stop_config, cancelled)
