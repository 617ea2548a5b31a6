"""The policies of the compliance half: the Config bucket's, and the remediation role's."""

from __future__ import annotations

from collections.abc import Iterable

from aws.compliance.names import CONFIG_SERVICE
from aws.policy import VERSION


def bucket_policy(bucket: str, account: str, partition: str = "aws") -> dict:
    """What AWS Config needs on its delivery bucket, for this account only, over TLS only.
    https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html"""
    arn = f"arn:{partition}:s3:::{bucket}"
    source = {"StringEquals": {"AWS:SourceAccount": account}}
    config = {"Service": CONFIG_SERVICE}
    return {"Version": VERSION, "Statement": [
        {"Sid": "AWSConfigBucketPermissionsCheck", "Effect": "Allow", "Principal": config,
         "Action": "s3:GetBucketAcl", "Resource": arn, "Condition": source},
        {"Sid": "AWSConfigBucketExistenceCheck", "Effect": "Allow", "Principal": config,
         "Action": "s3:ListBucket", "Resource": arn, "Condition": source},
        {"Sid": "AWSConfigBucketDelivery", "Effect": "Allow", "Principal": config,
         "Action": "s3:PutObject", "Resource": f"{arn}/AWSLogs/{account}/Config/*",
         "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                        "AWS:SourceAccount": account}}},
        {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": [arn, f"{arn}/*"],
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
    ]}


def remediation_trust(account: str) -> dict:
    """SSM Automation, for this account only, assumes the remediation role."""
    return {"Version": VERSION, "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "ssm.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": account}}}]}


def remediation_policy(actions: Iterable[str], account: str, partition: str = "aws") -> dict:
    """Only the calls the remediation documents make. Describe* has no resource-level
    permissions; the write actions are kept to security groups of this account.
    https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html"""
    actions = sorted(set(actions))
    reads = [a for a in actions if a.split(":")[1].startswith(("Describe", "Get", "List"))]
    writes = [a for a in actions if a not in reads]
    statements = []
    if reads:
        statements.append({"Sid": "Read", "Effect": "Allow", "Action": reads, "Resource": "*"})
    if writes:
        statements.append({"Sid": "Remediate", "Effect": "Allow", "Action": writes,
                           "Resource": f"arn:{partition}:ec2:*:{account}:security-group/*"})
    return {"Version": VERSION, "Statement": statements}
