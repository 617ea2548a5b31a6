"""The sandbox without a window: a simulated change reaches the inbox and CloudTrail history."""

from __future__ import annotations

import os
import time

import pytest

from aws.execute import execute
from aws.session import AwsAccess
from aws.settings import Delivery, Notifications, Settings
from sandbox.demo import Sandbox
from tests.aws.helpers import make_plan


@pytest.fixture
def sandbox(monkeypatch):
    saved = dict(os.environ)
    box = Sandbox().start()
    yield box
    box.stop()
    os.environ.clear()
    os.environ.update(saved)


def test_simulated_change_is_mailed_and_recorded(sandbox):
    access = AwsAccess(profile="demo")
    settings = Settings(regions=("ap-northeast-1",), email="ops@example.com",
                        watch=("security-groups", "root-signin"), deployment="demo",
                        delivery=Delivery.PER_REGION, notifications=Notifications.SIMPLE)
    assert execute(access, make_plan(access, settings)).ok
    [mail] = sandbox.simulate("open-ssh")
    assert mail.rule == "changewatch-demo-security-groups" and mail.to == ("ops@example.com",)
    assert "AuthorizeSecurityGroupIngress" in mail.body and "0.0.0.0/0" in mail.body
    assert sandbox.inbox.mails == [mail]
    # the real EC2 change happened in the sandbox
    ec2 = sandbox.session.client("ec2", region_name="ap-northeast-1")
    [group] = ec2.describe_security_groups(GroupNames=["web-demo"])["SecurityGroups"]
    assert any(r.get("IpRanges") == [{"CidrIp": "0.0.0.0/0", "Description": "temporary"}]
               for r in group["IpPermissions"])
    # CloudTrail shows it a little later, as the real one does
    trail = sandbox.session.client("cloudtrail", region_name="ap-northeast-1")
    attrs = [{"AttributeKey": "EventId", "AttributeValue": mail.event_id}]
    assert trail.lookup_events(LookupAttributes=attrs)["Events"] == []
    time.sleep(3.2)
    assert len(trail.lookup_events(LookupAttributes=attrs)["Events"]) == 1


def test_changes_nobody_watches_send_no_mail(sandbox):
    assert sandbox.simulate("stop-config") == []


def test_history_is_seeded_and_a_trail_is_logging(sandbox):
    trail = sandbox.session.client("cloudtrail", region_name="us-east-1")
    [found] = trail.describe_trails()["trailList"]
    assert found["IsMultiRegionTrail"]
    assert trail.get_trail_status(Name=found["TrailARN"])["IsLogging"]
    events = sandbox.session.client("cloudtrail", region_name="ap-northeast-1").lookup_events(
        LookupAttributes=[{"AttributeKey": "EventName",
                           "AttributeValue": "AuthorizeSecurityGroupIngress"}])["Events"]
    assert events


def test_a_change_in_another_region_reaches_the_one_inbox_once(sandbox):
    access = AwsAccess(profile="demo")
    settings = Settings(regions=("ap-northeast-1", "us-west-2"), email="ops@example.com",
                        watch=("security-groups",), deployment="demo")  # home, rich
    assert execute(access, make_plan(access, settings)).ok
    [mail] = sandbox.simulate("open-ssh", "us-west-2")
    assert mail.region == "us-west-2" and mail.rule == "changewatch-demo-security-groups"
    assert mail.subject and mail.subject != "AWS Notification Message"
    assert sandbox.inbox.mails == [mail]
    [home_topic] = [t["TopicArn"] for t in sandbox.session.client(
        "sns", region_name="ap-northeast-1").list_topics()["Topics"]]
    assert sandbox.session.client("sns", region_name="us-west-2").list_topics()["Topics"] == []
    assert home_topic.endswith(":changewatch-demo")
