"""Runs a plan: regions in parallel, phases in order, each instruction by its type; idempotent."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby

from aws.errors import AwsError, ChangeWatchError, ErrorKind, translate
from aws.fanout import per_region
from aws.instructions import (
    CreateTopic,
    DeleteRule,
    DeleteTopic,
    Instruction,
    PutRule,
    PutTarget,
    Subscribe,
    Unsubscribe,
    UpdateTopic,
)
from aws.names import tags
from aws.plan import Plan, RegionPlan
from aws.session import AwsAccess, call


class Progress(StrEnum):
    STARTED = "started"
    DONE = "done"
    FAILED = "failed"
    REGION_DONE = "region_done"
    REGION_FAILED = "region_failed"


@dataclass(frozen=True)
class ProgressEvent:
    region: str
    status: Progress
    instruction: Instruction | None = None
    error: ChangeWatchError | None = None
    done: int = 0   # instructions finished so far, all regions
    total: int = 0


@dataclass(frozen=True)
class RegionResult:
    region: str
    done: tuple[Instruction, ...]
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
    def done(self) -> tuple[Instruction, ...]:
        return tuple(i for r in self.regions for i in r.done)

    @property
    def unfinished(self) -> tuple[str, ...]:
        return tuple(r.region for r in self.regions if not r.ok)


OnProgress = Callable[[ProgressEvent], None]


class Executor:
    """Runs instructions with boto3; `_do_<Instruction class>` is the call for each kind."""

    def __init__(self, access: AwsAccess, deployment: str, on_progress: OnProgress | None,
                 cancelled: Callable[[], bool] | None, total: int) -> None:
        self.access, self.deployment = access, deployment
        self.on_progress = on_progress or (lambda event: None)
        self.cancelled = cancelled
        self.total, self.finished = total, 0
        self._lock = threading.Lock()

    def report(self, region: str, status: Progress, instruction: Instruction | None = None,
               error: ChangeWatchError | None = None) -> None:
        with self._lock:
            if status == Progress.DONE:
                self.finished += 1
            event = ProgressEvent(region, status, instruction, error, self.finished, self.total)
        self.on_progress(event)

    def region(self, plan: RegionPlan) -> RegionResult:
        if plan.error:
            self.report(plan.region, Progress.REGION_FAILED, error=plan.error)
            return RegionResult(plan.region, (), plan.error)
        finished: list[Instruction] = []
        ordered = sorted(plan.instructions, key=lambda i: i.phase)
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix=f"apply-{plan.region}") as pool:
            for _, phase in groupby(ordered, key=lambda i: i.phase):
                futures = {pool.submit(self.one, i): i for i in phase}
                errors = []
                for future in as_completed(futures):
                    error = future.result()
                    if error is None:
                        finished.append(futures[future])
                    else:
                        errors.append(error)
                if errors:  # later phases depend on this one: stop the region here
                    self.report(plan.region, Progress.REGION_FAILED, error=errors[0])
                    return RegionResult(plan.region, tuple(finished), errors[0])
        self.report(plan.region, Progress.REGION_DONE)
        return RegionResult(plan.region, tuple(finished))

    def one(self, instruction: Instruction) -> ChangeWatchError | None:
        region = instruction.region
        self.report(region, Progress.STARTED, instruction)
        try:
            getattr(self, f"_do_{type(instruction).__name__}")(instruction)
        except Exception as exc:  # noqa: BLE001 - reported with its region, never lost
            error = translate(exc, type(instruction).__name__, region)
            self.report(region, Progress.FAILED, instruction, error)
            return error
        self.report(region, Progress.DONE, instruction)
        return None

    def _sns(self, region: str):
        return self.access.client("sns", region)

    def _events(self, region: str):
        return self.access.client("events", region)

    def _do_CreateTopic(self, step: CreateTopic) -> None:
        attrs = {"DisplayName": step.topic.display_name, "Policy": step.topic.policy}
        if step.topic.kms_key:
            attrs["KmsMasterKeyId"] = step.topic.kms_key
        call(self._sns(step.region), "create_topic", step.region, self.cancelled,
             Name=step.topic.name, Attributes=attrs, Tags=tags(self.deployment))

    def _do_UpdateTopic(self, step: UpdateTopic) -> None:
        values = {"display_name": ("DisplayName", step.topic.display_name),
                  "policy": ("Policy", step.topic.policy),
                  "kms_key": ("KmsMasterKeyId", step.topic.kms_key or "")}
        for differs in step.differs:  # only what differs; one call per attribute
            name, value = values[differs]
            call(self._sns(step.region), "set_topic_attributes", step.region, self.cancelled,
                 TopicArn=step.arn, AttributeName=name, AttributeValue=value)

    def _do_Subscribe(self, step: Subscribe) -> None:
        call(self._sns(step.region), "subscribe", step.region, self.cancelled,
             TopicArn=step.topic_arn, Protocol="email", Endpoint=step.email,
             ReturnSubscriptionArn=True)

    def _do_Unsubscribe(self, step: Unsubscribe) -> None:
        call(self._sns(step.region), "unsubscribe", step.region, self.cancelled,
             SubscriptionArn=step.subscription_arn)

    def _do_PutRule(self, step: PutRule) -> None:
        rule = step.rule
        call(self._events(step.region), "put_rule", step.region, self.cancelled, Name=rule.name,
             EventPattern=rule.pattern, State=rule.state, Description=rule.description,
             Tags=tags(self.deployment))

    def _do_PutTarget(self, step: PutTarget) -> None:
        reply = call(self._events(step.region), "put_targets", step.region, self.cancelled,
                     Rule=step.rule.name, Targets=[step.rule.target.as_api()])
        _check_entries(reply, step.region, "PutTargets")

    def _do_DeleteRule(self, step: DeleteRule) -> None:
        """Already gone is fine: a retried call whose first answer was lost must not fail."""
        client = self._events(step.region)
        with _gone_is_done():
            if step.target_ids:
                reply = call(client, "remove_targets", step.region, self.cancelled,
                             Rule=step.name, Ids=list(step.target_ids))
                _check_entries(reply, step.region, "RemoveTargets")
            call(client, "delete_rule", step.region, self.cancelled, Name=step.name)

    def _do_DeleteTopic(self, step: DeleteTopic) -> None:
        with _gone_is_done():
            call(self._sns(step.region), "delete_topic", step.region, self.cancelled,
                 TopicArn=step.arn)


def _check_entries(reply: dict, region: str, operation: str) -> None:
    """PutTargets and RemoveTargets answer 200 even when an entry failed."""
    if reply.get("FailedEntryCount"):
        entry = reply["FailedEntries"][0]
        raise AwsError(kind=ErrorKind.AWS_FAILED, region=region, operation=operation,
                       detail=f"{entry.get('ErrorCode')}: {entry.get('ErrorMessage')}")


@contextmanager
def _gone_is_done() -> Iterator[None]:
    try:
        yield
    except AwsError as exc:
        if exc.kind != ErrorKind.NOT_FOUND:
            raise


def execute(access: AwsAccess, plan: Plan, on_progress: OnProgress | None = None,
            cancelled: Callable[[], bool] | None = None) -> Result:
    """Make AWS match the plan. A failed region is a result with its error; others go on."""
    executor = Executor(access, plan.deployment, on_progress, cancelled, len(plan.instructions))
    work = {r.region: r for r in plan.regions if r.instructions or r.error}
    outcomes = per_region(work, lambda region: executor.region(work[region]), name="apply")
    return Result(tuple(o.value if o.value is not None else RegionResult(region, (), o.error)
                        for region, o in outcomes.items()))
