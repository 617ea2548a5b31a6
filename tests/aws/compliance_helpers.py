"""A Config endpoint for engine tests: moto plus the sandbox's emulation of what it lacks."""

from __future__ import annotations

import boto3
import pytest

from sandbox.config_emulator import ConfigEmulator


@pytest.fixture
def config_endpoint(moto, monkeypatch):
    emulator = ConfigEmulator(moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CONFIG_SERVICE", emulator.start())
    yield emulator
    emulator.stop()


def turn_config_on(region: str, name: str = "default", types: list[str] | None = None) -> None:
    """A recorder someone else made, recording (to a bucket of theirs)."""
    config = boto3.client("config", region_name=region)
    group = {"allSupported": False, "resourceTypes": types} if types else {"allSupported": True}
    config.put_configuration_recorder(ConfigurationRecorder={
        "name": name, "roleARN": "arn:aws:iam::123456789012:role/their-config-role",
        "recordingGroup": group})
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=f"their-config-{region}")
    config.put_delivery_channel(DeliveryChannel={"name": "theirs",
                                                 "s3BucketName": f"their-config-{region}"})
    config.start_configuration_recorder(ConfigurationRecorderName=name)


def recorder(region: str) -> dict:
    config = boto3.client("config", region_name=region)
    found = config.describe_configuration_recorders()["ConfigurationRecorders"]
    if not found:
        return {}
    status = config.describe_configuration_recorder_status()["ConfigurationRecordersStatus"]
    return {**found[0], "recording": any(s.get("recording") for s in status)}


def config_rules(region: str) -> dict[str, dict]:
    config = boto3.client("config", region_name=region)
    found = {}
    for rule in config.describe_config_rules()["ConfigRules"]:
        tags = config.list_tags_for_resource(ResourceArn=rule["ConfigRuleArn"])["Tags"]
        found[rule["ConfigRuleName"]] = {**rule, "tags": {t["Key"]: t["Value"] for t in tags}}
    return found


def remediations(region: str, names) -> dict[str, dict]:
    config = boto3.client("config", region_name=region)
    found = config.describe_remediation_configurations(ConfigRuleNames=list(names))
    return {r["ConfigRuleName"]: r for r in found["RemediationConfigurations"]}
