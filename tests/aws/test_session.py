"""Credentials on real accounts: MFA role profiles ask once (and again on expiry), never hang;
an unreachable endpoint is said within seconds."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import botocore.credentials
import pytest

from aws import session as aws_session
from aws.errors import ChangeWatchError, ErrorKind
from aws.session import AwsAccess, call

SERIAL = "arn:aws:iam::123456789012:mfa/alice"
ROLE = "arn:aws:iam::123456789012:role/admin"


@pytest.fixture
def mfa_profile(tmp_path, monkeypatch):
    """A profile `admin` that assumes a role with an MFA device, from keys in `base`."""
    (tmp_path / "aws-config").write_text(
        f"[profile admin]\nrole_arn = {ROLE}\nsource_profile = base\nmfa_serial = {SERIAL}\n"
        "region = us-west-2\n", encoding="utf-8")
    (tmp_path / "aws-credentials").write_text(
        "[base]\naws_access_key_id = AKIABASEBASEBASE0000\naws_secret_access_key = base\n",
        encoding="utf-8")
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key)
    monkeypatch.setattr(aws_session, "_ROLE_CACHE", {})
    return "admin"


@pytest.fixture
def asked(monkeypatch):
    """The MFA prompt the process uses, recording (profile, serial) per question."""
    questions: list[tuple[str, str]] = []

    def prompt(profile: str, serial: str) -> str:
        questions.append((profile, serial))
        return "123456"

    monkeypatch.setattr(aws_session, "_mfa_prompt", prompt)
    return questions


def test_no_terminal_refuses_at_once_naming_profile_and_mfa(moto, mfa_profile, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    started = time.monotonic()
    with pytest.raises(ChangeWatchError) as caught:
        AwsAccess(profile=mfa_profile).sign_in()
    assert time.monotonic() - started < 2
    assert caught.value.kind == ErrorKind.MFA_NEEDS_TERMINAL
    assert caught.value.profile == "admin" and caught.value.detail == SERIAL


def test_the_code_is_asked_once_for_the_process(moto, mfa_profile, asked):
    first = AwsAccess(profile=mfa_profile)
    first.sign_in()
    arn = call(first.client("sts", "us-west-2"), "get_caller_identity", "us-west-2")["Arn"]
    assert ":assumed-role/admin/" in arn
    second = AwsAccess(profile=mfa_profile)  # e.g. the next worker, or the next window
    call(second.client("sts", "us-east-1"), "get_caller_identity", "us-east-1")
    assert asked == [("admin", SERIAL)]


def test_expiry_asks_again(moto, mfa_profile, asked, monkeypatch):
    access = AwsAccess(profile=mfa_profile)
    sts = access.client("sts", "us-west-2")
    call(sts, "get_caller_identity", "us-west-2")
    # moto's role lasts 1 h; 47 min on, botocore refreshes (under 15 min left)
    later = botocore.credentials._local_now() + timedelta(minutes=47)
    monkeypatch.setattr(botocore.credentials, "_local_now", lambda: later)
    access._session._session.get_credentials()._time_fetcher = lambda: later
    call(sts, "get_caller_identity", "us-west-2")
    assert len(asked) == 2


def test_unreachable_endpoint_is_said_within_seconds(monkeypatch):
    monkeypatch.delenv("AWS_MAX_ATTEMPTS")  # the default retries, as a user has them
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing listens
    started = time.monotonic()
    with pytest.raises(ChangeWatchError) as caught:
        call(AwsAccess().client("sts", "us-east-1"), "get_caller_identity", "us-east-1")
    assert caught.value.kind == ErrorKind.UNREACHABLE
    assert time.monotonic() - started < 10  # was 29 s: ten attempts with backoff


def test_on_a_terminal_the_code_is_asked_naming_the_profile(monkeypatch):
    questions = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr(aws_session.getpass, "getpass",
                        lambda prompt: questions.append(prompt) or " 654321\n")
    assert aws_session.terminal_mfa_code("admin", SERIAL) == "654321"
    assert questions == [f"MFA code for profile admin ({SERIAL}): "]
