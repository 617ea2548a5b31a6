"""Previews are the deployed notification itself: the rule's transformer (simple) or the
formatter's definition (rich), for a sample or any event."""

from __future__ import annotations

from aws.catalog import load_catalog
from aws.desired import PLACEHOLDER_IDENTITY, desired_state
from aws.match import to_eventbridge
from aws.preview import SIMPLE_SUBJECT, email_for, previews
from tests.aws.helpers import make_settings, per_region
from tests.aws.samples import records

CATALOG = load_catalog()


def _state(settings):
    return desired_state(settings, CATALOG, PLACEHOLDER_IDENTITY)


def test_a_simple_rule_watching_one_api_names_its_label():
    settings = per_region(watch=("ec2:ModifySecurityGroupRules",), language="en")
    [preview] = previews(_state(settings), CATALOG)
    assert preview.event_name == "ModifySecurityGroupRules"
    label = CATALOG.group("security-groups").label(preview.event_name, "en")
    assert label and label in preview.email.body.splitlines()[0]
    assert preview.email.subject == SIMPLE_SUBJECT
    [whole] = previews(_state(per_region(watch=("security-groups",), language="en")), CATALOG)
    assert label not in whole.email.body.splitlines()[0]  # many APIs: the group's title only


def test_rich_previews_come_from_the_formatter_of_the_home_region():
    state = _state(make_settings(language="en"))
    found = previews(state, CATALOG)
    assert [p.group_id for p in found] == ["security-groups", "aws-config", "root-signin"]
    machine = state.regions["ap-northeast-1"].state_machine
    assert machine is not None
    assert all(p.email and p.email.subject and p.email.subject != SIMPLE_SUBJECT
               for p in found)


def test_an_event_from_another_region_is_mailed_by_the_home_formatter():
    state = _state(make_settings(language="en"))
    record = records("security-groups")[0]
    record["awsRegion"] = "us-west-2"
    rule, email = email_for(state, to_eventbridge(record))
    assert rule.group_id == "security-groups" and not rule.forwards
    assert rule.arn.split(":")[3] == "ap-northeast-1"
    assert email.subject


def test_an_event_no_rule_watches_has_no_email():
    state = _state(make_settings(watch=("aws-config",)))
    assert email_for(state, to_eventbridge(records("security-groups")[0])) is None
