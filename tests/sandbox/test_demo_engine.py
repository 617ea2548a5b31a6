"""The sandbox without a window: a simulated change reaches the inbox and CloudTrail history."""

from __future__ import annotations

import time

from aws.execute import execute
from aws.session import AwsAccess
from aws.settings import Delivery, Notifications, Settings
from tests.aws.helpers import make_plan


def test_simulated_change_is_mailed_and_recorded(sandbox):
    access = AwsAccess(profile="demo")
    settings = Settings(regions=("ap-northeast-1",), email="ops@example.com",
                        watch=("security-groups", "root-signin"), deployment="demo",
                        delivery=Delivery.PER_REGION, notifications=Notifications.SIMPLE)
    assert execute(access, make_plan(access, settings)).ok
    confirm_by_mail(sandbox)
    [mail] = sandbox.simulate("open-ssh")
    assert mail.rule == "changewatch-demo-security-groups" and mail.to == ("ops@example.com",)
    assert "AuthorizeSecurityGroupIngress" in mail.body and "0.0.0.0/0" in mail.body
    assert sandbox.inbox.mails[-1] == mail
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


def confirm_by_mail(sandbox) -> None:
    """Click the link in each confirmation email, as the admin would."""
    confirmations = [m for m in sandbox.inbox.mails if m.link]
    assert confirmations
    for confirmation in confirmations:
        assert confirmation.subject == "AWS Notification - Subscription Confirmation"
        assert confirmation.link in confirmation.body
        assert sandbox.confirm(confirmation.link)


def _simple(**changes) -> Settings:
    return Settings(regions=("ap-northeast-1",), email="ops@example.com",
                    watch=("security-groups",), deployment="demo",
                    delivery=Delivery.PER_REGION, notifications=Notifications.SIMPLE)


def test_a_subscription_waits_for_its_link_and_mails_nothing_before(sandbox):
    access = AwsAccess(profile="demo")
    assert execute(access, make_plan(access, _simple())).ok
    sns = sandbox.session.client("sns", region_name="ap-northeast-1")
    [topic] = sns.list_topics()["Topics"]
    [sub] = sns.list_subscriptions_by_topic(TopicArn=topic["TopicArn"])["Subscriptions"]
    assert sub["SubscriptionArn"] == "PendingConfirmation"
    assert sandbox.simulate("open-ssh") == []  # nobody confirmed: nobody is mailed
    confirm_by_mail(sandbox)
    [sub] = sns.list_subscriptions_by_topic(TopicArn=topic["TopicArn"])["Subscriptions"]
    assert sub["SubscriptionArn"].startswith("arn:aws:sns:")
    assert len(sandbox.simulate("open-ssh")) == 1


def test_the_test_notification_lands_in_the_demo_inbox(sandbox):
    from aws.catalog import load_catalog
    from aws.subscription import send_test_notification

    access = AwsAccess(profile="demo")
    settings = Settings(regions=("ap-northeast-1",), email="ops@example.com",
                        watch=("security-groups",), deployment="demo")
    assert execute(access, make_plan(access, settings)).ok
    confirm_by_mail(sandbox)
    send_test_notification(access, settings, load_catalog(), "ap-northeast-1")
    mail = sandbox.inbox.mails[-1]
    assert mail.to == ("ops@example.com",) and not mail.link and mail.subject


def test_with_the_trail_stopped_a_change_is_recorded_nowhere_and_mailed_to_no_one(sandbox):
    access = AwsAccess(profile="demo")
    assert execute(access, make_plan(access, _simple())).ok
    confirm_by_mail(sandbox)
    trail = sandbox.session.client("cloudtrail", region_name="us-east-1")
    trail.stop_logging(Name="organization-trail")
    count = len(sandbox.inbox.mails)
    assert sandbox.simulate("open-ssh") == []
    assert len(sandbox.inbox.mails) == count
    ct = sandbox.session.client("cloudtrail", region_name="ap-northeast-1")
    time.sleep(3.2)
    names = [e["EventName"] for e in ct.lookup_events(StartTime=time.time() - 60)["Events"]]
    assert "AuthorizeSecurityGroupIngress" not in names


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
    confirm_by_mail(sandbox)  # one confirmation email, from the home region
    [mail] = sandbox.simulate("open-ssh", "us-west-2")
    assert mail.region == "us-west-2" and mail.rule == "changewatch-demo-security-groups"
    assert mail.subject and mail.subject != "AWS Notification Message"
    assert len(sandbox.inbox.mails) == 2 and sandbox.inbox.mails[-1] == mail
    [home_topic] = [t["TopicArn"] for t in sandbox.session.client(
        "sns", region_name="ap-northeast-1").list_topics()["Topics"]]
    assert sandbox.session.client("sns", region_name="us-west-2").list_topics()["Topics"] == []
    assert home_topic.endswith(":changewatch-demo")
