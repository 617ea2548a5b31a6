"""In the sandbox, an excepted role's change sends no email and shows in the log as excepted;
the same change by someone else sends one."""

from __future__ import annotations

import time
from datetime import timedelta

from aws.catalog import load_catalog
from aws.events import EventReader, watched_rules
from aws.exceptions import excepted_row
from aws.execute import execute
from aws.session import AwsAccess
from aws.settings import Settings, WatchException, validate
from sandbox.demo import CLOUDTRAIL_DELAY
from sandbox.simulate import AUTOMATION
from tests.aws.helpers import make_plan
from tests.sandbox.test_demo_engine import confirm_by_mail

PIPELINE = WatchException(groups=("security-groups",),
                          callers=("arn:aws:iam::123456789012:role/terraform-deployer",))


def test_the_excepted_role_mails_nothing_and_is_marked_in_the_log(sandbox):
    access = AwsAccess(profile="demo")
    settings = validate(Settings(regions=("ap-northeast-1",), email="ops@example.com",
                                 watch=("security-groups",), deployment="demo",
                                 exceptions=(PIPELINE,)))  # one inbox, rich emails
    assert execute(access, make_plan(access, settings)).ok
    confirm_by_mail(sandbox)
    before = len(sandbox.inbox.mails)
    assert sandbox.simulate("open-ssh", caller="automation") == []
    assert len(sandbox.inbox.mails) == before
    [mail] = sandbox.simulate("open-ssh")
    assert "taro.yamada" in mail.body

    time.sleep(CLOUDTRAIL_DELAY + 0.2)  # CloudTrail shows events late, as the real one does
    reader = EventReader(lambda region: access.client("cloudtrail", region),
                         watched_rules(settings, load_catalog()))
    rows = [r for r in reader.load(timedelta(minutes=10), lambda _rows: None)
            if r.event_name == "AuthorizeSecurityGroupIngress"
            and r.event_time.timestamp() > time.time() - 120]
    by_user = {r.user_arn: excepted_row(settings.exceptions, r) for r in rows}
    assert by_user[AUTOMATION["arn"]].by == PIPELINE.callers[0]
    assert by_user["arn:aws:iam::123456789012:user/taro.yamada"] is None
