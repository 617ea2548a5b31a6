"""The exported templates deployed to moto's CloudFormation make the same rules, roles and
formatter as apply makes for the same settings. moto's CloudFormation has no
AWS::SNS::TopicPolicy or AWS::SNS::Subscription (it skips them) and ignores a state machine's
type: those are compared property by property in test_export.py instead. Nor has it any
AWS::Config type (ConfigRule, RemediationConfiguration, ConfigurationRecorder, DeliveryChannel)
or AWS::S3::BucketPolicy (moto 5.2 skips them with a warning; its Config API also lacks the
remediation calls the sandbox's Config emulator adds): the compliance test below deploys the
rest of a compliance template, and test_export.py compares the Config resources."""

from __future__ import annotations

import ast
import warnings

import boto3
import pytest

from aws.catalog import load_catalog
from aws.execute import execute
from aws.export import templates
from aws.plan import removal_plan
from tests.aws.compliance_helpers import config_endpoint  # noqa: F401 - a fixture
from tests.aws.helpers import machines, make_plan, make_settings, remove, roles, rules


def _document(value: object) -> object:
    """moto's CloudFormation stores an inline role policy as Python's repr of the dict."""
    return ast.literal_eval(value) if isinstance(value, str) else value


def _snapshot(regions) -> dict:
    found = {"roles": {name: {**role, "policies": {k: _document(v) for k, v in
                                                  role["policies"].items()}}
                       for name, role in roles().items()}}
    for region in regions:
        found[region] = {
            "rules": rules(region),
            "machines": {n: {k: m[k] for k in ("arn", "definition", "role", "tags")}
                         for n, m in machines(region).items()},
            "topics": sorted(t["TopicArn"] for t in
                             boto3.client("sns", region_name=region).list_topics()["Topics"]),
        }
    return found


def _deploy(settings, **parameters) -> None:
    with warnings.catch_warnings():  # moto warns about the SNS types it skips
        warnings.simplefilter("ignore")
        for template in templates(settings, load_catalog()):  # the home stack first
            cfn = boto3.client("cloudformation", region_name=template.region)
            given = [{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()
                     if k in template.parameters]
            cfn.create_stack(StackName=template.stack_name, TemplateBody=template.text,
                             Capabilities=["CAPABILITY_NAMED_IAM"], Parameters=given)
            status = cfn.describe_stacks(StackName=template.stack_name)["Stacks"][0]
            assert status["StackStatus"] == "CREATE_COMPLETE", status


@pytest.mark.parametrize("notifications", ["rich", "simple"])
def test_a_deployed_template_makes_what_apply_makes(access, notifications):
    # One regional group and one global one: a home, a forwarding and a us-east-1 stack.
    settings = make_settings(notifications=notifications, watch=("security-groups",
                                                                 "root-signin"))
    regions = ("ap-northeast-1", "us-west-2", "us-east-1")
    assert execute(access, make_plan(access, settings)).ok
    applied = _snapshot(regions)
    assert remove(access, settings.deployment, regions).ok
    assert not any(boto3.client("events", region_name=r).list_rules()["Rules"]
                   for r in regions)
    _deploy(settings)
    deployed = _snapshot(regions)
    for region in regions:
        assert deployed[region]["rules"] == applied[region]["rules"], region
        assert deployed[region]["machines"] == applied[region]["machines"], region
        assert deployed[region]["topics"] == applied[region]["topics"], region
    for name, role in applied["roles"].items():
        assert {k: deployed["roles"][name][k] for k in ("path", "trust", "policies", "arn",
                                                          "tags")} == role
    assert deployed["roles"].keys() == applied["roles"].keys()


def _config_bucket(region: str) -> dict:
    """Name, tags and encryption. moto's CloudFormation drops a bucket's BucketKeyEnabled and
    PublicAccessBlockConfiguration: test_export.py compares those property by property."""
    s3 = boto3.client("s3", region_name=region)
    (bucket,) = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    (rule,) = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"][
        "Rules"]
    return {"name": bucket, "tags": s3.get_bucket_tagging(Bucket=bucket)["TagSet"],
            "encryption": rule["ApplyServerSideEncryptionByDefault"]}


@pytest.mark.usefixtures("config_endpoint")
def test_a_deployed_compliance_template_makes_what_apply_makes(access):
    """The remediation role, the compliance alert rule and the Config bucket, as apply makes
    them (the Config resources themselves: see the module's note)."""
    region = "ap-northeast-1"
    settings = make_settings(regions=(region,), watch=("security-groups",),
                             compliance=("restricted-ssh",), enable_config=True)
    assert execute(access, make_plan(access, settings)).ok
    ours = [n for n in roles() if n.startswith("changewatch-")]
    applied = {"roles": {n: r for n, r in _snapshot(())["roles"].items() if n in ours},
               "rules": rules(region), "bucket": _config_bucket(region)}
    assert "changewatch-test-remediation" in applied["roles"]
    assert "changewatch-test-compliance" in applied["rules"]
    stop = removal_plan(access, settings.deployment, (region,), stop_config=True)
    assert execute(access, stop).ok
    assert not boto3.client("s3", region_name=region).list_buckets()["Buckets"]
    _deploy(settings, CreateConfigRecorder="true")
    deployed = _snapshot(())["roles"]
    for name, role in applied["roles"].items():
        assert {k: deployed[name][k] for k in ("path", "trust", "policies", "arn",
                                               "tags")} == role, name
    assert rules(region) == applied["rules"]
    assert _config_bucket(region) == applied["bucket"]
