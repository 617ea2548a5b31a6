"""What exists in AWS: ChangeWatch's resources found by tag, plus name clashes, per region."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from aws.errors import ChangeWatchError
from aws.fanout import per_region
from aws.names import NAME_PREFIX, TAG_KEY
from aws.session import AwsAccess, call, paginate


@dataclass(frozen=True)
class Subscription:
    arn: str  # "PendingConfirmation" until the user clicks the link
    protocol: str
    endpoint: str

    @property
    def pending(self) -> bool:
        return not self.arn.startswith("arn:")


@dataclass(frozen=True)
class Topic:
    arn: str
    name: str
    display_name: str
    policy: str
    kms_key: str
    subscriptions: tuple[Subscription, ...]


@dataclass(frozen=True)
class Target:
    id: str
    arn: str
    input_paths: dict = field(hash=False)
    input_template: str
    has_transformer: bool = True

    def as_api(self) -> dict:
        """The target as PutTargets would take it (what the plan compares)."""
        target: dict = {"Id": self.id, "Arn": self.arn}
        if self.has_transformer:
            target["InputTransformer"] = {"InputPathsMap": self.input_paths,
                                          "InputTemplate": self.input_template}
        return target


@dataclass(frozen=True)
class Rule:
    name: str
    arn: str
    pattern: str
    state: str
    description: str
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class RegionInventory:
    region: str
    topics: tuple[Topic, ...] = ()          # tagged with our deployment
    rules: tuple[Rule, ...] = ()            # tagged with our deployment
    foreign_topics: tuple[str, ...] = ()    # changewatch-… names not ours: never touched
    foreign_rules: tuple[str, ...] = ()
    error: ChangeWatchError | None = None

    @property
    def empty(self) -> bool:
        return not self.topics and not self.rules

    def rule(self, name: str) -> Rule | None:
        return next((r for r in self.rules if r.name == name), None)

    def topic(self, name: str) -> Topic | None:
        return next((t for t in self.topics if t.name == name), None)


def _tags(reply: dict) -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in reply.get("Tags", [])}


class _RegionReader:
    """Lists, then asks tags and details of every candidate at once: two round trips deep."""

    def __init__(self, access: AwsAccess, region: str, deployment: str,
                 pool: ThreadPoolExecutor, cancelled: Callable[[], bool] | None) -> None:
        self.sns = access.client("sns", region)
        self.events = access.client("events", region)
        self.region, self.deployment, self.pool, self.cancelled = (
            region, deployment, pool, cancelled)

    def _submit(self, fn, *args, **kwargs) -> Future:
        return self.pool.submit(fn, *args, self.region, self.cancelled, **kwargs)

    def read(self) -> RegionInventory:
        topics_f = self._submit(paginate, self.sns, "list_topics", "Topics")
        rules_f = self._submit(paginate, self.events, "list_rules", "Rules",
                               NamePrefix=NAME_PREFIX)
        topic_arns = [t["TopicArn"] for t in topics_f.result()
                      if t["TopicArn"].rsplit(":", 1)[-1].startswith(NAME_PREFIX)]
        topic_jobs = {arn: (
            self._submit(call, self.sns, "list_tags_for_resource", ResourceArn=arn),
            self._submit(call, self.sns, "get_topic_attributes", TopicArn=arn),
            self._submit(paginate, self.sns, "list_subscriptions_by_topic", "Subscriptions",
                         TopicArn=arn),
        ) for arn in topic_arns}
        rule_jobs = {rule["Name"]: (
            rule,
            self._submit(call, self.events, "list_tags_for_resource", ResourceARN=rule["Arn"]),
            self._submit(paginate, self.events, "list_targets_by_rule", "Targets",
                         Rule=rule["Name"]),
        ) for rule in rules_f.result()}
        topics, foreign_topics = self._split(
            {arn.rsplit(":", 1)[-1]: self._topic(arn, *jobs) for arn, jobs in topic_jobs.items()})
        rules, foreign_rules = self._split(
            {name: self._rule(*jobs) for name, jobs in rule_jobs.items()})
        return RegionInventory(self.region, tuple(topics), tuple(rules),
                               tuple(foreign_topics), tuple(foreign_rules))

    @staticmethod
    def _split(found: dict) -> tuple[list, list[str]]:
        ours = [item for item in found.values() if item is not None]
        return ours, sorted(name for name, item in found.items() if item is None)

    def _ours(self, tags_reply: dict) -> bool:
        return _tags(tags_reply).get(TAG_KEY) == self.deployment

    def _topic(self, arn: str, tags_f: Future, attrs_f: Future, subs_f: Future) -> Topic | None:
        if not self._ours(tags_f.result()):
            return None
        attrs = attrs_f.result()["Attributes"]
        return Topic(
            arn=arn, name=arn.rsplit(":", 1)[-1], display_name=attrs.get("DisplayName", ""),
            policy=attrs.get("Policy", ""), kms_key=attrs.get("KmsMasterKeyId", ""),
            subscriptions=tuple(Subscription(s["SubscriptionArn"], s["Protocol"],
                                             s["Endpoint"]) for s in subs_f.result()),
        )

    def _rule(self, summary: dict, tags_f: Future, targets_f: Future) -> Rule | None:
        if not self._ours(tags_f.result()):
            return None
        return Rule(
            name=summary["Name"], arn=summary["Arn"], pattern=summary.get("EventPattern", ""),
            state=summary.get("State", ""), description=summary.get("Description", ""),
            targets=tuple(_target(t) for t in targets_f.result()),
        )


def _target(data: dict) -> Target:
    transformer = data.get("InputTransformer")
    return Target(id=data["Id"], arn=data["Arn"],
                  input_paths=(transformer or {}).get("InputPathsMap", {}),
                  input_template=(transformer or {}).get("InputTemplate", ""),
                  has_transformer=transformer is not None)


def read_region(access: AwsAccess, region: str, deployment: str,
                cancelled: Callable[[], bool] | None = None) -> RegionInventory:
    """One region's inventory (raises a ChangeWatchError)."""
    with ThreadPoolExecutor(max_workers=16, thread_name_prefix=f"inv-{region}") as pool:
        return _RegionReader(access, region, deployment, pool, cancelled).read()


def read(access: AwsAccess, regions: Iterable[str], deployment: str,
         cancelled: Callable[[], bool] | None = None) -> dict[str, RegionInventory]:
    """Inventories of several regions, read in parallel; a failed region carries its error."""
    outcomes = per_region(regions, lambda r: read_region(access, r, deployment, cancelled),
                          name="inventory")
    return {r: o.value if o.value is not None else RegionInventory(r, error=o.error)
            for r, o in outcomes.items()}
