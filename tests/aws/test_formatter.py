"""The rich email, rendered by evaluating the deployed definition itself, for every sample."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from aws.catalog import load_catalog
from aws.formatter import definition, render, words
from tests.aws.samples import all_samples

CATALOG = load_catalog()
SAMPLES = all_samples()
TOPIC = "arn:aws:sns:ap-northeast-1:123456789012:changewatch-test"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
REQUEST = {"en": "Request parameters:", "ja": "リクエストパラメータ:"}
EMPTY_FIELD = re.compile(r"^[^\s{}\[\]\"][^:{}\"]*:\s*$")


def _definition(lang: str, zone: str = "Asia/Tokyo") -> str:
    return definition(TOPIC, CATALOG.groups, lang, zone, now=NOW)


DEFINITIONS = {lang: _definition(lang) for lang in ("ja", "en")}


def _email(group_id: str, event: dict, lang: str, **extra):
    return render(DEFINITIONS[lang], {"group": group_id, "event": event, **extra})


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("group_id", "event"), SAMPLES,
                         ids=[f"{g}-{e['detail']['eventName']}" for g, e in SAMPLES])
def test_every_sample_reads_well(group_id, event, lang):
    group = CATALOG.group(group_id)
    email = _email(group_id, event, lang)
    detail = event["detail"]
    assert len(email.subject) < 100 and "\n" not in email.subject
    assert email.subject.startswith(f"[ChangeWatch][{words.SEVERITY[lang][group.severity]}] ")
    assert group.phrase_of(detail["eventName"], lang) in email.subject
    assert event["region"] in email.subject
    assert not re.search(r"\bnull\b", email.body)
    empty = [line for line in email.body.splitlines()
             if EMPTY_FIELD.match(line) and line != REQUEST[lang]]
    assert not empty
    assert "\n\n\n" not in email.body and email.body == email.body.strip()
    for expected in (detail["eventID"], event["account"], detail["sourceIPAddress"]):
        assert expected in email.body
    utc = detail["eventTime"].replace("T", " ").removesuffix("Z")
    assert f"{utc} UTC" in email.body
    assert "(Asia/Tokyo, UTC+09:00)" in email.body
    assert ("errorCode" in detail) == any(
        line.startswith(("Error: ", "エラー: ")) for line in email.body.splitlines())


def _sample(group_id: str, name: str) -> dict:
    return next(e for g, e in SAMPLES if g == group_id and e["detail"]["eventName"] == name)


@pytest.mark.parametrize(("name", "lang", "line"), [
    ("AuthorizeSecurityGroupIngress", "en", "Inbound: TCP port 22 from 0.0.0.0/0 (anywhere)"),
    ("AuthorizeSecurityGroupIngress", "ja",
     "インバウンド: TCP ポート 22、送信元 0.0.0.0/0 (すべての IP アドレス)"),
    ("AuthorizeSecurityGroupEgress", "en", "Outbound: TCP port 5432 to 10.20.32.0/20"),
    ("RevokeSecurityGroupEgress", "en", "Outbound: all traffic to 0.0.0.0/0 (anywhere)"),
    ("ModifySecurityGroupRules", "en",
     "Rule sgr-0123456789abcdef0: TCP port 22, 203.0.113.0/24"),
])
def test_security_group_permissions_in_words(name, lang, line):
    email = _email("security-groups", _sample("security-groups", name), lang)
    assert line in email.body.splitlines()


def test_the_subject_names_the_opened_port():
    email = _email("security-groups", _sample("security-groups",
                                              "AuthorizeSecurityGroupIngress"), "en")
    assert email.subject.startswith(
        "[ChangeWatch][High] Inbound access opened: TCP 22 from 0.0.0.0/0 — sg-")
    assert email.subject.endswith(" ap-northeast-1")


@pytest.mark.parametrize(("lang", "lines"), [
    ("ja", ["サインイン: 成功", "MFA: 未使用", "実行者: ルートユーザー"]),
    ("en", ["Sign-in: succeeded", "MFA: not used", "Who: root user"]),
])
def test_sign_in_in_the_readers_words(lang, lines):
    event = [e for g, e in SAMPLES if g == "root-signin"][1]
    email = _email("root-signin", event, lang)
    for line in lines:
        assert line in email.body.splitlines()
    assert "Success" not in email.body.split("\n\n")[0]
    assert email.subject.startswith({"ja": "[ChangeWatch][重大] ルートユーザーがサインイン — ",
                                     "en": "[ChangeWatch][Critical] Root user signed in — "}[lang])


def test_config_names_the_recorder_channel_and_rule():
    for name, line in [("StopConfigurationRecorder", "Config recorder: default"),
                       ("DeleteDeliveryChannel", "Delivery channel: default")]:
        email = _email("aws-config", _sample("aws-config", name), "en")
        assert line in email.body.splitlines()
    email = _email("aws-config", _sample("aws-config", "PutConfigRule"), "en")
    assert any(line.startswith("Config rule: ") for line in email.body.splitlines())


def test_a_role_session_is_named_with_its_role():
    event = _sample("unauthorized-api-calls", "GetParameter")
    email = _email("unauthorized-api-calls", event, "en")
    assert ("Who: taro.yamada@example.com (role "
            "AWSReservedSSO_AdministratorAccess_4f3c2a1b0e9d8c7b)") in email.body.splitlines()
    assert email.subject.startswith("[ChangeWatch][Medium] Unauthorized API call: ssm:GetParameter")


def test_account_names_are_shown_when_given():
    text = definition(TOPIC, CATALOG.groups, "en", "UTC", now=NOW,
                      account_names={"123456789012": "Production"})
    group_id, event = SAMPLES[0]
    email = render(text, {"group": group_id, "event": event})
    assert "Account: 123456789012 (Production)" in email.body.splitlines()
    assert "Time (UTC): " in email.body and "Time: " not in email.body  # UTC: one line


def test_a_test_notification_says_so_in_subject_and_body():
    group_id, event = SAMPLES[0]
    for lang, mark in (("en", "[TEST]"), ("ja", "[テスト]")):
        email = _email(group_id, event, lang, test=True)
        assert email.subject.startswith(f"[ChangeWatch]{mark}[")
        assert email.body.startswith(mark)
        assert mark not in _email(group_id, event, lang).subject


@pytest.mark.parametrize(("when", "local"), [
    ("2026-03-08T06:59:59Z", "2026-03-08 01:59:59 EST (America/New_York, UTC-05:00)"),
    ("2026-03-08T07:00:00Z", "2026-03-08 03:00:00 EDT (America/New_York, UTC-04:00)"),
    ("2026-11-01T05:59:59Z", "2026-11-01 01:59:59 EDT (America/New_York, UTC-04:00)"),
    ("2026-11-01T06:00:00Z", "2026-11-01 01:00:00 EST (America/New_York, UTC-05:00)"),
    ("2035-07-01T12:00:00Z", "2035-07-01 08:00:00 EDT (America/New_York, UTC-04:00)"),
])
def test_local_time_is_right_on_both_sides_of_daylight_saving(when, local):
    text = definition(TOPIC, CATALOG.groups, "en", "America/New_York", now=NOW)
    group_id, event = SAMPLES[0]
    event = {**event, "detail": {**event["detail"], "eventTime": when}}
    body = render(text, {"group": group_id, "event": event}).body
    assert f"Time: {local}" in body.splitlines()
    assert f"Time (UTC): {when[:10]} {when[11:19]} UTC" in body.splitlines()
