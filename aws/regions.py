"""Region names known to botocore (offline data), and labels for them."""

from __future__ import annotations

from functools import cache

import botocore.session

GLOBAL_REGION = "us-east-1"  # IAM, Organizations, STS global and root sign-in land here


@cache
def known_regions() -> tuple[str, ...]:
    """Every commercial region botocore knows, opt-in ones included."""
    session = botocore.session.get_session()
    return tuple(sorted(session.get_available_regions("sns", partition_name="aws")))


def is_known_region(name: str) -> bool:
    return name in known_regions()
