"""The settings that drive both the wizard and the headless commands: TOML, validated."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, replace
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aws.catalog import Catalog, load_catalog, resolve_watch
from aws.errors import ErrorKind, SettingsError
from aws.exception_check import check as check_exceptions
from aws.regions import is_known_region

LANGUAGES = ("ja", "en")
# Deliberately simple: one @, a dot in the domain, no spaces; SNS does the final check.
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_DEPLOYMENT = re.compile(r"[a-z0-9-]{1,32}")


class Delivery(StrEnum):
    """Where the notification lives: one home region for all (one inbox), or each region."""

    HOME = "home"
    PER_REGION = "per-region"


class Notifications(StrEnum):
    """RICH: a Step Functions formatter writes subject and body; SIMPLE: an input transformer."""

    RICH = "rich"
    SIMPLE = "simple"


class Remediation(StrEnum):
    AUTO = "auto"
    OFF = "off"


@dataclass(frozen=True)
class WatchException:
    """Known automation whose changes send no email: by caller ARN (wildcards) or source IP."""

    groups: tuple[str, ...] = ()  # empty: every group that allows exceptions
    callers: tuple[str, ...] = ()
    source_ips: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    regions: tuple[str, ...]
    email: str
    watch: tuple[str, ...]
    language: str = "ja"
    profile: str | None = None
    deployment: str = "default"
    kms_key: str | None = None  # customer managed key for the topic(s); None = no SSE
    kms_keys: tuple[tuple[str, str], ...] = ()  # (region, key) where a region needs its own
    delivery: Delivery = Delivery.HOME
    home_region: str | None = None  # default: the first of regions
    notifications: Notifications = Notifications.RICH
    timezone: str | None = None  # IANA name for times in emails; default: the computer's
    exceptions: tuple[WatchException, ...] = ()
    compliance: tuple[str, ...] = ()
    remediation: Remediation = Remediation.OFF

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    @property
    def home(self) -> str:
        """The region that holds the notification in home delivery."""
        return self.home_region or (self.regions[0] if self.regions else "")

    def kms_key_for(self, region: str) -> str | None:
        """The key of the topic in `region`: its own, else the common one, else none."""
        return dict(self.kms_keys).get(region, self.kms_key)


def new_deployment_id() -> str:
    return "cw-" + secrets.token_hex(4)


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.fullmatch(text.strip())) and len(text.strip()) <= 254


def is_valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _validate_regions(settings: Settings) -> None:
    if not settings.regions:
        raise SettingsError("no regions are chosen; list at least one in `regions`",
                            ErrorKind.NO_REGION)
    unknown = [r for r in settings.regions if not is_known_region(r)]
    if unknown:
        raise SettingsError(f"unknown region {', '.join(unknown)}")
    if len(set(settings.regions)) != len(settings.regions):
        raise SettingsError("a region is listed twice in `regions`")
    if settings.home_region and settings.home_region not in settings.regions:
        raise SettingsError(f"home_region {settings.home_region} must be one of `regions`")


def _validate_delivery(settings: Settings) -> None:
    if settings.delivery not in tuple(Delivery):
        raise SettingsError(f"delivery must be “home” or “per-region”, not “{settings.delivery}”")
    if settings.notifications not in tuple(Notifications):
        raise SettingsError("notifications must be “rich” or “simple”, not "
                            f"“{settings.notifications}”")
    if settings.delivery == Delivery.PER_REGION and settings.notifications == Notifications.RICH:
        raise SettingsError("rich notifications need IAM roles, which per-region delivery is "
                            "for avoiding; set notifications = \"simple\" or delivery = \"home\"")
    if settings.timezone is not None and not is_valid_timezone(settings.timezone):
        raise SettingsError(f"timezone “{settings.timezone}” is not an IANA time zone name "
                            "such as Asia/Tokyo or Europe/Berlin")
    if settings.remediation not in tuple(Remediation):
        raise SettingsError(f"remediation must be “auto” or “off”, not “{settings.remediation}”")


def _validate_keys(settings: Settings) -> None:
    for region, key in (*((None, settings.kms_key),), *settings.kms_keys):
        if key and key.rstrip("/").endswith("alias/aws/sns"):
            # https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
            raise SettingsError("kms_key alias/aws/sns cannot be used: EventBridge cannot "
                                "publish to a topic encrypted with the AWS managed key; name a "
                                "customer managed key or leave kms_key out")
        if region is not None and not is_known_region(region):
            raise SettingsError(f"kms_keys names an unknown region {region}")


def validate(settings: Settings, catalog: Catalog | None = None) -> Settings:
    """Refuse bad settings with one clear sentence, before any AWS call."""
    catalog = catalog or load_catalog()
    if not is_valid_email(settings.email):
        raise SettingsError(f"“{settings.email}” is not a valid email address")
    _validate_regions(settings)
    if settings.language not in LANGUAGES:
        raise SettingsError(f"language must be “ja” or “en”, not “{settings.language}”")
    if not _DEPLOYMENT.fullmatch(settings.deployment):
        raise SettingsError("deployment must be 1-32 lowercase letters, digits or dashes")
    if not settings.watch:
        raise SettingsError("nothing is selected to watch", ErrorKind.NOTHING_SELECTED)
    resolve_watch(catalog, settings.watch)  # raises on unknown ids
    _validate_delivery(settings)
    _validate_keys(settings)
    check_exceptions(settings, catalog)
    return settings
