"""Compliance rules as catalog data, and the settings that choose them."""

from __future__ import annotations

import pytest

from aws.catalog import load_catalog
from aws.errors import SettingsError
from aws.messages import describe
from aws.settings import Remediation, validate
from aws.settings_file import from_dict, load, save
from tests.aws.helpers import make_settings


def test_the_catalog_holds_restricted_ssh_with_its_remediation():
    rule = load_catalog().compliance_rule("restricted-ssh")
    assert rule.managed_rule == "INCOMING_SSH_DISABLED"
    assert rule.resource_types == ("AWS::EC2::SecurityGroup",)
    assert rule.title.ja and rule.title.en and rule.phrase.ja and rule.phrase.en
    assert rule.remediation is not None
    assert rule.remediation.document == "AWS-DisablePublicAccessForSecurityGroup"
    assert rule.remediation.resource_parameter == "GroupId"
    assert set(rule.remediation.actions) == {"ec2:RevokeSecurityGroupIngress",
                                             "ec2:DescribeSecurityGroups"}


def test_the_compliance_alert_is_a_group_like_entry():
    alert = load_catalog().group("compliance")
    assert alert.pattern["detail-type"] == ["Config Rules Compliance Change"]
    assert alert.pattern["detail"]["newEvaluationResult"] == {"complianceType": ["NON_COMPLIANT"]}
    assert alert.severity == "high" and alert.fixed
    # not a watch id: it comes with the compliance rules, not with `watch`
    assert "compliance" not in {g.id for g in load_catalog().groups}


def test_compliance_settings_round_trip(tmp_path):
    settings = make_settings(compliance=("restricted-ssh",), remediation=Remediation.OFF,
                             enable_config=True)
    save(settings, tmp_path / "s.toml")
    assert load(tmp_path / "s.toml") == settings
    text = (tmp_path / "s.toml").read_text()
    assert "restricted-ssh" in text and "remediation = \"off\"" in text
    assert "enable_config = true" in text


def test_remediation_is_automatic_unless_turned_off():
    data = {"regions": ["ap-northeast-1"], "email": "ops@example.com",
            "watch": ["security-groups"], "compliance": ["restricted-ssh"]}
    settings = from_dict(data)
    assert settings.remediation == Remediation.AUTO and settings.enable_config is False


@pytest.mark.parametrize(("changes", "words"), [
    ({"compliance": ("restricted-rdp",)}, "unknown compliance rule “restricted-rdp”"),
    ({"compliance": ("restricted-ssh", "restricted-ssh")}, "listed twice in `compliance`"),
    ({"compliance": ("restricted-ssh",), "remediation": "sometimes"}, "remediation must be"),
])
def test_bad_compliance_settings_are_refused_in_one_sentence(changes, words):
    with pytest.raises(SettingsError) as caught:
        validate(make_settings(**changes))
    assert words in caught.value.detail
    assert describe(caught.value, "ja").count("。") <= 2


def test_enable_config_must_be_a_boolean():
    with pytest.raises(SettingsError) as caught:
        from_dict({"regions": ["ap-northeast-1"], "email": "a@example.com",
                   "watch": ["security-groups"], "enable_config": "yes"})
    assert "`enable_config` must be true or false" in caught.value.detail
