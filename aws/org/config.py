"""The `[organization]` table of the settings file: where the StackSet deploys, and how fast.

```toml
[organization]
ous = ["ou-ab12-cdef3456"]        # default: the organization's root (every account)
regions = ["ap-northeast-1"]      # default: the settings' regions (+ us-east-1 for global groups)
central_profile = "security"      # default: the profile that runs the command
failure_tolerance_percentage = 10 # of accounts per region that may fail before it stops
max_concurrent_percentage = 25    # of accounts deployed at once per region
template_bucket = "my-bucket"     # a bucket of the central account in the home region, used
                                  # when the central template is over 51,200 bytes
```
https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-concepts.html#stackset-ops-options
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from aws.errors import SettingsError
from aws.regions import is_known_region

_KEYS = {"ous", "regions", "central_profile", "failure_tolerance_percentage",
         "max_concurrent_percentage", "template_bucket"}


@dataclass(frozen=True)
class OrgSettings:
    ous: tuple[str, ...] = ()  # empty: the root
    regions: tuple[str, ...] = ()  # empty: the settings' regions
    central_profile: str | None = None
    failure_tolerance_percentage: int = 10
    max_concurrent_percentage: int = 25
    template_bucket: str | None = None

    def preferences(self) -> dict:
        """CreateStackInstances' OperationPreferences: regions in parallel, accounts paced."""
        return {"RegionConcurrencyType": "PARALLEL",
                "FailureTolerancePercentage": self.failure_tolerance_percentage,
                "MaxConcurrentPercentage": self.max_concurrent_percentage}


def _percentage(data: dict, key: str, default: int, low: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= 100:
        raise SettingsError(f"organization.{key} must be a whole number from {low} to 100")
    return value


def from_dict(data: dict) -> OrgSettings:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise SettingsError(f"unknown setting organization.{unknown[0]}")
    ous = tuple(data.get("ous", ()))
    regions = tuple(data.get("regions", ()))
    if not all(isinstance(o, str) and o.startswith(("ou-", "r-")) for o in ous):
        raise SettingsError("organization.ous lists OU ids (ou-…) or the root id (r-…)")
    bad = [r for r in regions if not is_known_region(r)]
    if bad:
        raise SettingsError(f"organization.regions: unknown region {bad[0]}")
    profile, bucket = data.get("central_profile"), data.get("template_bucket")
    return OrgSettings(ous, regions, profile if isinstance(profile, str) else None,
                       _percentage(data, "failure_tolerance_percentage", 10, 0),
                       _percentage(data, "max_concurrent_percentage", 25, 1),
                       bucket if isinstance(bucket, str) and bucket else None)


def load(path: Path) -> OrgSettings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    table = data.get("organization", {})
    if not isinstance(table, dict):
        raise SettingsError("[organization] must be a table")
    return from_dict(table)
