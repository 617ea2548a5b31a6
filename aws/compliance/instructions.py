"""The compliance half's plan steps: typed, like every other instruction (aws/instructions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from aws.compliance.model import DesiredConfigRule, DesiredRecorder
from aws.instructions import Change, Instruction, Phase


class ConfigDiffers(StrEnum):
    """What about an existing Config rule no longer matches the settings."""

    RULE = "rule"  # identifier, scope or description
    REMEDIATION = "remediation"  # document, parameters, automatic or not
    RECORDING = "recording"  # our recorder exists but is stopped or has no channel


@dataclass(frozen=True)
class EnableConfig(Instruction):
    """Turns AWS Config on (the user confirmed): service-linked role, private encrypted bucket,
    recorder of only the rules' resource types, delivery channel, start recording.
    Before the rules (CREATE): a rule needs a recorder to evaluate."""

    recorder: DesiredRecorder
    differs: tuple[ConfigDiffers, ...] = ()
    phase: ClassVar[Phase] = Phase.CREATE

    @property
    def change(self) -> Change:
        return Change.UPDATE if self.differs else Change.CREATE

    @property
    def subject(self) -> str:
        return self.recorder.name


@dataclass(frozen=True)
class PutConfigRule(Instruction):
    """The managed rule (tagged) and its remediation configuration; with `differs`, only
    what changed. CONNECT: after the recorder and the remediation role exist."""

    rule: DesiredConfigRule
    differs: tuple[ConfigDiffers, ...] = ()
    drop_remediation: bool = False  # a remediation of ours the settings no longer want
    phase: ClassVar[Phase] = Phase.CONNECT

    @property
    def change(self) -> Change:
        return Change.UPDATE if self.differs else Change.CREATE

    @property
    def subject(self) -> str:
        return self.rule.name


@dataclass(frozen=True)
class DeleteConfigRule(Instruction):
    """The remediation configuration first (Config refuses to delete a rule that has one)."""

    name: str
    remediation_type: str | None = None  # the ResourceType of its remediation, if any
    phase: ClassVar[Phase] = Phase.DELETE
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.name


@dataclass(frozen=True)
class StopConfig(Instruction):
    """Stops and deletes a recorder ChangeWatch started, its channel and bucket: only when the
    user asked (stopping Config is itself what ChangeWatch warns about)."""

    recorder: str
    channel: str | None
    bucket: str | None
    phase: ClassVar[Phase] = Phase.DELETE
    change = Change.DELETE

    @property
    def subject(self) -> str:
        return self.recorder
