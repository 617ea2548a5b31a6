"""The guarding SCP: valid JSON under the 5,120-character limit, a statement for each thing it
must keep in place, the admin roles left out, and refusals before any AWS call."""

from __future__ import annotations

import fnmatch
import json

import boto3
import pytest

from aws.errors import SettingsError
from aws.refusals import Refusal
from aws.scp import SCP_LIMIT, Guard, build_policy
from aws.scp_settings import ScpSettings, check_admin_role, check_target
from aws.scp_text import PREVENTS, explain

ADMIN = "arn:aws:iam::*:role/Admin*"


def _denied(policy, action: str, resource: str, principal: str, tags=None) -> bool:
    """Just enough of IAM's evaluation for these statements: Action, Resource (glob),
    ArnNotLike on aws:PrincipalArn and StringEquals on a resource tag."""
    for statement in policy.document["Statement"]:
        resources = statement["Resource"]
        resources = [resources] if isinstance(resources, str) else resources
        if action not in statement["Action"]:
            continue
        if not any(fnmatch.fnmatchcase(resource, r) for r in resources):
            continue
        condition = statement["Condition"]
        if any(fnmatch.fnmatchcase(principal, p)
               for p in condition["ArnNotLike"]["aws:PrincipalArn"]):
            continue
        wanted = condition.get("StringEquals", {})
        if all((tags or {}).get(k.split("/", 1)[1]) == v for k, v in wanted.items()):
            return True
    return False


def test_valid_json_minified_and_under_the_limit():
    policy = build_policy("cw-1a2b3c4d", (ADMIN,))
    assert json.loads(policy.content) == policy.document
    assert " " not in policy.content and "\n" not in policy.content
    assert policy.size == len(policy.content) < SCP_LIMIT
    assert all(s["Effect"] == "Deny" and s["Sid"].isalnum() for s in
               policy.document["Statement"])
    assert len({s["Sid"] for s in policy.document["Statement"]}) == len(Guard)


def test_the_longest_deployment_id_with_four_sso_admin_patterns_still_fits():
    """The headroom, measured: one pattern costs its length + 3 in each of 8 statements."""
    patterns = tuple(f"arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/"
                     f"AWSReservedSSO_Admin{i}_*" for i in range(4))
    assert build_policy("x" * 32, patterns).size <= SCP_LIMIT


def test_too_many_patterns_are_refused_with_the_size():
    patterns = tuple(f"arn:aws:iam::*:role/team-{i:03}-administrators-*" for i in range(20))
    with pytest.raises(SettingsError) as caught:
        build_policy("prod", patterns)
    assert caught.value.reason == Refusal.SCP_TOO_LONG
    assert caught.value.params["size"] > SCP_LIMIT


def test_no_admin_pattern_is_refused():
    with pytest.raises(SettingsError) as caught:
        build_policy("prod", ())
    assert caught.value.reason == Refusal.SCP_NO_ADMIN


DEV = "arn:aws:iam::111122223333:role/Developer"
ADMIN_ROLE = "arn:aws:iam::111122223333:role/AdminOps"
COVERED = [
    ("config:StopConfigurationRecorder", "*", None),
    ("config:DeleteConfigurationRecorder", "*", None),
    ("config:PutConfigurationRecorder", "*", None),
    ("config:DeleteDeliveryChannel", "*", None),
    ("config:DeleteConfigRule", "arn:aws:config:us-east-1:111122223333:config-rule/config-rule-"
                                "ab12cd", {"changewatch:deployment": "prod"}),
    ("cloudtrail:StopLogging", "arn:aws:cloudtrail:us-east-1:111122223333:trail/org", None),
    ("cloudtrail:DeleteTrail", "arn:aws:cloudtrail:us-east-1:111122223333:trail/org", None),
    ("cloudtrail:UpdateTrail", "arn:aws:cloudtrail:us-east-1:111122223333:trail/org", None),
    ("cloudtrail:PutEventSelectors", "arn:aws:cloudtrail:us-east-1:111122223333:trail/o", None),
    ("cloudtrail:PutInsightSelectors", "arn:aws:cloudtrail:us-east-1:111122223333:trail/o",
     None),
    *[(f"events:{a}", "arn:aws:events:ap-northeast-1:111122223333:rule/changewatch-prod-"
                      "security-groups", None)
      for a in ("DeleteRule", "DisableRule", "PutRule", "RemoveTargets", "PutTargets")],
    *[(f"sns:{a}", "arn:aws:sns:ap-northeast-1:111122223333:changewatch-prod", None)
      for a in ("DeleteTopic", "SetTopicAttributes", "Unsubscribe", "RemovePermission")],
    *[(f"states:{a}", "arn:aws:states:ap-northeast-1:111122223333:stateMachine:changewatch-"
                      "prod-notify", None) for a in ("DeleteStateMachine", "UpdateStateMachine")],
    *[(f"iam:{a}", "arn:aws:iam::111122223333:role/changewatch/changewatch-prod-events", None)
      for a in ("DeleteRole", "PutRolePolicy", "UpdateAssumeRolePolicy", "DetachRolePolicy")],
]


@pytest.mark.parametrize(("action", "resource", "tags"), COVERED)
def test_each_action_is_denied_to_others_and_allowed_to_an_admin_role(action, resource, tags):
    policy = build_policy("prod", (ADMIN,))
    assert _denied(policy, action, resource, DEV, tags)
    assert not _denied(policy, action, resource, ADMIN_ROLE, tags)


@pytest.mark.parametrize(("action", "resource", "tags"), [
    ("events:DeleteRule", "arn:aws:events:us-east-1:1:rule/someone-elses-rule", None),
    ("sns:DeleteTopic", "arn:aws:sns:us-east-1:1:orders", None),
    ("config:DeleteConfigRule", "arn:aws:config:us-east-1:1:config-rule/config-rule-x",
     {"changewatch:deployment": "staging"}),
    ("iam:DeleteRole", "arn:aws:iam::1:role/app/web", None),
    ("ec2:AuthorizeSecurityGroupIngress", "*", None),
])
def test_what_is_not_changewatchs_stays_untouched(action, resource, tags):
    assert not _denied(build_policy("prod", (ADMIN,)), action, resource, DEV, tags)


def test_every_statement_says_what_it_prevents_in_both_languages():
    policy = build_policy("prod", (ADMIN,))
    for lang in ("ja", "en"):
        lines = explain(policy, lang)
        assert all(PREVENTS[g][lang] in "\n".join(lines) for g in Guard)
    assert set(PREVENTS) == set(Guard)


@pytest.mark.parametrize("pattern", [
    "arn:aws:iam::*:role/Admin*", "arn:aws:iam::123456789012:role/ops/Break-Glass",
    "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*"])
def test_admin_role_patterns_accepted(pattern):
    check_admin_role(pattern)


@pytest.mark.parametrize(("pattern", "reason"), [
    ("Admin*", Refusal.SCP_BAD_ADMIN), ("arn:aws:iam::*:user/alice", Refusal.SCP_BAD_ADMIN),
    ("arn:aws:iam::12:role/Admin", Refusal.SCP_BAD_ADMIN),
    ("arn:aws:iam::*:role/*", Refusal.SCP_ADMIN_TOO_BROAD),
    ("arn:aws:iam::*:role/**", Refusal.SCP_ADMIN_TOO_BROAD)])
def test_bad_admin_patterns_refused(pattern, reason):
    with pytest.raises(SettingsError) as caught:
        check_admin_role(pattern)
    assert caught.value.reason == reason


@pytest.mark.parametrize("target", ["r-ab12", "ou-ab12-abcdefgh", "123456789012"])
def test_targets_accepted(target):
    check_target(target)


def test_a_bad_target_is_refused():
    with pytest.raises(SettingsError):
        check_target("prod-ou")


def test_settings_file_round_trip(tmp_path):
    from aws.settings_file import load, save
    from tests.aws.helpers import make_settings

    settings = make_settings(scp=ScpSettings((ADMIN,), "ou-ab12-abcdefgh"))
    save(settings, tmp_path / "cw.toml")
    assert "[scp]" in (tmp_path / "cw.toml").read_text()
    assert load(tmp_path / "cw.toml").scp == settings.scp


def test_aws_organizations_accepts_it(moto):
    """moto's CreatePolicy checks the content is JSON and keeps it byte for byte."""
    policy = build_policy("prod", (ADMIN,))
    org = boto3.client("organizations", region_name="us-east-1")
    org.create_organization(FeatureSet="ALL")
    made = org.create_policy(Content=policy.content, Description="d", Name=policy.name,
                             Type="SERVICE_CONTROL_POLICY")
    assert made["Policy"]["Content"] == policy.content
