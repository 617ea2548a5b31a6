"""Run a plan with boto3: regions in parallel, phases in order, every call reported."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby

from aws.desired import TARGET_ID, tags
from aws.errors import AwsError, ChangeWatchError, translate
from aws.plan import Action, Plan, RegionPlan
from aws.session import AwsAccess, call


@dataclass(frozen=True)
class ProgressEvent:
    region: str
    status: str  # "started" | "done" | "failed" | "region_done" | "region_failed"
    action: Action | None = None
    error: ChangeWatchError | None = None
    done: int = 0   # actions finished so far, all regions
    total: int = 0


@dataclass(frozen=True)
class RegionResult:
    region: str
    done: tuple[Action, ...]
    error: ChangeWatchError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Result:
    regions: tuple[RegionResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.regions)

    @property
    def done(self) -> tuple[Action, ...]:
        return tuple(a for r in self.regions for a in r.done)


class _Executor:
    def __init__(self, access: AwsAccess, deployment: str,
                 on_progress: Callable[[ProgressEvent], None] | None,
                 cancelled: Callable[[], bool] | None, total: int) -> None:
        self.access, self.deployment = access, deployment
        self.on_progress = on_progress or (lambda event: None)
        self.cancelled = cancelled
        self.total, self.done = total, 0
        self._lock = threading.Lock()

    def report(self, region: str, status: str, action: Action | None = None,
               error: ChangeWatchError | None = None) -> None:
        with self._lock:
            if status == "done":
                self.done += 1
            event = ProgressEvent(region, status, action, error, self.done, self.total)
        self.on_progress(event)

    def region(self, plan: RegionPlan) -> RegionResult:
        if plan.error:
            self.report(plan.region, "region_failed", error=plan.error)
            return RegionResult(plan.region, (), plan.error)
        finished: list[Action] = []
        ordered = sorted(plan.actions, key=lambda a: a.phase)
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix=f"apply-{plan.region}") as pool:
            for _, phase in groupby(ordered, key=lambda a: a.phase):
                futures = {pool.submit(self.one, a): a for a in phase}
                errors = []
                for future in as_completed(futures):
                    error = future.result()
                    if error is None:
                        finished.append(futures[future])
                    else:
                        errors.append(error)
                if errors:  # later phases depend on this one: stop the region here
                    self.report(plan.region, "region_failed", error=errors[0])
                    return RegionResult(plan.region, tuple(finished), errors[0])
        self.report(plan.region, "region_done")
        return RegionResult(plan.region, tuple(finished))

    def one(self, action: Action) -> ChangeWatchError | None:
        self.report(action.region, "started", action)
        try:
            _RUN[action.kind](self, action)
        except ChangeWatchError as exc:
            self.report(action.region, "failed", action, exc)
            return exc
        except Exception as exc:  # noqa: BLE001 - reported with the region, never lost
            error = translate(exc, action.kind, action.region)
            self.report(action.region, "failed", action, error)
            return error
        self.report(action.region, "done", action)
        return None

    def sns(self, region: str):
        return self.access.client("sns", region)

    def events(self, region: str):
        return self.access.client("events", region)


def _create_topic(x: _Executor, a: Action) -> None:
    attrs = {"DisplayName": a.topic.display_name, "Policy": a.topic.policy}
    if a.topic.kms_key:
        attrs["KmsMasterKeyId"] = a.topic.kms_key
    call(x.sns(a.region), "create_topic", a.region, x.cancelled, Name=a.topic.topic_name,
         Attributes=attrs, Tags=tags(x.deployment))


def _update_topic(x: _Executor, a: Action) -> None:
    values = {"DisplayName": a.topic.display_name, "Policy": a.topic.policy,
              "KmsMasterKeyId": a.topic.kms_key or ""}
    for name in a.attributes or tuple(values):  # only what differs; one call per attribute
        value = values[name]
        call(x.sns(a.region), "set_topic_attributes", a.region, x.cancelled, TopicArn=a.arn,
             AttributeName=name, AttributeValue=value)


def _subscribe(x: _Executor, a: Action) -> None:
    call(x.sns(a.region), "subscribe", a.region, x.cancelled, TopicArn=a.arn, Protocol="email",
         Endpoint=a.name, ReturnSubscriptionArn=True)


def _unsubscribe(x: _Executor, a: Action) -> None:
    call(x.sns(a.region), "unsubscribe", a.region, x.cancelled, SubscriptionArn=a.arn)


def _put_rule(x: _Executor, a: Action) -> None:
    call(x.events(a.region), "put_rule", a.region, x.cancelled, Name=a.rule.name,
         EventPattern=a.rule.pattern, State=a.rule.state, Description=a.rule.description,
         Tags=tags(x.deployment))


def _put_target(x: _Executor, a: Action) -> None:
    reply = call(x.events(a.region), "put_targets", a.region, x.cancelled, Rule=a.rule.name,
                 Targets=[{"Id": TARGET_ID, "Arn": a.arn,
                           "InputTransformer": a.rule.transformer.as_api()}])
    _check_entries(reply, a.region, "PutTargets")


def _check_entries(reply: dict, region: str, operation: str) -> None:
    """PutTargets and RemoveTargets answer 200 even when an entry failed."""
    if reply.get("FailedEntryCount"):
        entry = reply["FailedEntries"][0]
        raise AwsError(kind="aws_failed", region=region, operation=operation,
                       detail=f"{entry.get('ErrorCode')}: {entry.get('ErrorMessage')}")


def _delete_rule(x: _Executor, a: Action) -> None:
    """A rule with targets cannot be deleted: remove them first. Already gone is fine:
    a retried call whose first answer was lost must not fail the removal."""
    client = x.events(a.region)
    with _gone_is_done():
        if a.targets:
            reply = call(client, "remove_targets", a.region, x.cancelled, Rule=a.name,
                         Ids=list(a.targets))
            _check_entries(reply, a.region, "RemoveTargets")
        call(client, "delete_rule", a.region, x.cancelled, Name=a.name)


def _delete_topic(x: _Executor, a: Action) -> None:
    # Deleting a topic deletes its subscriptions too.
    with _gone_is_done():
        call(x.sns(a.region), "delete_topic", a.region, x.cancelled, TopicArn=a.arn)


@contextmanager
def _gone_is_done():
    try:
        yield
    except AwsError as exc:
        if exc.kind != "not_found":
            raise


_RUN: dict[str, Callable[[_Executor, Action], None]] = {
    "create_topic": _create_topic, "update_topic": _update_topic, "subscribe": _subscribe,
    "unsubscribe": _unsubscribe, "put_rule": _put_rule, "put_target": _put_target,
    "delete_rule": _delete_rule, "delete_topic": _delete_topic,
}


def execute(access: AwsAccess, plan: Plan,
            on_progress: Callable[[ProgressEvent], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Result:
    """Make AWS match the plan. A failed region is a result with its error; others go on."""
    executor = _Executor(access, plan.deployment, on_progress, cancelled, len(plan.actions))
    work = [r for r in plan.regions if r.actions or r.error]
    if not work:
        return Result(())
    with ThreadPoolExecutor(max_workers=len(work), thread_name_prefix="region") as pool:
        futures = {pool.submit(executor.region, r): r.region for r in work}
        results = {futures[f]: f.result() for f in as_completed(futures)}
    return Result(tuple(results[r.region] for r in work))
