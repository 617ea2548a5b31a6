"""What should exist for a set of settings: per region, and the account's IAM roles. Pure data.

Delivery "home" (the default): one topic, one subscription and the notification in the home
region; every other region that needs rules forwards its matching events to the home region's
default bus through an IAM role. "per-region": each region notifies on its own, no roles.
Notifications "rich": the home rules target a Step Functions formatter (aws/formatter/);
"simple": they target the topic with an input transformer (aws/notification.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aws.catalog import Catalog, compact, resolve_watch, rule_patterns
from aws.compliance.alert import ALERT_GROUP, alert_groups, with_deployment_alert
from aws.compliance.model import remediation_role_documents
from aws.compliance.names import remediation_role_name
from aws.compliance.transformer import compliance_transformer
from aws.exceptions import with_exceptions
from aws.formatter import definition, input_template
from aws.names import (
    DISPLAY_NAME,
    FORMATTER_TARGET,
    FORWARD_TARGET,
    ROLE_PATH,
    TOPIC_TARGET,
    events_role_name,
    notify_role_name,
    rule_name,
    state_machine_name,
    topic_name,
)
from aws.notification import Transformer, transformer
from aws.policy import (
    compact as compact_policy,
)
from aws.policy import (
    events_role_policy,
    notify_role_policy,
    topic_policy,
    trust_policy,
)
from aws.session import Identity
from aws.settings import Delivery, Notifications, Settings, WatchException
from aws.timezone import zone_name

# For what needs the rules but no AWS call (previews, the event reader): ARNs are not shown.
PLACEHOLDER_IDENTITY = Identity(account="000000000000", arn="arn:aws:iam::000000000000:root")
INLINE_POLICY = "changewatch"


@dataclass(frozen=True)
class DesiredTarget:
    id: str
    arn: str
    role_arn: str | None = None
    transformer: Transformer | None = None  # simple: the text template
    template: str | None = None  # rich: the formatter's input (group + whole event)

    def as_api(self) -> dict:
        target: dict = {"Id": self.id, "Arn": self.arn}
        if self.role_arn:
            target["RoleArn"] = self.role_arn
        if self.transformer is not None:
            target["InputTransformer"] = self.transformer.as_api()
        elif self.template is not None:
            target["InputTransformer"] = {"InputPathsMap": {}, "InputTemplate": self.template}
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

    @property
    def forwards(self) -> bool:
        return self.target.id == FORWARD_TARGET


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
class DesiredStateMachine:
    """The rich formatter: an Express workflow that publishes one email per event."""

    name: str
    arn: str
    definition: str
    role_arn: str
    type: str = "EXPRESS"


@dataclass(frozen=True)
class DesiredRole:
    name: str
    arn: str
    trust: str  # compact JSON
    policy: str  # compact JSON, the one inline policy INLINE_POLICY
    description: str
    path: str = ROLE_PATH


@dataclass(frozen=True)
class DesiredRegion:
    region: str
    topic: DesiredTopic | None
    rules: tuple[DesiredRule, ...]
    state_machine: DesiredStateMachine | None = None
    forwards_to: str | None = None  # home delivery: where this region's events go


@dataclass(frozen=True)
class DesiredState:
    regions: dict[str, DesiredRegion]
    roles: tuple[DesiredRole, ...] = ()
    home: str | None = None  # home delivery's notification region
    topics: tuple[str, ...] = field(default=())  # every topic ARN (one in home delivery)
    exceptions: tuple[WatchException, ...] = ()  # already in the rules' patterns; for words

    def get(self, region: str) -> DesiredRegion | None:
        return self.regions.get(region)


@dataclass(frozen=True)
class _Arns:
    """Every ARN of a deployment, made once from the identity and the settings."""

    partition: str
    account: str
    deployment: str

    def of(self, service: str, region: str, resource: str) -> str:
        return f"arn:{self.partition}:{service}:{region}:{self.account}:{resource}"

    def topic(self, region: str) -> str:
        return self.of("sns", region, topic_name(self.deployment))

    def rule(self, region: str, name: str) -> str:
        return self.of("events", region, f"rule/{name}")

    def bus(self, region: str) -> str:
        return self.of("events", region, "event-bus/default")

    def state_machine(self, region: str) -> str:
        return self.of("states", region, f"stateMachine:{state_machine_name(self.deployment)}")

    def role(self, name: str) -> str:
        return f"arn:{self.partition}:iam::{self.account}:role{ROLE_PATH}{name}"


def _names(pattern: dict) -> tuple[str, ...]:
    """The plain event names a pattern lists (none for condition or catch-all patterns)."""
    names = pattern.get("detail", {}).get("eventName", [])
    return tuple(n for n in names if isinstance(n, str))


def _group_patterns(settings: Settings, catalog: Catalog) -> list[tuple[str, int, dict]]:
    """(group id, index, pattern) for every rule the settings need, in catalog order."""
    found = []
    for group_id, names in resolve_watch(catalog, settings.watch).items():
        group = with_exceptions(catalog.group(group_id), settings.exceptions)
        found += [(group_id, i, p) for i, p in enumerate(rule_patterns(group, names))]
    for group_id in alert_groups(catalog, settings):  # compliance changes: a fixed pattern
        found.append((group_id, 0, catalog.group(group_id).pattern))
    return found


def _rule_regions(settings: Settings, catalog: Catalog, group_id: str) -> tuple[str, ...]:
    """Where the group's events happen: its home (us-east-1 for global services) and/or the
    chosen regions. In home delivery the home region also gets the rule, to match forwards."""
    regions = catalog.group(group_id).regions(settings.regions)
    if settings.delivery == Delivery.HOME:
        return tuple(dict.fromkeys((settings.home, *regions)))
    return regions


class _Builder:
    def __init__(self, settings: Settings, catalog: Catalog, identity: Identity,
                 key_arns: dict[str, str]) -> None:
        self.settings, self.catalog, self.key_arns = settings, catalog, key_arns
        self.arns = _Arns(identity.partition, identity.account, settings.deployment)
        self.rich = settings.notifications == Notifications.RICH
        self.home = settings.home if settings.delivery == Delivery.HOME else None
        dep = settings.deployment
        self.events_role = self.arns.role(events_role_name(dep))
        self.notify_role = self.arns.role(notify_role_name(dep))

    def target(self, region: str, group_id: str, pattern: dict) -> DesiredTarget:
        if self.home is not None and region != self.home:
            return DesiredTarget(FORWARD_TARGET, self.arns.bus(self.home), self.events_role)
        if self.rich:
            return DesiredTarget(FORMATTER_TARGET, self.arns.state_machine(region),
                                 self.events_role, template=input_template(group_id))
        if group_id == ALERT_GROUP:  # a Config event: its own words, no caller or API
            tf = compliance_transformer(self.catalog.group(group_id), self.settings.language)
        else:
            tf = transformer(self.catalog.group(group_id), self.settings.language,
                             _names(pattern))
        return DesiredTarget(TOPIC_TARGET, self.arns.topic(region), transformer=tf)

    def rules(self) -> dict[str, list[DesiredRule]]:
        rules: dict[str, list[DesiredRule]] = {}
        for group_id, index, pattern in _group_patterns(self.settings, self.catalog):
            group = self.catalog.group(group_id)
            name = rule_name(self.settings.deployment, group_id, index)
            for region in _rule_regions(self.settings, self.catalog, group_id):
                rules.setdefault(region, []).append(DesiredRule(
                    name=name, arn=self.arns.rule(region, name), group_id=group_id,
                    pattern=compact(pattern), state=group.state,
                    description=f"ChangeWatch ({self.settings.deployment}): "
                                f"{group.title.en}"[:512],
                    target=self.target(region, group_id, pattern)))
        return rules

    def topic(self, region: str, rules: list[DesiredRule]) -> DesiredTopic:
        arn = self.arns.topic(region)
        if self.rich:
            policy = topic_policy(arn, self.arns.account, publisher_role=self.notify_role)
        else:
            policy = topic_policy(arn, self.arns.account, (r.arn for r in rules))
        given = self.settings.kms_key_for(region)
        # A multi-Region key named by another region's ARN: the topic uses its replica here.
        other = bool(given and given.startswith("arn:") and given.split(":")[3] != region)
        key = self.key_arns.get(region, given) if other else given
        return DesiredTopic(arn=arn, display_name=DISPLAY_NAME, policy=compact_policy(policy),
                            email=self.settings.email, kms_key=key)

    def state_machine(self, region: str) -> DesiredStateMachine:
        groups = [self.catalog.group(g) for g in (
            *resolve_watch(self.catalog, self.settings.watch),
            *alert_groups(self.catalog, self.settings))]
        # The zone's offsets are embedded from the start of this year on: the definition (and
        # so the plan) changes once a year, not at every run.
        year = datetime.now(UTC).replace(month=1, day=1, hour=0, minute=0, second=0,
                                         microsecond=0)
        text = definition(self.arns.topic(region), groups, self.settings.language,
                          zone_name(self.settings.timezone), now=year)
        return DesiredStateMachine(state_machine_name(self.settings.deployment),
                                   self.arns.state_machine(region), text, self.notify_role)

    def region(self, region: str, rules: list[DesiredRule]) -> DesiredRegion:
        if self.home is not None and region != self.home:
            return DesiredRegion(region, None, tuple(rules), forwards_to=self.home)
        machine = self.state_machine(region) if self.rich else None
        return DesiredRegion(region, self.topic(region, rules), tuple(rules), machine)

    def roles(self, regions: dict[str, DesiredRegion]) -> tuple[DesiredRole, ...]:
        """The role EventBridge assumes (forwarding, starting the formatter), and the one the
        formatter assumes (publishing); none when nothing needs them."""
        dep, account = self.settings.deployment, self.arns.account
        forwarding = any(r.forwards_to for r in regions.values())
        machine = next((r.state_machine for r in regions.values() if r.state_machine), None)
        roles = []
        if forwarding or machine:
            policy = events_role_policy(self.arns.bus(self.home) if forwarding else None,
                                        machine.arn if machine else None)
            roles.append(DesiredRole(
                events_role_name(dep), self.events_role,
                compact_policy(trust_policy("events.amazonaws.com", account)),
                compact_policy(policy), f"ChangeWatch ({dep}): EventBridge forwards and "
                                        "starts the formatter"))
        if machine:
            region = next(r for r in regions.values() if r.state_machine)
            policy = notify_role_policy(region.topic.arn, self.key_arns.get(region.region))
            roles.append(DesiredRole(
                notify_role_name(dep), self.notify_role,
                compact_policy(trust_policy("states.amazonaws.com", account)),
                compact_policy(policy), f"ChangeWatch ({dep}): the formatter publishes"))
        documents = remediation_role_documents(self.settings, self.catalog, Identity(
            account, f"arn:{self.arns.partition}:iam::{account}:root"))
        if documents:  # SSM Automation runs the Config remediation as this role
            name = remediation_role_name(dep)
            roles.append(DesiredRole(name, self.arns.role(name), *documents,
                                     f"ChangeWatch ({dep}): Config remediation"))
        return tuple(roles)


def desired_state(settings: Settings, catalog: Catalog, identity: Identity,
                  key_arns: dict[str, str] | None = None) -> DesiredState:
    """Everything ChangeWatch should have for these settings, by region, plus the roles.
    `key_arns`: the checked ARN of each topic region's KMS key (aws/kms.py)."""
    catalog = with_deployment_alert(catalog, settings)  # its Config rules' names and phrases
    builder = _Builder(settings, catalog, identity, key_arns or {})
    rules = builder.rules()
    regions = {region: builder.region(region, rules[region])
               for region in dict.fromkeys((*settings.regions, *rules)) if rules.get(region)}
    topics = tuple(r.topic.arn for r in regions.values() if r.topic)
    return DesiredState(regions, builder.roles(regions), builder.home, topics,
                        settings.exceptions)
