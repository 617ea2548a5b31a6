"""Exceptions for known automation: the patterns leave out excepted callers and source IPs,
alike in the project's matcher, moto's matcher and moto's TestEventPattern API; refused cases
exit 2 with a sentence."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from moto.events.models import EventPattern

import main
from aws.catalog import PATTERN_LIMIT, load_catalog
from aws.desired import PLACEHOLDER_IDENTITY, desired_state
from aws.errors import SettingsError
from aws.events import watched_rules
from aws.exception_text import no_email
from aws.exceptions import caller_pattern, except_in, excepted_by, without_exceptions
from aws.match import delivers, matches, to_eventbridge
from aws.preview import email_for, excepted_email, previews
from aws.settings import WatchException, validate
from aws.settings_file import save
from tests.aws.helpers import client, make_settings
from tests.aws.records import assumed_role, console_login, iam_user, record, sg_ingress

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
TERRAFORM = "arn:aws:sts::*:assumed-role/terraform-*/*"
CI_IP = "198.51.100.7"


def _settings(*exceptions: WatchException, **changes):
    return make_settings(regions=("us-east-1",), exceptions=exceptions, **changes)


def _event(identity: dict | None = None, ip: str = "203.0.113.10") -> dict:
    rec = sg_ingress(NOW)
    if identity is not None:
        rec["userIdentity"] = identity
    rec["sourceIPAddress"] = ip
    return to_eventbridge(rec)


def _rules(settings) -> list:
    state = desired_state(validate(settings), load_catalog(), PLACEHOLDER_IDENTITY)
    return [r for region in state.regions.values() for r in region.rules if not r.forwards]


def _matching(settings, event: dict) -> list[str]:
    """Names of the notifying rules that receive `event`, by the project's matcher; moto's
    matcher must agree on every rule."""
    found = []
    for rule in _rules(settings):
        ours = delivers(rule.pattern_dict, rule.state, event)
        assert EventPattern.load(rule.pattern).matches_event(event) == ours, rule.pattern
        if ours:
            found.append(rule.name)
    return found


EXCEPT_TERRAFORM = WatchException(groups=("security-groups",), callers=(TERRAFORM,))
EXCEPT_IP = WatchException(source_ips=(CI_IP,))

CASES = [
    # (exception, identity, source ip, rules that mail)
    (EXCEPT_TERRAFORM, assumed_role("terraform-prod", "run-1"), "203.0.113.10", 0),
    (EXCEPT_TERRAFORM, assumed_role("terraform-dev", "a/b"), "203.0.113.10", 0),
    (EXCEPT_TERRAFORM, assumed_role("terraform", "run-1"), "203.0.113.10", 1),  # no dash
    (EXCEPT_TERRAFORM, assumed_role("Terraform-prod", "run-1"), "203.0.113.10", 1),  # case
    (EXCEPT_TERRAFORM, iam_user("alice"), "203.0.113.10", 1),
    (EXCEPT_TERRAFORM, {"type": "AWSService", "invokedBy": "ec2.amazonaws.com"},
     "203.0.113.10", 1),  # no userIdentity.arn: anything-but alone would never match
    (EXCEPT_IP, iam_user("alice"), CI_IP, 0),
    (EXCEPT_IP, iam_user("alice"), "198.51.100.70", 1),
    (WatchException(callers=("arn:aws:iam::123456789012:role/ci/deployer",)),
     assumed_role("deployer", "build-7"), "203.0.113.10", 0),  # a role ARN covers its sessions
    (WatchException(callers=("arn:aws:iam::123456789012:user/bot",)), iam_user("bot"),
     "203.0.113.10", 0),
    (WatchException(callers=("arn:aws:iam::123456789012:user/bot",)), iam_user("bot2"),
     "203.0.113.10", 1),
    (WatchException(groups=("aws-config",), callers=(TERRAFORM,)),
     assumed_role("terraform-prod", "run-1"), "203.0.113.10", 1),  # another group's exception
]


@pytest.mark.parametrize(("exception", "identity", "ip", "count"), CASES)
def test_an_excepted_caller_matches_no_rule_and_anyone_else_exactly_one(exception, identity,
                                                                         ip, count):
    assert len(_matching(_settings(exception), _event(identity, ip))) == count


def test_without_exceptions_every_case_mails_once():
    for _, identity, ip, _ in CASES:
        assert len(_matching(_settings(), _event(identity, ip))) == 1


def test_moto_server_delivers_alike(moto):
    """Over the wire: the rule PutRule stored on the moto server forwards through PutEvents
    exactly the events the project's matcher says it matches (moto has no TestEventPattern)."""
    events, sqs = client("events", "us-east-1"), client("sqs", "us-east-1")
    queue = sqs.create_queue(QueueName="caught")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])
    settings = _settings(EXCEPT_TERRAFORM, EXCEPT_IP)
    pattern = next(r.pattern for r in _rules(settings) if r.group_id == "security-groups")
    events.put_rule(Name="excepting", EventPattern=pattern)
    events.put_targets(Rule="excepting", Targets=[
        {"Id": "q", "Arn": arn["Attributes"]["QueueArn"]}])
    for _, identity, ip, _ in CASES:
        event = _event(identity, ip)
        events.put_events(Entries=[{"Source": event["source"], "DetailType": event["detail-type"],
                                    "Detail": json.dumps(event["detail"])}])
        got = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        for message in got:
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
        assert len(got) == int(matches(json.loads(pattern), event)), (identity, ip)


def test_the_pattern_says_anything_but_or_absent():
    pattern = except_in({"detail": {"eventName": ["X"]}}, (EXCEPT_TERRAFORM, EXCEPT_IP))
    assert pattern["detail"]["userIdentity"]["$or"] == [
        {"arn": [{"anything-but": {"wildcard": [TERRAFORM]}}]}, {"arn": [{"exists": False}]}]
    assert pattern["detail"]["$or"] == [{"sourceIPAddress": [{"anything-but": [CI_IP]}]},
                                        {"sourceIPAddress": [{"exists": False}]}]
    assert without_exceptions(pattern) == {"detail": {"eventName": ["X"]}}
    exact = except_in({}, (WatchException(callers=("arn:aws:iam::123456789012:user/bot",)),))
    assert exact["detail"]["userIdentity"]["$or"][0] == {
        "arn": [{"anything-but": ["arn:aws:iam::123456789012:user/bot"]}]}


def test_root_groups_keep_their_patterns_under_an_all_groups_exception():
    catalog = load_catalog()
    settings = _settings(WatchException(callers=(TERRAFORM,)),
                         watch=("security-groups", "root-signin", "root-usage"))
    by_group = {r.group_id: r.pattern_dict for r in _rules(settings)}
    assert by_group["root-signin"] == catalog.group("root-signin").pattern
    assert by_group["root-usage"] == catalog.group("root-usage").pattern
    assert "$or" in by_group["security-groups"]["detail"]["userIdentity"]
    root = to_eventbridge(console_login(NOW))
    assert len(_matching(settings, root)) == 1


def test_a_role_arn_becomes_its_sessions():
    assert caller_pattern("arn:aws:iam::123456789012:role/path/to/ci") == (
        "arn:aws:sts::123456789012:assumed-role/ci/*")
    assert caller_pattern("arn:aws-cn:iam::*:role/tf-*") == "arn:aws-cn:sts::*:assumed-role/tf-*/*"
    assert caller_pattern(TERRAFORM) == TERRAFORM


def test_many_exceptions_split_rules_and_every_pattern_fits():
    callers = tuple(f"arn:aws:sts::123456789012:assumed-role/pipeline-{i:02d}/*"
                    for i in range(30))
    settings = _settings(WatchException(groups=("security-groups",), callers=callers))
    rules = [r for r in _rules(settings) if r.group_id == "security-groups"]
    assert len(rules) > 1
    assert all(len(r.pattern) <= PATTERN_LIMIT for r in rules)
    excepted = _event(assumed_role("pipeline-07", "x"))
    other = _event(assumed_role("pipeline-99", "x"))
    assert _matching(settings, excepted) == []
    assert len(_matching(settings, other)) == 1


def test_excepted_by_names_the_exception_and_the_caller():
    group = load_catalog().group("security-groups")
    found = excepted_by((EXCEPT_IP, EXCEPT_TERRAFORM), group,
                        _event(assumed_role("terraform-prod", "run-1")))
    assert found is not None and found.exception == EXCEPT_TERRAFORM and found.by == TERRAFORM
    assert excepted_by((EXCEPT_TERRAFORM,), group, _event(iam_user())) is None
    root = load_catalog().group("root-signin")
    assert excepted_by((WatchException(callers=("arn:aws:iam::123456789012:*",)),), root,
                       to_eventbridge(console_login(NOW))) is None


def test_preview_says_no_email_excepted_by():
    settings = validate(_settings(EXCEPT_TERRAFORM))
    state = desired_state(settings, load_catalog(), PLACEHOLDER_IDENTITY)
    event = _event(assumed_role("terraform-prod", "run-1"))
    assert email_for(state, event) is None
    rule, found = excepted_email(state, event)
    assert rule.group_id == "security-groups" and found.by == TERRAFORM
    assert excepted_email(state, _event(iam_user())) is None
    assert email_for(state, _event(iam_user())) is not None


def test_the_preview_of_an_excepted_sample_has_no_email():
    sso = "arn:aws:sts::*:assumed-role/AWSReservedSSO_*/*"  # the sample's caller
    sample_caller = WatchException(callers=(sso,))
    settings = validate(make_settings(exceptions=(sample_caller,)))
    state = desired_state(settings, load_catalog(), PLACEHOLDER_IDENTITY)
    by_group = {p.group_id: p for p in previews(state, load_catalog())}
    assert by_group["security-groups"].email is None
    assert by_group["security-groups"].excepted.by == sso
    assert by_group["root-signin"].email is not None and by_group["root-signin"].excepted is None


def test_the_event_log_reads_without_exceptions():
    settings = validate(_settings(EXCEPT_TERRAFORM))
    watched = [r for r in watched_rules(settings, load_catalog())
               if r.group_id == "security-groups"]
    assert watched and all("$or" not in json.dumps(r.pattern) for r in watched)


REFUSED = [
    (WatchException(groups=("root-signin",), callers=(TERRAFORM,)), "root-signin"),
    (WatchException(groups=("root-usage",), source_ips=(CI_IP,)), "root-usage"),
    (WatchException(source_ips=("10.0.0.0/8",)), "cidr"),
    (WatchException(source_ips=("ci.example.com",)), "not an ip address"),
    (WatchException(callers=(TERRAFORM,), source_ips=(CI_IP,)), "not both"),
    (WatchException(callers=("terraform",)), "not an arn"),
    (WatchException(callers=("arn:*",)), "any user or any role"),
    (WatchException(callers=("arn:aws:sts::*:assumed-role/*",)), "any user or any role"),
    (WatchException(callers=("arn:aws:iam::123456789012:user/*",)), "any user or any role"),
    (WatchException(callers=("arn:aws:sts::**:assumed-role/x/*",)), "arn pattern"),
    (WatchException(groups=("nope",), callers=(TERRAFORM,)), "unknown group"),
    (WatchException(), "callers or source ips"),
    (WatchException(callers=tuple(f"arn:aws:sts::123456789012:assumed-role/{'r' * 60}-{i}/*"
                                  for i in range(30))), "2048-character limit"),
]


@pytest.mark.parametrize(("exception", "words"), REFUSED)
def test_refused_exceptions_exit_2_with_a_sentence(tmp_path, capsys, exception, words):
    with pytest.raises(SettingsError):
        validate(_settings(exception))
    path = tmp_path / "cw.toml"
    save(_settings(exception), path)
    # AWS_ENDPOINT_URL points at a closed port: any AWS call would fail with exit 1.
    assert main.main(["plan", "--config", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and words in err.lower()


def test_refusals_read_in_japanese_too(tmp_path, capsys):
    path = tmp_path / "cw.toml"
    save(_settings(WatchException(source_ips=("10.0.0.0/8",))), path)
    assert main.main(["plan", "--config", str(path), "--lang", "ja"]) == 2
    assert "CIDR 範囲を除外できない" in capsys.readouterr().err


def test_a_one_address_cidr_is_the_address():
    settings = _settings(WatchException(source_ips=(f"{CI_IP}/32",)))
    assert _matching(settings, _event(iam_user(), CI_IP)) == []


def test_an_event_without_source_ip_still_mails():
    rec = record("AuthorizeSecurityGroupIngress", NOW)
    del rec["sourceIPAddress"]
    assert len(_matching(_settings(EXCEPT_IP), to_eventbridge(rec))) == 1


def test_plan_lists_the_exceptions_in_force_with_their_risk(moto, tmp_path, capsys):
    path = tmp_path / "cw.toml"
    save(_settings(EXCEPT_TERRAFORM), path)
    assert main.main(["plan", "--config", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Exceptions in force" in out and "stolen" in out
    assert f"• {TERRAFORM} — in Security group changes" in out
    assert main.main(["plan", "--config", str(path), "--lang", "ja"]) == 0
    assert "有効な例外" in capsys.readouterr().out


def test_no_email_words():
    found = excepted_by((EXCEPT_TERRAFORM,), load_catalog().group("security-groups"),
                        _event(assumed_role("terraform-prod", "run-1")))
    assert no_email(found, "en") == f"no email (excepted by {TERRAFORM})"
    assert TERRAFORM in no_email(found, "ja")
