"""Bad inputs and refusals, on the wire: each gets a sentence that says what to do, nothing is
left untracked, and a re-run after the fix finishes. The published list: docs/bad-inputs.md."""

from __future__ import annotations

import pytest

import main
from aws.execute import execute
from aws.messages import describe
from aws.names import TAG_KEY
from aws.session import AwsAccess
from aws.settings_file import save
from sandbox.faults import FaultProxy
from tests.aws.helpers import client, make_plan, per_region, remove, rules, topics

REGIONS = ("ap-northeast-1", "us-west-2", "us-east-1")
JSON_DENIED = ("AccessDeniedException", 400)   # EventBridge
SNS_DENIED = ("AuthorizationError", 403)       # SNS
STS_DENIED = ("AccessDenied", 403)             # STS


@pytest.fixture
def proxy(moto, monkeypatch):
    proxy = FaultProxy(moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL", proxy.start())
    yield proxy
    proxy.stop()


def _untracked() -> list[str]:
    """changewatch-… resources without our tag: there must never be any."""
    left = []
    for region in REGIONS:
        left += [a for a, tags in topics(region).items() if TAG_KEY not in tags]
        left += [n for n, r in rules(region).items() if TAG_KEY not in r["tags"]]
    return left


def _failure(access, settings):
    """The first error apply meets, from planning or from running."""
    try:
        plan = make_plan(access, settings)
    except Exception as exc:  # noqa: BLE001 - the error is what we test
        return exc
    if plan.errors:
        return plan.errors[0]
    result = execute(access, plan)
    return next((r.error for r in result.regions if r.error), None)


APPLY_CALLS = [("GetCallerIdentity", STS_DENIED), ("ListTopics", SNS_DENIED),
               ("ListRules", JSON_DENIED), ("CreateTopic", SNS_DENIED),
               ("PutRule", JSON_DENIED), ("Subscribe", SNS_DENIED), ("PutTargets", JSON_DENIED)]
RE_APPLY_CALLS = [("ListTagsForResource", SNS_DENIED), ("GetTopicAttributes", SNS_DENIED),
                  ("ListSubscriptionsByTopic", SNS_DENIED), ("ListTargetsByRule", JSON_DENIED),
                  ("SetTopicAttributes", SNS_DENIED)]
REMOVE_CALLS = [("RemoveTargets", JSON_DENIED), ("DeleteRule", JSON_DENIED),
                ("DeleteTopic", SNS_DENIED)]


@pytest.mark.parametrize(("operation", "refusal"), APPLY_CALLS)
def test_access_denied_on_each_apply_call(proxy, operation, refusal):
    proxy.refuse[operation] = refusal
    access = AwsAccess()
    error = _failure(access, per_region())
    text = describe(error, "en")
    assert error.kind == "access_denied" and operation in text and "administrator" in text
    assert "権限がありません" in describe(error, "ja")
    proxy.refuse.clear()
    assert _untracked() == []
    assert execute(access, make_plan(access, per_region())).ok
    assert make_plan(access, per_region()).instructions == ()


@pytest.mark.parametrize(("operation", "refusal"), RE_APPLY_CALLS)
def test_access_denied_when_reading_or_updating_an_existing_setup(proxy, operation, refusal):
    access = AwsAccess()
    assert execute(access, make_plan(access, per_region())).ok
    client("sns", "us-west-2").set_topic_attributes(  # drift, so the update is needed
        TopicArn=next(iter(topics("us-west-2"))), AttributeName="DisplayName",
        AttributeValue="changed by hand")
    proxy.refuse[operation] = refusal
    error = _failure(access, per_region())
    assert error.kind == "access_denied" and operation in describe(error, "en")
    proxy.refuse.clear()
    assert execute(access, make_plan(access, per_region())).ok


@pytest.mark.parametrize(("operation", "refusal"), REMOVE_CALLS)
def test_access_denied_during_remove_then_finished(proxy, operation, refusal):
    access = AwsAccess()
    assert execute(access, make_plan(access, per_region())).ok
    proxy.refuse[operation] = refusal
    result = remove(access, "test", REGIONS)
    assert not result.ok
    error = next(r.error for r in result.regions if r.error)
    assert error.kind == "access_denied" and operation in describe(error, "en")
    proxy.refuse.clear()
    assert remove(access, "test", REGIONS).ok
    assert all(not topics(r) and not rules(r) for r in REGIONS)


CREDENTIAL_REFUSALS = [
    (("ExpiredToken", 403), "have expired"),
    (("InvalidClientTokenId", 403), "did not accept the credentials"),
    (("SignatureDoesNotMatch", 403), "did not accept the credentials"),
    (("OptInRequired", 403), "is not enabled for this account"),
    (("Throttling", 400), "kept throttling"),
]


@pytest.mark.parametrize(("refusal", "words"), CREDENTIAL_REFUSALS)
def test_credential_and_region_refusals_exit_1_with_a_sentence(
        proxy, tmp_path, capsys, refusal, words):
    proxy.refuse["*"] = refusal
    config = tmp_path / "cw.toml"
    save(per_region(), config)
    assert main.main(["apply", "--config", str(config), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    proxy.refuse.clear()
    assert all(not topics(r) and not rules(r) for r in REGIONS)


def test_no_credentials_at_all(moto, tmp_path, capsys, monkeypatch):
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    config = tmp_path / "cw.toml"
    save(per_region(), config)
    assert main.main(["plan", "--config", str(config), "--lang", "en"]) == 1
    assert "No AWS credentials were found" in capsys.readouterr().err


def test_sso_login_expired(moto, tmp_path, capsys, monkeypatch):
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key)
    (tmp_path / "aws-config").write_text(
        "[profile work]\nsso_session = corp\nsso_account_id = 123456789012\n"
        "sso_role_name = Admin\nregion = ap-northeast-1\n\n[sso-session corp]\n"
        "sso_start_url = https://corp.awsapps.com/start\nsso_region = ap-northeast-1\n")
    monkeypatch.setenv("HOME", str(tmp_path))  # no cached SSO token
    config = tmp_path / "cw.toml"
    save(per_region(profile="work"), config)
    assert main.main(["plan", "--config", str(config), "--lang", "en"]) == 1
    assert "aws sso login --profile work" in capsys.readouterr().err


def test_unknown_profile(moto, tmp_path, capsys):
    config = tmp_path / "cw.toml"
    save(per_region(profile="nosuch"), config)
    # a settings problem (nothing was called): exit 2, as for any other bad setting
    assert main.main(["plan", "--config", str(config), "--lang", "en"]) == 2
    assert "nosuch does not exist" in capsys.readouterr().err
