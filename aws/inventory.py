"""What exists in AWS: ChangeWatch's resources found by tag, plus name clashes, per region; and
the deployment's IAM roles (global, under /changewatch/)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import unquote

from aws.errors import ChangeWatchError
from aws.fanout import per_region
from aws.names import NAME_PREFIX, ROLE_PATH, TAG_KEY
from aws.regions import GLOBAL_REGION
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
    api: dict = field(hash=False, compare=False)  # as PutTargets would take it

    def as_api(self) -> dict:
        return self.api


@dataclass(frozen=True)
class Rule:
    name: str
    arn: str
    pattern: str
    state: str
    description: str
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class StateMachine:
    name: str
    arn: str
    definition: str
    role_arn: str
    type: str


@dataclass(frozen=True)
class RegionInventory:
    region: str
    topics: tuple[Topic, ...] = ()          # tagged with our deployment
    rules: tuple[Rule, ...] = ()            # tagged with our deployment
    machines: tuple[StateMachine, ...] = ()  # tagged with our deployment
    foreign_topics: tuple[str, ...] = ()    # changewatch-… names not ours: never touched
    foreign_rules: tuple[str, ...] = ()
    foreign_machines: tuple[str, ...] = ()
    error: ChangeWatchError | None = None

    @property
    def empty(self) -> bool:
        return not self.topics and not self.rules and not self.machines

    def rule(self, name: str) -> Rule | None:
        return next((r for r in self.rules if r.name == name), None)

    def topic(self, name: str) -> Topic | None:
        return next((t for t in self.topics if t.name == name), None)

    def machine(self, name: str) -> StateMachine | None:
        return next((m for m in self.machines if m.name == name), None)


@dataclass(frozen=True)
class Role:
    name: str
    arn: str
    trust: str
    policies: dict[str, str] = field(hash=False, compare=False)  # inline policy name -> JSON


@dataclass(frozen=True)
class RoleInventory:
    roles: tuple[Role, ...] = ()            # tagged with our deployment
    foreign: tuple[str, ...] = ()           # under /changewatch/, not ours
    error: ChangeWatchError | None = None

    def role(self, name: str) -> Role | None:
        return next((r for r in self.roles if r.name == name), None)


def _tags(reply: dict, key: str = "Tags") -> dict[str, str]:
    return {t["Key"]: t["Value"] for t in reply.get(key, [])}


def _split(found: dict) -> tuple[list, list[str]]:
    ours = [item for item in found.values() if item is not None]
    return ours, sorted(name for name, item in found.items() if item is None)


def _target(data: dict) -> Target:
    api = {key: data[key] for key in ("Id", "Arn", "RoleArn", "InputTransformer") if key in data}
    return Target(id=data["Id"], arn=data["Arn"], api=api)


class _RegionReader:
    """Lists, then asks tags and details of every candidate at once: two round trips deep."""

    def __init__(self, access: AwsAccess, region: str, deployment: str,
                 pool: ThreadPoolExecutor, cancelled: Callable[[], bool] | None) -> None:
        self.sns = access.client("sns", region)
        self.events = access.client("events", region)
        self.sfn = access.client("stepfunctions", region)
        self.region, self.deployment, self.pool, self.cancelled = (
            region, deployment, pool, cancelled)

    def _submit(self, fn, *args, **kwargs) -> Future:
        return self.pool.submit(fn, *args, self.region, self.cancelled, **kwargs)

    def _ours(self, tags_reply: dict, key: str = "Tags") -> bool:
        tags = _tags(tags_reply, key) if key == "Tags" else {
            t["key"]: t["value"] for t in tags_reply.get(key, [])}
        return tags.get(TAG_KEY) == self.deployment

    def read(self) -> RegionInventory:
        topics_f = self._submit(paginate, self.sns, "list_topics", "Topics")
        rules_f = self._submit(paginate, self.events, "list_rules", "Rules",
                               NamePrefix=NAME_PREFIX)
        machines_f = self._submit(paginate, self.sfn, "list_state_machines", "stateMachines")
        topic_jobs = {arn.rsplit(":", 1)[-1]: (arn, *self._topic_jobs(arn))
                      for arn in (t["TopicArn"] for t in topics_f.result())
                      if arn.rsplit(":", 1)[-1].startswith(NAME_PREFIX)}
        rule_jobs = {rule["Name"]: (rule, *self._rule_jobs(rule)) for rule in rules_f.result()}
        machine_jobs = {m["name"]: (m, *self._machine_jobs(m)) for m in machines_f.result()
                        if m["name"].startswith(NAME_PREFIX)}
        topics, foreign_topics = _split({n: self._topic(*j) for n, j in topic_jobs.items()})
        rules, foreign_rules = _split({n: self._rule(*j) for n, j in rule_jobs.items()})
        machines, foreign_machines = _split({n: self._machine(*j)
                                             for n, j in machine_jobs.items()})
        return RegionInventory(self.region, tuple(topics), tuple(rules), tuple(machines),
                               tuple(foreign_topics), tuple(foreign_rules),
                               tuple(foreign_machines))

    def _topic_jobs(self, arn: str) -> tuple[Future, ...]:
        return (self._submit(call, self.sns, "list_tags_for_resource", ResourceArn=arn),
                self._submit(call, self.sns, "get_topic_attributes", TopicArn=arn),
                self._submit(paginate, self.sns, "list_subscriptions_by_topic",
                             "Subscriptions", TopicArn=arn))

    def _rule_jobs(self, rule: dict) -> tuple[Future, ...]:
        return (self._submit(call, self.events, "list_tags_for_resource",
                             ResourceARN=rule["Arn"]),
                self._submit(paginate, self.events, "list_targets_by_rule", "Targets",
                             Rule=rule["Name"]))

    def _machine_jobs(self, machine: dict) -> tuple[Future, ...]:
        arn = machine["stateMachineArn"]
        return (self._submit(call, self.sfn, "list_tags_for_resource", resourceArn=arn),
                self._submit(call, self.sfn, "describe_state_machine", stateMachineArn=arn))

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

    def _machine(self, summary: dict, tags_f: Future, detail_f: Future) -> StateMachine | None:
        if not self._ours(tags_f.result(), "tags"):
            return None
        detail = detail_f.result()
        return StateMachine(name=summary["name"], arn=summary["stateMachineArn"],
                            definition=detail.get("definition", ""),
                            role_arn=detail.get("roleArn", ""),
                            type=detail.get("type", summary.get("type", "")))


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


def _document(value: object) -> str:
    """IAM gives policy documents as URL-encoded JSON text (boto3 often decodes them)."""
    if isinstance(value, str):
        value = json.loads(unquote(value))
    return json.dumps(value, separators=(",", ":"), sort_keys=True)


def read_roles(access: AwsAccess, deployment: str,
               cancelled: Callable[[], bool] | None = None) -> RoleInventory:
    """The deployment's roles under /changewatch/ (IAM is global: asked once)."""
    region = GLOBAL_REGION
    iam = access.client("iam", region)
    listed = paginate(iam, "list_roles", "Roles", region, cancelled, PathPrefix=ROLE_PATH)
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="inv-iam") as pool:
        tags = {r["RoleName"]: pool.submit(paginate, iam, "list_role_tags", "Tags", region,
                                           cancelled, RoleName=r["RoleName"]) for r in listed}
        names = {r["RoleName"]: pool.submit(paginate, iam, "list_role_policies",
                                            "PolicyNames", region, cancelled,
                                            RoleName=r["RoleName"]) for r in listed}
        ours = [r for r in listed
                if {t["Key"]: t["Value"] for t in tags[r["RoleName"]].result()}
                .get(TAG_KEY) == deployment]
        documents = {(r["RoleName"], p): pool.submit(call, iam, "get_role_policy", region,
                                                     cancelled, RoleName=r["RoleName"],
                                                     PolicyName=p)
                     for r in ours for p in names[r["RoleName"]].result()}
        roles = tuple(Role(r["RoleName"], r["Arn"], _document(r["AssumeRolePolicyDocument"]),
                           {p: _document(f.result()["PolicyDocument"])
                            for (name, p), f in documents.items() if name == r["RoleName"]})
                      for r in ours)
    foreign = tuple(sorted(r["RoleName"] for r in listed if r not in ours))
    return RoleInventory(roles, foreign)


def safe_read_roles(access: AwsAccess, deployment: str,
                    cancelled: Callable[[], bool] | None = None) -> RoleInventory:
    """read_roles, with a failure kept as the inventory's error."""
    try:
        return read_roles(access, deployment, cancelled)
    except ChangeWatchError as exc:
        return RoleInventory(error=exc)
