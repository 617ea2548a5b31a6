"""The service control policy that guards a deployment: who may not switch the watching off.

An SCP only denies; the admin role patterns are left out with `ArnNotLike aws:PrincipalArn`
(for an assumed role, aws:PrincipalArn is the role's ARN, not the session's), so the named
admins (and whoever runs `changewatch apply`) can still change what the statements protect.
https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from aws.errors import SettingsError
from aws.names import NAME_PREFIX, ROLE_PATH, TAG_KEY
from aws.refusals import Refusal

# The size limit counts every character of the document as sent, whitespace included, so the
# policy is always sent minified. https://docs.aws.amazon.com/organizations/latest/userguide/
# orgs_reference_limits.html ("Maximum size of a policy document: SCPs 5,120 characters")
SCP_LIMIT = 5120
POLICY_VERSION = "2012-10-17"


class Guard(StrEnum):
    """What each statement keeps in place; the value is its Sid (letters and digits only)."""

    RECORDER = "ChangeWatchKeepConfigRecording"
    CONFIG_RULES = "ChangeWatchKeepConfigRules"
    CONFIG_TAGS = "ChangeWatchKeepConfigRuleTags"
    TRAILS = "ChangeWatchKeepTrailsLogging"
    EVENT_RULES = "ChangeWatchKeepAlertRules"
    TOPIC = "ChangeWatchKeepAlertTopic"
    FORMATTER = "ChangeWatchKeepFormatter"
    ROLES = "ChangeWatchKeepRoles"


# Actions per statement. Config rules are matched by tag, not by name: a Config rule's ARN
# carries its id (config-rule/config-rule-ab12cd), never its name, so a name pattern in
# Resource would match nothing. The tags statement keeps that tag from being removed first.
ACTIONS: dict[Guard, tuple[str, ...]] = {
    Guard.RECORDER: ("config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder",
                     "config:PutConfigurationRecorder", "config:DeleteDeliveryChannel",
                     "config:PutDeliveryChannel"),
    Guard.CONFIG_RULES: ("config:DeleteConfigRule", "config:PutConfigRule",
                         "config:DeleteEvaluationResults"),
    Guard.CONFIG_TAGS: ("config:UntagResource", "config:TagResource"),
    Guard.TRAILS: ("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
                   "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"),
    Guard.EVENT_RULES: ("events:DeleteRule", "events:DisableRule", "events:PutRule",
                        "events:RemoveTargets", "events:PutTargets"),
    Guard.TOPIC: ("sns:DeleteTopic", "sns:SetTopicAttributes", "sns:Unsubscribe",
                  "sns:SetSubscriptionAttributes", "sns:RemovePermission", "sns:AddPermission"),
    Guard.FORMATTER: ("states:DeleteStateMachine", "states:UpdateStateMachine"),
    Guard.ROLES: ("iam:DeleteRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
                  "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy",
                  "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
                  "iam:DeleteRolePermissionsBoundary"),
}


def resources(guard: Guard, deployment: str) -> tuple[str, ...]:
    """Every account and region (`*`): one SCP guards the deployment wherever it runs."""
    own = f"{NAME_PREFIX}{deployment}"
    return {
        Guard.EVENT_RULES: (f"arn:aws:events:*:*:rule/{own}-*",),
        Guard.TOPIC: (f"arn:aws:sns:*:*:{own}",),
        Guard.FORMATTER: (f"arn:aws:states:*:*:stateMachine:{own}-*",),
        Guard.ROLES: (f"arn:aws:iam::*:role{ROLE_PATH}*",),
    }.get(guard, ("*",))


def _extra_condition(guard: Guard, deployment: str) -> dict:
    if guard == Guard.CONFIG_RULES:
        return {"StringEquals": {f"aws:ResourceTag/{TAG_KEY}": deployment}}
    if guard == Guard.CONFIG_TAGS:
        return {"ForAnyValue:StringEquals": {"aws:TagKeys": [TAG_KEY]}}
    return {}


@dataclass(frozen=True)
class Statement:
    guard: Guard
    actions: tuple[str, ...]
    resources: tuple[str, ...]
    condition: dict  # never mutated; a dict because it is JSON

    def as_json(self) -> dict:
        resource = self.resources[0] if len(self.resources) == 1 else list(self.resources)
        return {"Sid": str(self.guard), "Effect": "Deny", "Action": list(self.actions),
                "Resource": resource, "Condition": self.condition}


@dataclass(frozen=True)
class ScpPolicy:
    deployment: str
    admin_roles: tuple[str, ...]
    statements: tuple[Statement, ...]

    @property
    def document(self) -> dict:
        return {"Version": POLICY_VERSION, "Statement": [s.as_json() for s in self.statements]}

    @property
    def content(self) -> str:
        """What is sent to AWS: minified, since whitespace counts towards the limit."""
        return json.dumps(self.document, separators=(",", ":"), ensure_ascii=False)

    @property
    def pretty(self) -> str:
        return json.dumps(self.document, indent=2, ensure_ascii=False)

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def name(self) -> str:
        return policy_name(self.deployment)


def policy_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}-guard"


def build_policy(deployment: str, admin_roles: tuple[str, ...]) -> ScpPolicy:
    """The deployment's SCP; refused (before any AWS call) without an admin pattern or when
    it would not fit the 5,120-character limit."""
    if not admin_roles:
        raise SettingsError.refuse(Refusal.SCP_NO_ADMIN)
    exempt = {"ArnNotLike": {"aws:PrincipalArn": list(admin_roles)}}
    statements = tuple(
        Statement(guard, ACTIONS[guard], resources(guard, deployment),
                  {**_extra_condition(guard, deployment), **exempt})
        for guard in Guard)
    policy = ScpPolicy(deployment, tuple(admin_roles), statements)
    if policy.size > SCP_LIMIT:
        raise SettingsError.refuse(Refusal.SCP_TOO_LONG, size=policy.size, limit=SCP_LIMIT,
                                   over=policy.size - SCP_LIMIT)
    return policy
