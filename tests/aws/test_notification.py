"""The notification text: one transformer per rule, rendered exactly as the email reads."""

from __future__ import annotations

import re

import pytest

from aws.catalog import load_catalog
from aws.jsonpath import resolve_path
from aws.notification import MAX_PATHS, MAX_TEMPLATE, render, transformer
from tests.aws.samples import all_samples

SAMPLES = all_samples()


def _resource(event: dict, group) -> str:
    values = [resolve_path(event, p) for _, p in group.resource_paths]
    return next((v for v in values if isinstance(v, str) and v), "")


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("group_id", "event"), SAMPLES,
                         ids=[f"{g}-{e['detail']['eventName']}" for g, e in SAMPLES])
def test_rendered_text_names_everything_a_reader_needs(group_id, event, lang):
    group = load_catalog().group(group_id)
    text = render(transformer(group, lang), event, f"changewatch-{group_id}")
    detail = event["detail"]
    who = detail["userIdentity"].get("arn") or detail["userIdentity"]["userName"]
    for expected in (detail["eventName"], who, event["region"],
                     event["account"], detail["eventTime"], detail["eventID"]):
        assert expected in text
    if group.resource_paths and not group.fixed:
        assert _resource(event, group) in text
    assert ("発生日時" in text) == (lang == "ja")
    assert ("Time (UTC)" in text) == (lang == "en")
    assert group.title.get(lang) in text
    assert "<" not in text.replace("<", "", 0) or "<eventName>" not in text


def test_transformers_stay_within_eventbridge_limits():
    for group in load_catalog().groups:
        for lang in ("ja", "en"):
            tf = transformer(group, lang)
            assert len(tf.paths) <= MAX_PATHS
            assert len(tf.template) <= MAX_TEMPLATE
            assert not tf.template.lstrip().startswith("{")  # free text, not quoted lines
            names = {name for name, _ in tf.paths}
            assert all(path.startswith("$.") for _, path in tf.paths)
            for name in names:
                assert f"<{name}>" in tf.template


def test_objects_lose_their_inner_quotes_as_aws_delivers_them():
    group = load_catalog().group("security-groups")
    tf = transformer(group, "en")
    event = {"account": "1", "region": "r", "detail": {
        "eventName": "X", "requestParameters": {"groupId": "sg-1", "n": [1, True, None]}}}
    text = render(tf, event)
    assert "{groupId:sg-1,n:[1,true,null]}" in text.splitlines()
    assert "<errorCode>" not in text and "Error" not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("group_id", "event"), SAMPLES,
                         ids=[f"{g}-{e['detail']['eventName']}" for g, e in SAMPLES])
def test_no_null_no_stray_brackets_no_empty_error_line(group_id, event, lang):
    group = load_catalog().group(group_id)
    tf = transformer(group, lang)
    text = render(tf, event, f"changewatch-{group_id}")
    lines = text.splitlines()
    null_request = "request" in dict(tf.paths) and event["detail"].get("requestParameters",
                                                                        0) is None
    # An API called without parameters (LeaveOrganization) has a null request: a transformer
    # cannot leave out the one line of a rule that also watches APIs with parameters.
    nulls = [line for line in lines if re.search(r"\bnull\b", line)]
    assert nulls == (["null"] if null_request else [])
    assert "( " not in text and " )" not in text and "（ " not in text
    error_line = any(line.startswith(("Error:", "エラー:")) for line in lines)
    detail = group.pattern.get("detail", {})
    assert error_line == ("errorCode" in detail or "errorMessage" in detail)


def test_a_sign_in_fixed_by_the_pattern_is_in_words():
    group = load_catalog().group("signin-without-mfa")
    [event, _] = [e for g, e in SAMPLES if g == "signin-without-mfa"]
    ja = render(transformer(group, "ja"), event)
    assert "サインイン: 成功、MFA: 未使用" in ja.splitlines()
    assert "Success" not in ja and "MFA 使用: No" not in ja
    en = render(transformer(group, "en"), event)
    assert "Sign-in: succeeded, MFA: not used" in en.splitlines()


def test_rule_name_variable_is_filled():
    group = load_catalog().group("security-groups")
    text = render(transformer(group, "en"), SAMPLES[0][1], "changewatch-security-groups")
    assert "rule changewatch-security-groups." in text
