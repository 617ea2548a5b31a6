"""What a deployment looks like in AWS now, and the small verbs the dashboard offers on it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from aws.apply import ProgressEvent, Result, execute
from aws.catalog import Catalog, load_catalog, resolve_watch
from aws.desired import PLACEHOLDER_IDENTITY, desired_state, preview
from aws.errors import ChangeWatchError, SettingsError
from aws.events import WatchedRule
from aws.inventory import RegionInventory
from aws.plan import Plan, RegionPlan, make_plan
from aws.regions import GLOBAL_REGION
from aws.session import AwsAccess, call, paginate
from aws.settings import Settings
from aws.trail_setup import TrailCoverage, coverage

# Drift kinds, phrased by the GUI. Each is one plan action on an existing deployment.
_DRIFT = {
    ("create_topic", "create"): "topic_missing",
    ("update_topic", "update"): "topic_changed",
    ("subscribe", "create"): "subscription_missing",
    ("unsubscribe", "delete"): "extra_subscription",
    ("put_rule", "create"): "rule_missing",
    ("put_rule", "update"): "rule_changed",
    ("put_target", "create"): "target_missing",
    ("put_target", "update"): "target_changed",
    ("delete_rule", "delete"): "extra_rule",
    ("delete_topic", "delete"): "extra_topic",
}
_METRICS = ("Invocations", "FailedInvocations")


@dataclass(frozen=True)
class Drift:
    region: str
    kind: str  # a value of _DRIFT, or "not_deployed" when the region has nothing yet
    name: str
    reason: str = ""


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
    subscriptions: tuple[SubscriptionStatus, ...]
    rules: tuple[RuleStatus, ...]
    drift: tuple[Drift, ...]
    trail: TrailCoverage | None = None
    error: ChangeWatchError | None = None

    @property
    def pending(self) -> bool:
        return any(s.pending for s in self.subscriptions)

    @property
    def confirmed(self) -> bool:
        return any(not s.pending for s in self.subscriptions)


@dataclass(frozen=True)
class DeploymentStatus:
    deployment: str
    account: str
    regions: tuple[RegionStatus, ...]

    @property
    def drift(self) -> tuple[Drift, ...]:
        return tuple(d for r in self.regions for d in r.drift)

    @property
    def deployed(self) -> bool:
        return any(r.topic_arn or r.rules for r in self.regions)

    def region(self, name: str) -> RegionStatus | None:
        return next((r for r in self.regions if r.region == name), None)


def drift_of(plan: RegionPlan) -> tuple[Drift, ...]:
    """The plan's actions as drift; a region with nothing deployed is one 'not_deployed'."""
    if plan.inventory.empty:
        return (Drift(plan.region, "not_deployed", plan.region),) if plan.actions else ()
    missing_rules = {a.name for a in plan.actions if a.kind == "put_rule" and a.change == "create"}
    found: list[Drift] = []
    for action in plan.actions:
        if action.kind == "put_target" and action.name in missing_rules:
            continue  # the missing rule says it already
        kind = _DRIFT.get((action.kind, action.change), action.kind)
        found.append(Drift(plan.region, kind, action.name, action.reason))
    return tuple(found)


def region_status(plan: RegionPlan, trail: TrailCoverage | None = None,
                  metrics: dict[str, RuleMetrics] | None = None) -> RegionStatus:
    """One region's status from its plan (inventory + desired state); pure."""
    inventory: RegionInventory = plan.inventory
    topic = inventory.topics[0] if inventory.topics else None
    subs = tuple(SubscriptionStatus(s.endpoint, s.pending, s.arn)
                 for s in (topic.subscriptions if topic else ()) if s.protocol == "email")
    metrics = metrics or {}
    rules = tuple(RuleStatus(r.name, r.state, bool(r.targets), metrics.get(r.name))
                  for r in inventory.rules)
    return RegionStatus(plan.region, topic.arn if topic else "", subs, rules, drift_of(plan),
                        trail, plan.error)


def read_status(access: AwsAccess, settings: Settings, deployed_regions: Iterable[str],
                cancelled: Callable[[], bool] | None = None, *,
                catalog: Catalog | None = None) -> DeploymentStatus:
    """Read the deployment from AWS (by tag), its drift, trail coverage and 24 h deliveries."""
    also = tuple(dict.fromkeys((*deployed_regions, GLOBAL_REGION)))
    plan = make_plan(access, settings, catalog=catalog, also_regions=also, cancelled=cancelled)
    regions = [r for r in plan.regions if r.desired or not r.inventory.empty or r.error]
    names = [r.region for r in regions]
    with ThreadPoolExecutor(max_workers=max(1, len(names)), thread_name_prefix="status") as pool:
        trail_f = pool.submit(_safe_coverage, access, names, cancelled)
        metric_fs = {r.region: pool.submit(_safe_metrics, access, r.region,
                                           [x.name for x in r.inventory.rules])
                     for r in regions if r.inventory.rules}
        trails = trail_f.result()
        metrics = {region: f.result() for region, f in metric_fs.items()}
    return DeploymentStatus(plan.deployment, plan.account, tuple(
        region_status(r, trails.get(r.region), metrics.get(r.region)) for r in regions))


def _safe_coverage(access: AwsAccess, regions: list[str],
                   cancelled: Callable[[], bool] | None) -> dict[str, TrailCoverage]:
    try:
        return coverage(access, regions, cancelled)
    except ChangeWatchError:
        return {}  # coverage is advice; a refusal must not hide the deployment's status


def _safe_metrics(access: AwsAccess, region: str, names: list[str]) -> dict[str, RuleMetrics]:
    try:
        return rule_metrics(access, region, names)
    except ChangeWatchError:
        return {}


def repair(access: AwsAccess, settings: Settings, deployed_regions: Iterable[str],
           on_progress: Callable[[ProgressEvent], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Result:
    """Re-apply the settings on a fresh plan: the same as `apply`, so safe to repeat."""
    plan: Plan = make_plan(access, settings, also_regions=tuple(deployed_regions),
                           cancelled=cancelled)
    return execute(access, plan, on_progress, cancelled)


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


def send_test_notification(access: AwsAccess, settings: Settings, region: str, *,
                           catalog: Catalog | None = None) -> str:
    """Publish a rendered sample event to the region's topic; returns the message id."""
    catalog = catalog or load_catalog()
    identity = access.identity(region)
    want = desired_state(settings, catalog, identity).get(region)
    if want is None:
        raise SettingsError(f"ChangeWatch watches nothing in {region}")
    _, body = preview(want.rules[0])
    intro = {"en": "This is a test from ChangeWatch. The event below is a sample, not a real "
                   "change in your account.",
             "ja": "これは ChangeWatch のテスト通知です。以下は見本のイベントで、"
                   "アカウントで実際に起きた変更ではありません。"}[_lang(settings)]
    subject = {"en": "ChangeWatch test notification",
               "ja": "ChangeWatch テスト通知"}[_lang(settings)]
    reply = call(access.client("sns", region), "publish", region, TopicArn=want.topic_arn,
                 Subject=subject, Message=f"{intro}\n\n{body}")
    return reply["MessageId"]


def _lang(settings: Settings) -> str:
    return "ja" if settings.language == "ja" else "en"


def resend_confirmation(access: AwsAccess, topic_arn: str, email: str) -> str:
    """Subscribe the address again: AWS sends a new confirmation email."""
    region = _region_of(topic_arn)
    reply = call(access.client("sns", region), "subscribe", region, TopicArn=topic_arn,
                 Protocol="email", Endpoint=email, ReturnSubscriptionArn=True)
    return reply.get("SubscriptionArn", "")


def parse_confirmation(link_or_token: str) -> tuple[str | None, str]:
    """(TopicArn or None, Token) from a pasted confirmation link, or a bare token."""
    text = link_or_token.strip()
    if "://" not in text and "Token=" not in text:
        if not text or any(c.isspace() for c in text):
            raise SettingsError("this is not a confirmation link or token", "bad_link")
        return None, text
    query = parse_qs(urlsplit(text).query or text.split("?", 1)[-1])
    tokens = query.get("Token")
    if not tokens or not tokens[0]:
        raise SettingsError("the link has no Token; copy the whole link from the email",
                            "bad_link")
    arns = query.get("TopicArn")
    return (arns[0] if arns else None), tokens[0]


def confirm_subscription(access: AwsAccess, topic_arn: str, link_or_token: str) -> str:
    """Confirm with AuthenticateOnUnsubscribe, so a forwarded email cannot unsubscribe the team.

    https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html
    """
    link_arn, token = parse_confirmation(link_or_token)
    if link_arn and link_arn != topic_arn:
        raise SettingsError(f"the link is for {link_arn}, not {topic_arn}", "bad_link")
    region = _region_of(topic_arn)
    reply = call(access.client("sns", region), "confirm_subscription", region,
                 TopicArn=topic_arn, Token=token, AuthenticateOnUnsubscribe="true")
    return reply.get("SubscriptionArn", "")


def _region_of(arn: str) -> str:
    parts = arn.split(":")
    if len(parts) < 6 or not parts[3]:
        raise SettingsError(f"not a topic ARN: {arn}")
    return parts[3]


def watched_rules(settings: Settings, catalog: Catalog | None = None) -> list[WatchedRule]:
    """The rules the settings deploy, for the recent-events reader (no AWS call)."""
    catalog = catalog or load_catalog()
    resolve_watch(catalog, settings.watch)
    want = desired_state(settings, catalog, PLACEHOLDER_IDENTITY)
    return [WatchedRule(region, r.name, r.group_id, r.pattern_dict, r.state)
            for region, d in want.items() for r in d.rules]

