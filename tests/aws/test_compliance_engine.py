"""The AWS Config half on the wire (moto + the Config emulator): refused while Config is off,
enabled on confirmation, rule + remediation + alert rule made, tagged, idempotent, removed."""

from __future__ import annotations

import json

import boto3
import pytest

from aws.compliance.instructions import DeleteConfigRule, EnableConfig, PutConfigRule, StopConfig
from aws.errors import ChangeWatchError, ErrorKind
from aws.execute import execute
from aws.messages import describe
from aws.names import TAG_KEY
from aws.plan import removal_plan
from aws.plan_text import describe_plan
from aws.settings import Remediation
from tests.aws.compliance_helpers import (
    config_endpoint,  # noqa: F401 - a fixture
    config_rules,
    recorder,
    remediations,
    turn_config_on,
)
from tests.aws.helpers import make_plan, make_settings, roles, rules

pytestmark = pytest.mark.usefixtures("config_endpoint")
REGION = "ap-northeast-1"
RULE = "changewatch-test-restricted-ssh"


def settings(**changes):
    return make_settings(regions=(REGION,), compliance=("restricted-ssh",), **changes)


def apply(access, s):
    plan = make_plan(access, s)
    result = execute(access, plan)
    assert result.ok, result.regions
    return plan


def test_config_off_is_refused_with_the_cost_and_how_to_confirm(access):
    with pytest.raises(ChangeWatchError) as caught:
        make_plan(access, settings())
    assert caught.value.kind == ErrorKind.CONFIG_OFF
    words = describe(caught.value, "en")
    assert REGION in words and "billed per item recorded" in words.replace("bills per item",
                                                                           "billed per item")
    assert "enable_config = true" in words and "--enable-config" in words
    assert "enable_config = true" in describe(caught.value, "ja")
    assert recorder(REGION) == {} and config_rules(REGION) == {}  # nothing was changed


def test_confirmed_config_is_turned_on_privately_and_recording(access):
    plan = apply(access, settings(enable_config=True))
    assert any(isinstance(s, EnableConfig) for s in plan.instructions)
    found = recorder(REGION)
    assert found["name"] == "changewatch-test" and found["recording"]
    assert found["recordingGroup"]["resourceTypes"] == ["AWS::EC2::SecurityGroup"]
    assert found["roleARN"].endswith("/aws-service-role/config.amazonaws.com/"
                                     "AWSServiceRoleForConfig")
    bucket = boto3.client("config", region_name=REGION).describe_delivery_channels()[
        "DeliveryChannels"][0]["s3BucketName"]
    s3 = boto3.client("s3", region_name=REGION)
    block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert all(block.values())
    rule = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"][
        "Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    policy = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
    assert {s["Sid"] for s in policy["Statement"]} >= {
        "AWSConfigBucketPermissionsCheck", "AWSConfigBucketDelivery", "DenyInsecureTransport"}
    tags = s3.get_bucket_tagging(Bucket=bucket)["TagSet"]
    assert {"Key": TAG_KEY, "Value": "test"} in tags


def test_rule_remediation_and_alert_are_made_tagged_and_idempotent(access):
    turn_config_on(REGION)
    plan = apply(access, settings())
    assert not any(isinstance(s, EnableConfig) for s in plan.instructions)
    rule = config_rules(REGION)[RULE]
    assert rule["Source"] == {"Owner": "AWS", "SourceIdentifier": "INCOMING_SSH_DISABLED"}
    assert rule["Scope"]["ComplianceResourceTypes"] == ["AWS::EC2::SecurityGroup"]
    assert rule["tags"][TAG_KEY] == "test"
    remedy = remediations(REGION, [RULE])[RULE]
    assert remedy["TargetId"] == "AWS-DisablePublicAccessForSecurityGroup"
    assert remedy["Automatic"] is True
    assert remedy["Parameters"]["GroupId"] == {"ResourceValue": {"Value": "RESOURCE_ID"}}
    role_arn = remedy["Parameters"]["AutomationAssumeRole"]["StaticValue"]["Values"][0]
    role = roles()["changewatch-test-remediation"]
    assert role["arn"] == role_arn and role["path"] == "/changewatch/"
    assert role["tags"][TAG_KEY] == "test"
    actions = {a for s in role["policies"]["changewatch"]["Statement"] for a in s["Action"]}
    assert actions == {"ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroups"}
    alert = rules(REGION)["changewatch-test-compliance"]
    assert alert["tags"][TAG_KEY] == "test"
    assert alert["pattern"]["detail"]["configRuleName"] == [RULE]
    assert alert["pattern"]["detail-type"] == ["Config Rules Compliance Change"]
    assert alert["targets"][0]["Id"] == "changewatch-format"  # the same path as every alert
    again = make_plan(access, settings())
    assert again.instructions == ()
    assert describe_plan(again, "en") == ["Nothing to change."]


def test_remediation_off_and_back_is_an_update(access):
    turn_config_on(REGION)
    apply(access, settings())
    plan = apply(access, settings(remediation=Remediation.OFF))
    step = next(s for s in plan.instructions if isinstance(s, PutConfigRule))
    assert step.differs == ("remediation",)
    assert remediations(REGION, [RULE])[RULE]["Automatic"] is False
    assert make_plan(access, settings(remediation=Remediation.OFF)).instructions == ()


def test_remove_deletes_rule_remediation_role_and_alert_but_never_their_recorder(
        access):
    turn_config_on(REGION)
    apply(access, settings())
    plan = removal_plan(access, "test", (REGION, "us-east-1"), stop_config=True)
    assert any(isinstance(s, DeleteConfigRule) for s in plan.instructions)
    assert not any(isinstance(s, StopConfig) for s in plan.instructions)
    assert execute(access, plan).ok
    assert config_rules(REGION) == {}
    assert remediations(REGION, [RULE]) == {}
    assert "changewatch-test-remediation" not in roles()
    assert "changewatch-test-compliance" not in rules(REGION)
    assert recorder(REGION)["recording"] is True  # theirs: never stopped


def test_a_recorder_changewatch_started_is_left_running_unless_asked(access):
    apply(access, settings(enable_config=True))
    plan = removal_plan(access, "test", (REGION, "us-east-1"))
    assert not any(isinstance(s, StopConfig) for s in plan.instructions)
    assert any("left running" in line for line in describe_plan(plan, "en"))
    assert execute(access, plan).ok
    assert recorder(REGION)["recording"] is True
    apply(access, settings(enable_config=True))
    plan = removal_plan(access, "test", (REGION, "us-east-1"), stop_config=True)
    assert any(isinstance(s, StopConfig) for s in plan.instructions)
    assert execute(access, plan).ok
    assert recorder(REGION) == {}
    assert not boto3.client("s3", region_name=REGION).list_buckets()["Buckets"]


def test_a_foreign_recorder_that_misses_security_groups_is_refused(access):
    turn_config_on(REGION, types=["AWS::S3::Bucket"])
    with pytest.raises(ChangeWatchError) as caught:
        make_plan(access, settings(enable_config=True))
    assert caught.value.kind == ErrorKind.CONFIG_NOT_READY
    assert "does not record AWS::EC2::SecurityGroup" in describe(caught.value, "en")
