"""aws.account: profiles from the shared files, identity, regions and CloudTrail coverage (moto)."""

from __future__ import annotations

import os

import boto3
import pytest

from aws.account import (
    check_identity,
    list_profiles,
    list_regions,
    preferred_profile,
)
from aws.errors import ChangeWatchError
from aws.session import AwsAccess
from aws.trail_coverage import coverage as trail_coverage

CONFIG = """
[default]
region = eu-west-1

[profile sso-admin]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = ap-northeast-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly

[profile auditor]
role_arn = arn:aws:iam::111122223333:role/Auditor
source_profile = default
"""
CREDENTIALS = """
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret

[ci]
aws_access_key_id = AKIAEXAMPLE2
aws_secret_access_key = secret2
"""


@pytest.fixture
def aws_files(tmp_path):
    (tmp_path / "aws-config").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "aws-credentials").write_text(CREDENTIALS, encoding="utf-8")


def test_profiles_from_config_and_credentials_files(aws_files, monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "auditor")
    profiles = {p.name: p for p in list_profiles()}
    assert list(profiles) == ["", "auditor", "ci", "default", "legacy-sso", "sso-admin"]
    assert profiles[""].kind == "chain"
    assert profiles["sso-admin"].kind == "sso" and profiles["sso-admin"].region == "ap-northeast-1"
    assert profiles["legacy-sso"].kind == "sso"
    assert profiles["auditor"].kind == "role" and profiles["auditor"].is_env
    assert profiles["ci"].kind == "keys"
    assert profiles["default"].is_default and profiles["default"].region == "eu-west-1"
    assert preferred_profile(profiles.values()).name == "auditor"


def test_preferred_profile_follows_the_cli(aws_files, monkeypatch):
    # Keys in the environment win over the default profile, as in the AWS CLI.
    assert preferred_profile(list_profiles()).name == ""
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    assert preferred_profile(list_profiles()).name == "default"


def test_missing_aws_profile_is_listed_and_marked(monkeypatch):
    monkeypatch.setenv("AWS_PROFILE", "gone")
    [chain, gone] = list_profiles()
    assert chain.kind == "chain" and gone.name == "gone" and gone.missing and gone.is_env


def test_identity_and_regions(access):
    identity = check_identity(access)
    assert identity.account == "123456789012" and identity.arn.startswith("arn:aws:")
    regions = {r.name: r for r in list_regions(access)}
    assert regions["us-east-1"].enabled and regions["us-east-1"].opt_in_status
    disabled = [r for r in regions.values() if not r.enabled]
    assert disabled and all(r.opt_in_status == "not-opted-in" for r in disabled)


def test_unknown_profile_becomes_a_readable_error(moto):
    with pytest.raises(ChangeWatchError) as info:
        check_identity(AwsAccess(profile="nope"))
    assert info.value.kind == "profile_not_found"


def _trail(region: str, name: str, multi: bool, logging: bool = True) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    bucket = f"trail-{name}"
    s3.create_bucket(Bucket=bucket)
    cloudtrail = boto3.client("cloudtrail", region_name=region)
    cloudtrail.create_trail(Name=name, S3BucketName=bucket, IsMultiRegionTrail=multi)
    if logging:
        cloudtrail.start_logging(Name=name)


def test_no_trail_means_not_covered(access):
    coverage = trail_coverage(access, ["us-east-1", "ap-northeast-1"])
    assert list(coverage) == ["us-east-1", "ap-northeast-1"]
    assert not any(c.covered for c in coverage.values())
    assert all(c.error is None for c in coverage.values())


def test_multi_region_trail_covers_every_region(access):
    _trail("us-east-1", "org-wide", multi=True)
    coverage = trail_coverage(access, ["ap-northeast-1", "us-west-2", "us-east-1"])
    assert all(c.covered and c.multi_region and c.trail == "org-wide"
               for c in coverage.values())


def test_single_region_trail_covers_its_region_only(access):
    _trail("us-west-2", "west-only", multi=False)
    _trail("ap-northeast-1", "tokyo-stopped", multi=False, logging=False)
    coverage = trail_coverage(access, ["us-west-2", "ap-northeast-1"])
    assert coverage["us-west-2"].covered and not coverage["us-west-2"].multi_region
    assert not coverage["ap-northeast-1"].covered  # a trail that is not logging does not count


def test_coverage_errors_stay_per_region(moto, monkeypatch):
    access = AwsAccess()
    monkeypatch.setitem(os.environ, "AWS_ENDPOINT_URL_CLOUDTRAIL", "http://127.0.0.1:9")
    coverage = trail_coverage(access, ["us-east-1"])
    assert not coverage["us-east-1"].covered
    assert coverage["us-east-1"].error.kind == "unreachable"
