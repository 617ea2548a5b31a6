"""A few days of realistic CloudTrail history for the sandbox: the shipped samples plus noise."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from aws.catalog import load_catalog, samples

_NOISE = (  # what a real account is mostly made of: reads the rules never see
    ("ec2.amazonaws.com", "DescribeInstances", True),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", True),
    ("s3.amazonaws.com", "ListBuckets", True),
    ("config.amazonaws.com", "PutEvaluations", False),
    ("sts.amazonaws.com", "AssumeRole", False),
)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _group_samples() -> list[list[dict]]:
    """Each group's samples in the order of their story (authorize before modify…)."""
    groups = []
    for group in load_catalog().groups:
        groups.append(sorted(samples(group.id), key=lambda r: r["eventTime"]))
    return groups


def sample_records() -> list[dict]:
    return [record for group in _group_samples() for record in group]


def _noise(now: datetime, regions: tuple[str, ...], days: int) -> list[dict]:
    records = []
    for i in range(days * 24):
        source, name, read_only = _NOISE[i % len(_NOISE)]
        region = regions[i % len(regions)]
        records.append({
            "eventVersion": "1.09", "eventSource": source, "eventName": name,
            "eventTime": _iso(now - timedelta(hours=i, minutes=7)), "awsRegion": region,
            "readOnly": read_only, "eventType": "AwsApiCall", "managementEvent": True,
            "eventID": str(uuid.uuid5(uuid.NAMESPACE_URL, f"noise/{i}")),
            "recipientAccountId": "123456789012", "sourceIPAddress": "198.51.100.20",
            "userAgent": "aws-sdk-go-v2/1.30.0", "requestParameters": None,
            "responseElements": None,
            "userIdentity": {"type": "AssumedRole", "accountId": "123456789012",
                             "arn": "arn:aws:sts::123456789012:assumed-role/monitoring/poller",
                             "principalId": "AROAEXAMPLE:poller"},
        })
    return records


def seed_history(regions: tuple[str, ...], now: datetime | None = None,
                 days: int = 3) -> list[dict]:
    """Each group's samples spread over the last few days, its newest within the last hours,
    in the sandbox's regions (us-east-1 stays where global services put it), plus noise."""
    now = now or datetime.now(UTC)
    history = []
    for g, group in enumerate(_group_samples()):
        step = timedelta(days=days) / len(group)
        newest = now - timedelta(minutes=40 + 23 * g)  # groups take turns in the last hours
        for j, record in enumerate(group):
            moved = dict(record)
            moved["eventTime"] = _iso(newest - step * (len(group) - 1 - j))
            if moved["awsRegion"] != "us-east-1" and moved["awsRegion"] not in regions:
                moved["awsRegion"] = regions[(g + j) % len(regions)]
            history.append(moved)
    return sorted(history, key=lambda r: r["eventTime"]) + _noise(now, regions, days)
