"""The compliance-change alert: its pattern matches the deployment's rules only, and both
notification paths say in words which resource became non-compliant under which rule."""

from __future__ import annotations

import copy

import pytest

from aws import resources
from aws.catalog import load_catalog
from aws.desired import PLACEHOLDER_IDENTITY, desired_state
from aws.events import watched_rules
from aws.match import matches
from aws.preview import email_of_event
from aws.settings import Delivery, Notifications
from tests.aws.helpers import make_settings

SAMPLES = resources.read_json("samples", "compliance", "restricted-ssh.json")
NON_COMPLIANT, COMPLIANT = SAMPLES


def settings(**changes):
    return make_settings(compliance=("restricted-ssh",), **changes)


def alert_pattern(s):
    state = desired_state(s, load_catalog(), PLACEHOLDER_IDENTITY)
    return next(r for r in state.regions["ap-northeast-1"].rules
                if r.group_id == "compliance").pattern_dict


def renamed(event: dict, rule: str) -> dict:
    event = copy.deepcopy(event)
    event["detail"]["configRuleName"] = rule
    return event


def test_the_pattern_matches_the_deployments_rule_and_no_other():
    pattern = alert_pattern(settings())
    assert matches(pattern, NON_COMPLIANT)
    assert not matches(pattern, COMPLIANT)  # back to compliant: no alarm
    assert not matches(pattern, renamed(NON_COMPLIANT, "changewatch-other-restricted-ssh"))
    assert not matches(pattern, renamed(NON_COMPLIANT, "restricted-ssh"))
    other = alert_pattern(settings(deployment="other"))
    assert not matches(other, NON_COMPLIANT)
    assert matches(other, renamed(NON_COMPLIANT, "changewatch-other-restricted-ssh"))


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("Non-compliant: SSH open to the internet",
            "Non-compliant resource: sg-0a1b2c3d4e5f60718",
            "Config rule: changewatch-test-restricted-ssh", "Evaluation: non-compliant",
            "Previous evaluation: compliant")),
    ("ja", ("非準拠: SSH がインターネットに開放", "非準拠のリソース: sg-0a1b2c3d4e5f60718",
            "Config ルール: changewatch-test-restricted-ssh", "評価: 非準拠")),
])
def test_the_rich_email_names_the_resource_and_the_rule(lang, words):
    email = email_of_event(settings(language=lang, timezone="Asia/Tokyo"), load_catalog(),
                           NON_COMPLIANT)
    assert email.subject.startswith("[ChangeWatch][High]" if lang == "en" else
                                    "[ChangeWatch][高]")
    assert words[0] in email.subject and "sg-0a1b2c3d4e5f" in email.subject
    assert len(email.subject) < 100
    for word in words:
        assert word in email.subject + "\n" + email.body
    assert "<" not in email.body and "None" not in email.body and "null" not in email.body


def test_the_simple_email_names_the_resource_and_the_rule():
    email = email_of_event(settings(delivery=Delivery.PER_REGION,
                                    notifications=Notifications.SIMPLE, language="en"),
                           load_catalog(), NON_COMPLIANT)
    assert ("sg-0a1b2c3d4e5f60718 is NON_COMPLIANT with AWS Config rule "
            "changewatch-test-restricted-ssh") in email.body
    assert "(was COMPLIANT)" in email.body
    assert "<" not in email.body.replace("<aws", "")


def test_the_event_log_asks_cloudtrail_for_no_config_event():
    rules = watched_rules(settings(), load_catalog())
    assert rules and all(r.group_id != "compliance" for r in rules)
