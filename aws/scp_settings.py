"""The [scp] settings: which admin roles the SCP leaves out, and where it is attached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from aws.errors import SettingsError
from aws.refusals import Refusal

# arn:<partition>:iam::<account or *>:role/<path/><name>; IAM names allow [\w+=,.@-], a path
# adds "/", and ArnLike patterns add * and ?.
_ROLE_PATTERN = re.compile(
    r"arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}|\*):role/[\w+=,.@/*?-]{1,512}")
# A root, an OU or an account: the ids AttachPolicy takes.
_TARGET = re.compile(r"r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|\d{12}")


@dataclass(frozen=True)
class ScpSettings:
    admin_roles: tuple[str, ...] = ()
    target: str | None = None


def check_admin_role(pattern: str) -> None:
    """Refuse a pattern that is not a role ARN, or that exempts every role."""
    if not _ROLE_PATTERN.fullmatch(pattern):
        raise SettingsError.refuse(Refusal.SCP_BAD_ADMIN, value=pattern)
    name = pattern.split(":role/", 1)[1]
    if not name.strip("*?/"):
        raise SettingsError.refuse(Refusal.SCP_ADMIN_TOO_BROAD, value=pattern)


def check_target(target: str) -> None:
    if not _TARGET.fullmatch(target):
        raise SettingsError.refuse(Refusal.SCP_BAD_TARGET, value=target)


def validate(scp: ScpSettings) -> ScpSettings:
    for pattern in scp.admin_roles:
        check_admin_role(pattern)
    if scp.target is not None:
        check_target(scp.target)
    return scp


def from_dict(data: dict) -> ScpSettings:
    """The [scp] table of a settings file (absent: no SCP settings)."""
    table = data.get("scp", {})
    if not isinstance(table, dict) or set(table) - {"admin_roles", "target"}:
        raise SettingsError.refuse(Refusal.SCP_NOT_A_TABLE)
    roles = table.get("admin_roles", [])
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise SettingsError.refuse(Refusal.NOT_A_LIST, key="scp.admin_roles")
    target = table.get("target")
    if target is not None and not isinstance(target, str):
        raise SettingsError.refuse(Refusal.NOT_A_STRING, key="scp.target")
    return ScpSettings(tuple(r.strip() for r in roles), (target or "").strip() or None)


def to_dict(scp: ScpSettings) -> dict[str, Any]:
    data: dict[str, Any] = {"admin_roles": list(scp.admin_roles)}
    if scp.target:
        data["target"] = scp.target
    return data
