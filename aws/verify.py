"""Verify end to end: one harmless matching change, then each hop it should pass, with its time.

The change: an empty security group, tagged as ChangeWatch's, created and deleted at once in the
notifying region's default VPC. The hops are read from the metrics AWS keeps for each of them
(one-minute datapoints), so nothing is added to the account to watch them:
  AWS/Events Invocations | FailedInvocations (RuleName)
  AWS/States ExecutionsSucceeded | ExecutionsFailed (StateMachineArn), rich emails only
  AWS/SNS NumberOfMessagesPublished, NumberOfNotificationsDelivered | ...Failed (TopicName)
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
https://docs.aws.amazon.com/sns/latest/dg/sns-monitoring-using-cloudwatch.html
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from aws.catalog import Catalog, samples
from aws.desired import DesiredRule, desired_state
from aws.errors import Cancelled, ChangeWatchError, ErrorKind, SettingsError
from aws.match import delivers, to_eventbridge
from aws.names import TAG_KEY
from aws.session import AwsAccess, call
from aws.settings import Settings
from aws.trail_coverage import region_coverage

# The API calls the change makes; a watched group must match the first for the check to mean
# anything.
CHANGE_EVENTS = ("CreateSecurityGroup", "DeleteSecurityGroup")
# Told of each API call the change makes: (region, name, request, response).
Witness = Callable[[str, str, dict, dict], None]
VERIFY_TAG = "changewatch:verify"


class Hop(StrEnum):
    CHANGE = "change"  # the security group was created and deleted
    RULE = "rule"  # EventBridge matched the event and invoked the target
    FORMATTER = "formatter"  # the Step Functions formatter wrote the email (rich)
    TOPIC = "topic"  # SNS received the message
    DELIVERY = "delivery"  # SNS delivered it to the email address


class HopState(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    WAITING = "waiting"  # not seen yet
    SKIPPED = "skipped"  # cannot happen as things are (e.g. subscription pending)


class Why(StrEnum):
    """Why a hop failed or was skipped; worded by `hop_text`."""

    NONE = ""
    TIMEOUT = "timeout"
    NO_TRAIL = "no_trail"
    FAILED_INVOCATIONS = "failed_invocations"
    EXECUTIONS_FAILED = "executions_failed"
    DELIVERIES_FAILED = "deliveries_failed"
    PENDING = "pending"
    EARLIER_HOP = "earlier_hop"


@dataclass(frozen=True)
class HopResult:
    hop: Hop
    state: HopState = HopState.WAITING
    at: datetime | None = None  # the minute the metric saw it (UTC)
    why: Why = Why.NONE
    detail: str = ""  # a resource id, or AWS's own error text


@dataclass(frozen=True)
class VerifyPlan:
    """What `run` will do and where; everything here was read, nothing changed."""

    region: str
    account: str
    vpc_id: str
    group_name: str
    rule: str
    topic_name: str
    state_machine_arn: str | None
    trail_logging: bool
    subscription_confirmed: bool
    deployment: str

    def hops(self) -> tuple[Hop, ...]:
        middle = (Hop.FORMATTER,) if self.state_machine_arn else ()
        return (Hop.CHANGE, Hop.RULE, *middle, Hop.TOPIC, Hop.DELIVERY)


def plan_verify(access: AwsAccess, settings: Settings, catalog: Catalog, *,
                now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> VerifyPlan:
    """Read what the check needs; a SettingsError says why it cannot be run."""
    identity = access.identity()
    state = desired_state(settings, catalog, identity)
    region = state.home or settings.home
    notifying = state.get(region)
    rule = _rule_for_change(notifying.rules if notifying else ())
    if notifying is None or notifying.topic is None or rule is None:
        raise SettingsError(
            "verify needs a watched group that matches CreateSecurityGroup in "
            f"{region or 'the home region'} (security-groups)", ErrorKind.BAD_SETTINGS)
    ec2 = access.client("ec2", region)
    vpcs = call(ec2, "describe_vpcs", region,
                Filters=[{"Name": "is-default", "Values": ["true"]}]).get("Vpcs", [])
    if not vpcs:
        raise SettingsError(f"{region} has no default VPC to make the test change in",
                            ErrorKind.BAD_SETTINGS)
    trail = region_coverage(access, region, None)
    return VerifyPlan(
        region=region, account=identity.account, vpc_id=vpcs[0]["VpcId"],
        group_name=f"changewatch-verify-{now():%Y%m%d%H%M%S}", rule=rule.name,
        topic_name=notifying.topic.name,
        state_machine_arn=notifying.state_machine.arn if notifying.state_machine else None,
        trail_logging=trail.covered,
        subscription_confirmed=_confirmed(access, region, notifying.topic.arn,
                                          notifying.topic.email),
        deployment=settings.deployment)


def _rule_for_change(rules: tuple[DesiredRule, ...]) -> DesiredRule | None:
    records = samples("security-groups", [CHANGE_EVENTS[0]])
    if not records:
        return None
    event = to_eventbridge(records[0])
    return next((r for r in rules if not r.forwards and delivers(r.pattern_dict, r.state, event)),
                None)


def _confirmed(access: AwsAccess, region: str, topic_arn: str, email: str) -> bool:
    try:
        subs = call(access.client("sns", region), "list_subscriptions_by_topic", region,
                    TopicArn=topic_arn).get("Subscriptions", [])
    except ChangeWatchError:
        return False  # the topic is missing: the TOPIC hop will say so
    return any(s.get("Endpoint") == email and s.get("SubscriptionArn", "").startswith("arn:")
               for s in subs)


# (hop, metric namespace, metric, dimension name, passed-or-failed)
_METRICS = (
    (Hop.RULE, "AWS/Events", "Invocations", "RuleName", HopState.PASSED),
    (Hop.RULE, "AWS/Events", "FailedInvocations", "RuleName", HopState.FAILED),
    (Hop.FORMATTER, "AWS/States", "ExecutionsSucceeded", "StateMachineArn", HopState.PASSED),
    (Hop.FORMATTER, "AWS/States", "ExecutionsFailed", "StateMachineArn", HopState.FAILED),
    (Hop.TOPIC, "AWS/SNS", "NumberOfMessagesPublished", "TopicName", HopState.PASSED),
    (Hop.DELIVERY, "AWS/SNS", "NumberOfNotificationsDelivered", "TopicName", HopState.PASSED),
    (Hop.DELIVERY, "AWS/SNS", "NumberOfNotificationsFailed", "TopicName", HopState.FAILED),
)
_FAILED_WHY = {Hop.RULE: Why.FAILED_INVOCATIONS, Hop.FORMATTER: Why.EXECUTIONS_FAILED,
               Hop.DELIVERY: Why.DELIVERIES_FAILED}


@dataclass
class Verifier:
    """Runs a VerifyPlan: the change, then a poll of the hops' metrics until all are known."""

    access: AwsAccess
    plan: VerifyPlan
    timeout: float = 600.0  # EventBridge and SNS metrics arrive within minutes
    poll_every: float = 20.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    # Told of each API call the change makes (region, name, request, response). AWS records
    # them in CloudTrail by itself; the sandbox listens here to play CloudTrail.
    observer: Witness | None = None

    def run(self, on_hop: Callable[[HopResult], None] = lambda _r: None,
            cancelled: Callable[[], bool] | None = None) -> tuple[HopResult, ...]:
        started = datetime.now(UTC).replace(second=0, microsecond=0)
        results = {hop: HopResult(hop) for hop in self.plan.hops()}
        results[Hop.CHANGE] = self._change(cancelled)
        on_hop(results[Hop.CHANGE])
        if not self.plan.subscription_confirmed:
            results[Hop.DELIVERY] = HopResult(Hop.DELIVERY, HopState.SKIPPED, why=Why.PENDING)
            on_hop(results[Hop.DELIVERY])
        deadline = self.clock() + self.timeout
        while self._open(results):
            if cancelled is not None and cancelled():
                raise Cancelled()
            self._read(results, started, on_hop, cancelled)
            if not self._open(results) or self.clock() >= deadline:
                break
            self.sleep(self.poll_every)
        for hop, result in results.items():
            if result.state == HopState.WAITING:
                results[hop] = self._timed_out(hop, results)
                on_hop(results[hop])
        return tuple(results.values())

    def _change(self, cancelled: Callable[[], bool] | None) -> HopResult:
        plan, region = self.plan, self.plan.region
        ec2 = self.access.client("ec2", region)
        request = {
            "GroupName": plan.group_name, "VpcId": plan.vpc_id,
            "Description": "ChangeWatch end-to-end check; deleted at once",
            "TagSpecifications": [{"ResourceType": "security-group", "Tags": [
                {"Key": TAG_KEY, "Value": plan.deployment},
                {"Key": VERIFY_TAG, "Value": "true"}]}]}
        created = call(ec2, "create_security_group", region, cancelled, **request)
        group_id = created["GroupId"]
        try:
            self._observe("CreateSecurityGroup", request, created)
        finally:  # the group never outlives the check
            call(ec2, "delete_security_group", region, None, GroupId=group_id)
        self._observe("DeleteSecurityGroup", {"GroupId": group_id}, {"return": True})
        return HopResult(Hop.CHANGE, HopState.PASSED, datetime.now(UTC), detail=group_id)

    def _observe(self, name: str, request: dict, response: dict) -> None:
        if self.observer is not None:
            self.observer(self.plan.region, name, request, response)

    @staticmethod
    def _open(results: dict[Hop, HopResult]) -> bool:
        return any(r.state == HopState.WAITING for r in results.values())

    def _read(self, results: dict[Hop, HopResult], started: datetime,
              on_hop: Callable[[HopResult], None], cancelled: Callable[[], bool] | None) -> None:
        seen = self._first_datapoints(started, cancelled)
        for i, (hop, _ns, _metric, _dim, outcome) in enumerate(_METRICS):
            at = seen.get(f"m{i}")
            if at is None or hop not in results or results[hop].state != HopState.WAITING:
                continue
            why = _FAILED_WHY.get(hop, Why.NONE) if outcome == HopState.FAILED else Why.NONE
            results[hop] = HopResult(hop, outcome, at, why)
            on_hop(results[hop])

    def _first_datapoints(self, started: datetime,
                          cancelled: Callable[[], bool] | None) -> dict[str, datetime]:
        """Query id → the first minute with a non-zero sum since the change."""
        plan = self.plan
        values = {"RuleName": plan.rule, "TopicName": plan.topic_name,
                  "StateMachineArn": plan.state_machine_arn or ""}
        queries = [{"Id": f"m{i}", "ReturnData": True, "MetricStat": {
            "Metric": {"Namespace": ns, "MetricName": metric,
                       "Dimensions": [{"Name": dim, "Value": values[dim]}]},
            "Period": 60, "Stat": "Sum"}}
            for i, (_hop, ns, metric, dim, _o) in enumerate(_METRICS) if values[dim]]
        end = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
        reply = call(self.access.client("cloudwatch", plan.region), "get_metric_data",
                     plan.region, cancelled, MetricDataQueries=queries,
                     StartTime=started - timedelta(minutes=1), EndTime=end,
                     ScanBy="TimestampAscending")
        found: dict[str, datetime] = {}
        for result in reply.get("MetricDataResults", []):
            points = [t for t, v in zip(result.get("Timestamps", []), result.get("Values", []),
                                        strict=False)
                      if v > 0]
            if points:
                found[result["Id"]] = min(points)
        return found

    def _timed_out(self, hop: Hop, results: dict[Hop, HopResult]) -> HopResult:
        earlier = [r for h, r in results.items() if h != Hop.CHANGE and
                   list(results).index(h) < list(results).index(hop)]
        if any(r.state in (HopState.FAILED, HopState.SKIPPED) or r.why == Why.TIMEOUT
               or r.why == Why.NO_TRAIL for r in earlier):
            return HopResult(hop, HopState.SKIPPED, why=Why.EARLIER_HOP)
        why = Why.NO_TRAIL if hop == Hop.RULE and not self.plan.trail_logging else Why.TIMEOUT
        return replace(results[hop], state=HopState.FAILED, why=why)


_HOPS = {
    "en": {Hop.CHANGE: "Test change (security group created and deleted)",
           Hop.RULE: "EventBridge rule matched and invoked its target",
           Hop.FORMATTER: "Email formatter (Step Functions) ran",
           Hop.TOPIC: "SNS topic received the message",
           Hop.DELIVERY: "SNS delivered the email"},
    "ja": {Hop.CHANGE: "テスト用の変更（セキュリティグループを作成して削除）",
           Hop.RULE: "EventBridge ルールが一致し、ターゲットを呼び出した",
           Hop.FORMATTER: "メール整形（Step Functions）が実行された",
           Hop.TOPIC: "SNS トピックがメッセージを受け取った",
           Hop.DELIVERY: "SNS がメールを配信した"},
}
_WHY = {
    "en": {Why.TIMEOUT: "not seen within {minutes} minutes",
           Why.NO_TRAIL: "no CloudTrail trail is logging in {region}, so EventBridge never "
                         "receives the call: create a trail",
           Why.FAILED_INVOCATIONS: "EventBridge could not deliver to the target: check the "
                                   "topic's policy, its KMS key and the forwarding role",
           Why.EXECUTIONS_FAILED: "the formatter failed: see its executions in the Step "
                                  "Functions console",
           Why.DELIVERIES_FAILED: "SNS could not deliver the email",
           Why.PENDING: "the subscription is not confirmed yet: click the link in the "
                        "confirmation email",
           Why.EARLIER_HOP: "not reached: an earlier step did not pass"},
    "ja": {Why.TIMEOUT: "{minutes} 分以内に確認できませんでした",
           Why.NO_TRAIL: "{region} でログを記録している CloudTrail の証跡がないため、EventBridge "
                         "に呼び出しが届きません。証跡を作成してください",
           Why.FAILED_INVOCATIONS: "EventBridge がターゲットに配信できませんでした。トピックの"
                                   "ポリシー、KMS キー、転送用ロールを確認してください",
           Why.EXECUTIONS_FAILED: "メール整形が失敗しました。Step Functions コンソールで実行を"
                                  "確認してください",
           Why.DELIVERIES_FAILED: "SNS がメールを配信できませんでした",
           Why.PENDING: "サブスクリプションがまだ確認されていません。確認メールのリンクをクリック"
                        "してください",
           Why.EARLIER_HOP: "前の段階が通らなかったため、ここまで届きませんでした"},
}
_STATE = {"en": {HopState.PASSED: "✓", HopState.FAILED: "✗", HopState.WAITING: "…",
                 HopState.SKIPPED: "–"},
          "ja": {HopState.PASSED: "✓", HopState.FAILED: "✗", HopState.WAITING: "…",
                 HopState.SKIPPED: "–"}}


def describe(plan: VerifyPlan, language: str, timeout: float = 600.0) -> str:
    """What the check will do and where, said before it runs."""
    minutes = round(timeout / 60)
    if language == "ja":
        return (f"{plan.region} の既定の VPC（{plan.vpc_id}）に、空のセキュリティグループ "
                f"{plan.group_name}（ChangeWatch のタグ付き）を作成してすぐに削除します。"
                "その後、ルール・メール整形・SNS の各段階が通ったかを CloudWatch のメトリクスで"
                f"最大 {minutes} 分間確認します。"
                "テストの変更について通知メールが 2 通（作成と削除）届きます。")
    return (f"Creates an empty security group {plan.group_name} (tagged as ChangeWatch's) in "
            f"{plan.region}'s default VPC ({plan.vpc_id}) and deletes it at once, then follows "
            "the rule, the formatter and SNS through their CloudWatch metrics for up to "
            f"{minutes} minutes. Two alert emails (the test group created, then deleted) will "
            "arrive.")


def hop_text(result: HopResult, plan: VerifyPlan, language: str, *, timeout: float = 600.0,
             zone: tzinfo | None = None) -> str:
    """One line per hop: mark, what, when (the metric's minute, local time), and why not."""
    lang = "ja" if language == "ja" else "en"
    line = f"{_STATE[lang][result.state]} {_HOPS[lang][result.hop]}"
    if result.at is not None:
        line += f" — {result.at.astimezone(zone):%H:%M}"
    if result.detail and result.hop == Hop.CHANGE:
        line += f" ({result.detail})"
    if result.why != Why.NONE:
        line += ": " + _WHY[lang][result.why].format(minutes=round(timeout / 60),
                                                      region=plan.region)
    return line


def interruptible_sleep(cancelled: Callable[[], bool] | None,
                        step: float = 0.25) -> Callable[[float], None]:
    """time.sleep that returns early once `cancelled` says so (the loop then stops)."""
    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (cancelled and cancelled()):
            time.sleep(min(step, max(end - time.monotonic(), 0)))
    return sleep


def passed(results: tuple[HopResult, ...]) -> bool:
    return all(r.state == HopState.PASSED for r in results)
