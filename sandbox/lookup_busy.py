"""A busy region's event history for the LookupEvents emulator: mostly read-only calls, now
and then one refused for lack of permission (what the unauthorized-API-calls group watches)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

ACCOUNT = "123456789012"
_CALLS = (  # what a busy account's history is mostly made of
    ("ec2.amazonaws.com", "DescribeInstances", True),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", True),
    ("s3.amazonaws.com", "ListBuckets", True),
    ("sts.amazonaws.com", "AssumeRole", False),
    ("kms.amazonaws.com", "Decrypt", True),
    ("logs.amazonaws.com", "DescribeLogGroups", True),
    ("config.amazonaws.com", "PutEvaluations", False),
)


def busy_region(region: str, count: int, newest: datetime, spacing: timedelta,
                denied_every: int = 400, denied_from: int = 0) -> list[dict]:
    """`count` CloudTrail records, newest first, `spacing` apart from `newest` back; from the
    `denied_from`-th on, every `denied_every`-th is a call refused with AccessDenied."""
    records = []
    for i in range(count):
        source, name, read_only = _CALLS[i % len(_CALLS)]
        when = newest - spacing * i
        session = f"ci-runner-{i % 17}"
        record = {
            "eventVersion": "1.09",
            "userIdentity": {
                "type": "AssumedRole", "principalId": f"AROABUSY:{session}",
                "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/Deployer/{session}",
                "accountId": ACCOUNT, "accessKeyId": "ASIABUSY"},
            "eventTime": when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "eventSource": source, "eventName": name, "awsRegion": region,
            "sourceIPAddress": f"198.51.100.{i % 250}",
            "userAgent": "aws-sdk-go-v2/1.30.0 os/linux",
            "requestParameters": {"maxResults": 100}, "responseElements": None,
            "requestID": f"busy-req-{region}-{i:06d}",
            "eventID": f"busy-{region}-{i:06d}",
            "readOnly": read_only, "eventType": "AwsApiCall", "managementEvent": True,
            "recipientAccountId": ACCOUNT, "eventCategory": "Management",
        }
        if denied_every and i >= denied_from and (i - denied_from) % denied_every == 0:
            record["errorCode"] = "AccessDenied"
            record["errorMessage"] = f"User is not authorized to perform: {name}"
        records.append(record)
    return records
