"""The opt-in live check: does a real account do what the sandbox does? (docs/live-check.md)

Skipped unless CHANGEWATCH_LIVE_PROFILE names an AWS profile. It applies ChangeWatch to one
region, makes a harmless change the rules watch (creates and deletes an empty, tagged security
group), waits for the rule's Invocations metric, then removes everything and checks by tag that
nothing is left. It costs a few cents at most; it always removes what it made, even on failure.

    CHANGEWATCH_LIVE_PROFILE=my-sandbox-admin \\
    CHANGEWATCH_LIVE_REGION=us-west-2 CHANGEWATCH_LIVE_EMAIL=me@example.com \\
    python -m pytest -s tests/live/test_live_account.py
"""

from __future__ import annotations

import os
import secrets
import time
from datetime import UTC, datetime, timedelta

import pytest

from aws.deployment import DeploymentService, MemoryRecorder
from aws.session import AwsAccess, call
from aws.settings import Settings

PROFILE = os.environ.get("CHANGEWATCH_LIVE_PROFILE", "")
REGION = os.environ.get("CHANGEWATCH_LIVE_REGION", "us-west-2")
# A real address gets the confirmation email; the default one bounces, which is harmless.
EMAIL = os.environ.get("CHANGEWATCH_LIVE_EMAIL", "changewatch-live-check@example.com")
WAIT_MINUTES = float(os.environ.get("CHANGEWATCH_LIVE_WAIT_MINUTES", "15"))
POLL_SECONDS = 30
# The environment as the person running the check has it (the test fixtures replace it).
_REAL_ENV = {key: value for key, value in os.environ.items() if key.startswith("AWS_")}

pytestmark = pytest.mark.skipif(not PROFILE, reason="set CHANGEWATCH_LIVE_PROFILE to run the "
                                                    "live check against a real AWS account")


def say(text: str) -> None:
    """Progress for the person watching (run with -s)."""
    print(f"[live {datetime.now(UTC):%H:%M:%S}] {text}", flush=True)


@pytest.fixture
def real_aws(monkeypatch):
    """Undo the test suite's fake credentials and closed endpoint: this one talks to AWS."""
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        monkeypatch.delenv(key)
    for key, value in _REAL_ENV.items():
        monkeypatch.setenv(key, value)
    return AwsAccess(profile=PROFILE)


def invocations(access: AwsAccess, rule: str, since: datetime) -> tuple[float, float]:
    """(Invocations, FailedInvocations) of a rule since `since`, from CloudWatch."""
    cloudwatch = access.client("cloudwatch", REGION)
    totals = []
    for metric in ("Invocations", "FailedInvocations"):
        reply = call(cloudwatch, "get_metric_statistics", REGION, Namespace="AWS/Events",
                     MetricName=metric, Dimensions=[{"Name": "RuleName", "Value": rule}],
                     StartTime=since - timedelta(minutes=5),
                     EndTime=datetime.now(UTC) + timedelta(minutes=5), Period=60,
                     Statistics=["Sum"])
        totals.append(sum(point["Sum"] for point in reply.get("Datapoints", [])))
    return totals[0], totals[1]


def touch_a_security_group(access: AwsAccess, deployment: str) -> str:
    """Create and delete an empty security group, tagged so its purpose is plain."""
    ec2 = access.client("ec2", REGION)
    vpcs = call(ec2, "describe_vpcs", REGION)["Vpcs"]
    if not vpcs:
        pytest.skip(f"{REGION} has no VPC to create a security group in")
    vpc = next((v for v in vpcs if v.get("IsDefault")), vpcs[0])["VpcId"]
    group = call(ec2, "create_security_group", REGION, VpcId=vpc,
                 GroupName=f"changewatch-live-check-{deployment}",
                 Description="ChangeWatch live check; deleted within seconds",
                 TagSpecifications=[{"ResourceType": "security-group", "Tags": [
                     {"Key": "changewatch:live-check", "Value": deployment}]}])["GroupId"]
    call(ec2, "delete_security_group", REGION, GroupId=group)
    return group


def wait_for_the_rule(access: AwsAccess, rule: str, since: datetime) -> tuple[float, float]:
    deadline = time.monotonic() + WAIT_MINUTES * 60
    while True:
        fired, failed = invocations(access, rule, since)
        if fired or failed or time.monotonic() > deadline:
            return fired, failed
        say(f"no invocation of {rule} yet; asking again in {POLL_SECONDS} s")
        time.sleep(POLL_SECONDS)


def test_a_change_fires_the_rule_and_remove_leaves_nothing(real_aws):
    deployment = "cw-live-" + secrets.token_hex(3)
    settings = Settings(regions=(REGION,), email=EMAIL, watch=("security-groups",),
                        language="en", profile=PROFILE, deployment=deployment)
    service = DeploymentService(real_aws, MemoryRecorder())
    say(f"account {real_aws.identity(REGION).account}, region {REGION}, deployment {deployment}")
    review = service.review(settings)
    trail = review.coverage.get(REGION)
    if trail is None or not trail.covered:
        pytest.skip(f"no logging CloudTrail trail covers {REGION}: the rules could never fire "
                    "there (ChangeWatch's review says so too); start a trail and run again")
    try:
        applied = service.apply(settings, review.plan)
        assert applied.result.ok, [str(r.error) for r in applied.result.regions if r.error]
        rule = next(rule.name for region in applied.plan.regions
                    if region.region == REGION and region.desired
                    for rule in region.desired.rules if "security-groups" in rule.name)
        say(f"applied; rule {rule}. Making a harmless change …")
        since = datetime.now(UTC)
        group = touch_a_security_group(real_aws, deployment)
        say(f"created and deleted {group}; waiting up to {WAIT_MINUTES:g} min for the rule")
        fired, failed = wait_for_the_rule(real_aws, rule, since)
        say(f"Invocations {fired:g}, FailedInvocations {failed:g}")
        assert not failed, ("the rule fired but could not deliver (FailedInvocations): check "
                            "the topic policy, the role and the KMS key")
        assert fired, (f"the rule did not fire within {WAIT_MINUTES:g} minutes of "
                       "CreateSecurityGroup: CloudTrail → EventBridge delivery or the pattern "
                       "does not behave as the sandbox does")
    finally:
        say("removing everything the check made …")
        removal = service.removal_plan(deployment, settings)
        removed = service.remove(removal)
        assert removed.ok, [str(r.error) for r in removed.regions if r.error]
        left = service.removal_plan(deployment, settings).instructions  # found again by tag
        assert not left, f"left behind after remove: {[s.subject for s in left]}"
        say("nothing tagged with the deployment is left")
