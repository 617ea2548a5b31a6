"""The multi-region trail: coverage before and after, a private encrypted bucket, safe re-runs."""

from __future__ import annotations

import json

import pytest

from aws.errors import ChangeWatchError
from aws.trail_coverage import coverage
from aws.trail_setup import TRAIL_NAME, TRAIL_TAG, create_trail, plan_trail
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
    assert {"Key": TRAIL_TAG, "Value": "test"} in tags
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


def test_a_trail_logging_only_data_events_is_not_coverage(access):
    plan = plan_trail(access, "test", "us-west-2")
    create_trail(access, plan)
    client("cloudtrail", "us-west-2").put_event_selectors(
        TrailName=TRAIL_NAME, EventSelectors=[{"ReadWriteType": "All",
                                               "IncludeManagementEvents": False,
                                               "DataResources": [{"Type": "AWS::S3::Object",
                                                                  "Values": ["arn:aws:s3"]}]}])
    assert not coverage(access, ("us-west-2",))["us-west-2"].covered


def test_a_foreign_trail_with_our_name_is_not_taken_over(access):
    client("s3", "us-east-1").create_bucket(Bucket="someone-elses-logs")
    client("cloudtrail", "us-east-1").create_trail(Name=TRAIL_NAME,
                                                   S3BucketName="someone-elses-logs")
    plan = plan_trail(access, "test", "us-east-1")
    with pytest.raises(ChangeWatchError) as caught:
        create_trail(access, plan)
    assert caught.value.kind == "conflict"


def test_remove_keeps_the_trail_and_its_bucket(access):
    from tests.aws.helpers import remove

    create_trail(access, plan_trail(access, "test", "us-west-2"))
    remove(access, "test", ("us-west-2",))
    assert client("cloudtrail", "us-west-2").describe_trails()["trailList"]


def _trail_with(access, region: str, **selectors) -> None:
    client("s3", "us-east-1").create_bucket(Bucket="sel-logs")
    trail = client("cloudtrail", region)
    trail.create_trail(Name="sel", S3BucketName="sel-logs", IsMultiRegionTrail=True)
    trail.put_event_selectors(TrailName="sel", **selectors)
    trail.start_logging(Name="sel")


@pytest.mark.parametrize(("selectors", "covered", "reads", "excluded"), [
    ({"EventSelectors": [{"ReadWriteType": "ReadOnly", "IncludeManagementEvents": True}]},
     False, True, ()),
    ({"EventSelectors": [{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True}]},
     True, False, ()),
    ({"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": True,
                          "ExcludeManagementEventSources": ["kms.amazonaws.com"]}]},
     True, True, ("kms.amazonaws.com",)),
    ({"EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": False}]},
     False, False, ()),
    ({"AdvancedEventSelectors": [{"Name": "writes", "FieldSelectors": [
        {"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "readOnly", "Equals": ["false"]}]}]}, True, False, ()),
    ({"AdvancedEventSelectors": [{"Name": "reads", "FieldSelectors": [
        {"Field": "eventCategory", "Equals": ["Management"]},
        {"Field": "readOnly", "Equals": ["true"]}]}]}, False, True, ()),
])
def test_selectors_decide_what_a_trail_covers(access, selectors, covered, reads, excluded):
    _trail_with(access, "us-east-1", **selectors)
    # Asked in the trail's home region: moto answers GetEventSelectors only there.
    found = coverage(access, ["us-east-1"])["us-east-1"]
    assert (found.covered, found.reads, found.excluded) == (covered, reads, excluded)
    assert found.error is None
