"""A plan's steps: one small frozen dataclass per kind of AWS change (data, never sentences).

The executor runs each by its type (aws/execute.py); aws/plan_text.py words them; the
dashboard reads them as drift. What differs on an existing resource is a tuple of `Differs`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import ClassVar

from aws.desired import DesiredRole, DesiredRule, DesiredStateMachine, DesiredTopic

IAM_SCOPE = "iam"  # the "region" of IAM steps: global, before and after the regions' steps


class Phase(IntEnum):
    """Phases run in order within a region; the steps of one phase run in parallel."""

    CREATE = 1
    CONNECT = 2
    DELETE = 3


class Change(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class Differs(StrEnum):
    """What about an existing resource no longer matches the settings."""

    PATTERN = "pattern"
    STATE = "state"
    DESCRIPTION = "description"
    DISPLAY_NAME = "display_name"
    POLICY = "policy"
    KMS_KEY = "kms_key"
    TARGET = "target"
    TRUST = "trust"
    PERMISSIONS = "permissions"
    DEFINITION = "definition"
    ROLE = "role"


@dataclass(frozen=True)
class Instruction:
    region: str
    phase: ClassVar[Phase]

    @property
    def change(self) -> Change:
        raise NotImplementedError

    @property
    def subject(self) -> str:
        """The name of what the step changes (a topic, a rule, an address)."""
        raise NotImplementedError


@dataclass(frozen=True)
class CreateTopic(Instruction):
    topic: DesiredTopic
    phase: ClassVar[Phase] = Phase.CREATE
    change = Change.CREATE

    @property
    def subject(self) -> str:
        return self.topic.name


@dataclass(frozen=True)
class UpdateTopic(Instruction):
    topic: DesiredTopic
    arn: str
    differs: tuple[Differs, ...]
    phase: ClassVar[Phase] = Phase.CONNECT
    change = Change.UPDATE

    @property
    def subject(self) -> str:
        return self.topic.name


@dataclass(frozen=True)
class Subscribe(Instruction):
    topic_arn: str
    email: str
    phase: ClassVar[Phase] = Phase.CONNECT
    change = Change.CREATE

    @property
    def subject(self) -> str:
        return self.email


@dataclass(frozen=True)
class Unsubscribe(Instruction):
    subscription_arn: str
    endpoint: str
    phase: ClassVar[Phase] = Phase.CONNECT
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.endpoint


@dataclass(frozen=True)
class PutRule(Instruction):
    """Creates the rule, or updates it when `differs` says what changed."""

    rule: DesiredRule
    differs: tuple[Differs, ...] = ()
    phase: ClassVar[Phase] = Phase.CREATE

    @property
    def change(self) -> Change:
        return Change.UPDATE if self.differs else Change.CREATE

    @property
    def subject(self) -> str:
        return self.rule.name


@dataclass(frozen=True)
class PutTarget(Instruction):
    """Points the rule at its notification (again, when `replaces` an existing target)."""

    rule: DesiredRule
    replaces: bool = False
    phase: ClassVar[Phase] = Phase.CONNECT

    @property
    def change(self) -> Change:
        return Change.UPDATE if self.replaces else Change.CREATE

    @property
    def subject(self) -> str:
        return self.rule.name


@dataclass(frozen=True)
class DeleteRule(Instruction):
    """Removes the rule's targets first (AWS refuses to delete a rule that has some)."""

    name: str
    arn: str
    target_ids: tuple[str, ...] = ()
    phase: ClassVar[Phase] = Phase.DELETE
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.name


@dataclass(frozen=True)
class DeleteTopic(Instruction):
    """Deleting a topic deletes its subscriptions too."""

    name: str
    arn: str
    phase: ClassVar[Phase] = Phase.DELETE
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.name


@dataclass(frozen=True)
class RemoveTargets(Instruction):
    """Targets of ours a rule no longer needs (e.g. after switching delivery)."""

    rule: str
    target_ids: tuple[str, ...]
    phase: ClassVar[Phase] = Phase.CONNECT
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.rule


@dataclass(frozen=True)
class PutRole(Instruction):
    """Creates the role with its one inline policy, or sets what `differs`."""

    role: DesiredRole
    differs: tuple[Differs, ...] = ()
    phase: ClassVar[Phase] = Phase.CREATE

    @property
    def change(self) -> Change:
        return Change.UPDATE if self.differs else Change.CREATE

    @property
    def subject(self) -> str:
        return self.role.name


@dataclass(frozen=True)
class DeleteRole(Instruction):
    """Inline policies first (IAM refuses to delete a role that has some)."""

    name: str
    policies: tuple[str, ...] = ()
    phase: ClassVar[Phase] = Phase.DELETE
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.name


@dataclass(frozen=True)
class PutStateMachine(Instruction):
    """Creates the formatter, or updates its definition or role (`differs`)."""

    machine: DesiredStateMachine
    arn: str = ""  # the existing one's, for an update
    differs: tuple[Differs, ...] = ()
    phase: ClassVar[Phase] = Phase.CREATE

    @property
    def change(self) -> Change:
        return Change.UPDATE if self.differs else Change.CREATE

    @property
    def subject(self) -> str:
        return self.machine.name


@dataclass(frozen=True)
class DeleteStateMachine(Instruction):
    name: str
    arn: str
    phase: ClassVar[Phase] = Phase.DELETE
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.name
