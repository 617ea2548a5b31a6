"""The compliance view's data: per region, whether Config records, each rule's resources by
result (named), and the remediation runs with their outcome. Reads only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aws.catalog import Catalog
from aws.compliance.model import rule_names
from aws.compliance.state import ConfigState, config_state
from aws.errors import AwsError, ChangeWatchError
from aws.fanout import per_region
from aws.session import AwsAccess, call
from aws.settings import Settings


@dataclass(frozen=True)
class ResourceResult:
    rule: str
    resource_type: str
    resource_id: str
    compliance: str  # COMPLIANT | NON_COMPLIANT | NOT_APPLICABLE | INSUFFICIENT_DATA
    recorded: datetime | None


@dataclass(frozen=True)
class RemediationRun:
    rule: str
    resource_id: str
    state: str  # QUEUED | IN_PROGRESS | SUCCEEDED | FAILED
    when: datetime | None
    error: str = ""


@dataclass(frozen=True)
class RegionCompliance:
    region: str
    config: ConfigState | None = None
    results: tuple[ResourceResult, ...] = ()
    runs: tuple[RemediationRun, ...] = ()
    error: ChangeWatchError | None = None

    def count(self, compliance: str) -> int:
        return sum(r.compliance == compliance for r in self.results)


def _results(client, region: str, rule: str, cancelled) -> list[ResourceResult]:
    found = []
    token = None
    while True:  # at most 100 a page
        extra = {"NextToken": token} if token else {}
        reply = call(client, "get_compliance_details_by_config_rule", region, cancelled,
                     ConfigRuleName=rule, Limit=100, **extra)
        for item in reply.get("EvaluationResults", []):
            qualifier = item["EvaluationResultIdentifier"]["EvaluationResultQualifier"]
            found.append(ResourceResult(rule, qualifier.get("ResourceType", ""),
                                        qualifier.get("ResourceId", ""),
                                        item.get("ComplianceType", ""),
                                        item.get("ResultRecordedTime")))
        token = reply.get("NextToken")
        if not token:
            return found


def _runs(client, region: str, rule: str, cancelled) -> list[RemediationRun]:
    try:
        reply = call(client, "describe_remediation_execution_status", region, cancelled,
                     ConfigRuleName=rule)
    except AwsError as exc:
        if "NoSuchRemediationConfiguration" in exc.detail:
            return []  # remediation not configured: no runs to show
        raise
    runs = []
    for item in reply.get("RemediationExecutionStatuses", []):
        errors = [s.get("ErrorMessage", "") for s in item.get("StepDetails", [])
                  if s.get("ErrorMessage")]
        runs.append(RemediationRun(rule, item.get("ResourceKey", {}).get("resourceId", ""),
                                   item.get("State", ""), item.get("LastUpdatedTime"),
                                   errors[0] if errors else ""))
    return runs


def read_region(access: AwsAccess, region: str, names: tuple[str, ...],
                cancelled: Callable[[], bool] | None = None) -> RegionCompliance:
    client = access.client("config", region)
    config = config_state(client, region, cancelled)
    results: list[ResourceResult] = []
    runs: list[RemediationRun] = []
    for name in names:
        try:
            results += _results(client, region, name, cancelled)
        except AwsError as exc:
            if "NoSuchConfigRule" in exc.detail:
                continue  # not made yet in this region (the status tab says so)
            raise
        runs += _runs(client, region, name, cancelled)
    return RegionCompliance(region, config, tuple(results), tuple(runs))


def compliance_report(access: AwsAccess, settings: Settings, catalog: Catalog, *,
                      on_progress: Callable[[object], None] | None = None,
                      cancelled: Callable[[], bool] | None = None
                      ) -> tuple[RegionCompliance, ...]:
    """Every chosen region at once; a region that cannot be read carries its error."""
    del on_progress, catalog
    names = rule_names(settings)
    if not names:
        return ()
    outcomes = per_region(settings.regions,
                          lambda r: read_region(access, r, names, cancelled), name="compliance")
    return tuple(o.value if o.value is not None else RegionCompliance(r, error=o.error)
                 for r, o in outcomes.items())
