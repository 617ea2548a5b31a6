"""sandbox/stacksets.py: service-managed StackSets and AWS::Events::EventBusPolicy behave as
AWS documents them, over the wire to the local moto server."""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError

TEMPLATE = json.dumps({"Resources": {"Bus": {"Type": "AWS::Events::EventBus",
                                             "Properties": {"Name": "org-bus"}}}})


@pytest.fixture
def org(moto):
    orgs = boto3.client("organizations", region_name="us-east-1")
    orgs.create_organization(FeatureSet="ALL")
    root = orgs.list_roots()["Roots"][0]["Id"]
    top = orgs.create_organizational_unit(ParentId=root, Name="A")["OrganizationalUnit"]["Id"]
    mid = orgs.create_organizational_unit(ParentId=top, Name="B")["OrganizationalUnit"]["Id"]
    low = orgs.create_organizational_unit(ParentId=mid, Name="C")["OrganizationalUnit"]["Id"]
    deep = orgs.create_account(Email="d@example.com", AccountName="deep")
    account = deep["CreateAccountStatus"]["AccountId"]
    orgs.move_account(AccountId=account, SourceParentId=root, DestinationParentId=low)
    return {"top": top, "deep": account}


def _stack_set(cfn) -> None:
    cfn.create_stack_set(StackSetName="s", TemplateBody=TEMPLATE,
                         PermissionModel="SERVICE_MANAGED",
                         AutoDeployment={"Enabled": True,
                                         "RetainStacksOnAccountRemoval": False})


def test_auto_deployment_is_kept_and_ous_reach_every_depth(org):
    cfn = boto3.client("cloudformation", region_name="us-east-1")
    _stack_set(cfn)
    described = cfn.describe_stack_set(StackSetName="s")["StackSet"]
    assert described["AutoDeployment"] == {"Enabled": True,
                                           "RetainStacksOnAccountRemoval": False}
    cfn.create_stack_instances(StackSetName="s", Regions=["us-east-1"],
                               DeploymentTargets={"OrganizationalUnitIds": [org["top"]]})
    [instance] = cfn.list_stack_instances(StackSetName="s")["Summaries"]
    assert instance["Account"] == org["deep"]


def test_the_root_reaches_every_account_but_the_management_one(org):
    cfn = boto3.client("cloudformation", region_name="us-east-1")
    _stack_set(cfn)
    root = boto3.client("organizations", region_name="us-east-1").list_roots()["Roots"][0]
    cfn.create_stack_instances(StackSetName="s", Regions=["us-east-1"],
                               DeploymentTargets={"OrganizationalUnitIds": [root["Id"]]})
    accounts = {i["Account"] for i in cfn.list_stack_instances(StackSetName="s")["Summaries"]}
    assert accounts == {org["deep"]}  # not 123456789012, the management account


def test_delete_instances_takes_ous_and_refuses_accounts(org):
    cfn = boto3.client("cloudformation", region_name="us-east-1")
    _stack_set(cfn)
    cfn.create_stack_instances(StackSetName="s", Regions=["us-east-1"],
                               DeploymentTargets={"OrganizationalUnitIds": [org["top"]]})
    with pytest.raises(ClientError, match="OrganizationalUnit as target"):
        cfn.delete_stack_instances(StackSetName="s", Regions=["us-east-1"],
                                   Accounts=[org["deep"]], RetainStacks=False)
    with pytest.raises(ClientError, match="OrganizationalUnitIds are required"):
        cfn.delete_stack_instances(StackSetName="s", Regions=["us-east-1"], RetainStacks=False)
    cfn.delete_stack_instances(StackSetName="s", Regions=["us-east-1"], RetainStacks=False,
                               DeploymentTargets={"OrganizationalUnitIds": [org["top"]]})
    assert cfn.list_stack_instances(StackSetName="s")["Summaries"] == []
    cfn.delete_stack_set(StackSetName="s")


def test_event_bus_policy_is_written_and_removed_with_its_stack(moto):
    statement = {"Effect": "Allow", "Principal": "*", "Action": "events:PutEvents",
                 "Resource": {"Fn::GetAtt": ["Bus", "Arn"]},
                 "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abcdefghij"}}}
    template = {"Resources": {
        "Bus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "org-bus"}},
        "Policy": {"Type": "AWS::Events::EventBusPolicy", "DependsOn": ["Bus"], "Properties": {
            "EventBusName": "org-bus", "StatementId": "org", "Statement": statement}}}}
    cfn = boto3.client("cloudformation", region_name="eu-west-1")
    cfn.create_stack(StackName="bus", TemplateBody=json.dumps(template))
    events = boto3.client("events", region_name="eu-west-1")
    bus = events.describe_event_bus(Name="org-bus")
    [written] = json.loads(bus["Policy"])["Statement"]
    assert written["Sid"] == "org" and written["Resource"] == bus["Arn"]
    assert written["Condition"] == statement["Condition"]
    cfn.delete_stack(StackName="bus")
    assert [b["Name"] for b in events.list_event_buses()["EventBuses"]] == ["default"]
