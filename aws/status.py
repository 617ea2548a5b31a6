"""What a deployment looks like in AWS now: per region, its drift, trail and 24 h deliveries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from aws.errors import ChangeWatchError
from aws.fanout import per_region
from aws.instructions import (
    Change,
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
from aws.inventory import RegionInventory
from aws.plan import Plan, RegionPlan
from aws.session import AwsAccess, paginate
from aws.trail_coverage import TrailCoverage, coverage

_METRICS = ("Invocations", "FailedInvocations")


class DriftKind(StrEnum):
    """How AWS differs from the settings; each is one step of a repair."""

    NOT_DEPLOYED = "not_deployed"
    TOPIC_MISSING = "topic_missing"
    TOPIC_CHANGED = "topic_changed"
    SUBSCRIPTION_MISSING = "subscription_missing"
    EXTRA_SUBSCRIPTION = "extra_subscription"
    RULE_MISSING = "rule_missing"
    RULE_CHANGED = "rule_changed"
    TARGET_MISSING = "target_missing"
    TARGET_CHANGED = "target_changed"
    EXTRA_RULE = "extra_rule"
    EXTRA_TOPIC = "extra_topic"
    EXTRA_TARGET = "extra_target"
    ROLE_MISSING = "role_missing"
    ROLE_CHANGED = "role_changed"
    EXTRA_ROLE = "extra_role"
    FORMATTER_MISSING = "formatter_missing"
    FORMATTER_CHANGED = "formatter_changed"
    EXTRA_FORMATTER = "extra_formatter"


_DRIFT: dict[tuple[type, Change], DriftKind] = {
    (CreateTopic, Change.CREATE): DriftKind.TOPIC_MISSING,
    (UpdateTopic, Change.UPDATE): DriftKind.TOPIC_CHANGED,
    (Subscribe, Change.CREATE): DriftKind.SUBSCRIPTION_MISSING,
    (Unsubscribe, Change.DELETE): DriftKind.EXTRA_SUBSCRIPTION,
    (PutRule, Change.CREATE): DriftKind.RULE_MISSING,
    (PutRule, Change.UPDATE): DriftKind.RULE_CHANGED,
    (PutTarget, Change.CREATE): DriftKind.TARGET_MISSING,
    (PutTarget, Change.UPDATE): DriftKind.TARGET_CHANGED,
    (DeleteRule, Change.DELETE): DriftKind.EXTRA_RULE,
    (DeleteTopic, Change.DELETE): DriftKind.EXTRA_TOPIC,
    (RemoveTargets, Change.DELETE): DriftKind.EXTRA_TARGET,
    (PutRole, Change.CREATE): DriftKind.ROLE_MISSING,
    (PutRole, Change.UPDATE): DriftKind.ROLE_CHANGED,
    (DeleteRole, Change.DELETE): DriftKind.EXTRA_ROLE,
    (PutStateMachine, Change.CREATE): DriftKind.FORMATTER_MISSING,
    (PutStateMachine, Change.UPDATE): DriftKind.FORMATTER_CHANGED,
    (DeleteStateMachine, Change.DELETE): DriftKind.EXTRA_FORMATTER,
}


@dataclass(frozen=True)
class Drift:
    region: str
    kind: DriftKind
    name: str
    differs: tuple[Differs, ...] = ()


@dataclass(frozen=True)
class SubscriptionStatus:
    endpoint: str
    pending: bool
    arn: str


@dataclass(frozen=True)
class RuleMetrics:
    invocations: int = 0
    failed: int = 0


@dataclass(frozen=True)
class RuleStatus:
    name: str
    state: str
    has_target: bool
    metrics: RuleMetrics | None = None


@dataclass(frozen=True)
class RegionStatus:
    region: str
    topic_arn: str
    subscriptions: tuple[SubscriptionStatus, ...]  # the deployment's address
    rules: tuple[RuleStatus, ...]
    drift: tuple[Drift, ...]
    trail: TrailCoverage | None = None
    error: ChangeWatchError | None = None
    forwards_to: str = ""  # home delivery: this region's events go there
    formatter_arn: str = ""
    others: tuple[SubscriptionStatus, ...] = ()  # subscribers someone added by hand

    @property
    def pending(self) -> bool:
        return any(s.pending for s in self.subscriptions)

    @property
    def confirmed(self) -> bool:
        return any(not s.pending for s in self.subscriptions)

    @property
    def notifies(self) -> bool:
        """Whether this region holds a topic (home region, or every region per-region)."""
        return bool(self.topic_arn)


@dataclass(frozen=True)
class DeploymentStatus:
    deployment: str
    account: str
    regions: tuple[RegionStatus, ...]
    iam_drift: tuple[Drift, ...] = ()
    iam_error: ChangeWatchError | None = None
    home: str | None = None

    @property
    def drift(self) -> tuple[Drift, ...]:
        return (*self.iam_drift, *(d for r in self.regions for d in r.drift))

    @property
    def topics(self) -> tuple[RegionStatus, ...]:
        """The regions that notify (one in home delivery)."""
        return tuple(r for r in self.regions if r.notifies)

    @property
    def deployed(self) -> bool:
        return any(r.topic_arn or r.rules for r in self.regions)

    def region(self, name: str) -> RegionStatus | None:
        return next((r for r in self.regions if r.region == name), None)


def _drift(region: str, step: Instruction) -> Drift:
    return Drift(region, _DRIFT[(type(step), step.change)], step.subject,
                 getattr(step, "differs", ()))


def drift_of(plan: RegionPlan) -> tuple[Drift, ...]:
    """The plan's steps as drift; a region with nothing deployed is one NOT_DEPLOYED."""
    if plan.inventory.empty:
        return (Drift(plan.region, DriftKind.NOT_DEPLOYED, plan.region),) \
            if plan.instructions else ()
    missing_rules = {s.subject for s in plan.instructions
                     if isinstance(s, PutRule) and s.change == Change.CREATE}
    return tuple(_drift(plan.region, s) for s in plan.instructions
                 if not (isinstance(s, PutTarget) and s.subject in missing_rules))


def region_status(plan: RegionPlan, trail: TrailCoverage | None = None,
                  metrics: dict[str, RuleMetrics] | None = None,
                  email: str = "") -> RegionStatus:
    """One region's status from its plan (inventory + desired state); pure. Subscribers other
    than `email` (the deployment's address) are listed apart: someone added them by hand."""
    inventory: RegionInventory = plan.inventory
    topic = inventory.topics[0] if inventory.topics else None
    subs = [SubscriptionStatus(s.endpoint, s.pending, s.arn)
            for s in (topic.subscriptions if topic else ()) if s.protocol == "email"]
    ours = tuple(s for s in subs if not email or s.endpoint.lower() == email.lower())
    others = tuple(s for s in subs if s not in ours)
    metrics = metrics or {}
    rules = tuple(RuleStatus(r.name, r.state, bool(r.targets), metrics.get(r.name))
                  for r in inventory.rules)
    desired = plan.desired
    forwards = desired.forwards_to if desired and desired.forwards_to else ""
    machine = inventory.machines[0].arn if inventory.machines else ""
    return RegionStatus(plan.region, topic.arn if topic else "", ours, rules, drift_of(plan),
                        trail, plan.error, forwards, machine, others)


def status_of(access: AwsAccess, plan: Plan, cancelled: Callable[[], bool] | None = None,
              email: str = "") -> DeploymentStatus:
    """The plan's regions with their trail coverage and 24 h deliveries, read in parallel."""
    regions = [r for r in plan.regions if r.desired or not r.inventory.empty or r.error]
    names = [r.region for r in regions]
    ruled = {r.region: [x.name for x in r.inventory.rules] for r in regions if r.inventory.rules}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="coverage") as pool:
        trails_f = pool.submit(_coverage, access, names, cancelled)
        metrics = per_region(ruled, lambda region: rule_metrics(access, region, ruled[region]),
                             name="metrics")
        trails = trails_f.result()
    iam = tuple(_drift(s.region, s) for s in plan.iam.instructions)
    return DeploymentStatus(plan.deployment, plan.account, tuple(
        region_status(r, trails.get(r.region),
                      metrics[r.region].value if r.region in metrics else None, email)
        for r in regions), iam, plan.iam.error, plan.home)


def _coverage(access: AwsAccess, regions: list[str],
              cancelled: Callable[[], bool] | None) -> dict[str, TrailCoverage]:
    try:
        return coverage(access, regions, cancelled)
    except ChangeWatchError:
        return {}  # coverage is advice; a refusal must not hide the deployment's status


def rule_metrics(access: AwsAccess, region: str,
                 rule_names: Iterable[str]) -> dict[str, RuleMetrics]:
    """Invocations / FailedInvocations per rule over the last 24 h (AWS/Events, RuleName), in
    one GetMetricData call per region (up to 500 queries a call, so 250 rules).

    A wrong topic policy or key shows only here:
    https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
    """
    names = list(dict.fromkeys(rule_names))
    if not names:
        return {}
    # Whole minutes, ending after now: the datapoint of the current minute is included.
    end = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    queries = [{"Id": f"m{i}_{j}", "ReturnData": True, "MetricStat": {
        "Metric": {"Namespace": "AWS/Events", "MetricName": metric,
                   "Dimensions": [{"Name": "RuleName", "Value": name}]},
        "Period": 86400, "Stat": "Sum"}}
        for i, name in enumerate(names) for j, metric in enumerate(_METRICS)]
    results = paginate(access.client("cloudwatch", region), "get_metric_data",
                       "MetricDataResults", region, MetricDataQueries=queries,
                       StartTime=end - timedelta(hours=24), EndTime=end)
    sums: dict[str, int] = {}
    for result in results:
        sums[result["Id"]] = sums.get(result["Id"], 0) + int(sum(result.get("Values", [])))
    return {name: RuleMetrics(*(sums.get(f"m{i}_{j}", 0) for j in range(len(_METRICS))))
            for i, name in enumerate(names)}

