"""Settings as a TOML file: read (every problem a SettingsError) and written atomically."""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from aws import scp_settings
from aws.errors import SettingsError
from aws.refusals import Refusal
from aws.settings import (
    Delivery,
    Notifications,
    Remediation,
    Settings,
    WatchException,
    validate,
)

_STRINGS = ("email", "language", "profile", "deployment", "kms_key", "delivery", "home_region",
            "notifications", "timezone", "remediation")
_LISTS = ("regions", "watch", "compliance")
_KNOWN = {*_STRINGS, *_LISTS, "kms_keys", "exceptions"}
_KNOWN |= {"organization"}  # the StackSet settings, read by aws/org/config.py
_KNOWN.add("scp")  # the [scp] table: aws/scp_settings.py
_KNOWN.add("enable_config")  # the confirmation that AWS Config may be turned on
_EXCEPTION_KEYS = {"groups", "callers", "source_ips"}


def _strings(data: dict, key: str, where: str = "") -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError.refuse(Refusal.NOT_A_LIST, key=f"{where}{key}")
    return tuple(v.strip() for v in value)


def _exceptions(data: dict) -> tuple[WatchException, ...]:
    items = data.get("exceptions", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise SettingsError.refuse(Refusal.NOT_TABLES, key="exceptions")
    found = []
    for item in items:
        unknown = sorted(set(item) - _EXCEPTION_KEYS)
        if unknown:
            raise SettingsError.refuse(Refusal.UNKNOWN_SETTING,
                                       keys=", ".join(f"exceptions.{k}" for k in unknown))
        found.append(WatchException(_strings(item, "groups", "exceptions."),
                                    _strings(item, "callers", "exceptions."),
                                    _strings(item, "source_ips", "exceptions.")))
    return tuple(found)


def _kms_keys(data: dict) -> tuple[tuple[str, str], ...]:
    keys = data.get("kms_keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise SettingsError.refuse(Refusal.NOT_A_KEY_TABLE)
    return tuple(sorted((region.strip(), key.strip()) for region, key in keys.items()))


def from_dict(data: dict) -> Settings:
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise SettingsError.refuse(Refusal.UNKNOWN_SETTING, keys=", ".join(unknown))
    for key in _STRINGS:
        if key in data and not isinstance(data[key], str):
            raise SettingsError.refuse(Refusal.NOT_A_STRING, key=key)
    text = {key: data[key].strip() for key in _STRINGS if key in data}
    return Settings(
        regions=_strings(data, "regions"),
        email=text.get("email", ""),
        watch=_strings(data, "watch"),
        language=text.get("language", "ja"),
        profile=text.get("profile") or None,
        deployment=data.get("deployment", "default"),
        kms_key=text.get("kms_key") or None,
        kms_keys=_kms_keys(data),
        delivery=_enum(Delivery, text.get("delivery", Delivery.HOME)),
        home_region=text.get("home_region") or None,
        notifications=_enum(Notifications, text.get("notifications", Notifications.RICH)),
        timezone=text.get("timezone") or None,
        exceptions=_exceptions(data),
        compliance=_strings(data, "compliance"),
        remediation=_enum(Remediation, text.get("remediation", Remediation.AUTO)),
        scp=scp_settings.from_dict(data),
        enable_config=_flag(data, "enable_config"),
    )


def _flag(data: dict, key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise SettingsError.refuse(Refusal.NOT_A_BOOL, key=key)
    return value


def _enum(kind: Any, value: str) -> Any:
    """The member for a known value; an unknown one is kept as text for validate() to word."""
    try:
        return kind(value)
    except ValueError:
        return value


def to_dict(settings: Settings) -> dict:
    data: dict[str, Any] = {}
    if settings.profile:
        data["profile"] = settings.profile
    data["regions"] = list(settings.regions)
    data["email"] = settings.email
    data["language"] = settings.language
    data["watch"] = list(settings.watch)
    data["deployment"] = settings.deployment
    data["delivery"] = str(settings.delivery)
    if settings.home_region:
        data["home_region"] = settings.home_region
    data["notifications"] = str(settings.notifications)
    if settings.timezone:
        data["timezone"] = settings.timezone
    if settings.kms_key:
        data["kms_key"] = settings.kms_key
    if settings.compliance:
        data["compliance"] = list(settings.compliance)
        data["remediation"] = str(settings.remediation)
    if settings.enable_config:
        data["enable_config"] = True
    if settings.kms_keys:
        data["kms_keys"] = dict(settings.kms_keys)
    if settings.exceptions:
        data["exceptions"] = [{key: list(value) for key, value in (
            ("groups", e.groups), ("callers", e.callers), ("source_ips", e.source_ips)) if value}
            for e in settings.exceptions]
    if settings.scp != scp_settings.ScpSettings():
        data["scp"] = scp_settings.to_dict(settings.scp)
    return data


def load(path: Path) -> Settings:
    """Read and validate a settings file; every problem becomes a SettingsError."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # a BOM from Notepad is fine
    except OSError as exc:
        raise SettingsError.refuse(Refusal.UNREADABLE, path=str(path),
                                   cause=exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise SettingsError.refuse(Refusal.NOT_UTF8, path=str(path)) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError.refuse(Refusal.NOT_TOML, path=str(path), cause=str(exc)) from exc
    except RecursionError as exc:
        raise SettingsError.refuse(Refusal.TOO_DEEP, path=str(path)) from exc
    return validate(from_dict(data))


def save(settings: Settings, path: Path) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name of its own per writer (two windows or threads may save at once).
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(tomli_w.dumps(to_dict(settings)).encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
