"""The SCP through AWS Organizations on the moto server: role, targets, plan, confirmation,
idempotence, removal, and the refusals a user must understand."""

from __future__ import annotations

import boto3
import pytest

from aws import organizations as orgs
from aws.errors import ChangeWatchError, ErrorKind, translate
from aws.messages import describe
from aws.org_tree import TargetKind
from aws.scp import build_policy
from aws.scp_plan import AttachPolicy, CreatePolicy, DeletePolicy, DetachPolicy, UpdatePolicy
from aws.session import AccessKeys, AwsAccess
from sandbox.organization import seed_organization

ADMIN = "arn:aws:iam::*:role/Admin*"


@pytest.fixture
def org(moto):
    seed_organization(boto3._get_default_session())  # its models are parsed once
    return boto3.client("organizations", region_name="us-east-1")


def _ou(access, name: str):
    tree = orgs.organization(access).root
    return next(t for t in tree.walk() if t.name == name)


def test_the_management_account_sees_the_whole_tree(access, org):
    found = orgs.organization(access)
    assert found.role == orgs.OrgRole.MANAGEMENT and found.scp_enabled
    kinds = {t.name: t.kind for t in found.root.walk()}
    assert kinds["Production"] == TargetKind.OU and kinds["prod-web"] == TargetKind.ACCOUNT
    assert found.root.find(found.management_account) is not None


def test_plan_then_confirmed_attach_then_nothing_left_to_do(access, org):
    policy = build_policy("prod", (ADMIN,))
    target = _ou(access, "Production")
    plan = orgs.attach_plan(access, policy, target.id)
    assert [type(s) for s in plan.steps] == [CreatePolicy, AttachPolicy]
    assert plan.steps[1].target.name == "Production"
    orgs.execute(access, plan, confirmed=True)
    found = orgs.find_policy(access, "prod")
    assert found.targets == (target.id,) and found.content == policy.content
    tags = org.list_tags_for_resource(ResourceId=found.id)["Tags"]
    assert {"Key": "changewatch:deployment", "Value": "prod"} in tags
    assert orgs.attach_plan(access, policy, target.id).empty  # idempotent


def test_without_confirmation_nothing_is_made_or_attached(access, org):
    plan = orgs.attach_plan(access, build_policy("prod", (ADMIN,)), _ou(access, "Security").id)
    with pytest.raises(ChangeWatchError) as caught:
        orgs.execute(access, plan, confirmed=False)
    assert caught.value.kind == ErrorKind.NOT_CONFIRMED
    assert orgs.find_policy(access, "prod") is None
    assert "--yes" in describe(caught.value, "en")


def test_changed_admin_roles_update_the_policy_in_place(access, org):
    target = _ou(access, "Production").id
    orgs.execute(access, orgs.attach_plan(access, build_policy("prod", (ADMIN,)), target),
                 confirmed=True)
    wider = build_policy("prod", (ADMIN, "arn:aws:iam::*:role/BreakGlass"))
    plan = orgs.attach_plan(access, wider, target)
    assert [type(s) for s in plan.steps] == [UpdatePolicy]
    orgs.execute(access, plan, confirmed=True)
    assert orgs.find_policy(access, "prod").content == wider.content


def test_remove_detaches_everywhere_and_deletes_leaving_nothing(access, org):
    policy = build_policy("prod", (ADMIN,))
    for name in ("Production", "Staging"):
        orgs.execute(access, orgs.attach_plan(access, policy, _ou(access, name).id),
                     confirmed=True)
    plan = orgs.detach_plan(access, "prod", delete=True)
    assert [type(s) for s in plan.steps] == [DetachPolicy, DetachPolicy, DeletePolicy]
    orgs.execute(access, plan, confirmed=True)
    assert orgs.find_policy(access, "prod") is None
    names = [p["Name"] for p in org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]]
    assert names == ["FullAWSAccess"]


def test_detach_from_one_target_keeps_the_policy(access, org):
    policy = build_policy("prod", (ADMIN,))
    prod, staging = _ou(access, "Production").id, _ou(access, "Staging").id
    for target in (prod, staging):
        orgs.execute(access, orgs.attach_plan(access, policy, target), confirmed=True)
    orgs.execute(access, orgs.detach_plan(access, "prod", prod), confirmed=True)
    assert orgs.find_policy(access, "prod").targets == (staging,)


def test_another_deployments_policy_is_never_touched(access, org):
    target = _ou(access, "Production").id
    orgs.execute(access, orgs.attach_plan(access, build_policy("other", (ADMIN,)), target),
                 confirmed=True)
    orgs.execute(access, orgs.detach_plan(access, "prod", delete=True), confirmed=True)
    assert orgs.find_policy(access, "other").targets == (target,)


def test_the_management_account_as_target_is_said_to_be_unaffected(access, org):
    found = orgs.organization(access)
    plan = orgs.attach_plan(access, build_policy("prod", (ADMIN,)), found.management_account)
    assert orgs.ScpNote.TARGET_IS_MANAGEMENT in plan.notes


def test_a_member_account_is_refused(moto, org):
    member = next(a["Id"] for a in org.list_accounts()["Accounts"] if a["Name"] == "prod-web")
    credentials = boto3.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{member}:role/OrganizationAccountAccessRole",
        RoleSessionName="member")["Credentials"]
    access = AwsAccess(keys=AccessKeys(credentials["AccessKeyId"],
                                       credentials["SecretAccessKey"],
                                       credentials["SessionToken"]))
    with pytest.raises(ChangeWatchError) as caught:
        orgs.attach_plan(access, build_policy("prod", (ADMIN,)), "r-0000")
    assert caught.value.kind == ErrorKind.NOT_ORG_ADMIN
    assert member in describe(caught.value, "en") and "management account" in describe(
        caught.value, "en")


def test_no_organization_is_one_sentence(access):
    with pytest.raises(ChangeWatchError) as caught:
        orgs.organization(access)
    assert caught.value.kind == ErrorKind.ORG_NOT_IN_USE
    assert "not in an AWS Organization" in describe(caught.value, "en")


def test_scps_disabled_on_the_root_say_how_to_enable(access, org):
    root = org.list_roots()["Roots"][0]["Id"]
    org.disable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    with pytest.raises(ChangeWatchError) as caught:
        orgs.attach_plan(access, build_policy("prod", (ADMIN,)), root)
    text = describe(caught.value, "en")
    assert caught.value.kind == ErrorKind.SCP_NOT_ENABLED
    assert f"enable-policy-type --root-id {root}" in text
    assert orgs.find_policy(access, "prod") is None


@pytest.mark.parametrize(("code", "kind", "words"), [
    ("DuplicatePolicyAttachmentException", ErrorKind.SCP_ALREADY_ATTACHED, "already attached"),
    ("PolicyTypeNotEnabledException", ErrorKind.SCP_NOT_ENABLED, "not enabled"),
    ("AccessDeniedException", ErrorKind.ACCESS_DENIED, "Permission denied"),
    ("AWSOrganizationsNotInUseException", ErrorKind.ORG_NOT_IN_USE, "not in an AWS"),
])
def test_organizations_errors_become_one_sentence(code, kind, words):
    from botocore.exceptions import ClientError

    error = translate(ClientError({"Error": {"Code": code, "Message": "m"}}, "AttachPolicy"))
    assert error.kind == kind
    for lang in ("en", "ja"):
        assert "\n" not in describe(error, lang)
    assert words in describe(error, "en")


def test_an_attachment_made_meanwhile_is_not_an_error(access, org, monkeypatch):
    """AWS says DuplicatePolicyAttachmentException when another run attached it first."""
    from botocore.exceptions import ClientError

    plan = orgs.attach_plan(access, build_policy("prod", (ADMIN,)), _ou(access, "Staging").id)
    client = access.client("organizations", "us-east-1")
    real = client.attach_policy

    def attach_twice(**params):
        real(**params)
        raise ClientError({"Error": {"Code": "DuplicatePolicyAttachmentException",
                                     "Message": "attached"}}, "AttachPolicy")

    monkeypatch.setattr(client, "attach_policy", attach_twice)
    assert len(orgs.execute(access, plan, confirmed=True)) == 2


class _DelegationPolicy:
    """What DescribeResourcePolicy returns in the management account's delegation (moto has no
    resource policies); only that call is faked."""

    def __init__(self, statement: dict) -> None:
        self._content = {"Version": "2012-10-17", "Statement": [statement]}

    def describe_resource_policy(self):
        import json

        return {"ResourcePolicy": {"Content": json.dumps(self._content)}}


@pytest.mark.parametrize(("actions", "expected"), [
    (["organizations:CreatePolicy", "organizations:AttachPolicy",
      "organizations:DetachPolicy"], True),
    ("organizations:*", True),
    (["organizations:DescribeOrganization"], False),
])
def test_a_delegated_policy_administrator_is_recognised(actions, expected):
    delegation = _DelegationPolicy({"Effect": "Allow", "Action": actions, "Resource": "*",
                                    "Principal": {"AWS": "arn:aws:iam::111122223333:root"}})
    assert orgs._delegated(delegation, "111122223333") is expected
    assert orgs._delegated(delegation, "444455556666") is False


def test_an_unknown_target_is_named(access, org):
    with pytest.raises(ChangeWatchError) as caught:
        orgs.attach_plan(access, build_policy("prod", (ADMIN,)), "ou-zzzz-zzzzzzzz")
    assert "no root, OU or account ou-zzzz-zzzzzzzz" in describe(caught.value, "en")
    assert orgs.find_policy(access, "prod") is None


def test_remove_names_the_guarding_scp_it_leaves(access, org):
    """remove leaves the SCP (only the management account may detach it): after it, the
    service finds the one for this deployment, and none where no organization can be read."""
    from aws.deployment import DeploymentService, MemoryRecorder
    from aws.scp_plan_text import leftover_sentence

    service = DeploymentService(access, MemoryRecorder())
    assert service.leftover_scp("prod") is None
    target = _ou(access, "Production")
    orgs.execute(access, orgs.attach_plan(access, build_policy("prod", (ADMIN,)), target.id),
                 confirmed=True)
    found = service.leftover_scp("prod")
    assert found is not None and found.targets == (target.id,)
    assert service.leftover_scp("staging") is None  # another deployment's: none
    words = leftover_sentence(found.name, found.id, found.targets, "cw.toml", "en")
    assert target.id in words and "changewatch scp remove --config cw.toml" in words
    assert "scp remove" in leftover_sentence(found.name, found.id, (), "cw.toml", "ja")


def test_without_an_organization_remove_says_nothing_of_an_scp(access):
    from aws.deployment import DeploymentService, MemoryRecorder

    assert DeploymentService(access, MemoryRecorder()).leftover_scp("prod") is None
