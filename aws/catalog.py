"""The catalog of watchable APIs (resources/catalog.json) and the rule patterns it yields."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from aws import resources
from aws.errors import SettingsError
from aws.jsonpath import resolve_path
from aws.regions import GLOBAL_REGION

# EventBridge's default limit on an event pattern's size, in characters.
# https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html
PATTERN_LIMIT = 2048


class Home(StrEnum):
    """Where a group's rules live: the chosen regions, us-east-1 only, or both."""

    EACH = "each"
    GLOBAL = "us-east-1"
    GLOBAL_AND_EACH = "us-east-1+each"


@dataclass(frozen=True)
class Text:
    ja: str
    en: str

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class Severity(StrEnum):
    """How urgent a group's email is: the first word of its subject."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"


@dataclass(frozen=True)
class WatchEvent:
    name: str
    label: Text
    phrase: Text | None = None  # what happened, short enough for an email subject


@dataclass(frozen=True, eq=False)
class Group:
    id: str
    title: Text
    description: Text
    cis: str | None
    home: Home
    state: str
    sensitive: bool
    fixed: bool
    pattern: dict
    all_events: dict | None
    events: tuple[WatchEvent, ...]
    resource_paths: tuple[tuple[str, str], ...]
    severity: Severity = Severity.MEDIUM
    phrase: Text | None = None  # for groups that watch no named API (any denied call…)
    exceptable: bool = True  # False where excepting a caller defeats the alert (root)

    @property
    def event_names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.events)

    @property
    def service(self) -> str:
        """“ec2” for ec2.amazonaws.com; empty when the group spans services."""
        sources = self.pattern.get("detail", {}).get("eventSource", [])
        return sources[0].split(".")[0] if len(sources) == 1 else ""

    def label(self, event_name: str, lang: str) -> str:
        for event in self.events:
            if event.name == event_name:
                return event.label.get(lang)
        return ""

    def phrase_of(self, event_name: str, lang: str) -> str:
        """The subject phrase for one API of this group; the group's own phrase otherwise."""
        for event in self.events:
            if event.name == event_name and event.phrase is not None:
                return event.phrase.get(lang)
        return self.phrase.get(lang) if self.phrase else self.title.get(lang)

    def resource(self, event: dict) -> str:
        """The resource an event of this group is about (an EventBridge event), by the
        group's resource paths: the same answer the email and the event log give."""
        for _, path in self.resource_paths:
            value = resolve_path(event, path)
            if isinstance(value, str) and value:
                return value
        return ""

    def regions(self, chosen: Iterable[str]) -> tuple[str, ...]:
        """Where this group's rule must live, given the regions the user chose."""
        chosen = tuple(chosen)
        if self.home == Home.GLOBAL:
            return (GLOBAL_REGION,)
        if self.home == Home.GLOBAL_AND_EACH:
            return tuple(dict.fromkeys((*chosen, GLOBAL_REGION)))
        return chosen


@dataclass(frozen=True)
class Preset:
    id: str
    title: Text
    groups: tuple[str, ...]


@dataclass(frozen=True)
class RemediationAction:
    """An SSM Automation document Config runs on a non-compliant resource, and what it needs."""

    document: str
    resource_parameter: str  # the document's parameter that receives the resource id
    role_parameter: str  # the document's parameter that receives the automation role
    static_parameters: tuple[tuple[str, str], ...]
    actions: tuple[str, ...]  # the IAM actions the document calls: the role allows only these
    attempts: int
    retry_seconds: int


@dataclass(frozen=True)
class ComplianceRule:
    """An AWS Config managed rule ChangeWatch can create, with its remediation."""

    id: str
    title: Text
    description: Text
    phrase: Text  # the email subject's words when a resource becomes non-compliant
    managed_rule: str  # the managed rule's SourceIdentifier
    resource_types: tuple[str, ...]
    remediation: RemediationAction | None


@dataclass(frozen=True)
class Catalog:
    groups: tuple[Group, ...]
    presets: tuple[Preset, ...]
    compliance: tuple[ComplianceRule, ...] = ()
    alert: Group | None = None  # the group-like entry of compliance-change emails

    def group(self, group_id: str) -> Group:
        for group in (*self.groups, *((self.alert,) if self.alert else ())):
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def find(self, group_id: str) -> Group | None:
        try:
            return self.group(group_id)
        except KeyError:
            return None

    def compliance_rule(self, rule_id: str) -> ComplianceRule:
        for rule in self.compliance:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def group_of_event(self, event_source: str, event_name: str) -> Group | None:
        for group in self.groups:
            if group.service == event_source.split(".")[0] and event_name in group.event_names:
                return group
        return None


def _text(data: dict) -> Text:
    return Text(ja=data["ja"], en=data["en"])


def _group(data: dict) -> Group:
    return Group(
        id=data["id"],
        title=_text(data["title"]),
        description=_text(data["description"]),
        cis=data.get("cis"),
        home=Home(data.get("home", Home.EACH)),
        state=data.get("state", "ENABLED"),
        sensitive=bool(data.get("sensitive", False)),
        fixed=bool(data.get("fixed", False)),
        pattern=data["pattern"],
        all_events=data.get("all_events"),
        events=tuple(_watch_event(e) for e in data.get("events", [])),
        resource_paths=tuple(data.get("resource_paths", {}).items()),
        severity=Severity(data.get("severity", Severity.MEDIUM)),
        phrase=_text(data["phrase"]) if "phrase" in data else None,
        exceptable=bool(data.get("exceptable", True)),
    )


def _watch_event(data: dict) -> WatchEvent:
    phrase = _text(data["phrase"]) if "phrase" in data else None
    return WatchEvent(data["name"], _text(data["label"]), phrase)


def _remediation(data: dict | None) -> RemediationAction | None:
    if not data:
        return None
    return RemediationAction(
        document=data["document"], resource_parameter=data["resource_parameter"],
        role_parameter=data["role_parameter"],
        static_parameters=tuple(sorted(data.get("static_parameters", {}).items())),
        actions=tuple(data["actions"]), attempts=int(data.get("attempts", 3)),
        retry_seconds=int(data.get("retry_seconds", 60)))


def _compliance_rule(data: dict) -> ComplianceRule:
    return ComplianceRule(
        id=data["id"], title=_text(data["title"]), description=_text(data["description"]),
        phrase=_text(data["phrase"]), managed_rule=data["managed_rule"],
        resource_types=tuple(data["resource_types"]),
        remediation=_remediation(data.get("remediation")))


@cache
def load_catalog() -> Catalog:
    data = resources.read_json("catalog.json")
    compliance = data.get("compliance", {})
    return Catalog(
        groups=tuple(_group(g) for g in data["groups"]),
        presets=tuple(
            Preset(p["id"], _text(p["title"]), tuple(p["groups"])) for p in data["presets"]
        ),
        compliance=tuple(_compliance_rule(r) for r in compliance.get("rules", [])),
        alert=_group(compliance["alert"]) if "alert" in compliance else None,
    )


@cache
def _samples(group_id: str) -> tuple[dict, ...]:
    name = f"{group_id}.json"
    return tuple(resources.read_json("samples", name)) if resources.exists("samples", name) else ()


def samples(group_id: str, names: Iterable[str] | None = None) -> list[dict]:
    """The shipped sample CloudTrail records of a group (copies), of `names` if given."""
    wanted = set(names) if names is not None else None
    return [copy.deepcopy(r) for r in _samples(group_id)
            if wanted is None or r.get("eventName") in wanted]


Selection = dict[str, frozenset[str]]  # group id -> chosen event names (all, for fixed groups)


def resolve_watch(catalog: Catalog, watch: Iterable[str]) -> Selection:
    """Turn settings' watch ids (group ids or “service:EventName”) into a selection."""
    chosen: dict[str, set[str]] = {}
    for item in watch:
        if ":" in item:
            service, name = item.split(":", 1)
            group = catalog.group_of_event(service, name)
            if group is None or group.fixed:
                raise SettingsError(f"unknown watch id “{item}”")
            chosen.setdefault(group.id, set()).add(name)
            continue
        try:
            group = catalog.group(item)
        except KeyError:
            raise SettingsError(f"unknown watch id “{item}”") from None
        chosen.setdefault(group.id, set()).update(group.event_names)
    # Keep catalog order so plans and rule names are stable.
    return {g.id: frozenset(chosen[g.id]) for g in catalog.groups if g.id in chosen}


def watch_ids(catalog: Catalog, selection: Selection) -> tuple[str, ...]:
    """The shortest watch list for a selection: whole groups by id, else service:Name."""
    ids: list[str] = []
    for group in catalog.groups:
        if group.id not in selection:  # a fixed group may be chosen with no names at all
            continue
        names = selection[group.id]
        if group.fixed or names >= set(group.event_names):
            ids.append(group.id)
        else:
            ids.extend(f"{group.service}:{n}" for n in group.event_names if n in names)
    return tuple(ids)


def compact(pattern: dict) -> str:
    return json.dumps(pattern, separators=(",", ":"), ensure_ascii=False)


def rule_patterns(group: Group, names: frozenset[str]) -> tuple[dict, ...]:
    """The event pattern(s) for a group restricted to `names`; split when over the size limit."""
    if group.fixed:
        return (group.pattern,)
    if group.all_events and names >= set(group.event_names):
        pattern = copy.deepcopy(group.pattern)
        pattern.setdefault("detail", {}).update(copy.deepcopy(group.all_events))
        return (pattern,)
    ordered = [n for n in group.event_names if n in names]
    return tuple(_split_by_size(group.pattern, ordered))


def _split_by_size(base: dict, names: list[str]) -> list[dict]:
    pattern = copy.deepcopy(base)
    pattern.setdefault("detail", {})["eventName"] = names
    if len(compact(pattern)) <= PATTERN_LIMIT or len(names) < 2:
        return [pattern]
    half = len(names) // 2
    return _split_by_size(base, names[:half]) + _split_by_size(base, names[half:])


def rule_name(group_id: str, index: int) -> str:
    """`changewatch-<group>`; a split group's further rules get `-2`, `-3`…"""
    base = f"changewatch-{group_id}"
    return (base if index == 0 else f"{base}-{index + 1}")[:64]


def watchable_ids(catalog: Catalog) -> tuple[str, ...]:
    """Every id a settings file may list in `watch`: group ids and “service:EventName”."""
    ids = [group.id for group in catalog.groups]
    for group in catalog.groups:
        if not group.fixed and group.service:
            ids.extend(f"{group.service}:{name}" for name in group.event_names)
    return tuple(ids)
