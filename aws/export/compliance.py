"""The compliance half as CloudFormation resources, built from the same desired objects apply
uses (aws/compliance/model.py): each Config rule and its remediation configuration, and,
behind the `CreateConfigRecorder` parameter, the recorder, its delivery channel and bucket.

A template cannot know whether AWS Config already records in the account it is deployed to
(a region holds one recorder): the recorder part is off by default and switched on by the user.
AWS::Config::ConfigRule has no Tags property in CloudFormation's resource specification, so an
exported rule carries no tag (apply's does); it is still named after the deployment.
"""

from __future__ import annotations

import json

from aws.compliance.model import DesiredCompliance, DesiredConfigRule
from aws.export.intrinsics import ACCOUNT, PARTITION
from aws.names import tags

RECORDER_PARAMETER = "CreateConfigRecorder"
RECORDER_CONDITION = "CreateConfigRecorder"
RECORDER = "ConfigRecorder"
CHANNEL = "ConfigDeliveryChannel"
BUCKET = "ConfigBucket"
BUCKET_POLICY = "ConfigBucketPolicy"
# Where the recorder is made, the rules wait for it; where it is not, for nothing. A DependsOn
# on a conditional resource is refused, so the wait goes through a handle whose metadata
# refers to the recorder and channel only when the condition holds.
CONFIG_READY = "ConfigReady"


def _camel(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in text.split("-") if part.isalnum())


def config_rule_logical_id(rule: DesiredConfigRule) -> str:
    return "ConfigRule" + _camel(rule.rule_id)


def remediation_logical_id(rule: DesiredConfigRule) -> str:
    return "Remediation" + _camel(rule.rule_id)


def parameter() -> dict:
    return {"Type": "String", "Default": "false", "AllowedValues": ["true", "false"],
            "Description": "true only where AWS Config is off: makes the recorder, its delivery "
                           "channel and a private bucket (a region holds one recorder)."}


def condition() -> dict:
    return {"Fn::Equals": [{"Ref": RECORDER_PARAMETER}, "true"]}


def refs(desired: DesiredCompliance, with_recorder: bool) -> dict[str, str]:
    """ARN → what Fn::Sub writes for it: the bucket, when this template makes it."""
    if not with_recorder:
        return {}
    return {f"arn:{PARTITION}:s3:::{desired.recorder.bucket}": f"{BUCKET}.Arn"}


def _rule(rule: DesiredConfigRule, with_recorder: bool) -> dict:
    api = rule.as_api()
    resource = {"Type": "AWS::Config::ConfigRule", "Properties": {
        "ConfigRuleName": api["ConfigRuleName"], "Description": api["Description"],
        "Scope": api["Scope"], "Source": api["Source"]}}
    if with_recorder:
        resource["DependsOn"] = [CONFIG_READY]
    return resource


def _remediation(rule: DesiredConfigRule) -> dict:
    api = rule.remediation.as_api(rule.name)
    api["ConfigRuleName"] = {"Ref": config_rule_logical_id(rule)}  # Ref of a rule is its name
    return {"Type": "AWS::Config::RemediationConfiguration", "Properties": api}


def _whole_name(desired: DesiredCompliance) -> bool:
    """Whether apply's bucket name is the whole name (account and region in it). A long
    deployment id makes it shortened with a hash of the account, which a template cannot
    compute: CloudFormation then names the bucket (it is still tagged and found by its
    delivery channel)."""
    return desired.recorder.bucket.endswith(f"-{ACCOUNT}-{desired.region}")


def _recorder_part(desired: DesiredCompliance, deployment: str) -> dict:
    recorder = desired.recorder
    api = recorder.recorder_api()
    group = api["recordingGroup"]
    when = {"Condition": RECORDER_CONDITION}
    named = {"BucketName": recorder.bucket} if _whole_name(desired) else {}
    return {
        BUCKET: {"Type": "AWS::S3::Bucket", **when, "Properties": {
            **named,
            "PublicAccessBlockConfiguration": {
                "BlockPublicAcls": True, "IgnorePublicAcls": True,
                "BlockPublicPolicy": True, "RestrictPublicBuckets": True},
            "BucketEncryption": {"ServerSideEncryptionConfiguration": [{
                "ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                "BucketKeyEnabled": True}]},
            "Tags": tags(deployment)}},
        BUCKET_POLICY: {"Type": "AWS::S3::BucketPolicy", **when, "Properties": {
            "Bucket": {"Ref": BUCKET}, "PolicyDocument": json.loads(recorder.bucket_policy)}},
        RECORDER: {"Type": "AWS::Config::ConfigurationRecorder", **when, "Properties": {
            "Name": api["name"], "RoleARN": api["roleARN"], "RecordingGroup": {
                "AllSupported": group["allSupported"],
                "IncludeGlobalResourceTypes": group["includeGlobalResourceTypes"],
                "ResourceTypes": group["resourceTypes"]}}},
        CHANNEL: {"Type": "AWS::Config::DeliveryChannel", **when,
                  "DependsOn": [BUCKET_POLICY],  # Config checks the bucket's policy
                  "Properties": {"Name": recorder.channel, "S3BucketName": {"Ref": BUCKET}}},
        CONFIG_READY: {"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": {
            name: {"Fn::If": [RECORDER_CONDITION, {"Ref": name}, {"Ref": "AWS::NoValue"}]}
            for name in (RECORDER, CHANNEL)}},
    }


def region_resources(desired: DesiredCompliance | None, deployment: str,
                     with_recorder: bool) -> dict:
    """The Config rules (and remediation) of one region; the recorder part when asked. The
    values are the stand-in identity's: the caller turns them into intrinsics."""
    if desired is None:
        return {}
    found = _recorder_part(desired, deployment) if with_recorder else {}
    for rule in desired.rules:
        found[config_rule_logical_id(rule)] = _rule(rule, with_recorder)
        if rule.remediation:
            found[remediation_logical_id(rule)] = _remediation(rule)
    return found

