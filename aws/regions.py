"""Region names and labels from botocore's offline data, parsed once per process."""

from __future__ import annotations

from functools import cache

from aws.loader import shared_loader

GLOBAL_REGION = "us-east-1"  # IAM, Organizations, STS global and root sign-in land here


@cache
def _partitions() -> tuple[dict, ...]:
    # endpoints.json is large (~70 ms to parse, holding the GIL): read it once.
    return tuple(shared_loader().load_data("endpoints").get("partitions", []))


def partition_regions(partition: str) -> frozenset[str]:
    """Region names botocore knows for a partition ("aws", "aws-cn", …); empty if unknown."""
    for data in _partitions():
        if data.get("partition") == partition:
            return frozenset(data.get("regions", {}))
    return frozenset()


@cache
def known_regions() -> tuple[str, ...]:
    """Every commercial region botocore knows, opt-in ones included."""
    return tuple(sorted(partition_regions("aws")))


def is_known_region(name: str) -> bool:
    return name in known_regions()


def region_label(name: str) -> str:
    """“Asia Pacific (Tokyo)” for ap-northeast-1; "" if unknown."""
    for data in _partitions():
        if name in data.get("regions", {}):
            return data["regions"][name].get("description", "")
    return ""
