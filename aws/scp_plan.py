"""The SCP plan as data: create or update the policy, attach, detach, delete — shown first."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aws.org_tree import OrgTarget
from aws.scp import ScpPolicy


@dataclass(frozen=True)
class CreatePolicy:
    name: str
    deployment: str  # the tag value


@dataclass(frozen=True)
class UpdatePolicy:
    policy_id: str
    name: str


@dataclass(frozen=True)
class AttachPolicy:
    name: str
    target: OrgTarget
    policy_id: str = ""  # empty: the policy the plan creates first


@dataclass(frozen=True)
class DetachPolicy:
    policy_id: str
    name: str
    target: OrgTarget


@dataclass(frozen=True)
class DeletePolicy:
    policy_id: str
    name: str


ScpStep = CreatePolicy | UpdatePolicy | AttachPolicy | DetachPolicy | DeletePolicy


class ScpNote(StrEnum):
    """What the user should know before confirming (worded in aws/scp_text.py)."""

    MANAGEMENT_UNAFFECTED = "management_unaffected"  # SCPs never restrict that account
    TARGET_IS_MANAGEMENT = "target_is_management"    # so attaching there guards nothing


@dataclass(frozen=True)
class ScpPlan:
    policy: ScpPolicy | None  # None for a removal
    steps: tuple[ScpStep, ...]
    notes: tuple[ScpNote, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.steps
