"""What the compliance settings should make, per region: pure data, no AWS call."""

from __future__ import annotations

import json
from dataclasses import dataclass

from aws.catalog import Catalog, ComplianceRule
from aws.compliance.names import (
    bucket_name,
    channel_name,
    config_rule_name,
    recorder_name,
    remediation_role_name,
    service_role_arn,
)
from aws.compliance.policies import bucket_policy, remediation_policy, remediation_trust
from aws.names import ROLE_PATH
from aws.policy import compact
from aws.session import Identity
from aws.settings import Remediation, Settings


@dataclass(frozen=True)
class DesiredRemediation:
    """One RemediationConfiguration, as PutRemediationConfigurations takes it."""

    document: str
    resource_type: str
    parameters: str  # compact JSON of the Parameters map
    automatic: bool
    attempts: int
    retry_seconds: int

    def as_api(self, rule_name: str) -> dict:
        api = {"ConfigRuleName": rule_name, "TargetType": "SSM_DOCUMENT",
               "TargetId": self.document, "ResourceType": self.resource_type,
               "Parameters": json.loads(self.parameters), "Automatic": self.automatic}
        if self.automatic:
            api.update(MaximumAutomaticAttempts=self.attempts,
                       RetryAttemptSeconds=self.retry_seconds)
        return api


@dataclass(frozen=True)
class DesiredConfigRule:
    name: str
    rule_id: str  # the catalog's id ("restricted-ssh")
    identifier: str  # the managed rule's SourceIdentifier
    resource_types: tuple[str, ...]
    description: str
    remediation: DesiredRemediation | None

    def as_api(self) -> dict:
        return {"ConfigRuleName": self.name, "Description": self.description,
                "Scope": {"ComplianceResourceTypes": list(self.resource_types)},
                "Source": {"Owner": "AWS", "SourceIdentifier": self.identifier},
                "ConfigRuleState": "ACTIVE"}


@dataclass(frozen=True)
class DesiredRecorder:
    """AWS Config as ChangeWatch turns it on: only the resource types its rules need (each
    configuration item recorded is billed), a private encrypted bucket, the service role."""

    name: str
    role_arn: str
    resource_types: tuple[str, ...]
    channel: str
    bucket: str
    bucket_policy: str  # compact JSON

    def recorder_api(self) -> dict:
        return {"name": self.name, "roleARN": self.role_arn,
                "recordingGroup": {"allSupported": False, "includeGlobalResourceTypes": False,
                                   "resourceTypes": list(self.resource_types)}}


@dataclass(frozen=True)
class DesiredCompliance:
    """One region's compliance: the rules, and the recorder ChangeWatch would start there."""

    region: str
    rules: tuple[DesiredConfigRule, ...]
    recorder: DesiredRecorder

    @property
    def resource_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for r in self.rules for t in r.resource_types))


def chosen_rules(settings: Settings, catalog: Catalog) -> tuple[ComplianceRule, ...]:
    return tuple(catalog.compliance_rule(i) for i in settings.compliance)


def rule_names(settings: Settings) -> tuple[str, ...]:
    """The Config rule names of this deployment: what the alert's pattern lists."""
    return tuple(config_rule_name(settings.deployment, i) for i in settings.compliance)


def remediation_role_arn(settings: Settings, identity: Identity) -> str:
    return (f"arn:{identity.partition}:iam::{identity.account}:role{ROLE_PATH}"
            f"{remediation_role_name(settings.deployment)}")


def _remediation(rule: ComplianceRule, settings: Settings,
                 identity: Identity) -> DesiredRemediation | None:
    action = rule.remediation
    if action is None:
        return None
    parameters = {action.resource_parameter: {"ResourceValue": {"Value": "RESOURCE_ID"}},
                  action.role_parameter: {"StaticValue": {
                      "Values": [remediation_role_arn(settings, identity)]}}}
    parameters.update({k: {"StaticValue": {"Values": [v]}}
                       for k, v in action.static_parameters})
    return DesiredRemediation(
        document=action.document, resource_type=rule.resource_types[0],
        parameters=compact(parameters), automatic=settings.remediation == Remediation.AUTO,
        attempts=action.attempts, retry_seconds=action.retry_seconds)


def desired_compliance(settings: Settings, catalog: Catalog,
                       identity: Identity) -> dict[str, DesiredCompliance]:
    """Per chosen region: the deployment's Config rules (and remediation); empty without
    compliance rules. Remediation "off" keeps the configuration, run by hand only."""
    rules = chosen_rules(settings, catalog)
    if not rules:
        return {}
    dep = settings.deployment
    desired = tuple(DesiredConfigRule(
        name=config_rule_name(dep, r.id), rule_id=r.id, identifier=r.managed_rule,
        resource_types=r.resource_types,
        description=f"ChangeWatch ({dep}): {r.title.en}"[:256],
        remediation=_remediation(r, settings, identity)) for r in rules)
    types = tuple(dict.fromkeys(t for r in rules for t in r.resource_types))
    found = {}
    for region in settings.regions:
        bucket = bucket_name(dep, identity.account, region)
        recorder = DesiredRecorder(
            recorder_name(dep), service_role_arn(identity.partition, identity.account), types,
            channel_name(dep), bucket,
            compact(bucket_policy(bucket, identity.account, identity.partition)))
        found[region] = DesiredCompliance(region, desired, recorder)
    return found


def remediation_role_documents(settings: Settings, catalog: Catalog,
                               identity: Identity) -> tuple[str, str] | None:
    """(trust, permissions) of the remediation role; None when no rule remediates."""
    actions = [a for r in chosen_rules(settings, catalog) if r.remediation
               for a in r.remediation.actions]
    if not actions:
        return None
    return (compact(remediation_trust(identity.account)),
            compact(remediation_policy(actions, identity.account, identity.partition)))
