"""The Config calls moto lacks, as the sandbox answers them: AWS's shapes and errors."""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError

from tests.aws.compliance_helpers import config_endpoint  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("config_endpoint")
REGION = "ap-northeast-1"
RULE = "cw-restricted-ssh"
ROLE = "arn:aws:iam::123456789012:role/changewatch/remediation"


def _config():
    return boto3.client("config", region_name=REGION)


def _rule(config) -> None:
    config.put_config_rule(ConfigRule={
        "ConfigRuleName": RULE, "Scope": {"ComplianceResourceTypes": ["AWS::EC2::SecurityGroup"]},
        "Source": {"Owner": "AWS", "SourceIdentifier": "INCOMING_SSH_DISABLED"}})


def _remediation(**changes) -> dict:
    return {"ConfigRuleName": RULE, "TargetType": "SSM_DOCUMENT",
            "TargetId": "AWS-DisablePublicAccessForSecurityGroup",
            "ResourceType": "AWS::EC2::SecurityGroup", "Automatic": True,
            "MaximumAutomaticAttempts": 3, "RetryAttemptSeconds": 60,
            "Parameters": {"GroupId": {"ResourceValue": {"Value": "RESOURCE_ID"}},
                           "AutomationAssumeRole": {"StaticValue": {"Values": [ROLE]}}},
            **changes}


def _code(caught) -> str:
    return caught.value.response["Error"]["Code"]


def test_remediation_configurations_round_trip_with_their_arn():
    config = _config()
    _rule(config)
    assert config.put_remediation_configurations(
        RemediationConfigurations=[_remediation()])["FailedBatches"] == []
    [found] = config.describe_remediation_configurations(ConfigRuleNames=[RULE])[
        "RemediationConfigurations"]
    assert found["Arn"].startswith(
        f"arn:aws:config:{REGION}:123456789012:remediation-configuration/{RULE}/")
    assert found["Parameters"]["GroupId"] == {"ResourceValue": {"Value": "RESOURCE_ID"}}
    config.put_remediation_configurations(RemediationConfigurations=[_remediation(
        Automatic=False)])
    [again] = config.describe_remediation_configurations(ConfigRuleNames=[RULE])[
        "RemediationConfigurations"]
    assert again["Automatic"] is False and again["Arn"] == found["Arn"]
    # another region knows nothing of it
    west = boto3.client("config", region_name="us-west-2")
    assert west.describe_remediation_configurations(ConfigRuleNames=[RULE])[
        "RemediationConfigurations"] == []


def test_errors_are_aws_errors():
    config = _config()
    with pytest.raises(ClientError) as caught:
        config.put_remediation_configurations(RemediationConfigurations=[_remediation()])
    assert _code(caught) == "NoSuchConfigRuleException"
    _rule(config)
    with pytest.raises(ClientError) as caught:
        config.delete_remediation_configuration(ConfigRuleName=RULE)
    assert _code(caught) == "NoSuchRemediationConfigurationException"
    with pytest.raises(ClientError) as caught:
        config.describe_remediation_execution_status(ConfigRuleName=RULE)
    assert _code(caught) == "NoSuchRemediationConfigurationException"
    with pytest.raises(ClientError) as caught:
        config.describe_compliance_by_config_rule(ConfigRuleNames=["nope"])
    assert _code(caught) == "NoSuchConfigRuleException"


def test_a_rule_with_a_remediation_cannot_be_deleted_before_it():
    config = _config()
    _rule(config)
    config.put_remediation_configurations(RemediationConfigurations=[_remediation()])
    with pytest.raises(ClientError) as caught:
        config.delete_config_rule(ConfigRuleName=RULE)
    assert _code(caught) == "ResourceInUseException"
    config.delete_remediation_configuration(ConfigRuleName=RULE)
    config.delete_config_rule(ConfigRuleName=RULE)
    assert config.describe_config_rules()["ConfigRules"] == []


def test_compliance_before_any_evaluation_is_insufficient_data():
    config = _config()
    _rule(config)
    [rule] = config.describe_compliance_by_config_rule(ConfigRuleNames=[RULE])[
        "ComplianceByConfigRules"]
    assert rule["Compliance"]["ComplianceType"] == "INSUFFICIENT_DATA"
    assert config.get_compliance_details_by_config_rule(ConfigRuleName=RULE)[
        "EvaluationResults"] == []


def test_remediations_outlive_the_emulator_with_a_state_file(moto, tmp_path, monkeypatch):
    from sandbox.config_emulator import ConfigEmulator

    state = tmp_path / "config-emulator.json"
    first = ConfigEmulator(moto.url, state)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CONFIG_SERVICE", first.start())
    config = _config()
    _rule(config)
    config.put_remediation_configurations(RemediationConfigurations=[_remediation()])
    first.stop()
    second = ConfigEmulator(moto.url, state)  # the next headless --demo command
    monkeypatch.setenv("AWS_ENDPOINT_URL_CONFIG_SERVICE", second.start())
    try:
        [found] = _config().describe_remediation_configurations(ConfigRuleNames=[RULE])[
            "RemediationConfigurations"]
        assert found["TargetId"] == "AWS-DisablePublicAccessForSecurityGroup"
    finally:
        second.stop()
