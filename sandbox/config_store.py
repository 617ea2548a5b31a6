"""What moto's AWS Config lacks, kept in memory per (account, region): remediation
configurations, evaluation results and remediation executions; shapes as the Config API
returns them. https://docs.aws.amazon.com/config/latest/APIReference/API_Operations.html"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ACCOUNT = "123456789012"  # moto's default account, the sandbox's


class ConfigApiError(Exception):
    """An error as AWS Config answers it: {"__type": code, "message": …}, HTTP 400."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Evaluation:
    rule: str
    resource_type: str
    resource_id: str
    compliance: str
    recorded: float
    annotation: str = ""

    def as_api(self) -> dict:
        result = {"EvaluationResultIdentifier": {
            "EvaluationResultQualifier": {"ConfigRuleName": self.rule,
                                          "ResourceType": self.resource_type,
                                          "ResourceId": self.resource_id,
                                          "EvaluationMode": "DETECTIVE"},
            "OrderingTimestamp": self.recorded},
            "ComplianceType": self.compliance, "ResultRecordedTime": self.recorded,
            "ConfigRuleInvokedTime": self.recorded}
        if self.annotation:
            result["Annotation"] = self.annotation
        return result


@dataclass
class Execution:
    resource_type: str
    resource_id: str
    state: str  # QUEUED | IN_PROGRESS | SUCCEEDED | FAILED
    invoked: float
    updated: float
    steps: list[dict] = field(default_factory=list)

    def as_api(self) -> dict:
        return {"ResourceKey": {"resourceType": self.resource_type,
                                "resourceId": self.resource_id},
                "State": self.state, "StepDetails": self.steps,
                "InvocationTime": self.invoked, "LastUpdatedTime": self.updated}


@dataclass
class RegionConfig:
    remediations: dict[str, dict] = field(default_factory=dict)  # rule -> configuration
    evaluations: dict[tuple[str, str], Evaluation] = field(default_factory=dict)
    executions: dict[str, list[Execution]] = field(default_factory=dict)  # rule -> runs


_FIELDS = ("ConfigRuleName", "TargetType", "TargetId", "TargetVersion", "Parameters",
           "ResourceType", "Automatic", "ExecutionControls", "MaximumAutomaticAttempts",
           "RetryAttemptSeconds")


class ConfigStore:
    """The emulated part of AWS Config; `rule_exists(region, name)` asks moto."""

    def __init__(self, rule_exists) -> None:
        self._rule_exists = rule_exists
        self._lock = threading.Lock()
        self._regions: dict[str, RegionConfig] = {}

    def region(self, region: str) -> RegionConfig:
        with self._lock:
            return self._regions.setdefault(region, RegionConfig())

    def reset(self) -> None:
        with self._lock:
            self._regions.clear()

    def save(self, path: Path) -> None:
        """The remediation configurations, for the next headless --demo command (moto's own
        state is replayed from its recording; this part moto never saw)."""
        with self._lock:
            data = {r: s.remediations for r, s in self._regions.items() if s.remediations}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)

    def load(self, path: Path) -> None:
        if not path.exists():
            return
        for region, remediations in json.loads(path.read_text(encoding="utf-8")).items():
            self.region(region).remediations.update(remediations)

    # -- remediation configurations ------------------------------------------------------

    def put_remediations(self, region: str, request: dict) -> dict:
        items = request.get("RemediationConfigurations")
        if not isinstance(items, list) or not 1 <= len(items) <= 25:
            raise ConfigApiError("ValidationException",
                                 "1 validation error detected: Value at "
                                 "'remediationConfigurations' failed to satisfy constraint: "
                                 "Member must have length between 1 and 25")
        for item in items:
            self._check(region, item)
        state = self.region(region)
        for item in items:
            name = item["ConfigRuleName"]
            old = state.remediations.get(name, {})
            stored = {k: item[k] for k in _FIELDS if k in item}
            stored["Arn"] = old.get("Arn") or (f"arn:aws:config:{region}:{ACCOUNT}:"
                                               f"remediation-configuration/{name}/{uuid.uuid4()}")
            state.remediations[name] = stored
        return {"FailedBatches": []}

    def _check(self, region: str, item: dict) -> None:
        if item.get("TargetType") != "SSM_DOCUMENT":
            raise ConfigApiError("InvalidParameterValueException",
                                 "The TargetType must be SSM_DOCUMENT.")
        if not item.get("TargetId"):
            raise ConfigApiError("InvalidParameterValueException", "TargetId is required.")
        name = item.get("ConfigRuleName", "")
        if not self._rule_exists(region, name):
            raise ConfigApiError("NoSuchConfigRuleException",
                                 f"The ConfigRule '{name}' provided in the request is invalid. "
                                 "Please check the configRule name")
        attempts = item.get("MaximumAutomaticAttempts", 5)
        if not 1 <= attempts <= 25:
            raise ConfigApiError("InvalidParameterValueException",
                                 "MaximumAutomaticAttempts must be between 1 and 25.")

    def describe_remediations(self, region: str, request: dict) -> dict:
        names = request.get("ConfigRuleNames")
        if not isinstance(names, list):
            raise ConfigApiError("ValidationException", "1 validation error detected: Value "
                                 "null at 'configRuleNames' failed to satisfy constraint: "
                                 "Member must not be null")
        state = self.region(region)
        return {"RemediationConfigurations": [dict(state.remediations[n]) for n in names
                                              if n in state.remediations]}

    def delete_remediation(self, region: str, request: dict) -> dict:
        name = request.get("ConfigRuleName", "")
        state = self.region(region)
        if name not in state.remediations:
            raise ConfigApiError("NoSuchRemediationConfigurationException",
                                 f"No RemediationConfiguration for rule {name} exists.")
        if any(e.state in ("QUEUED", "IN_PROGRESS") for e in state.executions.get(name, [])):
            raise ConfigApiError("RemediationInProgressException",
                                 "Remediation action is in progress. You can either cancel "
                                 "execution in AWS Systems Manager or wait and try again later.")
        del state.remediations[name]
        state.executions.pop(name, None)
        return {}

    def guard_rule_deletion(self, region: str, name: str) -> None:
        """DeleteConfigRule is refused while the rule has a remediation configuration."""
        if name in self.region(region).remediations:
            raise ConfigApiError("ResourceInUseException",
                                 f"The rule {name} is currently being used by a remediation "
                                 "action. Please delete the remediation action associated "
                                 "with the rule and try again.")

    def forget_rule(self, region: str, name: str) -> None:
        state = self.region(region)
        for key in [k for k in state.evaluations if k[0] == name]:
            del state.evaluations[key]

    # -- evaluations and executions ------------------------------------------------------

    def record(self, region: str, evaluation: Evaluation) -> Evaluation | None:
        """Store a result; the previous one when the compliance changed (else None)."""
        state = self.region(region)
        key = (evaluation.rule, evaluation.resource_id)
        before = state.evaluations.get(key)
        state.evaluations[key] = evaluation
        if before is None or before.compliance != evaluation.compliance:
            return before or Evaluation(evaluation.rule, evaluation.resource_type,
                                        evaluation.resource_id, "", 0)
        return None

    def executed(self, region: str, rule: str, execution: Execution) -> None:
        self.region(region).executions.setdefault(rule, []).append(execution)

    def compliance_by_rule(self, region: str, request: dict) -> dict:
        state = self.region(region)
        names = request.get("ConfigRuleNames") or sorted({k[0] for k in state.evaluations})
        for name in names:
            if not self._rule_exists(region, name):
                raise ConfigApiError("NoSuchConfigRuleException",
                                     f"The ConfigRule '{name}' provided in the request is "
                                     "invalid. Please check the configRule name")
        wanted = set(request.get("ComplianceTypes") or ())
        found = []
        for name in names:
            results = [e for k, e in state.evaluations.items() if k[0] == name]
            bad = sum(e.compliance == "NON_COMPLIANT" for e in results)
            kind = "NON_COMPLIANT" if bad else "COMPLIANT" if results else "INSUFFICIENT_DATA"
            if wanted and kind not in wanted:
                continue
            compliance: dict = {"ComplianceType": kind}
            if bad:
                compliance["ComplianceContributorCount"] = {"CappedCount": bad,
                                                            "CapExceeded": False}
            found.append({"ConfigRuleName": name, "Compliance": compliance})
        return {"ComplianceByConfigRules": found}

    def compliance_details(self, region: str, request: dict) -> dict:
        name = request.get("ConfigRuleName", "")
        if not self._rule_exists(region, name):
            raise ConfigApiError("NoSuchConfigRuleException",
                                 f"The ConfigRule '{name}' provided in the request is invalid. "
                                 "Please check the configRule name")
        wanted = set(request.get("ComplianceTypes") or ())
        state = self.region(region)
        return {"EvaluationResults": [e.as_api() for k, e in sorted(state.evaluations.items())
                                      if k[0] == name and (not wanted or
                                                           e.compliance in wanted)]}

    def execution_status(self, region: str, request: dict) -> dict:
        name = request.get("ConfigRuleName", "")
        state = self.region(region)
        if name not in state.remediations:
            raise ConfigApiError("NoSuchRemediationConfigurationException",
                                 f"No RemediationConfiguration for rule {name} exists.")
        keys = {(k.get("resourceType"), k.get("resourceId"))
                for k in request.get("ResourceKeys") or ()}
        runs = [e for e in state.executions.get(name, [])
                if not keys or (e.resource_type, e.resource_id) in keys]
        return {"RemediationExecutionStatuses": [e.as_api() for e in reversed(runs)]}


def now() -> float:
    return round(time.time(), 3)
