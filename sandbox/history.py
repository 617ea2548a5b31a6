"""A few days of realistic CloudTrail history for the sandbox: the shipped samples plus noise."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from aws.catalog import RESOURCES, load_catalog

_NOISE = (  # what a real account is mostly made of: reads the rules never see
    ("ec2.amazonaws.com", "DescribeInstances", True),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", True),
    ("s3.amazonaws.com", "ListBuckets", True),
    ("config.amazonaws.com", "PutEvaluations", False),
    ("sts.amazonaws.com", "AssumeRole", False),
)


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sample_records() -> list[dict]:
    records: list[dict] = []
    for group in load_catalog().groups:
        path = RESOURCES / "samples" / f"{group.id}.json"
        records += json.loads(path.read_text(encoding="utf-8"))
    return records


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
    """The samples moved into the last few days (order kept), in the sandbox's regions."""
    now = now or datetime.now(UTC)
    samples = sample_records()
    newest = max(_parse(r["eventTime"]) for r in samples)
    oldest = min(_parse(r["eventTime"]) for r in samples)
    scale = timedelta(days=days) / max(newest - oldest, timedelta(hours=1))
    history = []
    for record in samples:
        moved = dict(record)
        age = (newest - _parse(record["eventTime"])) * scale
        moved["eventTime"] = _iso(now - timedelta(hours=1) - age)
        if moved["awsRegion"] != "us-east-1" and moved["awsRegion"] not in regions:
            moved["awsRegion"] = regions[len(history) % len(regions)]
        history.append(moved)
    return history + _noise(now, regions, days)
