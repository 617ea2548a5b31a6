"""Runs a plan: regions in parallel, phases in order, each instruction by its type; idempotent."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby

from aws.compliance.execute import ComplianceSteps
from aws.desired import INLINE_POLICY
from aws.errors import AwsError, Cancelled, ChangeWatchError, ErrorKind, translate
from aws.fanout import per_region
from aws.instructions import (
    IAM_SCOPE,
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
from aws.names import ROLE_PATH, tags
from aws.plan import Plan
from aws.session import AwsAccess, call

# A new role can take seconds to be usable by EventBridge or Step Functions; the calls that
# name it are retried for this long (IAM is eventually consistent):
# https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency
ROLE_WAIT_SECONDS = 40.0
_ROLE_NOT_READY = ("assume", "role")


class Progress(StrEnum):
    STARTED = "started"
    WAITING = "waiting"  # for a new IAM role to become usable
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
        """Regions (and IAM_SCOPE) that did not finish."""
        return tuple(r.region for r in self.regions if not r.ok)

    @property
    def unfinished_regions(self) -> tuple[str, ...]:
        """Real regions that did not finish: they may hold leftovers, so they are remembered."""
        return tuple(r for r in self.unfinished if r != IAM_SCOPE)


OnProgress = Callable[[ProgressEvent], None]


class Executor(ComplianceSteps):
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

    def steps(self, region: str, steps: tuple[Instruction, ...],
              error: ChangeWatchError | None = None) -> RegionResult:
        """One region's (or IAM's) steps, phase after phase; a failure stops the region."""
        if error:
            self.report(region, Progress.REGION_FAILED, error=error)
            return RegionResult(region, (), error)
        finished: list[Instruction] = []
        ordered = sorted(steps, key=lambda i: i.phase)
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix=f"apply-{region}") as pool:
            for _, phase in groupby(ordered, key=lambda i: i.phase):
                futures = {pool.submit(self.one, i): i for i in phase}
                errors = []
                for future in as_completed(futures):
                    failure = future.result()
                    if failure is None:
                        finished.append(futures[future])
                    else:
                        errors.append(failure)
                if errors:  # later phases depend on this one: stop the region here
                    self.report(region, Progress.REGION_FAILED, error=errors[0])
                    return RegionResult(region, tuple(finished), errors[0])
        self.report(region, Progress.REGION_DONE)
        return RegionResult(region, tuple(finished))

    def one(self, instruction: Instruction) -> ChangeWatchError | None:
        region = instruction.region
        self.report(region, Progress.STARTED, instruction)
        try:
            getattr(self, f"_do_{type(instruction).__name__}")(instruction)
        except Exception as exc:  # noqa: BLE001 - reported with its region, never lost
            error = _about_roles(translate(exc, type(instruction).__name__, region))
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
        def put() -> None:
            reply = call(self._events(step.region), "put_targets", step.region, self.cancelled,
                         Rule=step.rule.name, Targets=[step.rule.target.as_api()])
            _check_entries(reply, step.region, "PutTargets")
        if step.rule.target.role_arn:
            self._while_role_settles(put, step)
        else:
            put()

    def _do_RemoveTargets(self, step: RemoveTargets) -> None:
        with _gone_is_done():
            reply = call(self._events(step.region), "remove_targets", step.region,
                         self.cancelled, Rule=step.rule, Ids=list(step.target_ids))
            _check_entries(reply, step.region, "RemoveTargets")

    def _while_role_settles(self, attempt: Callable[[], None], step: Instruction) -> None:
        """Retry a call that names a just-made role until IAM has spread it (bounded)."""
        deadline, pause = time.monotonic() + ROLE_WAIT_SECONDS, 1.0
        while True:
            try:
                attempt()
                return
            except AwsError as exc:
                waiting = all(word in exc.detail.lower() for word in _ROLE_NOT_READY)
                if not waiting or time.monotonic() + pause > deadline:
                    raise
            self.report(step.region, Progress.WAITING, step)
            for _ in range(int(pause * 10)):  # a cancel is noticed within 0.1 s
                if self.cancelled is not None and self.cancelled():
                    raise Cancelled()
                time.sleep(0.1)
            pause = min(pause * 2, 8.0)

    def _iam(self):
        return self.access.client("iam", "us-east-1")

    def _do_PutRole(self, step: PutRole) -> None:
        role, iam = step.role, self._iam()
        if step.change == Change.CREATE:
            with _exists_is_done():
                call(iam, "create_role", IAM_SCOPE, self.cancelled, RoleName=role.name,
                     Path=ROLE_PATH, AssumeRolePolicyDocument=role.trust,
                     Description=role.description[:1000], MaxSessionDuration=3600,
                     Tags=tags(self.deployment))
        elif Differs.TRUST in step.differs:
            call(iam, "update_assume_role_policy", IAM_SCOPE, self.cancelled,
                 RoleName=role.name, PolicyDocument=role.trust)
        if step.change == Change.CREATE or Differs.PERMISSIONS in step.differs:
            call(iam, "put_role_policy", IAM_SCOPE, self.cancelled, RoleName=role.name,
                 PolicyName=INLINE_POLICY, PolicyDocument=role.policy)

    def _do_DeleteRole(self, step: DeleteRole) -> None:
        iam = self._iam()
        with _gone_is_done():
            for policy in step.policies:
                call(iam, "delete_role_policy", IAM_SCOPE, self.cancelled, RoleName=step.name,
                     PolicyName=policy)
            call(iam, "delete_role", IAM_SCOPE, self.cancelled, RoleName=step.name)

    def _sfn(self, region: str):
        return self.access.client("stepfunctions", region)

    def _do_PutStateMachine(self, step: PutStateMachine) -> None:
        machine, client = step.machine, self._sfn(step.region)
        if step.change == Change.CREATE:
            self._while_role_settles(lambda: call(
                client, "create_state_machine", step.region, self.cancelled, name=machine.name,
                definition=machine.definition, roleArn=machine.role_arn, type=machine.type,
                tags=[{"key": t["Key"], "value": t["Value"]} for t in tags(self.deployment)]),
                step)
            return
        self._while_role_settles(lambda: call(
            client, "update_state_machine", step.region, self.cancelled,
            stateMachineArn=step.arn, definition=machine.definition, roleArn=machine.role_arn),
            step)

    def _do_DeleteStateMachine(self, step: DeleteStateMachine) -> None:
        with _gone_is_done():
            call(self._sfn(step.region), "delete_state_machine", step.region, self.cancelled,
                 stateMachineArn=step.arn)

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


def _about_roles(error: ChangeWatchError) -> ChangeWatchError:
    """A refusal to make or pass a role gets its own sentence: per-region delivery with simple
    notifications needs no role at all."""
    if error.kind == ErrorKind.ACCESS_DENIED and (error.region == IAM_SCOPE
                                                  or "iam:PassRole" in error.detail):
        error.kind = ErrorKind.IAM_REFUSED
    return error


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


@contextmanager
def _exists_is_done() -> Iterator[None]:
    """A create whose first answer was lost is retried by botocore: "already exists" then
    means it worked (the plan read the name as ours, or as absent)."""
    try:
        yield
    except AwsError as exc:
        if "EntityAlreadyExists" not in exc.detail:
            raise


def execute(access: AwsAccess, plan: Plan, on_progress: OnProgress | None = None,
            cancelled: Callable[[], bool] | None = None) -> Result:
    """Make AWS match the plan: roles first, then the regions in parallel, then the roles that
    are no longer wanted. A failed region is a result with its error; others go on."""
    executor = Executor(access, plan.deployment, on_progress, cancelled, len(plan.instructions))
    iam = plan.iam
    making = tuple(s for s in iam.instructions if s.change != Change.DELETE)
    deleting = tuple(s for s in iam.instructions if s.change == Change.DELETE)
    results: list[RegionResult] = []
    if making or iam.error:
        results.append(executor.steps(IAM_SCOPE, making, iam.error))
        if not results[-1].ok:  # the regions need those roles: stop before them
            return Result(tuple(results))
    work = {r.region: r for r in plan.regions if r.instructions or r.error}
    outcomes = per_region(work, lambda region: executor.steps(
        region, work[region].instructions, work[region].error), name="apply")
    results += [o.value if o.value is not None else RegionResult(region, (), o.error)
                for region, o in outcomes.items()]
    if deleting and all(r.ok for r in results):  # roles go last, once nothing uses them
        results.append(executor.steps(IAM_SCOPE, deleting))
    return Result(_merged(results))


def _merged(results: list[RegionResult]) -> tuple[RegionResult, ...]:
    """One result per region: the two IAM runs (before and after the regions) as one."""
    merged: dict[str, RegionResult] = {}
    for result in results:
        before = merged.get(result.region)
        if before is None:
            merged[result.region] = result
        else:
            merged[result.region] = RegionResult(result.region, before.done + result.done,
                                                 before.error or result.error)
    return tuple(merged.values())
