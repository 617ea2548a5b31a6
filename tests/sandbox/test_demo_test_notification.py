"""A test notification in the sandbox is the real formatter's email, marked as a test: rich
starts the deployed state machine (the sandbox runs it as AWS would), simple publishes."""

from __future__ import annotations

from aws.catalog import load_catalog
from aws.desired import desired_state
from aws.execute import execute
from aws.match import to_eventbridge
from aws.preview import render_rule, samples_for
from aws.session import AwsAccess
from aws.settings import Delivery, Notifications, Settings
from aws.subscription import send_test_notification
from tests.aws.helpers import make_plan
from tests.sandbox.test_demo_engine import confirm_by_mail

HOME = "ap-northeast-1"


def _deploy(sandbox, **changes) -> tuple[AwsAccess, Settings]:
    access = AwsAccess(profile="demo")
    settings = Settings(regions=(HOME,), email="ops@example.com", watch=("aws-config",),
                        deployment="demo", language="ja", timezone="Asia/Tokyo", **changes)
    assert execute(access, make_plan(access, settings)).ok
    confirm_by_mail(sandbox)
    return access, settings


def test_a_rich_test_notification_runs_the_deployed_formatter(sandbox):
    access, settings = _deploy(sandbox)
    arn = send_test_notification(access, settings, load_catalog(), HOME)
    assert arn.startswith("arn:aws:states:") and ":changewatch-demo-notify:" in arn
    mail = sandbox.inbox.mails[-1]
    assert mail.subject.startswith("[ChangeWatch][テスト][高] ")
    assert mail.body.startswith("[テスト] これは ChangeWatch のテスト通知です。")
    want = desired_state(settings, load_catalog(), access.identity(HOME)).get(HOME)
    rule = want.rules[0]
    expected = render_rule(want, rule, to_eventbridge(samples_for(rule)[0]), test=True)
    assert (mail.subject, mail.body) == (expected.subject, expected.body)
    assert "(Asia/Tokyo, UTC+09:00)" in mail.body


def test_a_simple_test_notification_publishes_the_transformer_text(sandbox):
    access, settings = _deploy(sandbox, delivery=Delivery.PER_REGION,
                               notifications=Notifications.SIMPLE)
    send_test_notification(access, settings, load_catalog(), HOME)
    mail = sandbox.inbox.mails[-1]
    assert mail.subject == "ChangeWatch テスト通知"
    assert "【ChangeWatch】" in mail.body and "見本のイベント" in mail.body
