"""The compliance-change email as a group-like entry: the catalog's "compliance" alert, made
specific to a deployment (its Config rule names in the pattern, one phrase per rule), so the
normal rule path (forwarding, formatter or transformer, topic) delivers it like any alert."""

from __future__ import annotations

import copy
from dataclasses import replace

from aws import resources
from aws.catalog import Catalog, Group, WatchEvent
from aws.compliance.model import chosen_rules
from aws.compliance.names import config_rule_name
from aws.settings import Settings

ALERT_GROUP = "compliance"


def deployment_alert(catalog: Catalog, settings: Settings) -> Group | None:
    """The alert for these settings' Config rules; None without compliance rules.
    https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html
    """
    if catalog.alert is None or not settings.compliance:
        return None
    rules = chosen_rules(settings, catalog)
    pattern = copy.deepcopy(catalog.alert.pattern)
    names = [config_rule_name(settings.deployment, r.id) for r in rules]
    pattern.setdefault("detail", {})["configRuleName"] = names
    # One "event" per Config rule: the formatter finds each rule's phrase by its name.
    events = tuple(WatchEvent(name, r.title, r.phrase) for name, r in zip(names, rules,
                                                                           strict=True))
    return replace(catalog.alert, pattern=pattern, events=events)


def with_deployment_alert(catalog: Catalog, settings: Settings) -> Catalog:
    """The catalog whose "compliance" group is this deployment's (unchanged without rules)."""
    alert = deployment_alert(catalog, settings)
    return replace(catalog, alert=alert) if alert is not None else catalog


def alert_groups(catalog: Catalog, settings: Settings) -> tuple[str, ...]:
    """The group ids the compliance settings add to the watched ones."""
    return (ALERT_GROUP,) if settings.compliance and catalog.alert is not None else ()


def compliance_samples(rule_names: list[str] | tuple[str, ...]) -> list[dict]:
    """Sample "Config Rules Compliance Change" events (resources/samples/compliance/), made
    about the first of `rule_names`: what the preview renders. NON_COMPLIANT first."""
    found = []
    for file in resources.names("samples", "compliance"):
        found += resources.read_json("samples", "compliance", file)
    for event in found:
        if rule_names:
            event["detail"]["configRuleName"] = rule_names[0]
            qualifier = event["detail"]["newEvaluationResult"]["evaluationResultIdentifier"][
                "evaluationResultQualifier"]
            qualifier["configRuleName"] = rule_names[0]
    return found
