"""Settings: TOML round trip and every refusal, before any AWS call."""

from __future__ import annotations

import pytest

from aws.errors import SettingsError
from aws.settings import is_valid_email, validate
from aws.settings_file import load, save
from tests.aws.helpers import make_settings


def test_round_trip(tmp_path):
    settings = make_settings(profile="prod", kms_key="alias/cw")
    save(settings, tmp_path / "s.toml")
    assert load(tmp_path / "s.toml") == settings


@pytest.mark.parametrize("text", ["ops@example.com", "a.b+c@sub.example.co.jp"])
def test_valid_emails(text):
    assert is_valid_email(text)


@pytest.mark.parametrize("text", ["", "ops", "ops@", "ops@example", "o ps@example.com",
                                  "ops@@example.com", "ops@example.c"])
def test_invalid_emails(text):
    assert not is_valid_email(text)


@pytest.mark.parametrize(("changes", "words"), [
    ({"email": "nope"}, "email"),
    ({"regions": ()}, "no regions"),
    ({"regions": ("mars-north-1",)}, "unknown region mars-north-1"),
    ({"watch": ("no-such-group",)}, "unknown watch id"),
    ({"watch": ("ec2:NoSuchCall",)}, "unknown watch id"),
    ({"watch": ()}, "nothing is selected"),
    ({"language": "fr"}, "language"),
])
def test_bad_settings_are_refused(changes, words):
    with pytest.raises(SettingsError) as caught:
        validate(make_settings(**changes))
    assert words in caught.value.detail


@pytest.mark.parametrize(("text", "words"), [
    ("regions = [", "not valid TOML"),
    ('regions = "us-east-1"\nemail = "a@b.co"\nwatch = ["aws-config"]', "list of strings"),
    ('colour = "red"', "unknown setting colour"),
])
def test_bad_files_are_refused(tmp_path, text, words):
    path = tmp_path / "s.toml"
    path.write_text(text)
    with pytest.raises(SettingsError) as caught:
        load(path)
    assert words in caught.value.detail


def test_unreadable_file(tmp_path):
    with pytest.raises(SettingsError) as caught:
        load(tmp_path / "missing.toml")
    assert "cannot read" in caught.value.detail


def test_the_aws_managed_sns_key_is_refused():
    with pytest.raises(SettingsError) as caught:
        validate(make_settings(kms_key="alias/aws/sns"))
    assert "EventBridge cannot publish" in caught.value.detail
    validate(make_settings(kms_key="alias/changewatch"))


def test_every_setting_round_trips(tmp_path):
    from aws.settings import Delivery, Notifications, Remediation, WatchException

    settings = make_settings(
        delivery=Delivery.HOME, home_region="us-west-2", notifications=Notifications.SIMPLE,
        timezone="Europe/Berlin", kms_key="alias/cw", kms_keys=(("us-west-2", "alias/west"),),
        exceptions=(WatchException(groups=("security-groups",),
                                   callers=("arn:aws:sts::*:assumed-role/terraform-*/*",)),),
        compliance=("restricted-ssh",), remediation=Remediation.AUTO)
    save(settings, tmp_path / "s.toml")
    assert load(tmp_path / "s.toml") == settings
    assert settings.kms_key_for("us-west-2") == "alias/west"
    assert settings.kms_key_for("ap-northeast-1") == "alias/cw"


def test_defaults_are_one_inbox_rich_in_the_first_region():
    settings = make_settings()
    assert (settings.delivery, settings.notifications, settings.home) == (
        "home", "rich", "ap-northeast-1")


@pytest.mark.parametrize(("changes", "words"), [
    ({"delivery": "everywhere"}, "delivery must be"),
    ({"notifications": "loud"}, "notifications must be"),
    ({"delivery": "per-region", "notifications": "rich"}, "rich notifications need IAM roles"),
    ({"home_region": "eu-west-1"}, "home_region eu-west-1 must be one of"),
    ({"timezone": "Mars/Olympus"}, "not an IANA time zone"),
    ({"kms_keys": (("us-west-2", "arn:aws:kms:us-west-2:1:alias/aws/sns"),)}, "alias/aws/sns"),
    ({"deployment": "cw-x\n"}, "deployment must be"),
])
def test_bad_delivery_settings_are_refused(changes, words):
    with pytest.raises(SettingsError) as caught:
        validate(make_settings(**changes))
    assert words in caught.value.detail


def test_a_bom_and_deep_nesting(tmp_path):
    path = tmp_path / "s.toml"
    save(make_settings(), path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load(path) == make_settings()
    path.write_text("x = " + "[" * 5000 + "]" * 5000)
    with pytest.raises(SettingsError) as caught:
        load(path)
    assert "nested too deeply" in caught.value.detail or "not valid TOML" in caught.value.detail
