"""The exported templates deployed to moto's CloudFormation make the same rules, roles and
formatter as apply makes for the same settings. moto's CloudFormation has no
AWS::SNS::TopicPolicy or AWS::SNS::Subscription (it skips them) and ignores a state machine's
type: those are compared property by property in test_export.py instead."""

from __future__ import annotations

import ast
import warnings

import boto3
import pytest

from aws.catalog import load_catalog
from aws.execute import execute
from aws.export import templates
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


def _deploy(settings) -> None:
    with warnings.catch_warnings():  # moto warns about the SNS types it skips
        warnings.simplefilter("ignore")
        for template in templates(settings, load_catalog()):  # the home stack first
            cfn = boto3.client("cloudformation", region_name=template.region)
            cfn.create_stack(StackName=template.stack_name, TemplateBody=template.text,
                             Capabilities=["CAPABILITY_NAMED_IAM"])
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
