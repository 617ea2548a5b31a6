"""The multi-region trail: coverage before and after, a private encrypted bucket, safe re-runs."""

from __future__ import annotations

import json

from aws.inventory import TAG_KEY
from aws.trail_setup import TRAIL_NAME, coverage, create_trail, plan_trail
from tests.aws.helpers import client

REGIONS = ("ap-northeast-1", "us-west-2", "us-east-1")


def test_no_trail_means_no_coverage(access):
    found = coverage(access, REGIONS)
    assert set(found) == set(REGIONS)
    assert not any(c.covered for c in found.values())


def test_created_trail_covers_every_region_with_a_private_bucket(access):
    plan = plan_trail(access, "test", "us-west-2")
    steps: list[str] = []
    arn = create_trail(access, plan, steps.append)
    assert steps == ["bucket", "policy", "trail", "logging"]
    assert arn == plan.trail_arn
    found = coverage(access, (*REGIONS, "eu-central-1"))
    assert all(c.covered and c.trail == TRAIL_NAME for c in found.values())

    s3 = client("s3", "us-west-2")
    block = s3.get_public_access_block(Bucket=plan.bucket_name)
    assert all(block["PublicAccessBlockConfiguration"].values())
    rule = s3.get_bucket_encryption(Bucket=plan.bucket_name)[
        "ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    tags = s3.get_bucket_tagging(Bucket=plan.bucket_name)["TagSet"]
    assert {"Key": TAG_KEY, "Value": "test"} in tags
    policy = json.loads(s3.get_bucket_policy(Bucket=plan.bucket_name)["Policy"])
    allows = [s for s in policy["Statement"] if s["Effect"] == "Allow"]
    assert all(s["Principal"] == {"Service": "cloudtrail.amazonaws.com"} for s in allows)
    assert all(s["Condition"]["StringEquals"]["aws:SourceArn"] == arn for s in allows)
    write = next(s for s in allows if s["Action"] == "s3:PutObject")
    assert write["Resource"].endswith(f"/AWSLogs/{plan.account}/*")

    trail = client("cloudtrail", "us-west-2").get_trail(Name=TRAIL_NAME)["Trail"]
    assert trail["IsMultiRegionTrail"] and trail["LogFileValidationEnabled"]


def test_kms_bucket_encryption_and_rerun_is_safe(access):
    plan = plan_trail(access, "test", "us-east-1", kms_key="alias/trail-logs")
    first = create_trail(access, plan)
    assert create_trail(access, plan) == first  # interrupted runs finish; no duplicate
    rule = client("s3", "us-east-1").get_bucket_encryption(Bucket=plan.bucket_name)[
        "ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms"
    trails = client("cloudtrail", "us-east-1").describe_trails()["trailList"]
    assert [t["Name"] for t in trails] == [TRAIL_NAME]


def test_stopped_trail_is_not_coverage(access):
    plan = plan_trail(access, "test", "us-west-2")
    create_trail(access, plan)
    client("cloudtrail", "us-west-2").stop_logging(Name=TRAIL_NAME)
    found = coverage(access, ("us-west-2", "ap-northeast-1"))
    assert not found["ap-northeast-1"].covered and found["ap-northeast-1"].trail == TRAIL_NAME
