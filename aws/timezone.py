"""Time zones for the emails: the IANA name to use, the computer's when none is chosen."""

from __future__ import annotations

import logging

from tzlocal import get_localzone_name

log = logging.getLogger(__name__)
FALLBACK = "UTC"


def local_zone_name() -> str:
    """The computer's IANA zone (Asia/Tokyo…); UTC when the system does not say."""
    try:
        return get_localzone_name() or FALLBACK
    except Exception:  # noqa: BLE001 - a misconfigured system clock must not stop a setup
        log.warning("the computer's time zone is unknown; using UTC", exc_info=True)
        return FALLBACK


def zone_name(chosen: str | None) -> str:
    return chosen or local_zone_name()
