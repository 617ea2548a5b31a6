"""The settings that drive both the wizard and the headless commands: TOML, validated."""

from __future__ import annotations

import difflib
import re
import secrets
from dataclasses import dataclass, replace
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aws.catalog import Catalog, load_catalog, resolve_watch, watchable_ids
from aws.errors import ErrorKind, SettingsError
from aws.exception_check import check as check_exceptions
from aws.exceptions import WatchException
from aws.refusals import Refusal
from aws.regions import is_known_region
from aws.scp_settings import ScpSettings
from aws.scp_settings import validate as check_scp

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
    compliance: tuple[str, ...] = ()  # AWS Config rule ids of the catalog ("restricted-ssh")
    remediation: Remediation = Remediation.AUTO  # used only with compliance rules
    enable_config: bool = False  # the user's yes to turning AWS Config on where it is off
    scp: ScpSettings = ScpSettings()  # the guarding SCP: admin roles left out, target

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
        raise SettingsError.refuse(Refusal.NO_REGIONS, ErrorKind.NO_REGION)
    unknown = [r for r in settings.regions if not is_known_region(r)]
    if unknown:
        raise SettingsError.refuse(Refusal.UNKNOWN_REGION, regions=", ".join(unknown))
    if len(set(settings.regions)) != len(settings.regions):
        raise SettingsError.refuse(Refusal.REGION_TWICE)
    if settings.home_region and settings.home_region not in settings.regions:
        raise SettingsError.refuse(Refusal.HOME_NOT_CHOSEN, region=settings.home_region)


def _validate_delivery(settings: Settings) -> None:
    if settings.delivery not in tuple(Delivery):
        raise _bad_choice("delivery", Delivery, settings.delivery)
    if settings.notifications not in tuple(Notifications):
        raise _bad_choice("notifications", Notifications, settings.notifications)
    if settings.delivery == Delivery.PER_REGION and settings.notifications == Notifications.RICH:
        raise SettingsError.refuse(Refusal.RICH_NEEDS_HOME)
    if settings.timezone is not None and not is_valid_timezone(settings.timezone):
        raise SettingsError.refuse(Refusal.BAD_TIMEZONE, value=settings.timezone)
    if settings.remediation not in tuple(Remediation):
        raise _bad_choice("remediation", Remediation, settings.remediation)


def _validate_keys(settings: Settings) -> None:
    for region, key in (*((None, settings.kms_key),), *settings.kms_keys):
        if key and key.rstrip("/").endswith("alias/aws/sns"):
            # https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
            raise SettingsError.refuse(Refusal.AWS_MANAGED_KEY)
        if region is not None and not is_known_region(region):
            raise SettingsError.refuse(Refusal.KMS_UNKNOWN_REGION, region=region)


def _bad_choice(key: str, kind: type[StrEnum], value: str) -> SettingsError:
    return SettingsError.refuse(Refusal.BAD_CHOICE, key=key, value=value,
                                allowed=" / ".join(f"“{m}”" for m in kind))


def _refuse_unknown_watch(catalog: Catalog, watch: tuple[str, ...]) -> None:
    """An unknown id is refused with the closest known ones (a typo is the usual cause)."""
    known = watchable_ids(catalog)
    for item in watch:
        if item not in known:
            close = difflib.get_close_matches(item, known, n=3, cutoff=0.6)
            raise SettingsError.refuse(Refusal.UNKNOWN_WATCH, value=item,
                                       suggestions=tuple(close))


def validate(settings: Settings, catalog: Catalog | None = None) -> Settings:
    """Refuse bad settings with one clear sentence, before any AWS call."""
    catalog = catalog or load_catalog()
    if not is_valid_email(settings.email):
        raise SettingsError.refuse(Refusal.BAD_EMAIL, email=settings.email)
    _validate_regions(settings)
    if settings.language not in LANGUAGES:
        raise SettingsError.refuse(Refusal.BAD_LANGUAGE, value=settings.language)
    if not _DEPLOYMENT.fullmatch(settings.deployment):
        raise SettingsError.refuse(Refusal.BAD_DEPLOYMENT,  # a stray newline shown as \n
                                   value=settings.deployment.encode("unicode_escape").decode())
    if not settings.watch:
        raise SettingsError.refuse(Refusal.NOTHING_TO_WATCH, ErrorKind.NOTHING_SELECTED)
    _refuse_unknown_watch(catalog, settings.watch)
    resolve_watch(catalog, settings.watch)
    _validate_delivery(settings)
    _validate_keys(settings)
    check_exceptions(settings.exceptions, settings.watch, catalog)
    _validate_compliance(settings, catalog)
    check_scp(settings.scp)
    return settings


def _validate_compliance(settings: Settings, catalog: Catalog) -> None:
    known = tuple(rule.id for rule in catalog.compliance)
    for item in settings.compliance:
        if item not in known:
            raise SettingsError.refuse(Refusal.UNKNOWN_COMPLIANCE, value=item,
                                       known=", ".join(known))
    if len(set(settings.compliance)) != len(settings.compliance):
        raise SettingsError.refuse(Refusal.COMPLIANCE_TWICE)
