"""What is deployed is what is previewed: the definition read back from the (moto) server
renders exactly the email the preview shows, for every sample of the watched groups."""

from __future__ import annotations

from aws.catalog import load_catalog
from aws.desired import desired_state
from aws.execute import execute
from aws.formatter import render
from aws.match import to_eventbridge
from aws.preview import email_for
from tests.aws.helpers import machines, make_plan, make_settings
from tests.aws.samples import records

HOME = "ap-northeast-1"


def test_the_deployed_definition_renders_the_preview(access):
    settings = make_settings(language="en", timezone="America/New_York",
                             watch=("security-groups", "aws-config", "root-signin"))
    result = execute(access, make_plan(access, settings))
    assert result.ok, [str(r.error) for r in result.regions if r.error]
    deployed = machines(HOME)["changewatch-test-notify"]["definition"]
    state = desired_state(settings, load_catalog(), access.identity(HOME))
    compared = 0
    for group_id in ("security-groups", "aws-config", "root-signin"):
        for record in records(group_id):
            event = to_eventbridge(record)
            found = email_for(state, event)
            if found is None:  # e.g. a root sign-in without MFA also matches; not here
                continue
            rule, preview = found
            assert render(deployed, {"group": rule.group_id, "event": event}) == preview
            assert "America/New_York" in preview.body
            compared += 1
    assert compared >= 20


def test_a_rich_test_notification_starts_the_formatter_with_a_marked_sample(access):
    import json

    from aws.subscription import send_test_notification
    from tests.aws.helpers import client

    settings = make_settings(language="en", watch=("aws-config",))
    assert execute(access, make_plan(access, settings)).ok
    arn = send_test_notification(access, settings, load_catalog(), HOME)
    execution = client("stepfunctions", HOME).describe_execution(executionArn=arn)
    assert execution["stateMachineArn"] == machines(HOME)["changewatch-test-notify"]["arn"]
    given = json.loads(execution["input"])
    assert given["test"] is True and given["group"] == "aws-config"
    deployed = machines(HOME)["changewatch-test-notify"]["definition"]
    assert render(deployed, given).subject.startswith("[ChangeWatch][TEST][High] ")
