"""Organization mode against the sandbox's demo organization: made on first use with trusted
access for StackSets, then plan → deploy → status → remove reach its four member accounts."""

from __future__ import annotations

import json

import boto3
import pytest

from aws.catalog import load_catalog
from aws.errors import ChangeWatchError, ErrorKind
from aws.messages import describe
from aws.org.config import OrgSettings
from aws.org.service import OrgService
from aws.session import AwsAccess
from sandbox.organization import DEMO_UNITS, STACKSETS_PRINCIPAL

MEMBERS = {name for accounts in DEMO_UNITS.values() for name, _ in accounts}


def _trusted() -> list[str]:
    orgs = boto3.session.Session().client("organizations", region_name="us-east-1")
    return [s["ServicePrincipal"] for s in
            orgs.list_aws_service_access_for_organization()["EnabledServicePrincipals"]]


@pytest.mark.filterwarnings("error:Tried to parse")  # every resource is made
def test_plan_deploy_status_remove(sandbox):
    sandbox.ensure_stackset_organization()
    sandbox.ensure_stackset_organization()  # a second time changes nothing
    assert _trusted() == [STACKSETS_PRINCIPAL]
    access = AwsAccess(profile=sandbox.profile)
    settings = sandbox.default_settings("en")
    service = OrgService(access, access, settings, OrgSettings(), load_catalog(),
                         sleep=lambda seconds: None)

    plan = service.plan()
    assert (plan.management, plan.central, plan.call_as) == ("123456789012",) * 2 + ("SELF",)
    assert {m.name for m in plan.members} == MEMBERS
    assert plan.regions == ("ap-northeast-1", "us-east-1")  # + us-east-1 for root sign-in

    steps: list[str] = []
    assert service.deploy(plan, steps.append)["Status"] == "SUCCEEDED"
    assert steps == ["central", "stack_set", "instances"]

    sns = boto3.session.Session().client("sns", region_name=settings.home)
    [topic] = [t["TopicArn"] for t in sns.list_topics()["Topics"]
               if settings.deployment in t["TopicArn"]]
    [subscription] = sns.list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert (subscription["Protocol"], subscription["Endpoint"]) == ("email", settings.email)
    policy = json.loads(sns.get_topic_attributes(TopicArn=topic)["Attributes"]["Policy"])
    assert any(f"changewatch-{settings.deployment}" in json.dumps(s["Principal"])
               for s in policy["Statement"])  # the stack's policy, not SNS's default one

    status = service.status(plan)
    assert (status.central, status.stack_set, status.auto_deployment) == (
        "CREATE_COMPLETE", "ACTIVE", True)
    members = {m.account for m in plan.members}
    assert {(i.account, i.region) for i in status.instances} == {
        (a, r) for a in members for r in plan.regions}
    assert {(i.status, i.detail) for i in status.instances} == {("CURRENT", "SUCCEEDED")}

    steps.clear()
    service.remove(plan, steps.append)
    assert steps == ["instances", "stack_set", "central"]
    status = service.status(plan)
    assert (status.central, status.stack_set, status.instances) == ("", "", ())
    assert sns.list_subscriptions()["Subscriptions"] == []


def test_apply_setup_of_the_same_id_in_the_central_account_is_refused(sandbox):
    """apply's topic has the central stack's name: deploy refuses before creating anything
    (CloudFormation would fail half-way on the roles and later delete apply's topic)."""
    sandbox.ensure_stackset_organization()
    access = AwsAccess(profile=sandbox.profile)
    settings = sandbox.default_settings("en")
    sns = boto3.session.Session().client("sns", region_name=settings.home)
    topic = sns.create_topic(Name=f"changewatch-{settings.deployment}")["TopicArn"]
    service = OrgService(access, access, settings, OrgSettings(), load_catalog(),
                         sleep=lambda seconds: None)
    with pytest.raises(ChangeWatchError) as refused:
        service.deploy(service.plan())
    assert refused.value.kind == ErrorKind.ORG_NAME_TAKEN
    assert describe(refused.value, "en").startswith(
        f"The central account already has ChangeWatch {settings.deployment} set up with apply")
    assert service.status(service.plan()).central == ""  # no stack was started
    assert sns.get_topic_attributes(TopicArn=topic)["Attributes"]["TopicArn"] == topic
