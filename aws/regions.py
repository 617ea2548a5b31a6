"""Region names and labels from botocore's offline data, parsed once per process."""

from __future__ import annotations

from functools import cache

from aws import resources
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


@cache
def _japanese_labels() -> dict[str, str]:
    return {k: v for k, v in resources.read_json("regions_ja.json").items()
            if not k.startswith("_")}


def localized_region_label(name: str, lang: str) -> str:
    """The name the AWS console shows in `lang`: “アジアパシフィック (東京)” in Japanese,
    “Asia Pacific (Tokyo)” otherwise; the English one for a region the table lacks."""
    if lang == "ja":
        return _japanese_labels().get(name) or region_label(name)
    return region_label(name)


def region_search_text(name: str) -> str:
    """Everything a search may match for a region: its code and its names in both languages,
    so “東京”, “tokyo” and “ap-northeast” all find ap-northeast-1."""
    return " ".join((name, region_label(name), _japanese_labels().get(name, ""))).lower()
