"""The rules' patterns, as PutRule gets them, against every sample event (EventBridge semantics)."""

from __future__ import annotations

import copy
import json

import pytest

from aws.catalog import PATTERN_LIMIT, compact, load_catalog, rule_patterns
from aws.desired import desired_state
from aws.match import delivers, to_eventbridge
from aws.session import Identity
from tests.aws.helpers import make_settings
from tests.aws.samples import all_samples, negatives

CATALOG = load_catalog()
EVERYTHING = make_settings(regions=("ap-northeast-1", "us-west-2", "eu-west-1", "us-east-1"),
                           watch=tuple(g.id for g in CATALOG.groups))
IDENTITY = Identity("123456789012", "arn:aws:iam::123456789012:user/test")


def _rules_in(region: str):
    return desired_state(EVERYTHING, CATALOG, IDENTITY).regions[region].rules


def _matching(event: dict) -> set[str]:
    return {r.group_id for r in _rules_in(event["region"])
            if delivers(r.pattern_dict, r.state, event)}


@pytest.mark.parametrize(("group_id", "event"), all_samples(),
                         ids=[f"{g}-{e['detail']['eventName']}" for g, e in all_samples()])
def test_each_sample_reaches_its_groups_rule_and_no_other(group_id, event):
    assert _matching(event) == {group_id}


@pytest.mark.parametrize("event", negatives(), ids=lambda e: e["detail"]["eventName"])
def test_read_only_calls_and_put_evaluations_reach_no_rule(event):
    assert _matching(event) == set()


def test_read_only_calls_reach_only_rules_that_ask_for_all_management_events():
    denied = to_eventbridge({
        "eventVersion": "1.08", "eventSource": "ec2.amazonaws.com",
        "eventName": "DescribeInstances", "awsRegion": "us-west-2", "readOnly": True,
        "errorCode": "Client.UnauthorizedOperation", "eventTime": "2026-11-20T00:00:00Z",
        "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::123456789012:user/bob"},
        "recipientAccountId": "123456789012", "eventID": "x", "eventType": "AwsApiCall"})
    unauthorized = next(r for r in _rules_in("us-west-2") if r.group_id == "unauthorized-api-calls")
    assert unauthorized.state == "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
    assert delivers(unauthorized.pattern_dict, unauthorized.state, denied)
    assert not delivers(unauthorized.pattern_dict, "ENABLED", denied)


def test_only_the_groups_that_need_read_only_events_ask_for_them():
    states = {g.id: g.state for g in CATALOG.groups}
    assert {g for g, s in states.items() if s != "ENABLED"} == {
        "unauthorized-api-calls", "root-usage"}


def test_a_subset_of_names_matches_only_those_names():
    group = CATALOG.group("security-groups")
    [pattern] = rule_patterns(group, frozenset({"ModifySecurityGroupRules"}))
    for _, event in (s for s in all_samples() if s[0] == "security-groups"):
        expected = event["detail"]["eventName"] == "ModifySecurityGroupRules"
        assert delivers(pattern, "ENABLED", event) == expected


def test_every_pattern_fits_and_long_lists_split():
    for group in CATALOG.groups:
        for pattern in rule_patterns(group, frozenset(group.event_names)):
            assert len(compact(pattern)) <= PATTERN_LIMIT
    big = copy.deepcopy(CATALOG.group("organizations-changes"))
    names = [f"VeryLongOrganizationsOperationName{i:03d}" for i in range(80)]
    object.__setattr__(big, "events", tuple(
        type(big.events[0])(n, big.events[0].label) for n in names))
    parts = rule_patterns(big, frozenset(names))
    assert len(parts) >= 2
    assert all(len(compact(p)) <= PATTERN_LIMIT for p in parts)
    assert sorted(n for p in parts for n in p["detail"]["eventName"]) == sorted(names)


def test_sign_in_groups_match_on_source_and_event_name():
    for group_id in ("root-signin", "signin-without-mfa", "console-auth-failures"):
        pattern = CATALOG.group(group_id).pattern
        assert pattern["source"] == ["aws.signin"]
        assert pattern["detail"]["eventName"] == ["ConsoleLogin"]


def test_pattern_json_is_what_put_rule_gets():
    rule = _rules_in("us-west-2")[0]
    assert json.loads(rule.pattern) == rule.pattern_dict


def test_watch_ids_round_trip_including_fixed_groups_without_names():
    from aws.catalog import resolve_watch, watch_ids

    every = tuple(g.id for g in CATALOG.groups)
    selection = resolve_watch(CATALOG, every)
    assert selection["unauthorized-api-calls"] == frozenset()
    assert watch_ids(CATALOG, selection) == every
    partial = resolve_watch(CATALOG, ("ec2:ModifySecurityGroupRules", "root-usage"))
    assert watch_ids(CATALOG, partial) == ("ec2:ModifySecurityGroupRules", "root-usage")
