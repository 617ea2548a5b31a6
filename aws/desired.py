"""What should exist, per region, for a set of settings: pure data, no AWS calls."""

from __future__ import annotations

import json
from dataclasses import dataclass

from aws.catalog import Catalog, compact, resolve_watch, rule_patterns, samples
from aws.match import to_eventbridge
from aws.names import DISPLAY_NAME, TARGET_ID, TOPIC_NAME, rule_name
from aws.notification import Transformer, render, transformer
from aws.policy import topic_policy
from aws.session import Identity
from aws.settings import Settings

# For what needs the rules but no AWS call (previews, the event reader): ARNs are not shown.
PLACEHOLDER_IDENTITY = Identity(account="000000000000", arn="arn:aws:iam::000000000000:root")


@dataclass(frozen=True)
class DesiredTarget:
    id: str
    arn: str
    transformer: Transformer | None = None

    def as_api(self) -> dict:
        target: dict = {"Id": self.id, "Arn": self.arn}
        if self.transformer is not None:
            target["InputTransformer"] = self.transformer.as_api()
        return target


@dataclass(frozen=True)
class DesiredRule:
    name: str
    arn: str
    group_id: str
    pattern: str  # compact JSON, as PutRule takes it
    state: str
    description: str
    target: DesiredTarget

    @property
    def pattern_dict(self) -> dict:
        return json.loads(self.pattern)

    @property
    def transformer(self) -> Transformer | None:
        return self.target.transformer


@dataclass(frozen=True)
class DesiredTopic:
    arn: str
    display_name: str
    policy: str
    email: str
    kms_key: str | None

    @property
    def name(self) -> str:
        return self.arn.rsplit(":", 1)[-1]


@dataclass(frozen=True)
class DesiredRegion:
    region: str
    topic: DesiredTopic
    rules: tuple[DesiredRule, ...]


def _names(pattern: dict) -> tuple[str, ...]:
    """The plain event names a pattern lists (none for condition or catch-all patterns)."""
    names = pattern.get("detail", {}).get("eventName", [])
    return tuple(n for n in names if isinstance(n, str))


def _rules(settings: Settings, catalog: Catalog, identity: Identity) -> dict[str, list]:
    """Region → the rules it needs. Groups about global services add us-east-1."""
    selection = resolve_watch(catalog, settings.watch)
    rules: dict[str, list[DesiredRule]] = {}
    for group_id, names in selection.items():
        group = catalog.group(group_id)
        for region in group.regions(settings.regions):
            topic_arn = f"arn:{identity.partition}:sns:{region}:{identity.account}:{TOPIC_NAME}"
            for index, pattern in enumerate(rule_patterns(group, names)):
                name = rule_name(group.id, index)
                target = DesiredTarget(TARGET_ID, topic_arn,
                                       transformer(group, settings.language, _names(pattern)))
                rules.setdefault(region, []).append(DesiredRule(
                    name=name,
                    arn=f"arn:{identity.partition}:events:{region}:{identity.account}:rule/{name}",
                    group_id=group.id,
                    pattern=compact(pattern),
                    state=group.state,
                    description=f"ChangeWatch ({settings.deployment}): {group.title.en}"[:512],
                    target=target,
                ))
    return rules


def desired_state(settings: Settings, catalog: Catalog,
                  identity: Identity) -> dict[str, DesiredRegion]:
    """Region → what ChangeWatch should have there."""
    rules = _rules(settings, catalog, identity)
    result: dict[str, DesiredRegion] = {}
    for region in dict.fromkeys((*settings.regions, *rules)):
        region_rules = tuple(rules.get(region, ()))
        if not region_rules:
            continue
        topic_arn = f"arn:{identity.partition}:sns:{region}:{identity.account}:{TOPIC_NAME}"
        policy = topic_policy(topic_arn, identity.account, (r.arn for r in region_rules))
        topic = DesiredTopic(arn=topic_arn, display_name=DISPLAY_NAME,
                             policy=json.dumps(policy, separators=(",", ":")),
                             email=settings.email, kms_key=settings.kms_key)
        result[region] = DesiredRegion(region=region, topic=topic, rules=region_rules)
    return result


def preview(rule: DesiredRule) -> tuple[str, str]:
    """(event name, the email text) for a sample of an API the rule watches, rendered with
    the rule's own transformer: exactly what the email will say. ("", "") without a sample."""
    names = _names(rule.pattern_dict)
    records = samples(rule.group_id, names or None) or samples(rule.group_id)
    if not records or rule.transformer is None:
        return "", ""
    event = to_eventbridge(records[0])
    return records[0].get("eventName", ""), render(rule.transformer, event, rule.name, rule.arn)
