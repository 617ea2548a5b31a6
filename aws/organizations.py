"""SCPs through AWS Organizations: who we are in the organization, its targets, and the plan
to create / update / attach / detach / delete the deployment's policy (found by its tag).

Only the management account, or an account the organization delegated policy management to,
may manage SCPs; attaching and detaching run only on an explicit confirmation.
https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aws.errors import AwsError, ChangeWatchError, ErrorKind
from aws.names import TAG_KEY, tags
from aws.org_tree import ORG_REGION, OrgTarget, TargetKind, load_tree
from aws.scp import ScpPolicy
from aws.scp_plan import (
    AttachPolicy,
    CreatePolicy,
    DeletePolicy,
    DetachPolicy,
    ScpNote,
    ScpPlan,
    ScpStep,
    UpdatePolicy,
)
from aws.session import AwsAccess, call, paginate

SCP_TYPE = "SERVICE_CONTROL_POLICY"
Cancelled = Callable[[], bool] | None
OnProgress = Callable[[object], None] | None


class OrgRole(StrEnum):
    MANAGEMENT = "management"
    DELEGATED = "delegated"  # a delegated administrator for Organizations policies


@dataclass(frozen=True)
class Organization:
    id: str
    management_account: str
    caller_account: str
    role: OrgRole
    root: OrgTarget
    scp_enabled: bool  # SERVICE_CONTROL_POLICY is ENABLED on the root


@dataclass(frozen=True)
class FoundPolicy:
    """The deployment's SCP as it exists: its id, content and where it is attached."""

    id: str
    name: str
    content: str
    targets: tuple[str, ...]


def _client(access: AwsAccess) -> Any:
    return access.client("organizations", ORG_REGION)


def _delegated(client: Any, account: str) -> bool:
    """Whether the organization's delegation policy lets `account` attach policies. Any
    refusal (a plain member may not even read it) means no."""
    try:
        reply = call(client, "describe_resource_policy", ORG_REGION)
    except ChangeWatchError:
        return False
    content = json.loads(reply.get("ResourcePolicy", {}).get("Content", "{}") or "{}")
    for statement in content.get("Statement", []):
        principals = json.dumps(statement.get("Principal", ""))
        actions = statement.get("Action", [])
        actions = [actions] if isinstance(actions, str) else actions
        if (statement.get("Effect") == "Allow" and account in principals
                and any(a in ("*", "organizations:*", "organizations:AttachPolicy")
                        for a in actions)):
            return True
    return False


def organization(access: AwsAccess, cancelled: Cancelled = None) -> Organization:
    """Who we are in the organization; refused unless we may manage its SCPs."""
    client = _client(access)
    org = call(client, "describe_organization", ORG_REGION, cancelled)["Organization"]
    account = access.identity().account
    if org["MasterAccountId"] == account:
        role = OrgRole.MANAGEMENT
    elif _delegated(client, account):
        role = OrgRole.DELEGATED
    else:
        raise AwsError(kind=ErrorKind.NOT_ORG_ADMIN, operation="DescribeOrganization",
                       detail=account, params={"management": org["MasterAccountId"]})
    root = paginate(client, "list_roots", "Roots", ORG_REGION, cancelled)[0]
    enabled = org.get("FeatureSet", "ALL") == "ALL" and any(
        t["Type"] == SCP_TYPE and t["Status"] == "ENABLED" for t in root.get("PolicyTypes", []))
    return Organization(org["Id"], org["MasterAccountId"], account, role,
                        load_tree(client, root, cancelled), enabled)


def find_policy(access: AwsAccess, deployment: str, cancelled: Cancelled = None
                ) -> FoundPolicy | None:
    """The SCP tagged with this deployment, never one that merely has a similar name."""
    client = _client(access)
    for summary in paginate(client, "list_policies", "Policies", ORG_REGION, cancelled,
                            Filter=SCP_TYPE):
        if summary.get("AwsManaged"):
            continue
        found = paginate(client, "list_tags_for_resource", "Tags", ORG_REGION, cancelled,
                         ResourceId=summary["Id"])
        if {t["Key"]: t["Value"] for t in found}.get(TAG_KEY) != deployment:
            continue
        policy = call(client, "describe_policy", ORG_REGION, cancelled,
                      PolicyId=summary["Id"])["Policy"]
        targets = paginate(client, "list_targets_for_policy", "Targets", ORG_REGION,
                           cancelled, PolicyId=summary["Id"])
        return FoundPolicy(summary["Id"], summary["Name"], policy["Content"],
                           tuple(t["TargetId"] for t in targets))
    return None


def _same(content: str, policy: ScpPolicy) -> bool:
    try:
        return json.loads(content) == policy.document
    except ValueError:
        return False


def _refuse_unless_enabled(org: Organization) -> None:
    if not org.scp_enabled:
        raise AwsError(kind=ErrorKind.SCP_NOT_ENABLED, operation="AttachPolicy",
                       detail=org.root.id)


def attach_plan(access: AwsAccess, policy: ScpPolicy, target_id: str,
                cancelled: Cancelled = None) -> ScpPlan:
    """Create (or update) the policy and attach it to `target_id`; nothing already right."""
    org = organization(access, cancelled)
    _refuse_unless_enabled(org)
    target = org.root.find(target_id)
    if target is None:
        raise AwsError(kind=ErrorKind.SCP_TARGET_NOT_FOUND, operation="AttachPolicy",
                       detail=target_id)
    found = find_policy(access, policy.deployment, cancelled)
    steps: list[ScpStep] = []
    if found is None:
        steps.append(CreatePolicy(policy.name, policy.deployment))
    elif not _same(found.content, policy):
        steps.append(UpdatePolicy(found.id, found.name))
    if found is None or target.id not in found.targets:
        steps.append(AttachPolicy(policy.name, target, found.id if found else ""))
    notes = [ScpNote.MANAGEMENT_UNAFFECTED]
    if target.kind == TargetKind.ACCOUNT and target.id == org.management_account:
        notes.append(ScpNote.TARGET_IS_MANAGEMENT)
    return ScpPlan(policy, tuple(steps), tuple(notes))


def detach_plan(access: AwsAccess, deployment: str, target_id: str | None = None,
                delete: bool = False, cancelled: Cancelled = None) -> ScpPlan:
    """Detach from `target_id` (None: from every target); `delete` then deletes the policy."""
    org = organization(access, cancelled)
    found = find_policy(access, deployment, cancelled)
    if found is None:
        return ScpPlan(None, ())
    steps: list[ScpStep] = []
    for attached in found.targets:
        if target_id is None or delete or attached == target_id:
            target = org.root.find(attached) or OrgTarget(attached, "", TargetKind.ACCOUNT)
            steps.append(DetachPolicy(found.id, found.name, target))
    if delete:
        steps.append(DeletePolicy(found.id, found.name))
    return ScpPlan(None, tuple(steps))


def execute(access: AwsAccess, plan: ScpPlan, *, confirmed: bool,
            on_progress: OnProgress = None, cancelled: Cancelled = None) -> tuple[ScpStep, ...]:
    """Run the plan's steps in order; refused without an explicit confirmation (an update of
    an attached policy changes what is denied at once, so every step needs one)."""
    if not plan.empty and not confirmed:
        raise AwsError(kind=ErrorKind.NOT_CONFIRMED)
    client = _client(access)
    ids: dict[str, str] = {}
    done: list[ScpStep] = []
    for step in plan.steps:
        _run(client, step, plan.policy, ids, cancelled)
        done.append(step)
        if on_progress is not None:
            on_progress(step)
    return tuple(done)


def _run(client: Any, step: ScpStep, policy: ScpPolicy | None, ids: dict[str, str],
         cancelled: Cancelled) -> None:
    if isinstance(step, CreatePolicy) and policy is not None:
        reply = call(client, "create_policy", ORG_REGION, cancelled, Name=step.name,
                     Description=f"ChangeWatch keeps the watching of {policy.deployment} on",
                     Type=SCP_TYPE, Content=policy.content, Tags=tags(policy.deployment))
        ids[step.name] = reply["Policy"]["PolicySummary"]["Id"]
    elif isinstance(step, UpdatePolicy) and policy is not None:
        call(client, "update_policy", ORG_REGION, cancelled, PolicyId=step.policy_id,
             Content=policy.content)
        ids[step.name] = step.policy_id
    elif isinstance(step, AttachPolicy):
        policy_id = step.policy_id or ids[step.name]
        _tolerate_attached(lambda: call(client, "attach_policy", ORG_REGION, cancelled,
                                        PolicyId=policy_id, TargetId=step.target.id))
    elif isinstance(step, DetachPolicy):
        call(client, "detach_policy", ORG_REGION, cancelled, PolicyId=step.policy_id,
             TargetId=step.target.id)
    elif isinstance(step, DeletePolicy):
        call(client, "delete_policy", ORG_REGION, cancelled, PolicyId=step.policy_id)


def _tolerate_attached(attach: Callable[[], object]) -> None:
    """Attached meanwhile (another run): that is what was asked for."""
    try:
        attach()
    except ChangeWatchError as exc:
        if exc.kind != ErrorKind.SCP_ALREADY_ATTACHED:
            raise


@dataclass(frozen=True)
class ScpState:
    """What the SCP dialog shows: the organization and where the deployment's SCP is."""

    organization: Organization
    policy: FoundPolicy | None


def scp_state(access: AwsAccess, deployment: str, cancelled: Cancelled = None) -> ScpState:
    return ScpState(organization(access, cancelled), find_policy(access, deployment, cancelled))

