"""The settings that drive both the wizard and the headless commands: TOML, validated."""

from __future__ import annotations

import re
import secrets
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from aws.catalog import Catalog, load_catalog, resolve_watch
from aws.errors import ErrorKind, SettingsError
from aws.regions import is_known_region

LANGUAGES = ("ja", "en")
# Deliberately simple: one @, a dot in the domain, no spaces; SNS does the final check.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
_DEPLOYMENT = re.compile(r"^[a-z0-9-]{1,32}$")
_KNOWN_KEYS = {"profile", "regions", "email", "language", "watch", "deployment", "kms_key"}


@dataclass(frozen=True)
class Settings:
    regions: tuple[str, ...]
    email: str
    watch: tuple[str, ...]
    language: str = "ja"
    profile: str | None = None
    deployment: str = "default"
    kms_key: str | None = None  # customer managed key id/ARN/alias for the topic; None = no SSE
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


def new_deployment_id() -> str:
    return "cw-" + secrets.token_hex(4)


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip())) and len(text.strip()) <= 254


def validate(settings: Settings, catalog: Catalog | None = None) -> Settings:
    """Refuse bad settings with one clear sentence, before any AWS call."""
    catalog = catalog or load_catalog()
    if not is_valid_email(settings.email):
        raise SettingsError(f"“{settings.email}” is not a valid email address")
    if not settings.regions:
        raise SettingsError("no regions are chosen; list at least one in `regions`",
                            ErrorKind.NO_REGION)
    unknown = [r for r in settings.regions if not is_known_region(r)]
    if unknown:
        raise SettingsError(f"unknown region {', '.join(unknown)}")
    if len(set(settings.regions)) != len(settings.regions):
        raise SettingsError("a region is listed twice in `regions`")
    if settings.language not in LANGUAGES:
        raise SettingsError(f"language must be “ja” or “en”, not “{settings.language}”")
    if not _DEPLOYMENT.match(settings.deployment):
        raise SettingsError("deployment must be 1-32 lowercase letters, digits or dashes")
    if not settings.watch:
        raise SettingsError("nothing is selected to watch", ErrorKind.NOTHING_SELECTED)
    resolve_watch(catalog, settings.watch)  # raises on unknown ids
    if settings.kms_key and settings.kms_key.rstrip("/").endswith("alias/aws/sns"):
        # https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
        raise SettingsError("kms_key alias/aws/sns cannot be used: EventBridge cannot publish "
                            "to a topic encrypted with the AWS managed key; name a customer "
                            "managed key or leave kms_key out")
    return settings


def from_dict(data: dict) -> Settings:
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise SettingsError(f"unknown setting {', '.join(unknown)}")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingsError(f"`{key}` must be a list of strings")
        return tuple(v.strip() for v in value)

    for key in ("email", "language", "profile", "deployment", "kms_key"):
        if key in data and not isinstance(data[key], str):
            raise SettingsError(f"`{key}` must be a string")
    return Settings(
        regions=strings("regions"),
        email=data.get("email", "").strip(),
        watch=strings("watch"),
        language=data.get("language", "ja"),
        profile=data.get("profile") or None,
        deployment=data.get("deployment", "default"),
        kms_key=data.get("kms_key") or None,
    )


def to_dict(settings: Settings) -> dict:
    data: dict = {}
    if settings.profile:
        data["profile"] = settings.profile
    data["regions"] = list(settings.regions)
    data["email"] = settings.email
    data["language"] = settings.language
    data["watch"] = list(settings.watch)
    data["deployment"] = settings.deployment
    if settings.kms_key:
        data["kms_key"] = settings.kms_key
    return data


def load(path: Path) -> Settings:
    """Read and validate a settings file; every problem becomes a SettingsError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(f"cannot read {path} ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path} is not UTF-8 text") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path} is not valid TOML ({exc})") from exc
    return validate(from_dict(data))


def save(settings: Settings, path: Path) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(tomli_w.dumps(to_dict(settings)).encode("utf-8"))
    tmp.replace(path)
