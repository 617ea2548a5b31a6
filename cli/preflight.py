"""Checks before a headless command changes anything: the same refusals the wizard makes."""

from __future__ import annotations

from aws.account import list_regions
from aws.errors import ChangeWatchError, ErrorKind, SettingsError
from aws.refusals import Refusal
from aws.session import AwsAccess
from aws.settings import Settings


def refuse_disabled_regions(access: AwsAccess, settings: Settings) -> None:
    """Opt-in regions the account has not enabled are refused, as the wizard's region list
    does not let them be chosen. If DescribeRegions is refused, the check is skipped (the
    wizard then keeps the offline list too) and AWS itself says so on the first call."""
    try:
        found = {region.name: region for region in list_regions(access)}
    except ChangeWatchError as exc:
        if exc.kind == ErrorKind.ACCESS_DENIED:
            return
        raise
    disabled = [r for r in settings.regions if r in found and not found[r].enabled]
    if disabled:
        raise SettingsError.refuse(Refusal.REGION_NOT_ENABLED, regions=", ".join(disabled))
