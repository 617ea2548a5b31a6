"""A multi-region CloudTrail trail with a private, encrypted bucket, when none is logging.

The bucket policy follows
https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
(aws:SourceArn scoped to the one trail, objects only under AWSLogs/<account>/).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from aws.errors import AwsError, ChangeWatchError, ErrorKind
from aws.session import AwsAccess, call

TRAIL_NAME = "changewatch-trail"
# Not the deployment tag: the trail and its logs outlive a ChangeWatch removal on purpose, and
# remove deletes everything that carries changewatch:deployment.
TRAIL_TAG = "changewatch:trail"


@dataclass(frozen=True)
class TrailPlan:
    """What `create_trail` makes; the GUI lists it in the confirmation dialog."""

    home_region: str
    account: str
    deployment: str
    trail_name: str
    bucket_name: str
    kms_key: str | None = None  # None: SSE-S3 (AES-256); else SSE-KMS with this key
    partition: str = "aws"

    @property
    def trail_arn(self) -> str:
        return (f"arn:{self.partition}:cloudtrail:{self.home_region}:{self.account}:"
                f"trail/{self.trail_name}")


def plan_trail(access: AwsAccess, deployment: str, home_region: str,
               kms_key: str | None = None) -> TrailPlan:
    """Name the trail and its bucket; changes nothing."""
    identity = access.identity(home_region)
    bucket = f"changewatch-trail-{identity.account}-{deployment}"[:63].rstrip("-")
    return TrailPlan(home_region, identity.account, deployment, TRAIL_NAME, bucket, kms_key,
                     identity.partition)


def bucket_policy(plan: TrailPlan) -> dict:
    """Only this trail may write, only under AWSLogs/<account>/, only over TLS."""
    bucket = f"arn:{plan.partition}:s3:::{plan.bucket_name}"
    source = {"aws:SourceArn": plan.trail_arn}
    service = {"Service": "cloudtrail.amazonaws.com"}
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Principal": service,
         "Action": "s3:GetBucketAcl", "Resource": bucket,
         "Condition": {"StringEquals": source}},
        {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": service,
         "Action": "s3:PutObject", "Resource": f"{bucket}/AWSLogs/{plan.account}/*",
         "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                        **source}}},
        {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*",
         "Action": "s3:*", "Resource": [bucket, f"{bucket}/*"],
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
    ]}


def _encryption(plan: TrailPlan) -> dict:
    if plan.kms_key:
        default = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": plan.kms_key}
        return {"Rules": [{"ApplyServerSideEncryptionByDefault": default,
                           "BucketKeyEnabled": True}]}
    return {"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}


def _create_bucket(s3, plan: TrailPlan, cancelled: Callable[[], bool] | None) -> None:
    region = plan.home_region
    params: dict = {"Bucket": plan.bucket_name}
    if region != "us-east-1":  # us-east-1 refuses an explicit LocationConstraint
        params["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        call(s3, "create_bucket", region, cancelled, **params)
    except ChangeWatchError as exc:
        if "BucketAlreadyOwnedByYou" not in exc.detail:  # a re-run after an interruption
            raise
    try:  # a bucket of that name we did not make keeps its settings
        tags = call(s3, "get_bucket_tagging", region, cancelled,
                    Bucket=plan.bucket_name).get("TagSet", [])
    except ChangeWatchError as exc:
        if "NoSuchTagSet" not in exc.detail:
            raise
        tags = []
    if tags and not any(t["Key"] == TRAIL_TAG for t in tags):
        raise AwsError(kind=ErrorKind.CONFLICT, region=region,
                       detail=f"S3 bucket {plan.bucket_name}")


def create_trail(access: AwsAccess, plan: TrailPlan,
                 on_progress: Callable[[str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> str:
    """Create (or finish creating) the bucket and the trail, then start logging; its ARN."""
    report = on_progress or (lambda step: None)
    region, tags = plan.home_region, [{"Key": TRAIL_TAG, "Value": plan.deployment}]
    s3 = access.client("s3", region)
    report("bucket")
    _create_bucket(s3, plan, cancelled)
    call(s3, "put_public_access_block", region, cancelled, Bucket=plan.bucket_name,
         PublicAccessBlockConfiguration={"BlockPublicAcls": True, "IgnorePublicAcls": True,
                                         "BlockPublicPolicy": True,
                                         "RestrictPublicBuckets": True})
    call(s3, "put_bucket_ownership_controls", region, cancelled, Bucket=plan.bucket_name,
         OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]})
    call(s3, "put_bucket_encryption", region, cancelled, Bucket=plan.bucket_name,
         ServerSideEncryptionConfiguration=_encryption(plan))
    call(s3, "put_bucket_tagging", region, cancelled, Bucket=plan.bucket_name,
         Tagging={"TagSet": tags})
    report("policy")
    call(s3, "put_bucket_policy", region, cancelled, Bucket=plan.bucket_name,
         Policy=json.dumps(bucket_policy(plan)))
    report("trail")
    trail = access.client("cloudtrail", region)
    existing = call(trail, "describe_trails", region, cancelled, trailNameList=[plan.trail_name],
                    includeShadowTrails=False).get("trailList", [])
    if existing:
        arn = existing[0]["TrailARN"]
        found = call(trail, "list_tags", region, cancelled, ResourceIdList=[arn])
        trail_tags = next(iter(found.get("ResourceTagList", [])), {}).get("TagsList", [])
        if not any(t["Key"] == TRAIL_TAG for t in trail_tags):
            raise AwsError(kind=ErrorKind.CONFLICT, region=region,
                           detail=f"CloudTrail trail {arn}")
    else:
        arn = call(trail, "create_trail", region, cancelled, Name=plan.trail_name,
                   S3BucketName=plan.bucket_name, IsMultiRegionTrail=True,
                   IncludeGlobalServiceEvents=True, EnableLogFileValidation=True,
                   TagsList=tags)["TrailARN"]
    report("logging")
    call(trail, "start_logging", region, cancelled, Name=plan.trail_name)
    return arn
