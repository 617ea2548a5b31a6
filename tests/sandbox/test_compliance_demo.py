"""The port-22 story in the sandbox: open port 22 → the Config rule finds the group
non-compliant → the compliance email → the remediation closes the port → compliant again."""

from __future__ import annotations

import os

import pytest

from aws.execute import execute
from aws.session import AwsAccess
from aws.settings import Settings
from sandbox.demo import Sandbox
from tests.aws.helpers import make_plan
from tests.sandbox.test_demo_engine import confirm_by_mail

REGION = "ap-northeast-1"
RULE = "changewatch-demo-restricted-ssh"


@pytest.fixture
def sandbox(monkeypatch):
    saved = dict(os.environ)
    box = Sandbox().start()
    yield box
    box.stop()
    os.environ.clear()
    os.environ.update(saved)


def _deploy(sandbox, **changes) -> None:
    access = AwsAccess(profile="demo")
    settings = Settings(regions=(REGION,), email="ops@example.com", language="en",
                        watch=("security-groups",), deployment="demo",
                        compliance=("restricted-ssh",), enable_config=True, **changes)
    result = execute(access, make_plan(access, settings))
    assert result.ok, [str(r.error) for r in result.regions if r.error]
    confirm_by_mail(sandbox)


def test_open_ssh_is_mailed_twice_then_remediated_to_compliant(sandbox):
    _deploy(sandbox)
    mails = sandbox.simulate("open-ssh")
    subjects = [m.subject for m in mails]
    assert any("Inbound access opened" in s and "TCP 22" in s for s in subjects), subjects
    [alert] = [m for m in mails if m.rule == "changewatch-demo-compliance"]
    assert "Non-compliant: SSH open to the internet" in alert.subject
    group = sandbox.session.client("ec2", region_name=REGION).describe_security_groups(
        GroupNames=["web-demo"])["SecurityGroups"][0]
    assert group["GroupId"][:15] in alert.subject and group["GroupId"] in alert.body
    assert f"Config rule: {RULE}" in alert.body and "Evaluation: non-compliant" in alert.body
    assert alert in sandbox.inbox.mails and mails[0] in sandbox.inbox.mails
    # the remediation revoked the permission, as its own role, and said so in CloudTrail
    assert not any(p.get("FromPort") == 22 for p in group["IpPermissions"])
    [revoked] = [m for m in mails if "Inbound access removed" in m.subject]
    assert "changewatch-demo-remediation" in revoked.body
    config = sandbox.session.client("config", region_name=REGION)
    results = config.get_compliance_details_by_config_rule(ConfigRuleName=RULE)[
        "EvaluationResults"]
    [result] = [r for r in results if r["EvaluationResultIdentifier"][
        "EvaluationResultQualifier"]["ResourceId"] == group["GroupId"]]
    assert result["ComplianceType"] == "COMPLIANT"
    [run] = config.describe_remediation_execution_status(ConfigRuleName=RULE)[
        "RemediationExecutionStatuses"]
    assert run["State"] == "SUCCEEDED"
    assert run["ResourceKey"] == {"resourceType": "AWS::EC2::SecurityGroup",
                                  "resourceId": group["GroupId"]}
