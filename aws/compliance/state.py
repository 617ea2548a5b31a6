"""What exists of AWS Config in a region: the recorder, its status, the delivery channel, and
this deployment's Config rules (by tag) with their remediation configurations."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from aws.compliance.names import recorder_name
from aws.errors import ChangeWatchError
from aws.fanout import per_region
from aws.names import NAME_PREFIX, TAG_KEY
from aws.session import AwsAccess, call, paginate


@dataclass(frozen=True)
class ConfigState:
    """The region's configuration recorder (one per region) and delivery channel."""

    recorder: str | None = None
    recording: bool = False
    all_supported: bool = False
    resource_types: tuple[str, ...] = ()
    excluded_types: tuple[str, ...] = ()
    channel: str | None = None
    bucket: str | None = None

    def covers(self, resource_type: str) -> bool:
        """Whether the recorder records this type (allSupported, listed, or not excluded)."""
        if self.recorder is None:
            return False
        if self.excluded_types:
            return resource_type not in self.excluded_types
        return self.all_supported or resource_type in self.resource_types

    def on_for(self, resource_types: Iterable[str]) -> bool:
        """Config evaluates rules here: recording, delivering, covering every type."""
        return bool(self.recording and self.channel
                    and all(self.covers(t) for t in resource_types))

    def started_by(self, deployment: str) -> bool:
        return self.recorder == recorder_name(deployment)


@dataclass(frozen=True)
class FoundConfigRule:
    name: str
    arn: str
    identifier: str
    resource_types: tuple[str, ...]
    description: str
    state: str


@dataclass(frozen=True)
class ComplianceInventory:
    region: str
    config: ConfigState = ConfigState()
    rules: tuple[FoundConfigRule, ...] = ()  # tagged with our deployment
    foreign_rules: tuple[str, ...] = ()  # changewatch-… names without our tag
    remediations: dict[str, dict] = field(default_factory=dict, hash=False)  # rule -> config
    error: ChangeWatchError | None = None

    def rule(self, name: str) -> FoundConfigRule | None:
        return next((r for r in self.rules if r.name == name), None)


def config_state(client, region: str, cancelled) -> ConfigState:
    """Recorder, its status and the channel: asked at once (one round trip)."""
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix=f"config-{region}") as pool:
        recorders_f = pool.submit(call, client, "describe_configuration_recorders", region,
                                  cancelled)
        statuses_f = pool.submit(call, client, "describe_configuration_recorder_status",
                                 region, cancelled)
        channels_f = pool.submit(call, client, "describe_delivery_channels", region, cancelled)
        recorders = recorders_f.result().get("ConfigurationRecorders", [])
        statuses = statuses_f.result().get("ConfigurationRecordersStatus", [])
        channels = channels_f.result().get("DeliveryChannels", [])
    if not recorders:
        channel = channels[0] if channels else {}
        return ConfigState(channel=channel.get("name"), bucket=channel.get("s3BucketName"))
    recorder = recorders[0]
    statuses = [s for s in statuses if s.get("name", recorder["name"]) == recorder["name"]]
    group = recorder.get("recordingGroup", {})
    strategy = group.get("recordingStrategy", {}).get("useOnly", "")
    excluded = group.get("exclusionByResourceTypes", {}).get("resourceTypes", []) \
        if strategy == "EXCLUSION_BY_RESOURCE_TYPES" else []
    channel = channels[0] if channels else {}
    return ConfigState(
        recorder=recorder["name"],
        recording=any(s.get("recording") for s in statuses),
        all_supported=bool(group.get("allSupported", not group)),
        resource_types=tuple(group.get("resourceTypes", [])), excluded_types=tuple(excluded),
        channel=channel.get("name"), bucket=channel.get("s3BucketName"))


def _rule(data: dict) -> FoundConfigRule:
    return FoundConfigRule(
        name=data["ConfigRuleName"], arn=data.get("ConfigRuleArn", ""),
        identifier=data.get("Source", {}).get("SourceIdentifier", ""),
        resource_types=tuple(data.get("Scope", {}).get("ComplianceResourceTypes", [])),
        description=data.get("Description", ""), state=data.get("ConfigRuleState", ""))


def read_compliance_region(access: AwsAccess, region: str, deployment: str,
                           cancelled: Callable[[], bool] | None = None) -> ComplianceInventory:
    """Two round trips deep: Config's state and the rules at once, then each candidate
    rule's tags and the remediations at once."""
    client = access.client("config", region)
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix=f"config-{region}") as pool:
        rules_f = pool.submit(paginate, client, "describe_config_rules", "ConfigRules", region,
                              cancelled)
        config = config_state(client, region, cancelled)
        listed = [r for r in rules_f.result() if r["ConfigRuleName"].startswith(NAME_PREFIX)]
        tags_f = {r["ConfigRuleName"]: pool.submit(call, client, "list_tags_for_resource",
                                                   region, cancelled,
                                                   ResourceArn=r["ConfigRuleArn"])
                  for r in listed}
        remediations_f = pool.submit(call, client, "describe_remediation_configurations",
                                     region, cancelled,
                                     ConfigRuleNames=[r["ConfigRuleName"] for r in listed]
                                     ) if listed else None
        ours, foreign = [], []
        for data in listed:
            tags = tags_f[data["ConfigRuleName"]].result().get("Tags", [])
            mine = {t["Key"]: t["Value"] for t in tags}.get(TAG_KEY) == deployment
            (ours if mine else foreign).append(data)
        found = remediations_f.result() if remediations_f else {}
    names = {r["ConfigRuleName"] for r in ours}
    remediations = {r["ConfigRuleName"]: r for r in found.get("RemediationConfigurations", [])
                    if r["ConfigRuleName"] in names}
    return ComplianceInventory(region, config, tuple(_rule(r) for r in ours),
                               tuple(r["ConfigRuleName"] for r in foreign), remediations)


def read_compliance(access: AwsAccess, regions: Iterable[str], deployment: str,
                    cancelled: Callable[[], bool] | None = None
                    ) -> dict[str, ComplianceInventory]:
    """Every region's Config state at once; a region that cannot be read carries its error."""
    outcomes = per_region(regions, lambda r: read_compliance_region(access, r, deployment,
                                                                    cancelled),
                          name="config")
    return {r: o.value if o.value is not None else ComplianceInventory(r, error=o.error)
            for r, o in outcomes.items()}


def same_parameters(found: dict, wanted: str) -> bool:
    return found.get("Parameters") == json.loads(wanted)
