"""Organization mode against moto's server (Organizations and StackSets, with what moto lacks
emulated in sandbox/stacksets.py): plan lists accounts × regions, deploy makes the central
stack, the StackSet and its instances, status reads them, remove leaves nothing; the central
bus admits only the organization."""

from __future__ import annotations

import json

import boto3
import pytest

from aws.catalog import load_catalog
from aws.errors import ChangeWatchError
from aws.messages import describe
from aws.org.config import OrgSettings
from aws.org.service import OrgService
from aws.org.templates import bus_name, central_stack_name, stack_set_name
from aws.session import AwsAccess
from tests.aws.helpers import make_settings

MANAGEMENT = "123456789012"


@pytest.fixture
def organization(moto):
    orgs = boto3.client("organizations", region_name="us-east-1")
    org = orgs.create_organization(FeatureSet="ALL")["Organization"]
    root = orgs.list_roots()["Roots"][0]["Id"]
    security = orgs.create_organizational_unit(ParentId=root, Name="Workloads")
    ou = security["OrganizationalUnit"]["Id"]
    nested = orgs.create_organizational_unit(ParentId=ou, Name="Prod")["OrganizationalUnit"]["Id"]
    accounts = {}
    for name, parent in (("app-dev", ou), ("app-prod", nested), ("sandbox", root)):
        status = orgs.create_account(Email=f"{name}@example.com", AccountName=name)
        account = status["CreateAccountStatus"]["AccountId"]
        orgs.move_account(AccountId=account, SourceParentId=root, DestinationParentId=parent)
        accounts[name] = account
    return {"id": org["Id"], "root": root, "ou": ou, "accounts": accounts}


def _service(org_settings: OrgSettings, **changes) -> OrgService:
    access = AwsAccess()
    settings = make_settings(**changes)
    return OrgService(access, access, settings, org_settings, load_catalog(),
                      sleep=lambda seconds: None)


def _in(account: str, service: str, region: str):
    creds = boto3.client("sts", region_name="us-east-1").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
        RoleSessionName="check")["Credentials"]
    return boto3.client(service, region_name=region, aws_access_key_id=creds["AccessKeyId"],
                        aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"])


def test_plan_lists_the_accounts_of_the_ous_and_the_regions(organization):
    service = _service(OrgSettings(ous=(organization["ou"],), regions=("ap-northeast-1",)))
    plan = service.plan()
    accounts = organization["accounts"]
    assert plan.organization == organization["id"] and plan.management == MANAGEMENT
    assert plan.call_as == "SELF" and plan.central == MANAGEMENT
    assert {m.account for m in plan.members} == {accounts["app-dev"], accounts["app-prod"]}
    assert {m.name for m in plan.members} == {"app-dev", "app-prod"}
    assert plan.regions == ("ap-northeast-1", "us-east-1")  # root sign-in lands in us-east-1


# moto's CloudFormation skips AWS::SNS::TopicPolicy and Subscription with a warning.
@pytest.mark.filterwarnings("ignore:Tried to parse")
def test_deploy_status_remove(organization):
    service = _service(OrgSettings(ous=(organization["ou"],), regions=("ap-northeast-1",)))
    plan = service.plan()
    steps = []
    operation = service.deploy(plan, steps.append)
    assert steps == ["central", "stack_set", "instances"]
    assert operation["Status"] == "SUCCEEDED"

    events = boto3.client("events", region_name="ap-northeast-1")
    bus = events.describe_event_bus(Name=bus_name("test"))
    (statement,) = json.loads(bus["Policy"])["Statement"]
    assert statement["Principal"] == "*" and statement["Action"] == "events:PutEvents"
    assert statement["Condition"] == {"StringEquals": {"aws:PrincipalOrgID":
                                                       organization["id"]}}
    central_rules = events.list_rules(EventBusName=bus_name("test"))["Rules"]
    assert {r["Name"] for r in central_rules} == {
        "changewatch-test-security-groups", "changewatch-test-aws-config",
        "changewatch-test-root-signin"}
    machine = boto3.client("stepfunctions", region_name="ap-northeast-1")
    [summary] = machine.list_state_machines()["stateMachines"]
    definition = machine.describe_state_machine(
        stateMachineArn=summary["stateMachineArn"])["definition"]
    assert "app-prod" in definition  # the email names the account

    member = organization["accounts"]["app-prod"]
    tokyo = {r["Name"] for r in _in(member, "events", "ap-northeast-1").list_rules()["Rules"]}
    virginia = {r["Name"] for r in _in(member, "events", "us-east-1").list_rules()["Rules"]}
    assert tokyo == {"changewatch-test-security-groups", "changewatch-test-aws-config",
                     "changewatch-test-root-signin"}
    assert virginia == {"changewatch-test-root-signin"}
    [target] = _in(member, "events", "us-east-1").list_targets_by_rule(
        Rule="changewatch-test-root-signin")["Targets"]
    assert target["Arn"] == bus["Arn"]
    assert target["RoleArn"].endswith(":role/changewatch/changewatch-test-org-us-east-1")

    assert service.deploy(plan)["Status"] == "SUCCEEDED"  # again: nothing new, no error
    status = service.status(plan)
    assert status.central in ("CREATE_COMPLETE", "UPDATE_COMPLETE")
    assert status.stack_set == "ACTIVE"
    assert status.auto_deployment and status.operation["Status"] == "SUCCEEDED"
    expected = {(a, r) for a in (member, organization["accounts"]["app-dev"])
                for r in ("ap-northeast-1", "us-east-1")}
    assert {(i.account, i.region) for i in status.instances} == expected
    assert {i.detail for i in status.instances} == {"SUCCEEDED"}

    removed = []
    service.remove(plan, removed.append)
    assert removed == ["instances", "stack_set", "central"]
    assert not _in(member, "events", "us-east-1").list_rules()["Rules"]
    assert not _in(member, "events", "ap-northeast-1").list_rules()["Rules"]
    assert [b["Name"] for b in events.list_event_buses()["EventBuses"]] == ["default"]
    assert not boto3.client("sns", region_name="ap-northeast-1").list_topics()["Topics"]
    assert not machine.list_state_machines()["stateMachines"]
    cfn = boto3.client("cloudformation", region_name="ap-northeast-1")
    assert all(s["Status"] == "DELETED" for s in cfn.list_stack_sets()["Summaries"])
    assert service.status(plan).stack_set == ""
    assert all(s["StackName"] != central_stack_name("test") or
               s["StackStatus"] == "DELETE_COMPLETE" for s in cfn.list_stacks()["StackSummaries"])
    assert stack_set_name("test") in {s["StackSetName"] for s in
                                      cfn.list_stack_sets()["Summaries"]}


def test_the_central_email_names_the_member_account_and_its_region():
    from aws.formatter import render
    from aws.org.service import _one_language
    from aws.org.templates import central
    from tests.aws.cfn_resolve import Resolver
    from tests.aws.samples import all_samples

    settings = make_settings(language="en")
    body = _one_language(central(settings, load_catalog(), "o-abcdefghij",
                                 {"210987654321": "app-prod"}), "en")
    resources = Resolver(body, MANAGEMENT, "ap-northeast-1").resources()
    [definition] = [p["DefinitionString"] for kind, p in resources.values()
                    if kind == "AWS::StepFunctions::StateMachine"]
    group, event = next((g, e) for g, e in all_samples() if g == "security-groups")
    event = {**event, "account": "210987654321", "region": "eu-west-1"}
    email = render(definition, {"group": group, "event": event})
    lines = email.body.splitlines()
    assert "Account: 210987654321 (app-prod)" in lines
    assert any(line.startswith("Region: eu-west-1") for line in lines)


def test_organization_templates_pass_cfn_lint():
    from cfnlint.api import lint

    from aws.org.service import _one_language
    from aws.org.templates import central, member

    settings = make_settings()
    body = _one_language(central(settings, load_catalog(), "o-abcdefghij", {}), "ja")
    members, regions = member(settings, load_catalog(), settings.regions)
    for template, region in ((body, settings.home), (members, regions[0])):
        matches = lint(json.dumps(template), regions=[region])
        assert [f"{m.rule.id} {m.message}" for m in matches if m.rule.id.startswith("E")] == []


@pytest.mark.filterwarnings("ignore:Tried to parse")
def test_a_central_template_over_the_upload_limit_goes_through_the_named_bucket(organization):
    every = tuple(g.id for g in load_catalog().groups)
    names = {str(100000000000 + i): f"account-{i}" for i in range(200)}
    plain = _service(OrgSettings(), watch=every)
    plan = plain.plan()
    plan = type(plan)(**{**plan.__dict__, "names": {**plan.names, **names}})
    assert len(plain.central_template(plan).encode()) > 51_200
    with pytest.raises(ChangeWatchError) as refused:
        plain.deploy_central(plan)
    assert "organization.template_bucket" in describe(refused.value, "en")
    boto3.client("s3", region_name="ap-northeast-1").create_bucket(
        Bucket="cw-templates",
        CreateBucketConfiguration={"LocationConstraint": "ap-northeast-1"})
    with_bucket = _service(OrgSettings(template_bucket="cw-templates"), watch=every)
    bus = with_bucket.deploy_central(plan)
    assert bus.endswith(f":event-bus/{bus_name('test')}")
