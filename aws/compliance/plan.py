"""The compliance steps of a plan: desired Config rules diffed against what a region has, and
whether AWS Config itself is on there (refused, or turned on only when the user confirmed)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from aws.compliance.instructions import (
    ConfigDiffers,
    DeleteConfigRule,
    EnableConfig,
    PutConfigRule,
    StopConfig,
)
from aws.compliance.model import DesiredCompliance, DesiredConfigRule
from aws.compliance.state import ComplianceInventory, ConfigState, FoundConfigRule
from aws.errors import AwsError, ChangeWatchError, ErrorKind
from aws.instructions import Instruction
from aws.refusals import Refusal, word


class NoteKind(StrEnum):
    CONFIG_LEFT_RUNNING = "config_left_running"


@dataclass(frozen=True)
class Note:
    """Something a plan deliberately leaves alone, said to the user (aws/compliance/text.py)."""

    region: str
    kind: NoteKind
    subject: str


@dataclass(frozen=True)
class RegionCompliance:
    region: str
    steps: tuple[Instruction, ...] = ()
    error: ChangeWatchError | None = None
    notes: tuple[Note, ...] = ()


def _not_ready(region: str, config: ConfigState, types: tuple[str, ...]) -> AwsError:
    """A recorder someone else made that would not evaluate our rules: theirs to fix."""
    if not config.recording:
        reason, params = Refusal.CONFIG_STOPPED, {}
    elif not config.channel:
        reason, params = Refusal.CONFIG_NO_CHANNEL, {}
    else:
        reason = Refusal.CONFIG_NOT_COVERING
        params = {"types": ", ".join(t for t in types if not config.covers(t))}
    return AwsError(kind=ErrorKind.CONFIG_NOT_READY, region=region,
                    detail=word(reason, params, "en"), reason=reason, params=params)


def _config_steps(want: DesiredCompliance, config: ConfigState, deployment: str,
                  enable: bool) -> tuple[list[Instruction], ChangeWatchError | None]:
    types = want.resource_types
    if config.on_for(types):
        return [], None
    ours = config.started_by(deployment)
    if config.recorder is not None and not ours or \
            config.recorder is None and config.channel is not None:
        return [], _not_ready(want.region, config, types)
    if not enable:
        return [], AwsError(kind=ErrorKind.CONFIG_OFF, region=want.region,
                            detail=", ".join(types))
    differs = (ConfigDiffers.RECORDING,) if ours else ()
    return [EnableConfig(want.region, want.recorder, differs)], None


def _rule_differs(want: DesiredConfigRule, have: FoundConfigRule,
                  remediation: dict | None) -> tuple[ConfigDiffers, ...]:
    differs = []
    if (have.identifier, have.resource_types, have.description) != (
            want.identifier, want.resource_types, want.description):
        differs.append(ConfigDiffers.RULE)
    wanted = want.remediation.as_api(want.name) if want.remediation else None
    if not _same_remediation(wanted, remediation):
        differs.append(ConfigDiffers.REMEDIATION)
    return tuple(differs)


def _same_remediation(wanted: dict | None, found: dict | None) -> bool:
    if wanted is None or found is None:
        return wanted is None and found is None
    keys = ("TargetId", "ResourceType", "Parameters", "Automatic")
    same = all(wanted.get(k) == found.get(k) for k in keys)
    if wanted.get("Automatic"):
        same = same and all(wanted[k] == found.get(k) for k in
                            ("MaximumAutomaticAttempts", "RetryAttemptSeconds"))
    return same


def _rule_steps(region: str, want: DesiredCompliance,
                have: ComplianceInventory) -> Iterator[Instruction]:
    for rule in want.rules:
        found = have.rule(rule.name)
        if found is None:
            yield PutConfigRule(region, rule)
            continue
        remediation = have.remediations.get(rule.name)
        differs = _rule_differs(rule, found, remediation)
        if differs:
            yield PutConfigRule(region, rule, differs,
                                drop_remediation=rule.remediation is None and bool(remediation))


def _deletions(region: str, want: DesiredCompliance | None,
               have: ComplianceInventory) -> Iterator[Instruction]:
    wanted = {r.name for r in want.rules} if want else set()
    for rule in have.rules:
        if rule.name not in wanted:
            remediation = have.remediations.get(rule.name)
            yield DeleteConfigRule(region, rule.name,
                                   remediation.get("ResourceType") if remediation else None)


def diff_compliance(region: str, want: DesiredCompliance | None, have: ComplianceInventory,
                    deployment: str, enable: bool) -> RegionCompliance:
    """One region's compliance steps, or why there are none (a refusal, a clash)."""
    if have.error:
        return RegionCompliance(region, error=have.error)
    steps: list[Instruction] = []
    if want:
        clashes = [r.name for r in want.rules if r.name in have.foreign_rules]
        if clashes:
            return RegionCompliance(region, error=AwsError(
                kind=ErrorKind.CONFLICT, region=region, detail=", ".join(clashes)))
        steps, error = _config_steps(want, have.config, deployment, enable)
        if error:
            return RegionCompliance(region, error=error)
        steps += _rule_steps(region, want, have)
    steps += _deletions(region, want, have)
    notes = ()
    if want is None and have.config.started_by(deployment):
        notes = (Note(region, NoteKind.CONFIG_LEFT_RUNNING, have.config.recorder or ""),)
    return RegionCompliance(region, tuple(steps), notes=notes)


def removal_compliance(region: str, have: ComplianceInventory, deployment: str,
                       stop_config: bool) -> RegionCompliance:
    """Delete our Config rules; stop the recorder only if ChangeWatch started it and the user
    asked, else say it was left running."""
    found = diff_compliance(region, None, have, deployment, enable=False)
    if found.error or not have.config.started_by(deployment) or not stop_config:
        return found
    config = have.config
    stop = StopConfig(region, config.recorder or "", config.channel, config.bucket)
    return RegionCompliance(region, (*found.steps, stop))
